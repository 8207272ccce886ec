import { formatFrenchDateWithWeekday, nonWorkingDayReason } from "./calendar";
import type { IsoDate } from "./dates";
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
  /**
   * Who speaks: on a criterion's presentation and exchange, that criterion's pilots (`pilots` option);
   * [] elsewhere, or when no pilot is known.
   */
  speakers: string[];
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
  /**
   * Preferred lunch time, default "12:00": lunch is taken at the first criterion boundary at or after
   * it, inside the lunch window 11:30–14:00 (so between "11:30" and 14:00 − lunch duration).
   */
  lunchStart?: string;
  /** Default 60. */
  lunchMinutes?: number;
  /** Auditors' deliberation, default 30. */
  deliberationMinutes?: number;
  /** Oral conclusions (axes de progrès, engagements), default 45. */
  conclusionsMinutes?: number;
  /**
   * The pilots of each criterion (names as they should appear, e.g. « Mme Durand, DDFPT »): they are
   * the speakers of its presentation and exchange. When given, a presented criterion without a pilot is
   * listed in `criteriaWithoutPilot` (or refused with `requirePilots`).
   */
  pilots?: Partial<Record<CriterionCode, readonly string[]>>;
  /** Refuse a presented criterion without pilot (default false: it is only flagged). */
  requirePilots?: boolean;
  /** The audit day, when known: it must be a working day (no weekend, no public holiday). */
  auditDate?: IsoDate;
}

export interface AuditDaySchedule {
  slots: ScheduleSlot[];
  start: string;
  end: string;
  totalMinutes: number;
  /** Presented criteria without any pilot to speak (checked only with `pilots` or `requirePilots`). */
  criteriaWithoutPilot: CriterionCode[];
}

/** The audit day ends at 18:00 at the latest (a working day). */
export const AUDIT_DAY_LATEST_END = "18:00";
/** The lunch break lies entirely between 11:30 and 14:00. */
export const LUNCH_WINDOW_START = "11:30";
export const LUNCH_WINDOW_END = "14:00";

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

/** "08:30" → "8 h 30", "14:00" → "14 h", "13:05" → "13 h 05" (French typography). */
export function formatFrenchTime(hhmm: string): string {
  return frenchTime(parseTime(hhmm, "horaire"));
}

function frenchTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
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

const DAY_END = parseTime(AUDIT_DAY_LATEST_END, "fin de journée");
const LUNCH_FROM = parseTime(LUNCH_WINDOW_START, "début de la plage du déjeuner");
const LUNCH_TO = parseTime(LUNCH_WINDOW_END, "fin de la plage du déjeuner");
const MINUTES_PER_DAY = 24 * 60;

interface Durations {
  visit: number;
  general: number;
  presentation: number;
  exchange: number;
  pause: number;
  breakEvery: number;
  lunch: number;
  deliberation: number;
  conclusions: number;
  lunchStart: number;
  criteria: readonly CriterionCode[];
}

interface RawSlot {
  kind: ScheduleSlotKind;
  start: number;
  duration: number;
  criterionCode: CriterionCode | null;
}

interface Layout {
  slots: RawSlot[];
  /** Time of each criterion boundary: 0 after the general presentation, k after criterion k. */
  boundaries: number[];
  end: number;
}

/** The programme from `start`, with lunch at boundary `lunchAt` (or none). */
function layout(d: Durations, start: number, lunchAt: number | null): Layout {
  const slots: RawSlot[] = [];
  const boundaries: number[] = [];
  let time = start;
  const push = (kind: ScheduleSlotKind, duration: number, criterionCode: CriterionCode | null) => {
    slots.push({ kind, start: time, duration, criterionCode });
    time += duration;
  };
  const boundary = (k: number): boolean => {
    boundaries.push(time);
    if (k === lunchAt) {
      push("LUNCH", d.lunch, null);
      return true;
    }
    return false;
  };
  push("WELCOME_VISIT", d.visit, null);
  push("GENERAL_PRESENTATION", d.general, null);
  boundary(0);
  let sincePause = 0;
  d.criteria.forEach((code, index) => {
    push("CRITERION_PRESENTATION", d.presentation, code);
    push("CRITERION_EXCHANGE", d.exchange, code);
    sincePause += 1;
    if (boundary(index + 1)) {
      sincePause = 0;
      return;
    }
    const isLast = index === d.criteria.length - 1;
    if (!isLast && sincePause >= d.breakEvery) {
      push("BREAK", d.pause, null);
      sincePause = 0;
    }
  });
  push("AUDITOR_DELIBERATION", d.deliberation, null);
  push("CONCLUSIONS", d.conclusions, null);
  return { slots, boundaries, end: time };
}

type Plan =
  | { ok: true; layout: Layout }
  | { ok: false; reason: "ENDS_TOO_LATE"; end: number }
  | { ok: false; reason: "NO_LUNCH_SLOT" };

