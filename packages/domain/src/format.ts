/**
 * Display formats shared by the API (error messages, PDF) and the portals: one formatter per kind of value.
 */

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/**
 * A file size for people, with the locale's own unit names: « 512 octets », « 64 ko », « 20 Mo »
 * (`Intl.NumberFormat` with a unit; 1 ko = 1 024 octets, as file explorers count).
 */
export function formatFileSize(bytes: number, locale = "fr-FR"): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
