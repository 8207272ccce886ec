/** Numbers and quantities as people read them in the portal's language (« 82,5 % », « 1 200 élèves »). */
import { localeOf } from "./locale";

export function formatNumber(n: number, lng: string): string {
  return new Intl.NumberFormat(localeOf(lng), { maximumFractionDigits: 2 }).format(n);
}

/** A number and its unit, kept together by a no-break space. */
export function formatQuantity(n: number, unit: string | null | undefined, lng: string): string {
  const text = formatNumber(n, lng);
  return unit ? `${text}\u00a0${unit}` : text;
}
