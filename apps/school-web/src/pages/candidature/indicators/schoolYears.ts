/** School years (« 2024-2025 », from September to August) and the display of indicator values. */
import { formatQuantity } from "@ldm/ui";
import type { IndicatorKind } from "../../../gql/graphql";

/** The school year a date falls in (Paris civil date; a school year starts on 1 September). */
export function schoolYearOf(date: Date = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
  })
    .format(date)
    .split("-")
    .map(Number) as [number, number];
  const start = m >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** The `n`-th school year before `year` (`shift(« 2024-2025 », -1)` is « 2023-2024 »). */
export function shiftSchoolYear(year: string, by: number): string {
  const start = Number(year.slice(0, 4)) + by;
  return `${start}-${start + 1}`;
}

/**
 * The columns of the indicators' table: the last four school years up to the current one, plus any
 * year that has a value, in order, at most `max` (the most recent).
 */
export function yearsToShow(
  withValues: Iterable<string>,
  now: Date = new Date(),
  max = 5,
): string[] {
  const current = schoolYearOf(now);
  const years = new Set<string>([0, -1, -2, -3].map((by) => shiftSchoolYear(current, by)));
  for (const y of withValues) years.add(y);
  return [...years].sort().slice(-max);
}

/** A value as people read it: « 82,5 % », « 14 élèves », or the qualitative appraisal. */
export function formatValue(
  v: { numericValue?: number | null; textValue?: string | null },
  unit: string | null | undefined,
  kind: IndicatorKind,
  lng: string,
): string {
  if (kind === "QUALITATIVE" || v.numericValue == null) return v.textValue ?? "—";
  return formatQuantity(v.numericValue, unit, lng);
}
