import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { parseIndicatorTarget } from "@ldm/domain";
import { formatQuantity, IndicatorChart } from "@ldm/ui";
import type { FrozenIndicator } from "./dossierData";
import { criterionLabel } from "./DossierSideMenu";

/**
 * One indicator of the dossier: what it measures (kind, unit, source, target, criteria supported),
 * its values by school year in a table, and the chart of a quantitative one (the shared chart).
 */
export function IndicatorCard({
  indicator: i,
  headingLevel = 3,
}: {
  indicator: FrozenIndicator;
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const headingId = `indicateur-${i.id}`;
  const values = [...i.values].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  return (
    <section
      aria-labelledby={headingId}
      className={fr.cx("fr-p-3w", "fr-mb-3w")}
      style={{ border: "1px solid var(--border-default-grey)" }}
    >
      <Heading id={headingId} className={fr.cx("fr-h6", "fr-mb-1w")}>
        {i.name}
      </Heading>
      <p className={fr.cx("fr-text--xs", "fr-mb-2w")}>
        {t(`enums.IndicatorKind.${i.kind}`)}
        {i.unit ? ` · ${t("indicators.unit", { unit: i.unit })}` : ""}
        {` · ${t("indicators.source", { source: i.source })}`}
        {i.target ? ` · ${t("indicators.target", { target: i.target })}` : ""}
        {` · ${t(`enums.IndicatorDirection.${i.direction}`)}`}
        {i.criterionCodes.length > 0
          ? ` · ${t("indicators.criteria", { codes: i.criterionCodes.map(criterionLabel).join(", ") })}`
          : ""}
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div
          className={fr.cx("fr-col-12", i.kind === "QUANTITATIVE" ? "fr-col-lg-5" : "fr-col-lg-12")}
        >
          {values.length === 0 ? (
            <p className={fr.cx("fr-text--sm")}>{t("indicators.noValue")}</p>
          ) : (
            <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--no-caption", "fr-mb-0")}>
              <div className={fr.cx("fr-table__wrapper")}>
                <div className={fr.cx("fr-table__container")}>
                  <div className={fr.cx("fr-table__content")}>
                    <table>
                      <caption>{t("indicators.tableCaption", { name: i.name })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("indicators.schoolYear")}</th>
                          <th scope="col">
                            {i.kind === "QUANTITATIVE"
                              ? t("indicators.value")
                              : t("indicators.appraisal")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {values.map((v) => (
                          <tr key={v.schoolYear}>
                            <th scope="row">{v.schoolYear}</th>
                            <td className={fr.cx("fr-cell--multiline")}>
                              {i.kind === "QUANTITATIVE" && v.numericValue != null
                                ? formatQuantity(v.numericValue, i.unit, lng)
                                : (v.textValue ?? "—")}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </div>
            </div>
          )}
        </div>
        {i.kind === "QUANTITATIVE" && (
          <div className={fr.cx("fr-col-12", "fr-col-lg-7")}>
            <IndicatorChart
              name={i.name}
              unit={i.unit}
              target={i.target}
              goal={parseIndicatorTarget(i.target, i.unit)}
              values={values}
            />
          </div>
        )}
      </div>
    </section>
  );
}
