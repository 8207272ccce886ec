import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { CANDIDATURE_STATES } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { deadlineStatus, type DeadlineStatus } from "../../components/deadlines";
import { DeadlineStatusList } from "../../components/DeadlineStatusList";
import { leadFirst } from "../../components/establishments";
import { graphql } from "../../gql";
import type { CandidatureKind, CandidatureState, PipelineQuery } from "../../gql/graphql";
import { paths } from "../../paths";
import { campaignYear } from "./campaignYear";

export const PipelineQueryDocument = graphql(`
  query Pipeline($after: String, $filter: CandidatureFilter) {
    academies {
      code
      name
    }
    candidatures(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          labelTitle
          kind
          awardType
          state
          auditDate
          createdAt
          publicationDate
          renewsCandidatureId
          members {
            id
            isLead
            establishment {
              id
              name
              city
              academieCode
            }
          }
        }
      }
    }
  }
`);

type Row = PipelineQuery["candidatures"]["edges"][number]["node"];
type RowWithStatus = Row & { year: string; status: DeadlineStatus };

/** States in which a label runs (a renewal in one of them has replaced the previous label). */
function isLabelRunning(state: CandidatureState | undefined): boolean {
  return state === "LABELLED" || state === "MID_TERM_REVIEWED";
}

const KINDS: readonly CandidatureKind[] = ["INDIVIDUAL", "NETWORK"];
/** Filters carried by the URL (a filtered pipeline can be shared). */
const PARAM = { academie: "academie", year: "annee", kind: "type" } as const;

function PipelineFilters({
  academies,
  years,
}: {
  academies: readonly { code: string; name: string }[];
  years: readonly string[];
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <form
      aria-label={t("pipeline.filters")}
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Select
          label={t("pipeline.academie")}
          nativeSelectProps={{
            value: params.get(PARAM.academie) ?? "",
            onChange: (e) => set(PARAM.academie, e.target.value),
          }}
        >
          <option value="">{t("pipeline.all")}</option>
          {academies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Select
          label={t("pipeline.year")}
          nativeSelectProps={{
            value: params.get(PARAM.year) ?? "",
            onChange: (e) => set(PARAM.year, e.target.value),
          }}
        >
          <option value="">{t("pipeline.all")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Select
          label={t("pipeline.kind")}
          nativeSelectProps={{
            value: params.get(PARAM.kind) ?? "",
            onChange: (e) => set(PARAM.kind, e.target.value),
          }}
        >
          <option value="">{t("pipeline.all")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`enums.CandidatureKind.${k}`)}
            </option>
          ))}
        </Select>
      </div>
      <p className={fr.cx("fr-col-12", "fr-hint-text", "fr-mt-n2w", "fr-mb-0")}>
        {t("pipeline.yearHint")}
      </p>
    </form>
  );
}

