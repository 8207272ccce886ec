import {
  addDays,
  parseIsoDate,
  addMonths,
  addYears,
  compareIsoDates,
  formatFrenchDate,
  type IsoDate,
} from "./dates";

/** The dossier is submitted at the latest 2 months before the audit. */
export const DOSSIER_LEAD_MONTHS = 2;
/** The audit plan is sent at the latest 2 weeks before the audit. */
export const AUDIT_PLAN_LEAD_DAYS = 14;
/** The label lasts 5 years from its publication in the BOEN. */
export const LABEL_VALIDITY_YEARS = 5;
/** The mid-term follow-up (suivi intermédiaire) is due half-way: 30 months after publication. */
export const MID_TERM_REVIEW_MONTHS = 30;
/** The renewal should be engaged 12 months before the label expires. */
export const RENEWAL_LEAD_MONTHS = 12;

/** Last day to submit the dossier (inclusive). */
export function dossierDueDate(auditDate: IsoDate): IsoDate {
  return addMonths(auditDate, -DOSSIER_LEAD_MONTHS);
}

/** Last day to send the audit plan (inclusive). */
export function auditPlanDueDate(auditDate: IsoDate): IsoDate {
  return addDays(auditDate, -AUDIT_PLAN_LEAD_DAYS);
}

/** The label is valid while today < expiry date. */
export function labelExpiryDate(publicationDate: IsoDate): IsoDate {
  return addYears(publicationDate, LABEL_VALIDITY_YEARS);
}

export function midTermReviewDueDate(publicationDate: IsoDate): IsoDate {
  return addMonths(publicationDate, MID_TERM_REVIEW_MONTHS);
}

/** When the renewal should be engaged: expiry − 12 months. */
export function renewalStartDate(publicationDate: IsoDate): IsoDate {
  return addMonths(labelExpiryDate(publicationDate), -RENEWAL_LEAD_MONTHS);
}

export type DeadlineKind =
  "DOSSIER_DUE" | "AUDIT_PLAN_DUE" | "AUDIT" | "LABEL_EXPIRY" | "MID_TERM_REVIEW" | "RENEWAL_START";

export interface Deadline {
  kind: DeadlineKind;
  date: IsoDate;
  label: string;
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  DOSSIER_DUE: "Date limite de dépôt du dossier",
  AUDIT_PLAN_DUE: "Date limite d'envoi du plan d'audit",
  AUDIT: "Audit",
  LABEL_EXPIRY: "Fin de validité du label",
  MID_TERM_REVIEW: "Suivi intermédiaire",
  RENEWAL_START: "Engagement du renouvellement",
};

function deadline(kind: DeadlineKind, date: IsoDate): Deadline {
  return { kind, date, label: `${DEADLINE_KIND_LABELS[kind]} : ${formatFrenchDate(date)}` };
}

/** Every known deadline of a candidature, sorted by date. */
export function candidatureDeadlines(input: {
  auditDate: IsoDate | null;
  publicationDate: IsoDate | null;
}): Deadline[] {
  const result: Deadline[] = [];
  if (input.auditDate !== null) {
    result.push(deadline("DOSSIER_DUE", dossierDueDate(input.auditDate)));
    result.push(deadline("AUDIT_PLAN_DUE", auditPlanDueDate(input.auditDate)));
    result.push(deadline("AUDIT", input.auditDate));
  }
  if (input.publicationDate !== null) {
    result.push(deadline("MID_TERM_REVIEW", midTermReviewDueDate(input.publicationDate)));
    result.push(deadline("RENEWAL_START", renewalStartDate(input.publicationDate)));
    result.push(deadline("LABEL_EXPIRY", labelExpiryDate(input.publicationDate)));
  }
  return result.sort((a, b) => compareIsoDates(a.date, b.date));
}

/** True when no audit date is fixed yet, or today <= dossier due date. */
export function canSubmitDossier(today: IsoDate, auditDate: IsoDate | null): boolean {
  if (auditDate === null) {
    parseIsoDate(today); // still rejects an invalid `today`
    return true;
  }
  return compareIsoDates(today, dossierDueDate(auditDate)) <= 0;
}

/** The audit date is required; true when today <= audit plan due date. */
export function canSendAuditPlan(today: IsoDate, auditDate: IsoDate | null): boolean {
  if (auditDate === null) return false;
  return compareIsoDates(today, auditPlanDueDate(auditDate)) <= 0;
}
