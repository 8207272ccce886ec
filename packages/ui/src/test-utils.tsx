/** Test helper: renders with a French i18n instance (the shared strings only). */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { createI18n } from "./i18n/createI18n";
import { I18nProvider } from "./i18n/I18nProvider";

export function renderWithI18n(ui: ReactElement, lng: "fr" | "en" = "fr") {
  const i18n = createI18n({ resources: { fr: {}, en: {} }, lng });
  return render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
}
