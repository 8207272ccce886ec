/**
 * Before the audit (steps 6 and 7 of the procedure): the establishment's inspecteur référent, the
 * preparatory visit by DRAFPIC once the dossier is submitted, the audit plan the head sends at the
 * latest two weeks before the audit, and what a change of the audit date does to them.
 */
import {
  formatFrenchDateWithWeekday,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingDayReason,
} from "./calendar";
import { addDays, compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { earliestAuditDate } from "./audit-date";
import { AUDIT_PLAN_LEAD_DAYS, auditPlanDueDate, dossierDueDate } from "./deadlines";
import { DomainError } from "./errors";
import { CANDIDATURE_STATE_LABELS, type CandidatureState } from "./lifecycle";
import { criterionDisplayCode, type CriterionCode } from "./referential";
import {
  AUDIT_DAY_LATEST_END,
  formatFrenchTime,
  LUNCH_WINDOW_END,
  LUNCH_WINDOW_START,
  SCHEDULE_SLOT_KIND_LABELS,
  type ScheduleSlotKind,
} from "./schedule";

// ---------------------------------------------------------------------------------------------
// Inspecteur référent

/**
 * An establishment's inspecteur référent is either an account of the platform (an active auditor with
 * the inspector profile, checked by `canBeReferentInspector`) or a person named without an account
 * (name, optional e-mail). Exactly one of the two.
 */
export function assertReferentInspectorInput(input: {
  userId: string | null;
  fullName: string | null;
  email: string | null;
}): void {
  const hasUser = input.userId !== null && input.userId.trim() !== "";
  const hasName = input.fullName !== null && input.fullName.trim() !== "";
  if (hasUser === hasName) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "L'inspecteur référent est soit un compte de la plateforme (inspecteur), soit une personne désignée par son nom : indiquez l'un ou l'autre.",
      { reason: hasUser ? "BOTH_ACCOUNT_AND_NAME" : "NEITHER_ACCOUNT_NOR_NAME" },
    );
  }
  if (hasUser && input.email !== null && input.email.trim() !== "") {
    throw new DomainError(
      "BAD_USER_INPUT",
      "L'adresse électronique d'un inspecteur référent qui a un compte est celle de son compte : ne l'indiquez que pour une personne sans compte.",
      { reason: "EMAIL_WITH_ACCOUNT" },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Preparatory visit

/** Who took part in the preparatory visit. */
export type VisitAttendeeKind = "DRAFPIC" | "REFERENT_INSPECTOR" | "OTHER";

export const VISIT_ATTENDEE_KIND_LABELS: Record<VisitAttendeeKind, string> = {
  DRAFPIC: "Membre de l'équipe régionale du label (DRAFPIC)",
  REFERENT_INSPECTOR: "Inspecteur référent d'un établissement",
  OTHER: "Autre participant",
};

/** The visit is planned and recorded once the dossier is submitted, before it is recorded as done. */
export const PREPARATORY_VISIT_STATES: readonly CandidatureState[] = ["SUBMITTED"];

/** Refuses (INVALID_TRANSITION) planning or recording the visit outside `PREPARATORY_VISIT_STATES`. */
export function assertPreparatoryVisitState(state: CandidatureState): void {
  if (PREPARATORY_VISIT_STATES.includes(state)) return;
  const label = CANDIDATURE_STATE_LABELS[state];
  const message =
    state === "ENGAGEMENT" || state === "DOSSIER_OPEN"
      ? `La visite préparatoire a lieu une fois le dossier déposé : la candidature est à l'état « ${label} ».`
      : state === "PREPARATORY_VISIT_DONE"
        ? "La visite préparatoire est déjà enregistrée comme effectuée."
        : `La visite préparatoire ne se planifie ni ne s'enregistre plus à l'état « ${label} ».`;
  throw new DomainError("INVALID_TRANSITION", message, { state });
}

export interface PreparatoryVisitDateInput {
  /** The planned day, or the day the visit took place (`held`). */
  date: IsoDate;
  /** True when recording a visit that took place; false when planning one. */
  held: boolean;
  today: IsoDate;
  /** The day the dossier was submitted (Paris date). */
  submittedOn: IsoDate;
  auditDate: IsoDate | null;
}

/**
 * The visit's day: not before the dossier's submission; planned on a working day, today or later;
 * recorded on a past day (or today); and, once the audit date is known, at the latest on the audit
 * plan's due date (audit − 14 days), since the head sends the plan after the visit (RECEIVE_AUDIT_PLAN
 * follows RECORD_PREPARATORY_VISIT). BAD_USER_INPUT with `details.reason`.
 */
export function assertPreparatoryVisitDate(input: PreparatoryVisitDateInput): void {
  const { date, held, today, submittedOn, auditDate } = input;
  parseIsoDate(date);
  parseIsoDate(today);
  parseIsoDate(submittedOn);
  const day = formatFrenchDateWithWeekday(date);
  const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) => {
    throw new DomainError("BAD_USER_INPUT", message, { date, reason, ...details });
  };
  if (compareIsoDates(date, submittedOn) < 0) {
    refuse(
      "BEFORE_SUBMISSION",
      `La visite préparatoire suit le dépôt du dossier (le ${formatFrenchDate(submittedOn)}) : elle ne peut pas avoir eu lieu le ${day}.`,
      { submittedOn },
    );
  }
  if (held && compareIsoDates(date, today) > 0) {
    refuse(
      "HELD_IN_FUTURE",
      `Une visite s'enregistre comme effectuée une fois qu'elle a eu lieu : le ${day} est postérieur à aujourd'hui (${formatFrenchDate(today)}). Pour une visite à venir, planifiez-la.`,
      { today },
    );
  }
  if (!held) {
    if (compareIsoDates(date, today) < 0) {
      refuse(
        "PLANNED_IN_PAST",
        `Une visite se planifie aujourd'hui ou plus tard : le ${day} est passé. Pour une visite qui a déjà eu lieu, enregistrez-la comme effectuée.`,
        { today },
      );
    }
    const reason = nonWorkingDayReason(date);
    if (reason !== null) {
      const next = nextWorkingDay(date);
      refuse(
        "NOT_A_WORKING_DAY",
        `La visite préparatoire se planifie un jour ouvré : le ${day} ${reason}. Jour ouvré suivant : le ${formatFrenchDateWithWeekday(next)}.`,
        { nextWorkingDay: next },
      );
    }
  }
  if (auditDate !== null) {
    const audit = formatFrenchDateWithWeekday(auditDate);
    if (compareIsoDates(date, auditDate) >= 0) {
      refuse(
        "NOT_BEFORE_AUDIT",
        `La visite préparatoire prépare l'audit du ${audit} : elle a lieu avant lui, pas le ${day}.`,
        { auditDate },
      );
    }
    const due = auditPlanDueDate(auditDate);
    if (compareIsoDates(date, due) > 0) {
      refuse(
        "AFTER_AUDIT_PLAN_DUE",
        `Le plan d'audit, transmis après la visite préparatoire, est attendu au plus tard le ${formatFrenchDate(due)} (deux semaines avant l'audit du ${audit}) : la visite doit avoir lieu au plus tard ce jour-là, pas le ${day}.`,
        { auditDate, auditPlanDueDate: due },
      );
    }
  }
}

export interface VisitAttendeeFacts {
  kind: VisitAttendeeKind;
  /** The account of a DRAFPIC member (or of the référent when they have one). */
  userId: string | null;
  /** REFERENT_INSPECTOR: the member establishment whose référent came. */
  establishmentId: string | null;
  /** The name shown (the account's, the référent's, or the one typed for OTHER). */
  fullName: string;
}

/**
 * The attendees of a visit: nobody twice (same account, same establishment's référent, same name);
 * a recorded visit (`held`) was conducted by DRAFPIC, so at least one of its members came.
 */
export function assertVisitAttendees(
  attendees: readonly VisitAttendeeFacts[],
  held: boolean,
): void {
  const seen = new Set<string>();
  for (const a of attendees) {
    const keys = [
      a.userId ? `user:${a.userId}` : null,
      a.kind === "REFERENT_INSPECTOR" && a.establishmentId ? `referent:${a.establishmentId}` : null,
      `name:${a.fullName.trim().toLocaleLowerCase("fr")}`,
    ].filter((k): k is string => k !== null);
    if (keys.some((k) => seen.has(k))) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `« ${a.fullName} » figure deux fois parmi les participants de la visite préparatoire.`,
        { reason: "DUPLICATE_ATTENDEE", fullName: a.fullName },
      );
    }
    for (const k of keys) seen.add(k);
  }
  if (held && !attendees.some((a) => a.kind === "DRAFPIC")) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "La visite préparatoire est conduite par la DRAFPIC : indiquez au moins un de ses membres parmi les participants.",
      { reason: "NO_DRAFPIC_ATTENDEE" },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Audit plan

