import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Network common strategies: shared editor, CONFLICT merge (to be written; network candidatures only). */
export function StrategiesPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("strategies.title")} />;
}
