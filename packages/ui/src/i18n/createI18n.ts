/**
 * i18n of the portals: one i18next instance per application, French first. Each portal brings its own
 * strings (namespace `translation`, the default); the shared components use the `ui` namespace below.
 */
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import uiEn from "./en.json";
import uiFr from "./fr.json";

export const SUPPORTED_LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The shared strings, exported so that a portal can declare i18next's typed resources. */
export const uiResources = { fr: uiFr, en: uiEn } as const;
export const UI_NAMESPACE = "ui";

type Translations = Record<string, unknown>;

export interface CreateI18nOptions {
  /** The portal's strings: `fr` is the reference, every other language has at least its keys. */
  resources: { fr: Translations } & Partial<Record<Language, Translations>>;
  /** Language at start (default: French). */
  lng?: Language;
}

export function createI18n({ resources, lng = "fr" }: CreateI18nOptions): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: "fr",
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: ["translation", UI_NAMESPACE],
    defaultNS: "translation",
    resources: Object.fromEntries(
      SUPPORTED_LANGUAGES.map((language) => [
        language,
        { translation: resources[language] ?? {}, [UI_NAMESPACE]: uiResources[language] },
      ]),
    ),
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously, so the first render is already translated.
    initAsync: false,
  });
  return instance;
}
