/**
 * Rules for setting or changing a candidature's audit date. The dossier is due two months before the
 * audit whenever the date is set or changed, before or after the submission; the audit falls on a
 * working day after today; after the audit plan is received, the audit can still be postponed.
 */
import {
  formatFrenchDateWithWeekday,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingDayReason,
} from "./calendar";
import { addMonths, compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import {
  auditPlanDueDate,
  candidatureDeadlines,
  dossierDueDate,
  DOSSIER_LEAD_MONTHS,
  type Deadline,
} from "./deadlines";
import { DomainError } from "./errors";
import { CANDIDATURE_STATE_LABELS, type CandidatureState } from "./lifecycle";

/** States in which the audit date may be set or changed (up to the audit itself). */
export const AUDIT_DATE_STATES: readonly CandidatureState[] = [
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
];

/** States in which the audit date can only be postponed (moved to a later date). */
export const AUDIT_POSTPONE_ONLY_STATES: readonly CandidatureState[] = ["AUDIT_PLAN_RECEIVED"];

/** States in which the dossier has been submitted. */
const SUBMITTED_STATES: readonly CandidatureState[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
];

export interface AuditDateInput {
  /** The audit date asked for. */
  auditDate: IsoDate;
  today: IsoDate;
  /** The day the dossier was submitted (Paris date), or null while it is not. */
  submittedOn: IsoDate | null;
  /** The candidature's state; when given, the states in which the date may change are checked. */
  state?: CandidatureState;
  /** The audit date set until now, if any (required to postpone after the audit plan was received). */
  currentAuditDate?: IsoDate | null;
}

export interface AuditDateDecision {
  auditDate: IsoDate;
  /** Last day to submit the dossier for this audit date (audit − 2 months). */
  dossierDueDate: IsoDate;
  /** Last day to send the audit plan for this audit date (audit − 14 days). */
  auditPlanDueDate: IsoDate;
  /** True when the date replaces an earlier audit date with a later one. */
  postponed: boolean;
  /** The deadlines recomputed from the new date (`candidatureDeadlines`). */
  deadlines: Deadline[];
}

/**
 * The earliest audit date the rules allow from today: the first working day after today whose dossier
 * due date is not before today (not yet submitted) or not before the submission day (submitted).
 */
export function earliestAuditDate(input: { today: IsoDate; submittedOn: IsoDate | null }): IsoDate {
  parseIsoDate(input.today);
  const floor = input.submittedOn ?? input.today;
  parseIsoDate(floor);
  // addMonths clamps to the end of month: start near the answer and walk forward.
  let day = addMonths(floor, DOSSIER_LEAD_MONTHS);
  if (compareIsoDates(day, input.today) <= 0) day = input.today;
  if (!isWorkingDay(day) || compareIsoDates(day, input.today) <= 0) day = nextWorkingDay(day);
  while (compareIsoDates(dossierDueDate(day), floor) < 0) day = nextWorkingDay(day);
  return day;
}

/**
 * Checks an audit date being set or changed and returns its deadlines. Throws a French DomainError:
 * - INVALID_TRANSITION: the state no longer allows it (from the audit on), or the audit plan has been
 *   received and the new date is not later than the current one (only a postponement is possible);
 * - BAD_USER_INPUT: the date is not after today, or not a working day (it names the day and why:
 *   « le lundi 25 mai 2026 est férié (lundi de Pentecôte) »), or the state says submitted without a
 *   submission day;
 * - DEADLINE_PASSED: not yet submitted and the dossier due date (audit − 2 months) is already past; or
 *   submitted after the dossier due date of the new audit date (the new date is too close to the
 *   submission). The message gives the earliest possible audit date.
 */
export function assertAuditDate(input: AuditDateInput): AuditDateDecision {
  const { auditDate, today, submittedOn } = input;
  parseIsoDate(auditDate);
  parseIsoDate(today);
  if (submittedOn !== null) parseIsoDate(submittedOn);
  const current = input.currentAuditDate ?? null;
  if (current !== null) parseIsoDate(current);

  const state = input.state;
  if (state !== undefined) {
    if (!AUDIT_DATE_STATES.includes(state)) {
      throw new DomainError(
        "INVALID_TRANSITION",
        `La date de l'audit ne peut plus être fixée ni modifiée dans l'état « ${CANDIDATURE_STATE_LABELS[state]} ».`,
        { state, auditDate },
      );
    }
    if (AUDIT_POSTPONE_ONLY_STATES.includes(state)) {
      if (current === null || compareIsoDates(auditDate, current) <= 0) {
        throw new DomainError(
          "INVALID_TRANSITION",
          current === null
            ? "Le plan d'audit a été reçu : l'audit ne peut plus qu'être reporté, et aucune date d'audit n'était fixée."
            : `Le plan d'audit a été reçu : l'audit prévu le ${formatFrenchDateWithWeekday(current)} ne peut plus qu'être reporté à une date ultérieure.`,
          { state, auditDate, currentAuditDate: current },
        );
      }
    }
    if (SUBMITTED_STATES.includes(state) && submittedOn === null) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le dossier est déposé (état « ${CANDIDATURE_STATE_LABELS[state]} ») : sa date de dépôt est requise pour vérifier la date de l'audit.`,
        { state, auditDate },
      );
    }
  }

  const day = formatFrenchDateWithWeekday(auditDate);
  if (compareIsoDates(auditDate, today) <= 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `La date de l'audit (${day}) doit être postérieure à aujourd'hui (${formatFrenchDate(today)}).`,
      { auditDate, today, reason: "NOT_IN_FUTURE" },
    );
  }
  const reason = nonWorkingDayReason(auditDate);
  if (reason !== null) {
    const next = nextWorkingDay(auditDate);
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'audit doit avoir lieu un jour ouvré : le ${day} ${reason}. Jour ouvré suivant : le ${formatFrenchDateWithWeekday(next)}.`,
      { auditDate, reason: "NOT_A_WORKING_DAY", nextWorkingDay: next },
    );
  }

  const due = dossierDueDate(auditDate);
  if (submittedOn === null) {
    if (compareIsoDates(due, today) < 0) {
      const earliest = earliestAuditDate({ today, submittedOn });
      throw new DomainError(
        "DEADLINE_PASSED",
        `Pour un audit le ${day}, le dossier aurait dû être déposé au plus tard le ${formatFrenchDate(due)}, deux mois avant : cette date est passée. L'audit peut avoir lieu au plus tôt le ${formatFrenchDateWithWeekday(earliest)}.`,
        {
          auditDate,
          dossierDueDate: due,
          earliestAuditDate: earliest,
          reason: "DOSSIER_DUE_PASSED",
        },
      );
    }
  } else if (compareIsoDates(submittedOn, due) > 0) {
    const earliest = earliestAuditDate({ today, submittedOn });
    throw new DomainError(
      "DEADLINE_PASSED",
      `Le dossier a été déposé le ${formatFrenchDate(submittedOn)} : un audit le ${day} est trop proche, le dossier devant être déposé deux mois avant l'audit (au plus tard le ${formatFrenchDate(due)}). L'audit peut avoir lieu au plus tôt le ${formatFrenchDateWithWeekday(earliest)}.`,
      {
        auditDate,
        submittedOn,
        dossierDueDate: due,
        earliestAuditDate: earliest,
        reason: "TOO_CLOSE_TO_SUBMISSION",
      },
    );
  }

  return {
    auditDate,
    dossierDueDate: due,
    auditPlanDueDate: auditPlanDueDate(auditDate),
    postponed: current !== null && compareIsoDates(auditDate, current) > 0,
    deadlines: candidatureDeadlines({ auditDate, publicationDate: null }),
  };
}
