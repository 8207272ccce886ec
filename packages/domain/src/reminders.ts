/**
 * Every party's upcoming deadlines, and when to remind them.
 *
 * From a candidature's facts (state, audit date, BOEN publication, commitments…) the domain lists the
 * deadlines still to be met (`procedureDeadlines`), who is concerned by each one (`ReminderParty`,
 * resolved to accounts by `recipientsOf`), and on which days a reminder is due (`dueReminders`, from
 * configurable offsets in days before the deadline). Texts are French.
 *
 * A reminder for offset `o` is due while the days left `d` satisfy `next < d ≤ o`, where `next` is the
 * next smaller offset of the same kind (−1 for the smallest): a scan that missed a day still sends the
 * latest reminder it owes, never an older one, and never more than one per deadline and day. Whoever
 * sends them keys each one by (recipient, `reminderKey`) so that it goes out once.
 */
import { addDays, compareIsoDates, daysBetween, formatFrenchDate, type IsoDate } from "./dates";
import {
  auditPlanDueDate,
  dossierDueDate,
  labelExpiryDate,
  midTermReviewDueDate,
  renewalStartDate,
} from "./deadlines";
import { AUDITOR_VISIBLE_STATES, type Role } from "./authorization";
import { DomainError } from "./errors";
import type { CandidatureState } from "./lifecycle";

/**
 * The audit report is due 4 weeks after the audit (a platform rule: the guide sets no delay; four weeks
 * leave the GRALM its next session).
 */
export const AUDIT_REPORT_DUE_WEEKS = 4;

/** Last day for the lead auditor to finalise the audit report. */
export function auditReportDueDate(auditDate: IsoDate): IsoDate {
  return addDays(auditDate, AUDIT_REPORT_DUE_WEEKS * 7);
}

export type ProcedureDeadlineKind =
  | "DOSSIER_DUE"
  | "AUDIT_PLAN_DUE"
  | "AUDIT"
  | "AUDIT_REPORT_DUE"
  | "COMMITMENT_DUE"
  | "MID_TERM_REVIEW"
  | "RENEWAL_START"
  | "LABEL_EXPIRY";

/** In the order of the procedure (ties between deadlines on one day follow it). */
export const PROCEDURE_DEADLINE_KINDS: readonly ProcedureDeadlineKind[] = [
  "DOSSIER_DUE",
  "AUDIT_PLAN_DUE",
  "AUDIT",
  "AUDIT_REPORT_DUE",
  "COMMITMENT_DUE",
  "MID_TERM_REVIEW",
  "RENEWAL_START",
  "LABEL_EXPIRY",
];

export const PROCEDURE_DEADLINE_LABELS: Record<ProcedureDeadlineKind, string> = {
  DOSSIER_DUE: "Date limite de dépôt du dossier",
  AUDIT_PLAN_DUE: "Date limite d'envoi du plan d'audit",
  AUDIT: "Journée d'audit",
  AUDIT_REPORT_DUE: "Date limite de remise du rapport d'audit",
  COMMITMENT_DUE: "Échéance d'un engagement",
  MID_TERM_REVIEW: "Suivi intermédiaire du label",
  RENEWAL_START: "Engagement du renouvellement du label",
  LABEL_EXPIRY: "Fin de validité du label",
};

/** Who a deadline concerns. */
export type ReminderParty =
  /** The heads of the establishments concerned (every co-applicant, or one for its commitment). */
  | "SCHOOL_HEADS"
  /** The head of the lead establishment (établissement porteur). */
  | "LEAD_HEAD"
  /** The regional label team. */
  | "DRAFPIC"
  /** Every auditor assigned to the candidature. */
  | "AUDIT_TEAM"
  /** The lead auditor (auditeur principal); the whole team while none is named. */
  | "LEAD_AUDITOR"
  /** The establishments' inspecteurs référents. */
  | "REFERENT_INSPECTORS";

export const REMINDER_PARTY_LABELS: Record<ReminderParty, string> = {
  SCHOOL_HEADS: "Chefs des établissements concernés",
  LEAD_HEAD: "Chef de l'établissement porteur",
  DRAFPIC: "Équipe régionale du label (DRAFPIC)",
  AUDIT_TEAM: "Équipe d'audit",
  LEAD_AUDITOR: "Auditeur principal",
  REFERENT_INSPECTORS: "Inspecteurs référents",
};

