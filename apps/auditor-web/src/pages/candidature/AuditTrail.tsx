import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { isCandidatureState, ROLES } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, Loading } from "@ldm/ui";
import { graphql } from "../../gql";

export const CandidatureAuditTrailQuery = graphql(`
  query CandidatureAuditTrail($entityId: String!, $after: String) {
    auditTrail(first: 20, after: $after, filter: { entityId: $entityId }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          occurredAt
          operation
          action
          actorRole
          actorUserId
          entityType
          changes
        }
      }
    }
  }
`);

export const ActorNameQuery = graphql(`
  query AuditTrailActor($id: ID!) {
    user(id: $id) {
      id
      fullName
      email
    }
  }
`);

/** Who made a change: the account's name (one cached query per account), else its role. */
function Actor({
  userId,
  role,
}: {
  userId: string | null | undefined;
  role: string | null | undefined;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(ActorNameQuery, {
    variables: { id: userId ?? "" },
    skip: !userId,
    errorPolicy: "ignore",
  });
  const knownRole = ROLES.find((r) => r === role);
  const roleText = knownRole ? t(`enums.Role.${knownRole}`) : (role ?? "");
  if (!userId) return <>{t("auditTrail.system")}</>;
  const name = data?.user.fullName ?? data?.user.email;
  return (
    <>
      {name ?? t("auditTrail.account")}
      {roleText && (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")}>{roleText}</span>
        </>
      )}
    </>
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A value of the audit trail as people read it: a state, a kind or a type in words, a date as a date,
 * other text as it is, anything else as compact JSON; long values are cut.
 */
function useReadableValue(): (field: string, value: unknown) => string {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (field, value) => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "string") {
      if ((field === "state" || field.endsWith("State")) && isCandidatureState(value)) {
        return t(`enums.CandidatureState.${value}`);
      }
      if (field === "kind" && (value === "INDIVIDUAL" || value === "NETWORK")) {
        return t(`enums.CandidatureKind.${value}`);
      }
      if (field === "awardType" && (value === "FIRST_AWARD" || value === "RENEWAL")) {
        return t(`enums.AwardType.${value}`);
      }
      if (CIVIL_DATE.test(value)) return formatDate(value, { lng });
      if (INSTANT.test(value)) return formatDate(value, { lng, withTime: true });
    }
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
}

function Changes({ changes }: { changes: Record<string, unknown> }) {
  const readable = useReadableValue();
  const entries = Object.entries(changes);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className={fr.cx("fr-text--xs", "fr-mb-0")}>
      {entries.map(([field, change]) => {
        const c = (change ?? {}) as { before?: unknown; after?: unknown };
        return (
          <li key={field}>
            <code>{field}</code> : {readable(field, c.before)} → {readable(field, c.after)}
          </li>
        );
      })}
    </ul>
  );
}

/** The audit trail of one candidature (the regional team's), most recent first, 20 at a time. */
export function AuditTrail({ candidatureId }: { candidatureId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, fetchMore } = useQuery(CandidatureAuditTrailQuery, {
    variables: { entityId: candidatureId, after: null },
  });
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  const trail = data?.auditTrail;
  if (!trail || trail.edges.length === 0) return <p>{t("auditTrail.empty")}</p>;
  return (
    <>
      <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
        <div className={fr.cx("fr-table__wrapper")}>
          <div
            className={fr.cx("fr-table__container")}
            tabIndex={0}
            role="region"
            aria-label={t("auditTrail.caption")}
          >
            <div className={fr.cx("fr-table__content")}>
              <table>
                <caption className={fr.cx("fr-sr-only")}>{t("auditTrail.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("auditTrail.when")}</th>
                    <th scope="col">{t("auditTrail.operation")}</th>
                    <th scope="col">{t("auditTrail.who")}</th>
                    <th scope="col">{t("auditTrail.changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {trail.edges.map(({ node: e }) => (
                    <tr key={e.id}>
                      <td>{formatDate(e.occurredAt, { lng, withTime: true })}</td>
                      <th scope="row" className={fr.cx("fr-cell--multiline")}>
                        <code>{e.operation}</code>
                        <br />
                        <span className={fr.cx("fr-text--xs")} style={{ fontWeight: "normal" }}>
                          {t(
                            `auditTrail.actions.${e.action === "CREATE" || e.action === "DELETE" ? e.action : "UPDATE"}`,
                          )}{" "}
                          · {e.entityType}
                        </span>
                      </th>
                      <td className={fr.cx("fr-cell--multiline")}>
                        <Actor userId={e.actorUserId} role={e.actorRole} />
                      </td>
                      <td className={fr.cx("fr-cell--multiline")} style={{ minWidth: "18rem" }}>
                        <Changes changes={e.changes} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <p className={fr.cx("fr-text--sm")}>
        {t("auditTrail.shown", { shown: trail.edges.length, total: trail.totalCount })}
      </p>
      {trail.pageInfo.hasNextPage && (
        <Button
          priority="secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: trail.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                auditTrail: {
                  ...fetchMoreResult.auditTrail,
                  edges: [...previous.auditTrail.edges, ...fetchMoreResult.auditTrail.edges],
                },
              }),
            })
          }
        >
          {t("auditTrail.more")}
        </Button>
      )}
    </>
  );
}
