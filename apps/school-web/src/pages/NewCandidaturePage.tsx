import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../components/PlaceholderPage";

/** Start an individual or a network candidature (to be written). */
export function NewCandidaturePage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("newCandidature.title")} />;
}
