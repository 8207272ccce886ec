/**
 * The `Intl` locale of a portal language (`i18n.language`): French is France's French (« 1 024,5 »,
 * « 15 mars 2026 », « 20 Mo »); any other language is passed as it is.
 */
export function localeOf(lng: string): string {
  return lng === "fr" ? "fr-FR" : lng;
}
