/**
 * The portal's i18n instance: French first; English has at least the same keys (a test checks it).
 * The shared components' strings come from @ldm/ui (namespace `ui`).
 */
import { createI18n } from "@ldm/ui";
import en from "./en.json";
import fr from "./fr.json";

export const frTranslation = fr;
export const enTranslation = en;
export const resources = { fr: frTranslation, en: enTranslation };

export function createAppI18n(lng: "fr" | "en" = "fr") {
  return createI18n({ resources, lng });
}
