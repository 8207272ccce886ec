/** The portal's i18n instance: French first; English has at least the same keys (a test checks it). */
import { createI18n } from "@ldm/ui";
import en from "./en.json";
import fr from "./fr.json";

export const resources = { fr, en };

export function createAppI18n(lng: "fr" | "en" = "fr") {
  return createI18n({ resources, lng });
}