function StateGroup({
  state,
  rows,
  academies,
}: {
  state: CandidatureState;
  rows: readonly RowWithStatus[];
  academies: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const headingId = `etat-${state}`;
  const label = t(`enums.CandidatureState.${state}`);
  const overdue = rows.filter((r) => r.status.overdue.length > 0).length;
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-5w")}>
      <h2 id={headingId} className={fr.cx("fr-h4")}>
        {label} <span className={fr.cx("fr-text--lead")}>({rows.length})</span>
      </h2>
      {overdue > 0 && (
        <p className={fr.cx("fr-error-text", "fr-mt-0")}>
          {t("pipeline.overdueInGroup", { count: overdue })}
        </p>
      )}
      <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
        <div className={fr.cx("fr-table__wrapper")}>
          {/* Focusable so that keyboard users can scroll a table wider than the screen. */}
          <div
            className={fr.cx("fr-table__container")}
            tabIndex={0}
            role="region"
            aria-label={t("pipeline.tableCaption", { state: label })}
          >
            <div className={fr.cx("fr-table__content")}>
              <table>
                <caption className={fr.cx("fr-sr-only")}>
                  {t("pipeline.tableCaption", { state: label })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={{ width: "38%" }}>
                      {t("pipeline.columns.candidature")}
                    </th>
                    <th scope="col" style={{ width: "12%" }}>
                      {t("pipeline.columns.academie")}
                    </th>
                    <th scope="col" style={{ width: "18%" }}>
                      {t("pipeline.columns.kind")}
                    </th>
                    <th scope="col" style={{ width: "12%" }}>
                      {t("pipeline.columns.auditDate")}
                    </th>
                    <th scope="col" style={{ width: "20%" }}>
                      {t("pipeline.columns.deadlines")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const members = leadFirst(r.members);
                    const codes = [...new Set(members.map((m) => m.establishment.academieCode))];
                    return (
                      <tr key={r.id} data-overdue={r.status.overdue.length > 0 || undefined}>
                        <th
                          scope="row"
                          className={fr.cx("fr-cell--multiline")}
                          style={{ minWidth: "16rem" }}
                        >
                          <Link to={paths.candidature(r.id)}>
                            {r.labelTitle ?? t("candidature.untitled")}
                          </Link>
                          <br />
                          <span className={fr.cx("fr-text--xs")} style={{ fontWeight: "normal" }}>
                            {members
                              .map((m) => `${m.establishment.name} (${m.establishment.city})`)
                              .join(" · ")}
                          </span>
                          {r.status.overdue.length > 0 && (
                            // On a phone the deadlines' column is off screen: the flag comes here.
                            <span className={fr.cx("fr-hidden-md")}>
                              <br />
                              <Badge severity="error" small>
                                {t("pipeline.overdueFlag")}
                              </Badge>
                            </span>
                          )}
                        </th>
                        <td>{codes.map((code) => academies.get(code) ?? code).join(", ")}</td>
                        <td className={fr.cx("fr-cell--multiline")}>
                          {t(`enums.CandidatureKind.${r.kind}`)}
                          <br />
                          <span className={fr.cx("fr-text--xs")}>
                            {t(`enums.AwardType.${r.awardType}`)} · {r.year}
                          </span>
                        </td>
                        <td>{r.auditDate ? formatDate(r.auditDate, { lng }) : "—"}</td>
                        <td className={fr.cx("fr-cell--multiline")} style={{ minWidth: "14rem" }}>
                          <DeadlineStatusList status={r.status} upcomingLimit={1} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

/**
 * The regional team's pipeline: every candidature, grouped by state in the procedure's order,
 * filtered by académie and kind (by the API) and by year, with overdue deadlines flagged.
 */
export function PipelinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("pipeline.title"));
  const [params] = useSearchParams();
  const academieCode = params.get(PARAM.academie) || null;
  const kindParam = params.get(PARAM.kind);
  const kind = KINDS.find((k) => k === kindParam) ?? null;
  const year = params.get(PARAM.year) || null;
  const { data, previousData, loading, error, fetchMore } = useQuery(PipelineQueryDocument, {
    variables: { after: null, filter: { academieCode, kind } },
  });
  const shown = data ?? previousData;
  const academies = new Map((shown?.academies ?? []).map((a) => [a.code, a.name]));
  const nodes = shown?.candidatures.edges.map((e) => e.node) ?? [];
  // A label whose renewal is engaged (a candidature renews it, neither withdrawn nor refused) has met
  // its renewal's start; once that renewal is labelled, the new label takes over (as the API's
  // reminders read it).
  const renewals = new Map(
    nodes
      .filter((n) => n.renewsCandidatureId && n.state !== "WITHDRAWN" && n.state !== "REFUSED")
      .map((n) => [n.renewsCandidatureId, n.state]),
  );
  const rows: RowWithStatus[] = nodes.map((n) => ({
    ...n,
    year: campaignYear(n),
    status: deadlineStatus(n, {
      renewal: {
        engaged: renewals.has(n.id),
        labelled: isLabelRunning(renewals.get(n.id)),
      },
    }),
  }));
  const years = [...new Set(rows.map((r) => r.year))].sort().reverse();
  if (year && !years.includes(year)) years.unshift(year);
  const visible = year ? rows.filter((r) => r.year === year) : rows;
  const overdue = visible.filter((r) => r.status.overdue.length > 0).length;
  const groups = CANDIDATURE_STATES.map((state) => ({
    state,
    rows: visible.filter((r) => r.state === state),
  })).filter((g) => g.rows.length > 0);
  const connection = shown?.candidatures;
  return (
    <>
      <h1>{t("pipeline.title")}</h1>
      <p>{t("pipeline.intro")}</p>
      {shown && <PipelineFilters academies={shown.academies} years={years} />}
      {error ? (
        <GraphQLErrorAlert error={error} />
      ) : !shown ? (
        <Loading />
      ) : (
        <>
          <div role="status" aria-live="polite" className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-mb-1w")}>
              {t("pipeline.count", { count: visible.length })}
              {connection && connection.totalCount > rows.length
                ? ` ${t("pipeline.loadedOf", { loaded: rows.length, total: connection.totalCount })}`
                : ""}
              {loading ? ` ${t("pipeline.refreshing")}` : ""}
            </p>
            {overdue > 0 && (
              <p className={fr.cx("fr-error-text", "fr-mt-0")}>
                {t("pipeline.overdue", { count: overdue })}
              </p>
            )}
          </div>
          {groups.length > 0 && (
            <nav aria-label={t("pipeline.byState")} className={fr.cx("fr-mb-2w")}>
              <ul className={fr.cx("fr-tags-group")}>
                {groups.map((g) => (
                  <li key={g.state}>
                    <a className={fr.cx("fr-tag", "fr-tag--sm")} href={`#etat-${g.state}`}>
                      {t(`enums.CandidatureState.${g.state}`)} ({g.rows.length})
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {groups.length === 0 && <p>{t("pipeline.empty")}</p>}
          {groups.map((g) => (
            <StateGroup key={g.state} state={g.state} rows={g.rows} academies={academies} />
          ))}
          {connection?.pageInfo.hasNextPage && (
            <Button
              className={fr.cx("fr-mt-4w")}
              priority="secondary"
              onClick={() =>
                void fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    candidatures: {
                      ...fetchMoreResult.candidatures,
                      edges: [
                        ...previous.candidatures.edges,
                        ...fetchMoreResult.candidatures.edges,
                      ],
                    },
                  }),
                })
              }
            >
              {t("pipeline.more")}
            </Button>
          )}
        </>
      )}
    </>
  );
}