/** The head prepares the plan once the dossier is submitted, until it is sent (RECEIVE_AUDIT_PLAN). */
export const AUDIT_PLAN_EDITABLE_STATES: readonly CandidatureState[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
];

/** Refuses (INVALID_TRANSITION) preparing or changing the audit plan outside its states. */
export function assertAuditPlanEditable(state: CandidatureState): void {
  if (AUDIT_PLAN_EDITABLE_STATES.includes(state)) return;
  const label = CANDIDATURE_STATE_LABELS[state];
  const message =
    state === "ENGAGEMENT" || state === "DOSSIER_OPEN"
      ? `Le plan d'audit se prépare une fois le dossier déposé : la candidature est à l'état « ${label} ».`
      : state === "AUDIT_PLAN_RECEIVED"
        ? "Le plan d'audit a été transmis à la DRAFPIC : il ne se modifie plus."
        : `Le plan d'audit ne se modifie plus à l'état « ${label} ».`;
  throw new DomainError("INVALID_TRANSITION", message, { state });
}

/**
 * Sending the plan: after the preparatory visit (PREPARATORY_VISIT_DONE), once the audit date is fixed,
 * at the latest on its due date (audit − 14 days, `auditPlanDueDate`; DEADLINE_PASSED after). Returns
 * the due date.
 */
