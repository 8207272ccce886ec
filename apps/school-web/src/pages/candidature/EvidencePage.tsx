import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** Evidence library: upload with progress (`uploadFile` of @ldm/ui), links to criteria (to be written). */
export function EvidencePage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t("evidence.title")} />;
}
