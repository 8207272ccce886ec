import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { parseIndicatorTarget } from "@ldm/domain";
import { GraphQLErrorAlert, IndicatorChart, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { graphql } from "../../gql";
import type { IndicatorsPageQuery as IndicatorsPageData } from "../../gql/graphql";
import { useCandidatureId } from "./candidatureContext";
import { canEditCriterion, editableCriteria, isSchoolEditable } from "./criterion/access";
import { DeleteIndicatorButton } from "./indicators/DeleteIndicatorButton";
import { IndicatorValueForm } from "./indicators/IndicatorValueForm";
import { NewIndicatorForm } from "./indicators/NewIndicatorForm";
import { formatValue, yearsToShow } from "./indicators/schoolYears";
import { TrendText } from "./indicators/TrendText";

export const IndicatorsPageQuery = graphql(`
  query IndicatorsPage($id: ID!) {
    candidature(id: $id) {
      id
      state
      members {
        id
        isLead
        establishment {
          id
          name
        }
      }
      criteria {
        code
        number
        shortTitle
      }
      pilots {
        id
        criterionCode
        establishment {
          id
        }
        user {
          id
        }
      }
      indicators {
        id
        name
        kind
        unit
        direction
        target
        source
        criterionCodes
        establishment {
          id
        }
        trend {
          trend
          improving
        }
        values {
          id
          schoolYear
          numericValue
          textValue
        }
      }
    }
  }
`);

type Candidature = IndicatorsPageData["candidature"];
type IndicatorData = Candidature["indicators"][number];

/**
 * The indicators of each establishment: a table per school year (last years up to the current one), a
 * chart of each quantitative indicator over the years, the value form, creation and deletion for those
 * who may edit the criteria the indicator supports.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const id = useCandidatureId();
  const { user } = useCurrentUser();
  const { data, loading, error } = useQuery(IndicatorsPageQuery, { variables: { id } });
  useDocumentTitle(t("dossier.indicators.title"));
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  const editable = isSchoolEditable(c.state);
  const own = user?.establishment?.id;
  const members = [...c.members].sort(
    (a, b) => Number(b.establishment.id === own) - Number(a.establishment.id === own),
  );
  return (
    <>
      <h1>{t("dossier.indicators.title")}</h1>
      <p>{t("dossier.indicators.intro")}</p>
      {!editable && (
        <Alert small severity="info" role="status" description={t("dossier.criterion.locked")} />
      )}
      {members.map((m) => {
        const establishmentId = m.establishment.id;
        const indicators = c.indicators.filter((i) => i.establishment.id === establishmentId);
        const creatable = editable
          ? editableCriteria(
              user,
              c.pilots,
              establishmentId,
              c.criteria.map((x) => x.code),
            )
          : [];
        return (
          <section
            key={establishmentId}
            className={fr.cx("fr-mt-5w")}
            aria-labelledby={`indicators-${establishmentId}`}
          >
            <h2 id={`indicators-${establishmentId}`} className={fr.cx("fr-h3")}>
              {m.establishment.name}
            </h2>
            {indicators.length === 0 ? (
              <p>{t("dossier.indicators.none")}</p>
            ) : (
              <IndicatorsTable
                name={m.establishment.name}
                indicators={indicators}
                criteria={c.criteria}
              />
            )}
            {indicators.map((i) => {
              const mayEdit =
                editable &&
                i.criterionCodes.length > 0 &&
                i.criterionCodes.every((code) =>
                  canEditCriterion(user, c.pilots, establishmentId, code),
                );
              return (
                <section
                  key={i.id}
                  className={fr.cx("fr-p-3w", "fr-mt-3w")}
                  style={{ border: "1px solid var(--border-default-grey)" }}
                  aria-labelledby={`indicator-${i.id}`}
                >
                  <h3 id={`indicator-${i.id}`} className={fr.cx("fr-h5")}>
                    {i.name}
                  </h3>
                  <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
                    <div className={fr.cx("fr-col-12", "fr-col-lg-6")}>
                      {i.kind === "QUANTITATIVE" ? (
                        <IndicatorChart
                          name={i.name}
                          unit={i.unit}
                          target={i.target}
                          goal={parseIndicatorTarget(i.target, i.unit)}
                          values={i.values}
                        />
                      ) : (
                        <QualitativeValues indicator={i} />
                      )}
                    </div>
                    <div className={fr.cx("fr-col-12", "fr-col-lg-6")}>
                      {mayEdit ? (
                        <>
                          <IndicatorValueForm indicator={i} />
                          <DeleteIndicatorButton indicator={i} />
                        </>
                      ) : (
                        <p className={fr.cx("fr-text--sm")}>{t("dossier.indicators.readOnly")}</p>
                      )}
                    </div>
                  </div>
                </section>
              );
            })}
            {creatable.length > 0 && (
              <div
                className={fr.cx("fr-mt-5w", "fr-p-3w")}
                style={{ background: "var(--background-alt-grey)" }}
              >
                <NewIndicatorForm
                  candidatureId={c.id}
                  establishmentId={establishmentId}
                  criteria={c.criteria.filter((x) => creatable.includes(x.code))}
                />
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

function IndicatorsTable({
  name,
  indicators,
  criteria,
}: {
  name: string;
  indicators: readonly IndicatorData[];
  criteria: Candidature["criteria"];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // The last four school years up to the current one (five would not fit beside the names); the
  // chart of each indicator shows every year.
  const years = yearsToShow(
    indicators.flatMap((i) => i.values.map((v) => v.schoolYear)),
    new Date(),
    4,
  );
  const criterionName = (code: string) => {
    const x = criteria.find((k) => k.code === code);
    return x ? t("dossier.criterionShort", { number: x.number }) : code;
  };
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
      <div className={fr.cx("fr-table__wrapper")}>
        {/* Focusable so that keyboard users can scroll a table wider than the screen. */}
        <div
          className={fr.cx("fr-table__container")}
          tabIndex={0}
          role="region"
          aria-label={t("dossier.indicators.tableCaption", { name })}
        >
          <div className={fr.cx("fr-table__content")}>
            <table>
              <caption>{t("dossier.indicators.tableCaption", { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dossier.indicators.columns.name")}</th>
                  {years.map((y) => (
                    <th key={y} scope="col">
                      {y}
                    </th>
                  ))}
                  <th scope="col">{t("dossier.indicators.columns.trend")}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((i) => (
                  <tr key={i.id}>
                    <th
                      scope="row"
                      className={fr.cx("fr-cell--multiline")}
                      style={{ minWidth: "14rem" }}
                    >
                      {i.name}
                      <br />
                      <span className={fr.cx("fr-text--xs")} style={{ fontWeight: "normal" }}>
                        {t(`dossier.enums.IndicatorKind.${i.kind}`)}
                        {i.unit ? ` · ${t("dossier.indicators.unit", { unit: i.unit })}` : ""}
                        {` · ${t("dossier.indicators.sourceIs", { source: i.source })}`}
                        <br />
                        {i.target
                          ? `${t("dossier.indicators.targetIs", { target: i.target })} · `
                          : ""}
                        {i.criterionCodes.map(criterionName).join(", ")}
                      </span>
                    </th>
                    {years.map((y) => {
                      const v = i.values.find((x) => x.schoolYear === y);
                      return (
                        <td key={y}>
                          {v ? (
                            formatValue(v, i.unit, i.kind, lng)
                          ) : (
                            <>
                              <span aria-hidden="true">—</span>
                              <span className={fr.cx("fr-sr-only")}>
                                {t("dossier.indicators.noValueFor", { year: y })}
                              </span>
                            </>
                          )}
                        </td>
                      );
                    })}
                    <td className={fr.cx("fr-cell--multiline")}>
                      <TrendText trend={i.trend} kind={i.kind} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function QualitativeValues({ indicator }: { indicator: IndicatorData }) {
  const { t } = useTranslation();
  if (indicator.values.length === 0)
    return <p className={fr.cx("fr-text--sm")}>{t("dossier.indicators.noValue")}</p>;
  return (
    <dl className={fr.cx("fr-text--sm")}>
      {indicator.values.map((v) => (
        <div key={v.id}>
          <dt className={fr.cx("fr-text--bold")}>{v.schoolYear}</dt>
          <dd className={fr.cx("fr-mb-1w")}>{v.textValue ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