export function assertAuditPlanSubmittable(input: {
  state: CandidatureState;
  today: IsoDate;
  auditDate: IsoDate | null;
}): IsoDate {
  const { state, today, auditDate } = input;
  if (state === "SUBMITTED") {
    throw new DomainError(
      "INVALID_TRANSITION",
      "Le plan d'audit se transmet après la visite préparatoire, qui n'est pas encore enregistrée.",
      { state },
    );
  }
  assertAuditPlanEditable(state);
  if (auditDate === null) {
    throw new DomainError(
      "INVALID_TRANSITION",
      "La date de l'audit n'est pas encore fixée : le plan d'audit se transmet au plus tard deux semaines avant elle.",
      { state },
    );
  }
  const due = auditPlanDueDate(auditDate);
  if (compareIsoDates(today, due) > 0) {
    throw new DomainError(
      "DEADLINE_PASSED",
      `Le plan d'audit devait être transmis au plus tard le ${formatFrenchDate(due)}, deux semaines avant l'audit du ${formatFrenchDate(auditDate)}.`,
      { auditDate, auditPlanDueDate: due, today },
    );
  }
  return due;
}

/** One time of the plan as the head adjusts it (times « HH:MM »). */
export interface AuditPlanSlotInput {
  kind: ScheduleSlotKind;
  start: string;
  end: string;
  criterionCode: string | null;
  title: string;
  speakers: readonly string[];
}

export interface AuditPlanSlot extends AuditPlanSlotInput {
  durationMinutes: number;
  speakers: string[];
}

export interface AuditPlanRules {
  /** The criteria the candidature presents, in order (national ones and its criterion 9). */
  criteria: readonly CriterionCode[];
  /** The audit day when known: it must be a working day. */
  auditDate?: IsoDate | null;
  /** Every criterion's presentation and exchange name at least one speaker (required to send it). */
  requireSpeakers?: boolean;
}

export interface CheckedAuditPlan {
  slots: AuditPlanSlot[];
  start: string;
  end: string;
  totalMinutes: number;
  /** Criteria whose presentation or exchange has no speaker yet. */
  criteriaWithoutSpeaker: CriterionCode[];
}

/** At most this many times in a day, speakers per time, characters of a title or a name. */
export const AUDIT_PLAN_LIMITS = { slots: 60, speakers: 20, title: 200, speaker: 200 } as const;

