import { DomainError } from "./errors";
import { criterionDisplayCode, isCriterionCode, type CriterionCode } from "./referential";

export type ScheduleSlotKind =
  | "WELCOME_VISIT"
  | "GENERAL_PRESENTATION"
  | "CRITERION_PRESENTATION"
  | "CRITERION_EXCHANGE"
  | "BREAK"
  | "LUNCH"
  | "AUDITOR_DELIBERATION"
  | "CONCLUSIONS";

export interface ScheduleSlot {
  kind: ScheduleSlotKind;
  /** "HH:MM" */
  start: string;
  end: string;
  durationMinutes: number;
  criterionCode: CriterionCode | null;
  title: string;
}

export interface ScheduleOptions {
  /** Default "08:30". */
  startTime?: string;
  /** Criteria presented, in order. */
  criteria: CriterionCode[];
  /** Welcome and visit of the establishment, default 45. */
  visitMinutes?: number;
  /** General presentation of the approach, default 30. */
  generalPresentationMinutes?: number;
  /** Presentation of one criterion, default 15. */
  presentationMinutes?: number;
  /** Exchange with the auditors on one criterion, default 15. */
  exchangeMinutes?: number;
  /** Default 15. */
  breakMinutes?: number;
  /** A break after every N criteria, default 3. */
  breakEveryCriteria?: number;
  /** Lunch at the first criterion boundary at or after this time, default "12:00". */
  lunchStart?: string;
  /** Default 60. */
  lunchMinutes?: number;
  /** Auditors' deliberation, default 30. */
  deliberationMinutes?: number;
  /** Oral conclusions (axes de progrès, engagements), default 45. */
  conclusionsMinutes?: number;
}

export interface AuditDaySchedule {
  slots: ScheduleSlot[];
  start: string;
  end: string;
  totalMinutes: number;
}

export const SCHEDULE_SLOT_KIND_LABELS: Record<ScheduleSlotKind, string> = {
  WELCOME_VISIT: "Accueil et visite de l'établissement",
  GENERAL_PRESENTATION: "Présentation générale de la démarche",
  CRITERION_PRESENTATION: "Présentation d'un critère",
  CRITERION_EXCHANGE: "Échanges sur un critère",
  BREAK: "Pause",
  LUNCH: "Déjeuner",
  AUDITOR_DELIBERATION: "Délibération des auditeurs",
  CONCLUSIONS: "Conclusions orales des auditeurs : axes de progrès et engagements",
};

const LAST_MINUTE_OF_DAY = 23 * 60 + 59;

function parseTime(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'horaire « ${value} » (${field}) est invalide : le format attendu est HH:MM, par exemple 08:30.`,
      { field, value },
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function positiveMinutes(value: number | undefined, fallback: number, field: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result <= 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `La durée « ${field} » doit être un nombre entier strictement positif de minutes (reçu : ${result}).`,
      { field, value: result },
    );
  }
  return result;
}

/**
 * Builds the audit-day programme: welcome and visit, general presentation, then for each criterion a
 * presentation followed by an exchange, then the auditors' deliberation and their oral conclusions.
 *
 * - A break comes after every `breakEveryCriteria` criteria (counted since the last break or lunch),
 *   never after the last criterion and never where lunch is taken.
 * - Lunch is taken once, at the first criterion boundary (after the general presentation, between two
 *   criteria, or after the last criterion, i.e. before the deliberation) whose time is at or after
 *   `lunchStart`. When the whole day reaches the deliberation before `lunchStart`, there is no lunch slot.
 * - The day must end at 23:59 at the latest.
 */
export function generateAuditDaySchedule(options: ScheduleOptions): AuditDaySchedule {
  const start = parseTime(options.startTime ?? "08:30", "début de la journée");
  const lunchStart = parseTime(options.lunchStart ?? "12:00", "début du déjeuner");
  const visit = positiveMinutes(options.visitMinutes, 45, "accueil et visite");
  const general = positiveMinutes(options.generalPresentationMinutes, 30, "présentation générale");
  const presentation = positiveMinutes(
    options.presentationMinutes,
    15,
    "présentation d'un critère",
  );
  const exchange = positiveMinutes(options.exchangeMinutes, 15, "échanges sur un critère");
  const pause = positiveMinutes(options.breakMinutes, 15, "pause");
  const breakEvery = positiveMinutes(
    options.breakEveryCriteria,
    3,
    "nombre de critères entre deux pauses",
  );
  const lunch = positiveMinutes(options.lunchMinutes, 60, "déjeuner");
  const deliberation = positiveMinutes(
    options.deliberationMinutes,
    30,
    "délibération des auditeurs",
  );
  const conclusions = positiveMinutes(options.conclusionsMinutes, 45, "conclusions");

  const criteria = options.criteria;
  if (criteria.length === 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Le programme de l'audit doit comporter au moins un critère.",
    );
  }
  const seen = new Set<string>();
  for (const code of criteria) {
    if (!isCriterionCode(code)) {
      throw new DomainError("BAD_USER_INPUT", `Le critère « ${String(code)} » n'existe pas.`, {
        code,
      });
    }
    if (seen.has(code)) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le critère ${criterionDisplayCode(code)} figure deux fois dans le programme de l'audit.`,
        { code },
      );
    }
    seen.add(code);
  }

  const slots: ScheduleSlot[] = [];
  let time = start;
  const push = (
    kind: ScheduleSlotKind,
    duration: number,
    title: string,
    criterionCode: CriterionCode | null,
  ) => {
    const end = time + duration;
    if (end > LAST_MINUTE_OF_DAY) {
      throw new DomainError(
        "BAD_USER_INPUT",
        "La journée d'audit doit se terminer au plus tard à 23:59 : réduisez les durées ou avancez l'heure de début.",
        { start: formatTime(start) },
      );
    }
    slots.push({
      kind,
      start: formatTime(time),
      end: formatTime(end),
      durationMinutes: duration,
      criterionCode,
      title,
    });
    time = end;
  };

  let lunchTaken = false;
  const lunchIfDue = (): boolean => {
    if (!lunchTaken && time >= lunchStart) {
      push("LUNCH", lunch, SCHEDULE_SLOT_KIND_LABELS.LUNCH, null);
      lunchTaken = true;
      return true;
    }
    return false;
  };

  push("WELCOME_VISIT", visit, SCHEDULE_SLOT_KIND_LABELS.WELCOME_VISIT, null);
  push("GENERAL_PRESENTATION", general, SCHEDULE_SLOT_KIND_LABELS.GENERAL_PRESENTATION, null);
  lunchIfDue();

  let sincePause = 0;
  criteria.forEach((code, index) => {
    const label = `Critère ${criterionDisplayCode(code)}`;
    push("CRITERION_PRESENTATION", presentation, `${label} — présentation`, code);
    push("CRITERION_EXCHANGE", exchange, `${label} — échanges avec les auditeurs`, code);
    sincePause += 1;
    if (lunchIfDue()) {
      sincePause = 0;
      return;
    }
    const isLast = index === criteria.length - 1;
    if (!isLast && sincePause >= breakEvery) {
      push("BREAK", pause, SCHEDULE_SLOT_KIND_LABELS.BREAK, null);
      sincePause = 0;
    }
  });

  push("AUDITOR_DELIBERATION", deliberation, SCHEDULE_SLOT_KIND_LABELS.AUDITOR_DELIBERATION, null);
  push("CONCLUSIONS", conclusions, SCHEDULE_SLOT_KIND_LABELS.CONCLUSIONS, null);

  return { slots, start: formatTime(start), end: formatTime(time), totalMinutes: time - start };
}
