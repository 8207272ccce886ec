/** Typed translation keys: `t("login.title")` is checked against fr.json, `t("error.title", { ns: "ui" })` against @ldm/ui. */
import "i18next";
import type { uiResources } from "@ldm/ui";
import type { frTranslation } from "./index";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof frTranslation;
      ui: (typeof uiResources)["fr"];
    };
  }
}