/** Kinds of time on which nobody from the establishment speaks. */
const SILENT_KINDS: ReadonlySet<ScheduleSlotKind> = new Set([
  "BREAK",
  "LUNCH",
  "AUDITOR_DELIBERATION",
]);
/** Kinds of time the day holds exactly once. */
const ONCE_KINDS: readonly ScheduleSlotKind[] = [
  "WELCOME_VISIT",
  "GENERAL_PRESENTATION",
  "AUDITOR_DELIBERATION",
  "CONCLUSIONS",
];
const CRITERION_KINDS: ReadonlySet<ScheduleSlotKind> = new Set([
  "CRITERION_PRESENTATION",
  "CRITERION_EXCHANGE",
]);

function minutesOf(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function slotName(slot: AuditPlanSlotInput, index: number): string {
  const code = slot.criterionCode;
  const what =
    code !== null && CRITERION_KINDS.has(slot.kind)
      ? `${slot.kind === "CRITERION_PRESENTATION" ? "présentation" : "échanges"} du critère ${criterionDisplayCode(code as CriterionCode)}`
      : (SCHEDULE_SLOT_KIND_LABELS[slot.kind] ?? slot.kind).toLocaleLowerCase("fr");
  return `temps n° ${index + 1} (${what})`;
}

function cleanSpeakers(speakers: readonly string[]): string[] {
  return [...new Set(speakers.map((s) => s.trim()).filter((s) => s !== ""))];
}

/**
 * What keeps an adjusted plan from the rules of the audit day, in French (empty: none). The rules are
 * those of the schedule generator, checked on times the head typed:
 * - valid times, each time ending after it starts, in chronological order without overlap (gaps are
 *   allowed), the day ending by 18:00;
 * - at most one lunch, entirely between 11:30 and 14:00; a day that runs through that window has one;
 * - the welcome and visit, the general presentation, the auditors' deliberation and their conclusions
 *   once each; the general presentation before the criteria, the deliberation after them, the
 *   conclusions last;
 * - each criterion of the candidature presented once and then exchanged on once, no other criterion;
 * - titles given, speakers only on the times the establishment speaks (not breaks, lunch or the
 *   deliberation); with `requireSpeakers`, every criterion's two times name at least one speaker;
 * - a known audit date is a working day.
 */
export function auditPlanProblems(
  slots: readonly AuditPlanSlotInput[],
  rules: AuditPlanRules,
): string[] {
  const problems: string[] = [];
  if (slots.length === 0) return ["Le plan d'audit ne comporte aucun temps."];
  if (slots.length > AUDIT_PLAN_LIMITS.slots) {
    problems.push(`Le plan d'audit comporte plus de ${AUDIT_PLAN_LIMITS.slots} temps.`);
  }
  const times = slots.map((slot, index) => {
    const start = minutesOf(slot.start);
    const end = minutesOf(slot.end);
    const name = slotName(slot, index);
    if (start === null || end === null) {
      problems.push(
        `Horaire invalide au ${name} : le format attendu est HH:MM, par exemple 08:30.`,
      );
      return null;
    }
    if (end <= start) {
      problems.push(`Le ${name} doit finir après avoir commencé (${slot.start} – ${slot.end}).`);
    }
    return { start, end };
  });
  // Chronology and the end of the day.
  let previous: { end: number; index: number } | null = null;
  times.forEach((t, index) => {
    if (!t) return;
    if (previous && t.start < previous.end) {
      problems.push(
        `Le ${slotName(slots[index]!, index)} commence à ${slots[index]!.start}, avant la fin du ${slotName(slots[previous.index]!, previous.index)} (${slots[previous.index]!.end}) : les temps se suivent sans se chevaucher.`,
      );
    }
    previous = { end: Math.max(t.end, previous?.end ?? 0), index };
  });
  const valid = times.filter((t): t is { start: number; end: number } => t !== null);
  const dayStart = valid.length ? Math.min(...valid.map((t) => t.start)) : null;
  const dayEnd = valid.length ? Math.max(...valid.map((t) => t.end)) : null;
  const latestEnd = minutesOf(AUDIT_DAY_LATEST_END)!;
  if (dayEnd !== null && dayEnd > latestEnd) {
    problems.push(
      `La journée d'audit se terminerait à ${formatFrenchTime(formatTime(dayEnd))} : elle doit s'achever à ${formatFrenchTime(AUDIT_DAY_LATEST_END)} au plus tard.`,
    );
  }
  // Lunch.
  const lunchFrom = minutesOf(LUNCH_WINDOW_START)!;
  const lunchTo = minutesOf(LUNCH_WINDOW_END)!;
  const window = `${formatFrenchTime(LUNCH_WINDOW_START)} et ${formatFrenchTime(LUNCH_WINDOW_END)}`;
  const lunches = slots.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "LUNCH");
  if (lunches.length > 1) problems.push("Le plan d'audit prévoit plusieurs déjeuners.");
  for (const { s, i } of lunches) {
    const t = times[i];
    if (t && (t.start < lunchFrom || t.end > lunchTo)) {
      problems.push(
        `Le déjeuner (${s.start} – ${s.end}) doit se tenir entièrement entre ${window}.`,
      );
    }
  }
  if (lunches.length === 0 && dayStart !== null && dayEnd !== null) {
    if (dayStart < lunchFrom && dayEnd > lunchTo) {
      problems.push(
        `La journée couvre la pause méridienne : prévoyez un déjeuner entre ${window}.`,
      );
    }
  }
  // The parts of the day.
  const indexesOf = (kind: ScheduleSlotKind) =>
    slots.flatMap((s, i) => (s.kind === kind ? [i] : []));
  for (const kind of ONCE_KINDS) {
    const count = indexesOf(kind).length;
    if (count !== 1) {
      problems.push(
        count === 0
          ? `Il manque au plan d'audit : « ${SCHEDULE_SLOT_KIND_LABELS[kind]} ».`
          : `« ${SCHEDULE_SLOT_KIND_LABELS[kind]} » figure ${count} fois au plan d'audit (une seule attendue).`,
      );
    }
  }
  const criterionIndexes = slots.flatMap((s, i) => (CRITERION_KINDS.has(s.kind) ? [i] : []));
  const [general] = indexesOf("GENERAL_PRESENTATION");
  const [deliberation] = indexesOf("AUDITOR_DELIBERATION");
  const [conclusions] = indexesOf("CONCLUSIONS");
  if (general !== undefined && criterionIndexes.some((i) => i < general)) {
    problems.push("La présentation générale de la démarche précède la présentation des critères.");
  }
  if (deliberation !== undefined && criterionIndexes.some((i) => i > deliberation)) {
    problems.push("La délibération des auditeurs suit la présentation de tous les critères.");
  }
  if (conclusions !== undefined && conclusions !== slots.length - 1) {
    problems.push("Les conclusions orales des auditeurs terminent la journée d'audit.");
  }
  if (deliberation !== undefined && conclusions !== undefined && deliberation > conclusions) {
    problems.push("La délibération des auditeurs précède leurs conclusions orales.");
  }
  // Criteria.
  const expected = new Set<string>(rules.criteria);
  slots.forEach((slot, index) => {
    const code = slot.criterionCode;
    if (CRITERION_KINDS.has(slot.kind)) {
      if (code === null || code === "") {
        problems.push(`Le ${slotName(slot, index)} ne précise pas son critère.`);
      } else if (!expected.has(code)) {
        problems.push(
          `Le ${slotName(slot, index)} porte sur un critère que la candidature ne présente pas (« ${code} »).`,
        );
      }
    } else if (code !== null) {
      problems.push(`Le ${slotName(slot, index)} ne porte pas sur un critère.`);
    }
  });
  const withoutSpeaker: CriterionCode[] = [];
  for (const code of rules.criteria) {
    const display = criterionDisplayCode(code);
    const of = (kind: ScheduleSlotKind) =>
      slots.flatMap((s, i) => (s.kind === kind && s.criterionCode === code ? [i] : []));
    const presentations = of("CRITERION_PRESENTATION");
    const exchanges = of("CRITERION_EXCHANGE");
    if (presentations.length !== 1 || exchanges.length !== 1) {
      problems.push(
        `Le critère ${display} est présenté une fois (15 min environ) puis donne lieu à un échange avec les auditeurs : le plan compte ${presentations.length} présentation(s) et ${exchanges.length} échange(s).`,
      );
    } else if (presentations[0]! > exchanges[0]!) {
      problems.push(`Les échanges sur le critère ${display} suivent sa présentation.`);
    }
    const silent = [...presentations, ...exchanges].some(
      (i) => cleanSpeakers(slots[i]!.speakers).length === 0,
    );
    if (silent && presentations.length + exchanges.length > 0) withoutSpeaker.push(code);
  }
  if (rules.requireSpeakers && withoutSpeaker.length > 0) {
    const list = withoutSpeaker.map(criterionDisplayCode).join(", ");
    problems.push(
      withoutSpeaker.length > 1
        ? `Chaque critère est présenté par des membres du groupe de pilotage : indiquez les intervenants des critères ${list}.`
        : `Chaque critère est présenté par des membres du groupe de pilotage : indiquez les intervenants du critère ${list}.`,
    );
  }
  // Titles and speakers.
  slots.forEach((slot, index) => {
    const title = slot.title.trim();
    if (title === "") problems.push(`Le ${slotName(slot, index)} n'a pas d'intitulé.`);
    if (title.length > AUDIT_PLAN_LIMITS.title) {
      problems.push(
        `L'intitulé du ${slotName(slot, index)} dépasse ${AUDIT_PLAN_LIMITS.title} caractères.`,
      );
    }
    const speakers = cleanSpeakers(slot.speakers);
    if (speakers.length > 0 && SILENT_KINDS.has(slot.kind)) {
      problems.push(`Le ${slotName(slot, index)} n'a pas d'intervenant de l'établissement.`);
    }
    if (speakers.length > AUDIT_PLAN_LIMITS.speakers) {
      problems.push(
        `Le ${slotName(slot, index)} compte plus de ${AUDIT_PLAN_LIMITS.speakers} intervenants.`,
      );
    }
    if (speakers.some((s) => s.length > AUDIT_PLAN_LIMITS.speaker)) {
      problems.push(
        `Un intervenant du ${slotName(slot, index)} dépasse ${AUDIT_PLAN_LIMITS.speaker} caractères.`,
      );
    }
  });
  if (rules.auditDate) {
    const reason = nonWorkingDayReason(rules.auditDate);
    if (reason !== null) {
      problems.push(
        `L'audit doit avoir lieu un jour ouvré : le ${formatFrenchDateWithWeekday(rules.auditDate)} ${reason}.`,
      );
    }
  }
  return problems;
}

