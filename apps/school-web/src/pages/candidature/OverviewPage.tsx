import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, GraphQLErrorAlert } from "@ldm/ui";
import { DeadlinesList } from "../../components/DeadlinesList";
import { Loading } from "../../components/Loading";
import { ProcedureStepper } from "../../components/ProcedureStepper";
import { StateBadge } from "../../components/StateBadge";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { graphql } from "../../gql";
import { paths } from "../../paths";
import { useCandidatureId } from "./candidatureContext";

export const CandidatureOverviewQuery = graphql(`
  query CandidatureOverview($id: ID!) {
    candidature(id: $id) {
      id
      labelTitle
      kind
      awardType
      state
      referentialVersion
      submittedAt
      auditDate
      members {
        id
        isLead
        establishment {
          id
          name
          uai
          city
          academie {
            code
            name
          }
        }
      }
      readiness {
        ready
        missing
      }
      history {
        id
        transition
        effectiveDate
      }
      availableTransitions
      deadlines {
        kind
        date
      }
    }
  }
`);

/** « Vue d'ensemble »: what the candidature is, where it stands, what is missing, what comes next. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const id = useCandidatureId();
  const { data, loading, error } = useQuery(CandidatureOverviewQuery, { variables: { id } });
  useDocumentTitle(t("overview.title"));
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  const lng = i18n.language;
  return (
    <>
      <h1>{c.labelTitle ?? t("candidatures.untitled")}</h1>
      <ul className={fr.cx("fr-badges-group", "fr-mb-3w")}>
        <li>
          <StateBadge state={c.state} />
        </li>
        <li>
          <Badge>{t(`enums.CandidatureKind.${c.kind}`)}</Badge>
        </li>
        <li>
          <Badge>{t(`enums.AwardType.${c.awardType}`)}</Badge>
        </li>
      </ul>
      <dl className={fr.cx("fr-mb-3w")}>
        <dt className={fr.cx("fr-text--bold")}>{t("overview.referential")}</dt>
        <dd>{c.referentialVersion}</dd>
        <dt className={fr.cx("fr-text--bold")}>{t("overview.auditDate")}</dt>
        <dd>{c.auditDate ? formatDate(c.auditDate, { lng }) : t("overview.notScheduled")}</dd>
        {c.submittedAt && (
          <dd>
            {t("overview.submittedAt", {
              date: formatDate(c.submittedAt, { lng, withTime: true }),
            })}
          </dd>
        )}
      </dl>

      <h2 className={fr.cx("fr-h4")}>{t("candidatures.procedure")}</h2>
      <ProcedureStepper
        state={c.state}
        history={c.history}
        availableTransitions={c.availableTransitions}
      />

      <h2 className={fr.cx("fr-h4", "fr-mt-4w")}>{t("candidatures.deadlines")}</h2>
      <DeadlinesList deadlines={c.deadlines} limit={5} />

      <h2 className={fr.cx("fr-h4", "fr-mt-4w")}>{t("overview.readiness")}</h2>
      <Alert
        small
        severity={c.readiness.ready ? "success" : "info"}
        description={
          c.readiness.ready
            ? t("overview.ready")
            : t("overview.notReady", { count: c.readiness.missing.length })
        }
        className={fr.cx("fr-mb-2w")}
      />
      <p>
        <Link className={fr.cx("fr-link")} to={paths.candidature(c.id, "readiness")}>
          {t("overview.seeReadiness")}
        </Link>
      </p>

      <h2 className={fr.cx("fr-h4", "fr-mt-4w")}>{t("overview.members")}</h2>
      <Table
        bordered
        noCaption
        headers={["UAI", t("candidatures.members"), t("candidatures.academie"), t("overview.role")]}
        data={c.members.map((m) => [
          m.establishment.uai,
          `${m.establishment.name} (${m.establishment.city})`,
          m.establishment.academie.name,
          m.isLead ? t("candidatures.lead") : "",
        ])}
      />
    </>
  );
}
