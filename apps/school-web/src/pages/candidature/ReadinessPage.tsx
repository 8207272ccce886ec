import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Readiness per criterion and submission (to be written). */
export function ReadinessPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("readiness.title")} />;
}
