/**
 * Dates for people. The API sends civil dates (`LocalDate`, `YYYY-MM-DD`: no time zone, formatted as
 * they are) and instants (`DateTimeISO`, shown in Europe/Paris time).
 */
import { localeOf } from "./locale";

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface FormatDateOptions {
  /** Language (default French). */
  lng?: string;
  /** Also show the time (instants only). */
  withTime?: boolean;
  /** `long` (15 mars 2026, the default) or `short` (15/03/2026). */
  style?: "long" | "short";
}

export function formatDate(
  value: string | Date | null | undefined,
  { lng = "fr", withTime = false, style = "long" }: FormatDateOptions = {},
): string {
  if (value == null || value === "") return "";
  const dateStyle = style === "long" ? "long" : "short";
  const locale = localeOf(lng);
  if (typeof value === "string") {
    const civil = LOCAL_DATE.exec(value);
    if (civil) {
      const [, y, m, d] = civil;
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      return new Intl.DateTimeFormat(locale, { dateStyle, timeZone: "UTC" }).format(date);
    }
  }
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, {
    dateStyle,
    ...(withTime ? { timeStyle: "short" as const } : {}),
    timeZone: "Europe/Paris",
  }).format(date);
}

/** Today's civil date in Paris (`YYYY-MM-DD`), to compare with the API's `LocalDate`s. */
export function todayLocalDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
