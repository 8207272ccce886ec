import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../../components/PlaceholderPage";

/** One criterion's self-evaluation editor (to be written); `:criterionCode` is 1 to 8, 9a or 9b. */
export function CriterionPage() {
  const { t } = useTranslation();
  const { criterionCode = "" } = useParams();
  return <PlaceholderPage title={t("criterion.title", { code: criterionCode })} />;
}