/** Who each kind of deadline concerns. */
export const DEADLINE_PARTIES: Readonly<Record<ProcedureDeadlineKind, readonly ReminderParty[]>> = {
  DOSSIER_DUE: ["SCHOOL_HEADS"],
  AUDIT_PLAN_DUE: ["LEAD_HEAD"],
  AUDIT: ["SCHOOL_HEADS", "AUDIT_TEAM", "DRAFPIC"],
  AUDIT_REPORT_DUE: ["LEAD_AUDITOR", "DRAFPIC"],
  COMMITMENT_DUE: ["SCHOOL_HEADS"],
  MID_TERM_REVIEW: ["SCHOOL_HEADS", "REFERENT_INSPECTORS", "DRAFPIC"],
  RENEWAL_START: ["SCHOOL_HEADS", "DRAFPIC"],
  LABEL_EXPIRY: ["SCHOOL_HEADS", "DRAFPIC"],
};

/** Roles of the regional label team (the `DRAFPIC` party). */
export const REGIONAL_TEAM_ROLES: readonly Role[] = ["DRAFPIC"];

/** A commitment (engagement) taken at the audit, with its owner establishment and deadline. */
export interface CommitmentFacts {
  id: string;
  /** What is committed to (shown in the reminder). */
  title: string;
  deadline: IsoDate | null;
  /** The establishment that committed; null: the whole candidature (every co-applicant). */
  establishmentId: string | null;
  /** Met (recorded at the mid-term follow-up or before): no more reminders. */
  fulfilled: boolean;
}

/** What the deadlines of one candidature depend on. */
export interface DeadlineFacts {
  candidatureId: string;
  state: CandidatureState;
  memberEstablishmentIds: readonly string[];
  leadEstablishmentId: string;
  auditDate: IsoDate | null;
  /** BOEN publication of the label (start of its five years). */
  publicationDate: IsoDate | null;
  /** The audit plan has been sent (whatever the state says). */
  auditPlanSubmitted: boolean;
  /** The audit report is final (whatever the state says). */
  auditReportFinalised: boolean;
  /** A renewal candidature has been engaged from this one's label. */
  renewalEngaged: boolean;
  /** That renewal is labelled: the new label takes over, this one's expiry is no longer a deadline. */
  renewalLabelled: boolean;
  commitments: readonly CommitmentFacts[];
}

/** One deadline still to be met. */
export interface ProcedureDeadline {
  /** Stable identity of the deadline at this date: a new date is a new deadline (new reminders). */
  key: string;
  kind: ProcedureDeadlineKind;
  date: IsoDate;
  candidatureId: string;
  /** Establishments concerned (every co-applicant, or the one of a commitment). */
  establishmentIds: readonly string[];
  parties: readonly ReminderParty[];
  /** French title: « Date limite de dépôt du dossier », « Échéance de l'engagement « … » ». */
  title: string;
  /** The commitment of a COMMITMENT_DUE deadline. */
  commitmentId: string | null;
}

const BEFORE_SUBMISSION: ReadonlySet<CandidatureState> = new Set(["ENGAGEMENT", "DOSSIER_OPEN"]);
const BEFORE_PLAN: ReadonlySet<CandidatureState> = new Set(["SUBMITTED", "PREPARATORY_VISIT_DONE"]);
const BEFORE_AUDIT: ReadonlySet<CandidatureState> = new Set([
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
]);
/** From the audit (commitments are taken at its conclusions) while the procedure or the label runs. */
const COMMITMENTS_RUN: ReadonlySet<CandidatureState> = new Set([
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
  "RECTOR_APPROVED",
  "LABELLED",
  "MID_TERM_REVIEWED",
]);
const LABEL_RUNS: ReadonlySet<CandidatureState> = new Set(["LABELLED", "MID_TERM_REVIEWED"]);

const KIND_ORDER: Record<ProcedureDeadlineKind, number> = Object.fromEntries(
  PROCEDURE_DEADLINE_KINDS.map((k, i) => [k, i]),
) as Record<ProcedureDeadlineKind, number>;

