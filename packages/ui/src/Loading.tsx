import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";

/** A polite loading message (announced by screen readers). */
export function Loading() {
  const { t } = useTranslation("ui");
  return (
    <p role="status" aria-live="polite" className={fr.cx("fr-my-4w")}>
      {t("loading")}
    </p>
  );
}
