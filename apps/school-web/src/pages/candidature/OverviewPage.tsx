import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { DeadlinesList } from "../../components/DeadlinesList";
import { ProcedureStepper } from "../../components/ProcedureStepper";
import { StateBadge } from "../../components/StateBadge";
import { graphql } from "../../gql";
import type { OverviewCandidatureFragment } from "../../gql/graphql";
import { paths } from "../../paths";
import { useCandidatureId } from "./candidatureContext";
import { AddCoApplicant } from "./overview/AddCoApplicant";
import { EngagementDocuments } from "./overview/EngagementDocuments";
import { MembersTable } from "./overview/MembersTable";
import { OptionalCriterionForm } from "./overview/OptionalCriterionForm";
import { SubmissionApproval } from "./overview/SubmissionApproval";
import { viewerRights } from "./team/viewerRights";

/**
 * Everything the overview shows; the mutations of the overview answer the same fragment, so that the
 * page (and the side menu, through `criteria`) follows without refetching.
 */
export const OverviewCandidatureFragmentDocument = graphql(`
  fragment OverviewCandidature on Candidature {
    id
    labelTitle
    kind
    awardType
    state
    referentialVersion
    submittedAt
    auditDate
    criteria {
      code
      number
      shortTitle
      optional
    }
    members {
      id
      isLead
      optionalCriterionVariant
      engagementLetterOn
      boardMinutesOn
      submissionApprovedAt
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
    engagementDocuments {
      id
      kind
      fileName
      sizeBytes
      createdAt
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
`);

export const CandidatureOverviewQuery = graphql(`
  query CandidatureOverview($id: ID!) {
    candidature(id: $id) {
      ...OverviewCandidature
    }
  }
`);

export type OverviewCandidature = OverviewCandidatureFragment;

/**
 * « Vue d'ensemble »: what the candidature is, where it stands, what is missing, what comes next; its
 * establishments with their engagement and approval, the engagement documents, the co-applicants and
 * the optional criterion 9, each establishment's own choice (each action shown to whom the rules allow
 * it; the API decides).
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const id = useCandidatureId();
  const { user } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(CandidatureOverviewQuery, {
    variables: { id },
  });
  useDocumentTitle(t("overview.title"));
  if (error && !data) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  const lng = i18n.language;
  const rights = viewerRights(user, c);
  const isNetwork = c.kind === "NETWORK";
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
        role={undefined}
      />
      <p>
        <Link className={fr.cx("fr-link")} to={paths.candidature(c.id, "readiness")}>
          {t("overview.seeReadiness")}
        </Link>
      </p>

      <section aria-labelledby="overview-members">
        <h2 id="overview-members" className={fr.cx("fr-h4", "fr-mt-4w")}>
          {t("overview.members")}
        </h2>
        <MembersTable candidature={c} rights={rights} />
        {isNetwork && rights.manageCandidature && rights.schoolEditable && (
          <AddCoApplicant candidature={c} />
        )}
      </section>

      {isNetwork && <SubmissionApproval candidature={c} rights={rights} user={user} />}

      <EngagementDocuments candidature={c} rights={rights} onUploaded={() => void refetch()} />

      <OptionalCriterionForm candidature={c} rights={rights} />
    </>
  );
}
