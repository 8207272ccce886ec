/**
 * The French working calendar: public holidays (jours fériés) of metropolitan France and working days
 * (jours ouvrés: Monday to Friday, public holidays excepted). Dates are `IsoDate` strings.
 *
 * The list is the national one of the Code du travail (art. L3133-1). The Alsace-Moselle extra days
 * (Good Friday, 26 December) and the overseas abolition-of-slavery days are not included: the label is
 * run in the région académique PACA. Whit Monday is listed as a public holiday even where it is the
 * « journée de solidarité ».
 */
import { addDays, daysBetween, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";

export type PublicHolidayKey =
  | "NEW_YEAR"
  | "EASTER_MONDAY"
  | "LABOUR_DAY"
  | "VICTORY_1945"
  | "ASCENSION"
  | "WHIT_MONDAY"
  | "NATIONAL_DAY"
  | "ASSUMPTION"
  | "ALL_SAINTS"
  | "ARMISTICE_1918"
  | "CHRISTMAS";

/** A public holiday (jour férié): its date, an English key and its French name as written in a sentence. */
export interface PublicHoliday {
  date: IsoDate;
  key: PublicHolidayKey;
  name: string;
}

/** French names, as written inside a sentence (« le lundi 25 mai 2026 est férié (lundi de Pentecôte) »). */
export const PUBLIC_HOLIDAY_NAMES: Record<PublicHolidayKey, string> = {
  NEW_YEAR: "jour de l'An",
  EASTER_MONDAY: "lundi de Pâques",
  LABOUR_DAY: "fête du Travail",
  VICTORY_1945: "Victoire 1945",
  ASCENSION: "jeudi de l'Ascension",
  WHIT_MONDAY: "lundi de Pentecôte",
  NATIONAL_DAY: "Fête nationale",
  ASSUMPTION: "Assomption",
  ALL_SAINTS: "Toussaint",
  ARMISTICE_1918: "Armistice 1918",
  CHRISTMAS: "Noël",
};

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const FRENCH_WEEKDAYS = [
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
] as const;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'année ${year} est invalide : une année entière du calendrier grégorien (1583 à 9999) est attendue.`,
      { year },
    );
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus / Jones / Butcher).
 * 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28 …
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** The 11 public holidays of a year in metropolitan France, sorted by date, with their French names. */
export function publicHolidaysOf(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const y = String(year).padStart(4, "0");
  const holiday = (key: PublicHolidayKey, date: IsoDate): PublicHoliday => ({
    date,
    key,
    name: PUBLIC_HOLIDAY_NAMES[key],
  });
  return [
    holiday("NEW_YEAR", `${y}-01-01`),
    holiday("EASTER_MONDAY", addDays(easter, 1)),
    holiday("LABOUR_DAY", `${y}-05-01`),
    holiday("VICTORY_1945", `${y}-05-08`),
    holiday("ASCENSION", addDays(easter, 39)),
    holiday("WHIT_MONDAY", addDays(easter, 50)),
    holiday("NATIONAL_DAY", `${y}-07-14`),
    holiday("ASSUMPTION", `${y}-08-15`),
    holiday("ALL_SAINTS", `${y}-11-01`),
    holiday("ARMISTICE_1918", `${y}-11-11`),
    holiday("CHRISTMAS", `${y}-12-25`),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Holidays by year, computed once (a deterministic memo, not state). */
const HOLIDAYS_BY_YEAR = new Map<number, readonly PublicHoliday[]>();

function holidaysOfYear(year: number): readonly PublicHoliday[] {
  let holidays = HOLIDAYS_BY_YEAR.get(year);
  if (!holidays) {
    holidays = Object.freeze(publicHolidaysOf(year).map((h) => Object.freeze(h)));
    HOLIDAYS_BY_YEAR.set(year, holidays);
  }
  return holidays;
}

/** The public holiday falling on that date, or null. */
export function publicHolidayOn(date: IsoDate): PublicHoliday | null {
  const { year } = parseIsoDate(date);
  if (year < 1583) return null;
  const holiday = holidaysOfYear(year).find((h) => h.date === date);
  return holiday ? { ...holiday } : null;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidayOn(date) !== null;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate): IsoWeekday {
  const days = daysBetween("1970-01-01", date);
  return (((((days + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** A working day (jour ouvré): Monday to Friday, and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isPublicHoliday(date);
}

/** "2026-05-25" → "lundi 25 mai 2026"; "2026-05-01" → "vendredi 1er mai 2026". */
export function formatFrenchDateWithWeekday(date: IsoDate): string {
  return `${FRENCH_WEEKDAYS[isoWeekday(date) - 1] ?? ""} ${formatFrenchDate(date)}`;
}

/**
 * Why a date is not a working day, in French, to follow « le lundi 25 mai 2026 … »: « est férié
 * (lundi de Pentecôte) », « est un samedi », « est un dimanche »; null for a working day. A public
 * holiday on a weekend is reported as the holiday.
 */
export function nonWorkingDayReason(date: IsoDate): string | null {
  const holiday = publicHolidayOn(date);
  if (holiday) return `est férié (${holiday.name})`;
  const weekday = isoWeekday(date);
  if (weekday === 6) return "est un samedi";
  if (weekday === 7) return "est un dimanche";
  return null;
}

/** The first working day strictly after the date. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
