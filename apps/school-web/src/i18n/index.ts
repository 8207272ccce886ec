/**
 * The portal's i18n instance: French first; English has at least the same keys (a test checks it).
 * Texts are split by area (one file per area and language, each under its own top-level key) so that
 * several people can add texts at once; they are merged into the default namespace.
 */
import { createI18n } from "@ldm/ui";
import en from "./en.json";
import fr from "./fr.json";
import dossierEn from "./dossier.en.json";
import dossierFr from "./dossier.fr.json";
import procedureEn from "./procedure.en.json";
import procedureFr from "./procedure.fr.json";

export const frTranslation = { ...fr, ...dossierFr, ...procedureFr };
export const enTranslation = { ...en, ...dossierEn, ...procedureEn };
export const resources = { fr: frTranslation, en: enTranslation };

export function createAppI18n(lng: "fr" | "en" = "fr") {
  return createI18n({ resources, lng });
}