function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Checks an adjusted plan against `auditPlanProblems` and returns it cleaned (titles and speakers
 * trimmed, speakers without duplicates, durations computed). BAD_USER_INPUT listing every problem
 * (`details.problems`).
 */
export function assertAuditPlan(
  slots: readonly AuditPlanSlotInput[],
  rules: AuditPlanRules,
): CheckedAuditPlan {
  const problems = auditPlanProblems(slots, rules);
  if (problems.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le plan d'audit ne respecte pas les règles de la journée d'audit : ${problems.join(" ")}`,
      { problems },
    );
  }
  const cleaned: AuditPlanSlot[] = slots.map((slot) => ({
    kind: slot.kind,
    start: slot.start,
    end: slot.end,
    durationMinutes: minutesOf(slot.end)! - minutesOf(slot.start)!,
    criterionCode: slot.criterionCode,
    title: slot.title.trim(),
    speakers: cleanSpeakers(slot.speakers),
  }));
  const start = cleaned[0]!.start;
  const end = cleaned.at(-1)!.end;
  return {
    slots: cleaned,
    start,
    end,
    totalMinutes: minutesOf(end)! - minutesOf(start)!,
    criteriaWithoutSpeaker: rules.criteria.filter((code) =>
      cleaned.some(
        (s) => s.criterionCode === code && CRITERION_KINDS.has(s.kind) && s.speakers.length === 0,
      ),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// A change of the audit date

export interface AuditDateChangeInput {
  state: CandidatureState;
  today: IsoDate;
  /** The new audit date (already accepted by `assertAuditDate`). */
  auditDate: IsoDate;
  /** The day the dossier was submitted, or null. */
  submittedOn: IsoDate | null;
  /** The audit plan has been sent (it keeps the due date it was sent against). */
  planSubmitted: boolean;
  /** The preparatory visit, when planned or recorded. */
  visit: { plannedOn: IsoDate; heldOn: IsoDate | null } | null;
}

export interface AuditDateChangeImpact {
  dossierDueDate: IsoDate;
  /** The audit plan's due date for the new audit date. */
  auditPlanDueDate: IsoDate;
  /** A plan not yet sent takes the new due date; a sent plan keeps the one it met. */
  planFollows: boolean;
}

/**
 * The first audit date from today that leaves time to send the audit plan (its due date not past) and
 * keeps the dossier rule (`earliestAuditDate`).
 */
export function earliestAuditDateForPlan(input: {
  today: IsoDate;
  submittedOn: IsoDate | null;
}): IsoDate {
  let day = earliestAuditDate(input);
  const floor = addDays(input.today, AUDIT_PLAN_LEAD_DAYS);
  if (compareIsoDates(day, floor) < 0) day = isWorkingDay(floor) ? floor : nextWorkingDay(floor);
  return day;
}

/**
 * Re-checks, when the audit date changes, both deadlines that hang on it:
 * - the dossier is due two months before the audit: a submitted dossier must have been submitted by
 *   the new due date (DEADLINE_PASSED, as `assertAuditDate` says);
 * - the audit plan is due two weeks before the audit: a plan already sent stays valid (it met the due
 *   date in force when it was sent, even if the new one is already past); once the dossier is submitted
 *   and while the plan is not sent, the new due date must not be past — the head could no longer send it
 *   (DEADLINE_PASSED, with the earliest audit date that works) — and a planned visit not yet held must
 *   not fall after it (CONFLICT: move the visit first). A draft plan then takes the new due date.
 */
export function assessAuditDateChange(input: AuditDateChangeInput): AuditDateChangeImpact {
  const { state, today, auditDate, submittedOn, planSubmitted, visit } = input;
  const dossierDue = dossierDueDate(auditDate);
  const planDue = auditPlanDueDate(auditDate);
  const day = formatFrenchDateWithWeekday(auditDate);
  if (submittedOn !== null && compareIsoDates(submittedOn, dossierDue) > 0) {
    throw new DomainError(
      "DEADLINE_PASSED",
      `Le dossier a été déposé le ${formatFrenchDate(submittedOn)} : un audit le ${day} est trop proche, le dossier devant être déposé deux mois avant l'audit (au plus tard le ${formatFrenchDate(dossierDue)}).`,
      { auditDate, submittedOn, dossierDueDate: dossierDue, reason: "TOO_CLOSE_TO_SUBMISSION" },
    );
  }
  const planPending =
    submittedOn !== null && !planSubmitted && AUDIT_PLAN_EDITABLE_STATES.includes(state);
  if (planPending && compareIsoDates(today, planDue) > 0) {
    const earliest = earliestAuditDateForPlan({ today, submittedOn });
    throw new DomainError(
      "DEADLINE_PASSED",
      `Pour un audit le ${day}, le plan d'audit devrait être transmis au plus tard le ${formatFrenchDate(planDue)}, deux semaines avant : cette date est passée et l'établissement ne pourrait plus le transmettre. L'audit peut avoir lieu au plus tôt le ${formatFrenchDateWithWeekday(earliest)}.`,
      {
        auditDate,
        auditPlanDueDate: planDue,
        earliestAuditDate: earliest,
        reason: "AUDIT_PLAN_DUE_PASSED",
      },
    );
  }
  if (
    planPending &&
    visit !== null &&
    visit.heldOn === null &&
    compareIsoDates(visit.plannedOn, planDue) > 0
  ) {
    throw new DomainError(
      "CONFLICT",
      `La visite préparatoire est prévue le ${formatFrenchDateWithWeekday(visit.plannedOn)}, après le ${formatFrenchDate(planDue)}, date limite du plan d'audit pour un audit le ${day} : avancez d'abord la visite.`,
      {
        auditDate,
        auditPlanDueDate: planDue,
        visitPlannedOn: visit.plannedOn,
        reason: "VISIT_AFTER_AUDIT_PLAN_DUE",
      },
    );
  }
  return { dossierDueDate: dossierDue, auditPlanDueDate: planDue, planFollows: !planSubmitted };
}
