import { DomainError } from "./errors";

/** A calendar date `YYYY-MM-DD`, without time nor time zone. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(s: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written `YYYY-MM-DD` (2023-02-29 is false). */
export function isIsoDate(s: string): boolean {
  return typeof s === "string" && partsOf(s) !== null;
}

export function parseIsoDate(s: string): DateParts {
  const parts = typeof s === "string" ? partsOf(s) : null;
  if (!parts) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `La date « ${String(s)} » est invalide : le format attendu est AAAA-MM-JJ (par exemple 2027-03-15).`,
      { value: s },
    );
  }
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function format(parts: DateParts): IsoDate {
  if (parts.year < 1 || parts.year > 9999) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "La date calculée sort de la plage des années 0001 à 9999.",
      {
        year: parts.year,
      },
    );
  }
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le nombre de ${what} doit être un entier (reçu : ${n}).`,
      {
        value: n,
      },
    );
  }
}

/** Days since 1970-01-01 (proleptic Gregorian calendar). */
function toEpochDay({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, "jours");
  return format(fromEpochDay(toEpochDay(parseIsoDate(d)) + n));
}

/** Adds calendar months, clamping to the end of month (2024-03-31 − 1 month → 2024-02-29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertInteger(n, "mois");
  const { year, month, day } = parseIsoDate(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

/** Adds calendar years (02-29 → 02-28 on a non-leap year). */
export function addYears(d: IsoDate, n: number): IsoDate {
  assertInteger(n, "années");
  return addMonths(d, n * 12);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const da = toEpochDay(parseIsoDate(a));
  const db = toEpochDay(parseIsoDate(b));
  return da < db ? -1 : da > db ? 1 : 0;
}

/** b − a, in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(parseIsoDate(b)) - toEpochDay(parseIsoDate(a));
}

/** The school year starts on 1 September: 2023-09-01 → "2023-2024", 2024-08-31 → "2023-2024". */
export function schoolYearOf(d: IsoDate): string {
  const { year, month } = parseIsoDate(d);
  const first = month >= 9 ? year : year - 1;
  return `${pad(first, 4)}-${pad(first + 1, 4)}`;
}

/** "2021-2022" is a school year, "2021-2023" is not. */
export function isSchoolYear(s: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(s);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** "2027-03-15" → "15 mars 2027"; "2027-03-01" → "1er mars 2027". */
export function formatFrenchDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${day === 1 ? "1er" : String(day)} ${FRENCH_MONTHS[month - 1] ?? ""} ${year}`;
}