/**
 * Lunch is planned when the day starts before `lunchStart` and, without lunch, would reach
 * `lunchStart` before the deliberation or end after 14:00. It goes to the first boundary at or after
 * `lunchStart` where it lies entirely within 11:30–14:00, else to the latest such boundary before it.
 */
function plan(d: Durations, start: number): Plan {
  const bare = layout(d, start, null);
  const lastBoundary = bare.boundaries.at(-1) ?? start;
  const needsLunch = start < d.lunchStart && (lastBoundary >= d.lunchStart || bare.end > LUNCH_TO);
  let chosen = bare;
  if (needsLunch) {
    const fitting = bare.boundaries
      .map((time, k) => ({ time, k }))
      .filter(({ time }) => time >= LUNCH_FROM && time + d.lunch <= LUNCH_TO);
    const pick = fitting.find(({ time }) => time >= d.lunchStart) ?? fitting.at(-1);
    if (!pick) return { ok: false, reason: "NO_LUNCH_SLOT" };
    chosen = layout(d, start, pick.k);
  }
  if (chosen.end > DAY_END) return { ok: false, reason: "ENDS_TOO_LATE", end: chosen.end };
  return { ok: true, layout: chosen };
}

/** Suggested start times are on a 5-minute grid when one fits, to the minute otherwise. */
const START_GRID_MINUTES = 5;

/** The latest start before `start` whose programme fits the day (preferring the 5-minute grid), or null. */
function latestStartBefore(d: Durations, start: number): number | null {
  let anyMinute: number | null = null;
  for (let s = start - 1; s >= 0; s -= 1) {
    if (!plan(d, s).ok) continue;
    if (s % START_GRID_MINUTES === 0) return s;
    anyMinute ??= s;
  }
  return anyMinute;
}

/** The feasible start closest to `start` (the earlier one on a tie, the 5-minute grid first), or null. */
function closestFeasibleStart(d: Durations, start: number): number | null {
  for (const step of [START_GRID_MINUTES, 1]) {
    const base = start - (start % step);
    for (let delta = 0; delta < MINUTES_PER_DAY; delta += step) {
      const earlier = base - delta;
      const later = base + step + delta;
      if (earlier >= 0 && earlier !== start && plan(d, earlier).ok) return earlier;
      if (later < MINUTES_PER_DAY && plan(d, later).ok) return later;
    }
  }
  return null;
}

function durationsOf(options: ScheduleOptions): Durations {
  const lunchStart = parseTime(options.lunchStart ?? "12:00", "début du déjeuner");
  const lunch = positiveMinutes(options.lunchMinutes, 60, "déjeuner");
  const window = `${frenchTime(LUNCH_FROM)} et ${frenchTime(LUNCH_TO)}`;
  if (LUNCH_FROM + lunch > LUNCH_TO) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Un déjeuner de ${lunch} min ne tient pas entre ${window}.`,
      { field: "lunchMinutes", value: lunch },
    );
  }
  if (lunchStart < LUNCH_FROM || lunchStart + lunch > LUNCH_TO) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le déjeuner se prend entre ${window} : avec ${lunch} min de déjeuner, son heure (${frenchTime(lunchStart)}) doit être comprise entre ${frenchTime(LUNCH_FROM)} et ${frenchTime(LUNCH_TO - lunch)}.`,
      { field: "lunchStart", value: formatTime(lunchStart) },
    );
  }
  return {
    visit: positiveMinutes(options.visitMinutes, 45, "accueil et visite"),
    general: positiveMinutes(options.generalPresentationMinutes, 30, "présentation générale"),
    presentation: positiveMinutes(options.presentationMinutes, 15, "présentation d'un critère"),
    exchange: positiveMinutes(options.exchangeMinutes, 15, "échanges sur un critère"),
    pause: positiveMinutes(options.breakMinutes, 15, "pause"),
    breakEvery: positiveMinutes(
      options.breakEveryCriteria,
      3,
      "nombre de critères entre deux pauses",
    ),
    lunch,
    deliberation: positiveMinutes(options.deliberationMinutes, 30, "délibération des auditeurs"),
    conclusions: positiveMinutes(options.conclusionsMinutes, 45, "conclusions"),
    lunchStart,
    criteria: options.criteria,
  };
}

function assertCriteria(criteria: readonly CriterionCode[]): void {
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
  if (seen.has("9a") && seen.has("9b")) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Les critères 9-a et 9-b s'excluent : l'établissement présente l'un ou l'autre (ou aucun), pas les deux.",
      { codes: ["9a", "9b"] },
    );
  }
}

function speakersOf(pilots: ScheduleOptions["pilots"], code: CriterionCode): string[] {
  const names = (pilots?.[code] ?? []).map((n) => n.trim()).filter((n) => n !== "");
  return [...new Set(names)];
}

