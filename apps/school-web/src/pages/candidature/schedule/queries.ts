/** The audit-day schedule, computed by the domain's generator on the API (`auditDaySchedule`). */
import { graphql } from "../../../gql";

export const AuditDayScheduleQuery = graphql(`
  query AuditDaySchedulePreview($criteria: [String!]!, $options: AuditDayScheduleOptionsInput) {
    auditDaySchedule(criteria: $criteria, options: $options) {
      start
      end
      totalMinutes
      slots {
        kind
        start
        end
        durationMinutes
        criterionCode
        title
      }
    }
  }
`);
