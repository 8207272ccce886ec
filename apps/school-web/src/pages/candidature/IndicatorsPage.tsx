import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Indicators: table per school year and a chart per indicator (to be written). */
export function IndicatorsPage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("indicators.title")} />;
}
