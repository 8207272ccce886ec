import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { nextAuditStep } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, Loading, todayLocalDate, useDocumentTitle } from "@ldm/ui";
import { deadlineStatus } from "../../components/deadlines";
import { DeadlineStatusList } from "../../components/DeadlineStatusList";
import { leadFirst } from "../../components/establishments";
import { StateBadge } from "../../components/StateBadge";
import { graphql } from "../../gql";
import type { MyAuditsQuery } from "../../gql/graphql";
import { paths } from "../../paths";

export const MyAuditsQueryDocument = graphql(`
  query MyAudits($after: String) {
    candidatures(first: 50, after: $after) {
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
          submittedAt
          publicationDate
          members {
            id
            isLead
            establishment {
              id
              name
              city
            }
          }
        }
      }
    }
  }
`);

/** The deadlines that concern an auditor (the domain says who each deadline concerns). */
const AUDITOR_PARTIES = ["AUDIT_TEAM", "LEAD_AUDITOR"] as const;

type Audit = MyAuditsQuery["candidatures"]["edges"][number]["node"];

/**
 * The audits to come first, the nearest first (those without a date after them), then the past ones,
 * the most recent first.
 */
function auditOrder(today: string): (a: Audit, b: Audit) => number {
  const rank = (c: Audit) =>
    c.auditDate === null || c.auditDate === undefined || c.auditDate >= today ? 0 : 1;
  return (a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const x = a.auditDate ?? "9999-12-31";
    const y = b.auditDate ?? "9999-12-31";
    return rank(a) === 0 ? x.localeCompare(y) : y.localeCompare(x);
  };
}

function AuditCard({ audit: c }: { audit: Audit }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // Listed here means assigned and declaration signed (the API shows nothing else to an auditor).
  const step = nextAuditStep({ state: c.state, signed: true, lead: false, reportFinal: false });
  const status = deadlineStatus(c, { parties: AUDITOR_PARTIES });
  const titleId = `audit-${c.id}`;
  return (
    <li className={fr.cx("fr-mb-4w")}>
      <section
        aria-labelledby={titleId}
        className={fr.cx("fr-p-3w")}
        style={{ border: "1px solid var(--border-default-grey)" }}
      >
        <h2 id={titleId} className={fr.cx("fr-h4", "fr-mb-1w")}>
          <Link to={paths.dossier(c.id)}>{c.labelTitle ?? t("candidature.untitled")}</Link>
        </h2>
        <ul className={fr.cx("fr-badges-group", "fr-mb-2w")}>
          <li>
            <StateBadge state={c.state} />
          </li>
          <li>
            <Badge noIcon>{t(`enums.CandidatureKind.${c.kind}`)}</Badge>
          </li>
          <li>
            <Badge noIcon>{t(`enums.AwardType.${c.awardType}`)}</Badge>
          </li>
        </ul>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("audits.establishments")}</h3>
            <ul className={fr.cx("fr-text--sm")}>
              {leadFirst(c.members).map((m) => (
                <li key={m.id}>
                  {m.establishment.name} ({m.establishment.city})
                  {m.isLead && c.members.length > 1 ? ` — ${t("candidature.lead")}` : ""}
                </li>
              ))}
            </ul>
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
              <strong>{t("audits.auditDate")} :</strong>{" "}
              {c.auditDate ? formatDate(c.auditDate, { lng }) : t("audits.notScheduled")}
            </p>
            <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
              <strong>{t("audits.submittedAt")} :</strong>{" "}
              {formatDate(c.submittedAt, { lng }) || "—"}
            </p>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("audits.nextStep")}</h3>
            <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>{t(`enums.AuditStep.${step}`)}</p>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("audits.deadlines")}</h3>
            <DeadlineStatusList status={status} />
          </div>
        </div>
        <ul
          className={fr.cx(
            "fr-btns-group",
            "fr-btns-group--inline-md",
            "fr-btns-group--icon-left",
            "fr-mt-3w",
            "fr-mb-0",
          )}
        >
          <li>
            <Button iconId="fr-icon-file-text-line" linkProps={{ to: paths.dossier(c.id) }}>
              {t("audits.readDossier")}
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: paths.candidature(c.id) }}>
              {t("audits.candidature")}
            </Button>
          </li>
        </ul>
      </section>
    </li>
  );
}

/**
 * « Mes audits »: the candidatures the auditor is assigned to (and has signed the declaration for),
 * with the audit date, the deadlines and what is expected of the auditor next.
 */
export function MyAuditsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("audits.title"));
  const { data, loading, error, fetchMore } = useQuery(MyAuditsQueryDocument, {
    variables: { after: null },
  });
  const connection = data?.candidatures;
  const audits = [...(connection?.edges.map((e) => e.node) ?? [])].sort(
    auditOrder(todayLocalDate()),
  );
  return (
    <>
      <h1>{t("audits.title")}</h1>
      <p>{t("audits.intro")}</p>
      {error ? (
        <GraphQLErrorAlert error={error} />
      ) : loading && !data ? (
        <Loading />
      ) : audits.length === 0 ? (
        <p>{t("audits.empty")}</p>
      ) : (
        <>
          <p className={fr.cx("fr-text--sm")} role="status">
            {t("audits.count", { count: connection?.totalCount ?? audits.length })}
          </p>
          <ul style={{ listStyle: "none", paddingLeft: 0 }}>
            {audits.map((c) => (
              <AuditCard key={c.id} audit={c} />
            ))}
          </ul>
          {connection?.pageInfo.hasNextPage && (
            <Button
              priority="secondary"
              onClick={() =>
                void fetchMore({
                  variables: { after: connection.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
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
              {t("audits.more")}
            </Button>
          )}
        </>
      )}
    </>
  );
}
