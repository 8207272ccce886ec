import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { CriterionPageQuery } from "../../../gql/graphql";
import { paths } from "../../../paths";
import { TrendText } from "../indicators/TrendText";
import { formatValue } from "../indicators/schoolYears";

type Candidature = CriterionPageQuery["candidature"];

/** Beside the editor: who pilots the criterion, and the indicators that support it (last values, trend). */
export function CriterionSidebar({
  candidatureId,
  pilots,
  indicators,
}: {
  candidatureId: string;
  criterionCode: string;
  pilots: readonly Candidature["pilots"][number][];
  indicators: readonly Candidature["indicators"][number][];
}) {
  const { t, i18n } = useTranslation();
  return (
    <aside aria-labelledby="criterion-side-title">
      <h2 id="criterion-side-title" className={fr.cx("fr-sr-only")}>
        {t("dossier.criterion.aside")}
      </h2>
      <section className={fr.cx("fr-mb-4w")} aria-labelledby="criterion-pilots-title">
        <h3 id="criterion-pilots-title" className={fr.cx("fr-h6")}>
          {t("dossier.criterion.pilots")}
        </h3>
        {pilots.length === 0 ? (
          <p className={fr.cx("fr-text--sm")}>{t("dossier.criterion.noPilot")}</p>
        ) : (
          <ul className={fr.cx("fr-text--sm")}>
            {pilots.map((p) => (
              <li key={p.id}>
                <strong>{p.user.fullName ?? t("dossier.criterion.hiddenName")}</strong>
                {p.user.jobTitle ? `, ${p.user.jobTitle}` : ""} — {p.establishment.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="criterion-indicators-title">
        <h3 id="criterion-indicators-title" className={fr.cx("fr-h6")}>
          {t("dossier.criterion.indicators")}
        </h3>
        {indicators.length === 0 ? (
          <p className={fr.cx("fr-text--sm")}>{t("dossier.criterion.noIndicator")}</p>
        ) : (
          <ul className={fr.cx("fr-raw-list", "fr-text--sm")}>
            {indicators.map((i) => (
              <li key={i.id} className={fr.cx("fr-mb-2w")}>
                <strong>{i.name}</strong>
                <br />
                {i.values.length === 0
                  ? t("dossier.indicators.noValue")
                  : i.values
                      .slice(-3)
                      .map(
                        (v) => `${v.schoolYear} : ${formatValue(v, i.unit, i.kind, i18n.language)}`,
                      )
                      .join(" · ")}
                <br />
                <TrendText trend={i.trend} kind={i.kind} />
              </li>
            ))}
          </ul>
        )}
        <Link
          className={fr.cx("fr-link", "fr-text--sm")}
          to={paths.candidature(candidatureId, "indicators")}
        >
          {t("dossier.criterion.allIndicators")}
        </Link>
      </section>
    </aside>
  );
}
