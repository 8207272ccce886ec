/** Typed translation keys: `t("login.title")` is checked against fr.json, `t("error.title", { ns: "ui" })` against @ldm/ui. */
import "i18next";
import type { uiResources } from "@ldm/ui";
import type fr from "./fr.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof fr;
      ui: (typeof uiResources)["fr"];
    };
  }
}
