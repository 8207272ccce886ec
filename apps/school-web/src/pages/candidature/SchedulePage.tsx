import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Audit-day schedule preview from the domain's generator (to be written). */
export function SchedulePage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("schedule.title")} />;
}
