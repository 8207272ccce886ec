/**
 * The candidature's audit-day programme, computed by the domain's generator on the API
 * (`Candidature.auditDaySchedule`): its criteria, each presented by its pilots (the speakers).
 */
import { graphql } from "../../../gql";

export const AuditDayScheduleQuery = graphql(`
  query CandidatureAuditDaySchedule($id: ID!, $options: AuditDayScheduleOptionsInput) {
    candidature(id: $id) {
      id
      auditDaySchedule(options: $options) {
        start
        end
        totalMinutes
        criteriaWithoutPilot
        slots {
          kind
          start
          end
          durationMinutes
          criterionCode
          title
          speakers
        }
      }
    }
  }
`);
