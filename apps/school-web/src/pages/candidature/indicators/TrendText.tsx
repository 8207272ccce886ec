import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import type { IndicatorKind, Trend } from "../../../gql/graphql";

const ICONS = {
  RISING: "fr-icon-arrow-right-up-line",
  FALLING: "fr-icon-arrow-right-down-line",
  STABLE: "fr-icon-arrow-right-line",
  INSUFFICIENT_DATA: "fr-icon-question-line",
} as const;

/** The trend in words (never by colour alone): « En hausse — évolution favorable ». */
export function TrendText({
  trend,
  kind,
}: {
  trend: { trend: Trend; improving?: boolean | null };
  kind: IndicatorKind;
}) {
  const { t } = useTranslation();
  if (kind === "QUALITATIVE") return <span>{t("dossier.indicators.qualitativeTrend")}</span>;
  // Only a move is judged (the domain also calls « stable » not improving when a direction is wanted).
  const moved = trend.trend === "RISING" || trend.trend === "FALLING";
  const judgement =
    !moved || trend.improving == null
      ? null
      : trend.improving
        ? t("dossier.indicators.improving")
        : t("dossier.indicators.worsening");
  return (
    <span>
      <span className={fr.cx(ICONS[trend.trend], "fr-icon--sm", "fr-mr-1v")} aria-hidden="true" />
      {t(`dossier.enums.Trend.${trend.trend}`)}
      {judgement ? ` — ${judgement}` : ""}
    </span>
  );
}