/** Date, then the procedure's order, then the key: a total order. */
export function compareDeadlines(a: ProcedureDeadline, b: ProcedureDeadline): number {
  return (
    compareIsoDates(a.date, b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Every deadline of the candidature that is still to be met, whatever its date, sorted. */
export function procedureDeadlines(facts: DeadlineFacts): ProcedureDeadline[] {
  const result: ProcedureDeadline[] = [];
  const everyone = facts.memberEstablishmentIds;
  const add = (
    kind: ProcedureDeadlineKind,
    date: IsoDate,
    extra: { establishmentIds?: readonly string[]; title?: string; commitmentId?: string } = {},
  ) => {
    const subject = extra.commitmentId ? `:${extra.commitmentId}` : "";
    result.push({
      key: `${facts.candidatureId}:${kind}${subject}:${date}`,
      kind,
      date,
      candidatureId: facts.candidatureId,
      establishmentIds: extra.establishmentIds ?? everyone,
      parties: DEADLINE_PARTIES[kind],
      title: extra.title ?? PROCEDURE_DEADLINE_LABELS[kind],
      commitmentId: extra.commitmentId ?? null,
    });
  };
  const { state, auditDate, publicationDate } = facts;
  if (auditDate !== null) {
    if (BEFORE_SUBMISSION.has(state)) add("DOSSIER_DUE", dossierDueDate(auditDate));
    if (BEFORE_PLAN.has(state) && !facts.auditPlanSubmitted)
      add("AUDIT_PLAN_DUE", auditPlanDueDate(auditDate));
    if (BEFORE_AUDIT.has(state)) add("AUDIT", auditDate);
    if (state === "AUDITED" && !facts.auditReportFinalised)
      add("AUDIT_REPORT_DUE", auditReportDueDate(auditDate));
  }
  if (COMMITMENTS_RUN.has(state)) {
    for (const c of facts.commitments) {
      if (c.fulfilled || c.deadline === null) continue;
      add("COMMITMENT_DUE", c.deadline, {
        establishmentIds: c.establishmentId ? [c.establishmentId] : everyone,
        title: `Échéance de l'engagement « ${c.title} »`,
        commitmentId: c.id,
      });
    }
  }
  if (publicationDate !== null && LABEL_RUNS.has(state)) {
    if (state === "LABELLED") add("MID_TERM_REVIEW", midTermReviewDueDate(publicationDate));
    if (!facts.renewalEngaged) add("RENEWAL_START", renewalStartDate(publicationDate));
    if (!facts.renewalLabelled) add("LABEL_EXPIRY", labelExpiryDate(publicationDate));
  }
  return result.sort(compareDeadlines);
}

/** The deadlines from today on (within `withinDays` days when given), sorted. */
export function upcomingDeadlines(
  facts: DeadlineFacts,
  today: IsoDate,
  withinDays?: number,
): ProcedureDeadline[] {
  return procedureDeadlines(facts).filter((d) => {
    const left = daysBetween(today, d.date);
    return left >= 0 && (withinDays === undefined || left <= withinDays);
  });
}

// ---------------------------------------------------------------------------------------------
// When to remind

/** Days before the deadline on which a reminder is due, per kind (configurable data). */
export type ReminderOffsets = Readonly<Record<ProcedureDeadlineKind, readonly number[]>>;

/**
 * The default reminders: 30, 7 and 1 days before the dossier is due; 14, 7 and 1 days before the audit
 * plan is; a week and the day before the audit and the report; a month and a week before a
 * commitment; two months, one and a week before the mid-term follow-up; three months, one and a week
 * before the renewal should be engaged; six, three and one month before the label expires.
 */
export const DEFAULT_REMINDER_OFFSETS: ReminderOffsets = {
  DOSSIER_DUE: [30, 7, 1],
  AUDIT_PLAN_DUE: [14, 7, 1],
  AUDIT: [7, 1],
  AUDIT_REPORT_DUE: [7, 1],
  COMMITMENT_DUE: [30, 7],
  MID_TERM_REVIEW: [60, 30, 7],
  RENEWAL_START: [90, 30, 7],
  LABEL_EXPIRY: [180, 90, 30],
};

/** Refuses offsets that are not distinct whole numbers of days from 0 to 3 650, per kind. */
export function assertReminderOffsets(offsets: ReminderOffsets): void {
  for (const kind of PROCEDURE_DEADLINE_KINDS) {
    const list = offsets[kind];
    const valid =
      Array.isArray(list) &&
      list.every((o) => Number.isInteger(o) && o >= 0 && o <= 3650) &&
      new Set(list).size === list.length;
    if (!valid) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Les délais de rappel de « ${PROCEDURE_DEADLINE_LABELS[kind]} » doivent être des nombres entiers de jours distincts, de 0 à 3 650.`,
        { kind, offsets: list },
      );
    }
  }
}

/**
 * The offset whose reminder is due when `daysLeft` days remain, or null: the smallest offset `o` with
 * `daysLeft ≤ o`, provided `daysLeft ≥ 0`.
 */
export function offsetDue(offsets: readonly number[], daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  let due: number | null = null;
  for (const o of offsets) if (daysLeft <= o && (due === null || o < due)) due = o;
  return due;
}

/** A reminder due today about one deadline. */
export interface DueReminder {
  deadline: ProcedureDeadline;
  /** The offset (days before the deadline) this reminder stands for. */
  offsetDays: number;
  /** Days actually left (≤ offsetDays: a late scan still sends it). */
  daysLeft: number;
}

/** Identity of a reminder (per deadline and offset); the sender adds the recipient. */
export function reminderKey(reminder: DueReminder): string {
  return `${reminder.deadline.key}:J-${reminder.offsetDays}`;
}

/** The reminders due today for one candidature, at most one per deadline, sorted by deadline. */
export function dueReminders(
  facts: DeadlineFacts,
  today: IsoDate,
  offsets: ReminderOffsets = DEFAULT_REMINDER_OFFSETS,
): DueReminder[] {
  const due: DueReminder[] = [];
  for (const deadline of procedureDeadlines(facts)) {
    const daysLeft = daysBetween(today, deadline.date);
    const offsetDays = offsetDue(offsets[deadline.kind], daysLeft);
    if (offsetDays !== null) due.push({ deadline, offsetDays, daysLeft });
  }
  return due;
}

// ---------------------------------------------------------------------------------------------
// Who

/** An account that may be concerned by a candidature's deadlines. */
export interface ConcernedAccount {
  userId: string;
  role: Role;
  establishmentId: string | null;
  active: boolean;
}

/** The accounts around one candidature. */
export interface DeadlinePeople {
  /** School accounts of the co-applicants, the regional team, the auditors (others are ignored). */
  accounts: readonly ConcernedAccount[];
  /** Auditors assigned to the candidature. */
  auditTeamIds: readonly string[];
  leadAuditorId: string | null;
  /** Accounts of the establishments' inspecteurs référents, when they have one. */
  referentInspectorIds: readonly string[];
}

/** The active accounts a deadline concerns (unique, in the order of `people.accounts`). */
export function recipientsOf(
  deadline: ProcedureDeadline,
  leadEstablishmentId: string,
  people: DeadlinePeople,
): string[] {
  const wanted = new Set<string>();
  const concerned = new Set(deadline.establishmentIds);
  for (const party of deadline.parties) {
    for (const a of people.accounts) {
      const matches =
        party === "SCHOOL_HEADS"
          ? a.role === "SCHOOL_HEAD" &&
            a.establishmentId !== null &&
            concerned.has(a.establishmentId)
          : party === "LEAD_HEAD"
            ? a.role === "SCHOOL_HEAD" && a.establishmentId === leadEstablishmentId
            : party === "DRAFPIC"
              ? REGIONAL_TEAM_ROLES.includes(a.role)
              : party === "AUDIT_TEAM"
                ? people.auditTeamIds.includes(a.userId)
                : party === "LEAD_AUDITOR"
                  ? people.leadAuditorId !== null
                    ? a.userId === people.leadAuditorId
                    : people.auditTeamIds.includes(a.userId)
                  : people.referentInspectorIds.includes(a.userId);
      if (matches) wanted.add(a.userId);
    }
  }
  return people.accounts
    .filter((a) => a.active && wanted.has(a.userId))
    .map((a) => a.userId)
    .filter((id, i, all) => all.indexOf(id) === i);
}

// ---------------------------------------------------------------------------------------------
// Who hears of a step of the procedure

/** Whom a step of the procedure is told: the schools, the audit team, the regional team. */
export type NotificationAudience = "SCHOOL" | "AUDIT_TEAM" | "DRAFPIC";

/**
 * Whether `account` is told of a step of a candidature's procedure: the school accounts of its
 * establishments (heads and steering team), its auditors once they may read the dossier (from the
 * submission), the regional team — among the `audience` of the step.
 */
export function hearsOfProcedureStep(
  account: ConcernedAccount,
  audience: readonly NotificationAudience[],
  candidature: {
    state: CandidatureState;
    memberEstablishmentIds: readonly string[];
    auditTeamIds: readonly string[];
  },
): boolean {
  if (!account.active) return false;
  return audience.some((a) =>
    a === "SCHOOL"
      ? (account.role === "SCHOOL_HEAD" || account.role === "SCHOOL_STAFF") &&
        account.establishmentId !== null &&
        candidature.memberEstablishmentIds.includes(account.establishmentId)
      : a === "AUDIT_TEAM"
        ? candidature.auditTeamIds.includes(account.userId) &&
          AUDITOR_VISIBLE_STATES.includes(candidature.state)
        : REGIONAL_TEAM_ROLES.includes(account.role),
  );
}

/**
 * Who also gets an e-mail about a step (besides the in-app notification): heads, the regional team and
 * auditors; the steering team's members read it in the platform.
 */
export function emailedAboutProcedureSteps(role: Role): boolean {
  return role === "SCHOOL_HEAD" || role === "DRAFPIC" || role === "AUDITOR";
}

// ---------------------------------------------------------------------------------------------
// What it says

/** « aujourd'hui », « demain », « dans 7 jours ». */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return "aujourd'hui";
  if (daysLeft === 1) return "demain";
  return `dans ${daysLeft} jours`;
}

const WHAT_TO_DO: Record<ProcedureDeadlineKind, (d: ProcedureDeadline) => string> = {
  DOSSIER_DUE: (d) =>
    `Le dossier de candidature doit être déposé en ligne au plus tard le ${formatFrenchDate(d.date)}, deux mois avant l'audit. Pensez aux approbations des établissements cocandidats.`,
  AUDIT_PLAN_DUE: (d) =>
    `Le plan d'audit, avec les intervenants de chaque critère, doit être transmis à la DRAFPIC au plus tard le ${formatFrenchDate(d.date)}, deux semaines avant l'audit.`,
  AUDIT: (d) =>
    `La journée d'audit a lieu le ${formatFrenchDate(d.date)} : visite de l'établissement, présentation générale, puis quinze minutes de présentation et quinze minutes d'échange par critère.`,
  AUDIT_REPORT_DUE: (d) =>
    `Le rapport d'audit est attendu au plus tard le ${formatFrenchDate(d.date)}, ${AUDIT_REPORT_DUE_WEEKS} semaines après l'audit, pour être présenté au GRALM.`,
  COMMITMENT_DUE: (d) =>
    `${d.title.replace("Échéance de l'engagement", "L'engagement")} pris lors de l'audit arrive à échéance le ${formatFrenchDate(d.date)}.`,
  MID_TERM_REVIEW: (d) =>
    `Le suivi intermédiaire du label, avec l'inspecteur référent et la DRAFPIC, est attendu à mi-parcours, le ${formatFrenchDate(d.date)}. Il fait le point sur chaque engagement.`,
  RENEWAL_START: (d) =>
    `Le renouvellement du label est à engager à partir du ${formatFrenchDate(d.date)}, douze mois avant la fin de sa validité.`,
  LABEL_EXPIRY: (d) =>
    `Le label arrive à échéance le ${formatFrenchDate(d.date)}, cinq ans après sa publication au BOEN.`,
};

/** A reminder's French subject and paragraphs (e-mail and in-app notification). */
export interface ReminderText {
  subject: string;
  paragraphs: string[];
}

/**
 * The text of a reminder about `candidatureName` (« Lycée professionnel Les Palmiers », « le réseau
 * porté par … »).
 */
export function reminderText(reminder: DueReminder, candidatureName: string): ReminderText {
  const { deadline, daysLeft } = reminder;
  const when = daysLeftText(daysLeft);
  return {
    subject: `Rappel : ${deadline.title.charAt(0).toLowerCase()}${deadline.title.slice(1)} le ${formatFrenchDate(deadline.date)} (${when})`,
    paragraphs: [
      `Candidature au label « Lycée des métiers » : ${candidatureName}.`,
      `${deadline.title} : ${formatFrenchDate(deadline.date)}, ${when}.`,
      WHAT_TO_DO[deadline.kind](deadline),
    ],
  };
}