/**
 * Builds the audit-day programme: welcome and visit, general presentation, then for each criterion a
 * presentation followed by an exchange (spoken by the criterion's pilots), then the auditors'
 * deliberation and their oral conclusions.
 *
 * - Criteria 9-a and 9-b exclude each other.
 * - A break comes after every `breakEveryCriteria` criteria (counted since the last break or lunch),
 *   never after the last criterion and never where lunch is taken.
 * - Lunch lies entirely between 11:30 and 14:00. It is planned when the day starts before `lunchStart`
 *   and, without it, would reach `lunchStart` before the deliberation or end after 14:00; it is taken at
 *   a criterion boundary (after the general presentation, between two criteria, or before the
 *   deliberation): the first one at or after `lunchStart` that fits the window, else the latest one
 *   before it that fits. When no boundary fits, the options are refused (with a start time that works).
 * - The day ends by 18:00; otherwise the error gives the latest start time that fits (on a 5-minute
 *   grid when one fits).
 * - With `pilots`, each criterion slot names its speakers; a criterion without pilot is flagged in
 *   `criteriaWithoutPilot`, or refused with `requirePilots`.
 */
export function generateAuditDaySchedule(options: ScheduleOptions): AuditDaySchedule {
  const start = parseTime(options.startTime ?? "08:30", "début de la journée");
  const durations = durationsOf(options);
  assertCriteria(options.criteria);
  if (options.auditDate !== undefined) {
    const reason = nonWorkingDayReason(options.auditDate);
    if (reason !== null) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `L'audit doit avoir lieu un jour ouvré : le ${formatFrenchDateWithWeekday(options.auditDate)} ${reason}.`,
        { auditDate: options.auditDate, reason: "NOT_A_WORKING_DAY" },
      );
    }
  }
  const checkPilots = options.pilots !== undefined || options.requirePilots === true;
  const criteriaWithoutPilot = checkPilots
    ? options.criteria.filter((code) => speakersOf(options.pilots, code).length === 0)
    : [];
  if (options.requirePilots && criteriaWithoutPilot.length > 0) {
    const list = criteriaWithoutPilot.map(criterionDisplayCode).join(", ");
    throw new DomainError(
      "BAD_USER_INPUT",
      `Chaque critère est présenté par ses pilotes : ${criteriaWithoutPilot.length > 1 ? "les critères" : "le critère"} ${list} ${criteriaWithoutPilot.length > 1 ? "n'ont" : "n'a"} pas de pilote.`,
      { criteriaWithoutPilot },
    );
  }

  const result = plan(durations, start);
  if (!result.ok) {
    if (result.reason === "ENDS_TOO_LATE") {
      const latest = latestStartBefore(durations, start);
      const end = result.end >= MINUTES_PER_DAY ? "après minuit" : `à ${frenchTime(result.end)}`;
      throw new DomainError(
        "BAD_USER_INPUT",
        latest === null
          ? `La journée d'audit se terminerait ${end} : elle doit s'achever à ${frenchTime(DAY_END)} au plus tard, ce que ce programme ne permet pas ; réduisez les durées ou le nombre de critères.`
          : `La journée d'audit se terminerait ${end} : elle doit s'achever à ${frenchTime(DAY_END)} au plus tard. Commencez au plus tard à ${frenchTime(latest)}, ou réduisez les durées ou le nombre de critères.`,
        {
          reason: "ENDS_TOO_LATE",
          start: formatTime(start),
          end: result.end >= MINUTES_PER_DAY ? null : formatTime(result.end),
          latestStart: latest === null ? null : formatTime(latest),
        },
      );
    }
    const suggested = closestFeasibleStart(durations, start);
    throw new DomainError(
      "BAD_USER_INPUT",
      `Avec ces horaires, aucun moment du programme ne permet de placer le déjeuner (${durations.lunch} min) entre ${frenchTime(LUNCH_FROM)} et ${frenchTime(LUNCH_TO)}${suggested === null ? " : ajustez les durées." : ` : commencez par exemple à ${frenchTime(suggested)}, ou ajustez les durées.`}`,
      {
        reason: "NO_LUNCH_SLOT",
        start: formatTime(start),
        suggestedStart: suggested === null ? null : formatTime(suggested),
      },
    );
  }

  const slots: ScheduleSlot[] = result.layout.slots.map((raw) => {
    const code = raw.criterionCode;
    const label = code === null ? "" : `Critère ${criterionDisplayCode(code)}`;
    const title =
      raw.kind === "CRITERION_PRESENTATION"
        ? `${label} — présentation`
        : raw.kind === "CRITERION_EXCHANGE"
          ? `${label} — échanges avec les auditeurs`
          : SCHEDULE_SLOT_KIND_LABELS[raw.kind];
    return {
      kind: raw.kind,
      start: formatTime(raw.start),
      end: formatTime(raw.start + raw.duration),
      durationMinutes: raw.duration,
      criterionCode: code,
      title,
      speakers: code === null ? [] : speakersOf(options.pilots, code),
    };
  });
  const end = result.layout.end;
  return {
    slots,
    start: formatTime(start),
    end: formatTime(end),
    totalMinutes: end - start,
    criteriaWithoutPilot,
  };
}
