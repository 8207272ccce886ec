/**
 * A candidature's deadlines still to be met, as the domain lists them (`procedureDeadlines`: which
 * deadlines the state leaves open), split into overdue and upcoming against today's date in Paris.
 */
import { procedureDeadlines, type ProcedureDeadline, type ReminderParty } from "@ldm/domain";
import { todayLocalDate } from "@ldm/ui";
import type { CandidatureState } from "../gql/graphql";

export interface DeadlineSource {
  id: string;
  state: CandidatureState;
  auditDate?: string | null;
  publicationDate?: string | null;
  members: readonly { isLead: boolean; establishment: { id: string } }[];
}

export interface DeadlineStatusOptions {
  /** Today's civil date in Paris (default: now). */
  today?: string;
  /** Only the deadlines that concern one of these parties (default: every deadline). */
  parties?: readonly ReminderParty[];
  /** A renewal of this label has been engaged (its start is met), and labelled (its expiry is met). */
  renewal?: { engaged: boolean; labelled: boolean };
}

export interface DeadlineStatus {
  /** Passed and not met: the procedure is late. */
  overdue: ProcedureDeadline[];
  /** From today on, the nearest first. */
  upcoming: ProcedureDeadline[];
}

/**
 * What the API does not tell yet (the audit plan sent, the report finalised, the audit's commitments)
 * is read from the state alone, which the domain does when they are unknown.
 */
export function deadlineStatus(
  c: DeadlineSource,
  {
    today = todayLocalDate(),
    parties,
    renewal = { engaged: false, labelled: false },
  }: DeadlineStatusOptions = {},
): DeadlineStatus {
  const lead = c.members.find((m) => m.isLead) ?? c.members[0];
  const pending = procedureDeadlines({
    candidatureId: c.id,
    state: c.state,
    memberEstablishmentIds: c.members.map((m) => m.establishment.id),
    leadEstablishmentId: lead?.establishment.id ?? "",
    auditDate: c.auditDate ?? null,
    publicationDate: c.publicationDate ?? null,
    auditPlanSubmitted: false,
    auditReportFinalised: false,
    renewalEngaged: renewal.engaged,
    renewalLabelled: renewal.labelled,
    commitments: [],
  }).filter((d) => !parties || d.parties.some((p) => parties.includes(p)));
  return {
    overdue: pending.filter((d) => d.date < today),
    upcoming: pending.filter((d) => d.date >= today),
  };
}
