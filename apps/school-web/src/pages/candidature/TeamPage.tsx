import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Steering team and criterion pilots (to be written). */
export function TeamPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("team.title")} />;
}
