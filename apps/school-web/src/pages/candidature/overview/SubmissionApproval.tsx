import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { formatDate, GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { OverviewCandidature } from "../OverviewPage";
import type { ViewerRights } from "../team/viewerRights";

export const ApproveSubmissionMutation = graphql(`
  mutation ApproveSubmission($input: ApproveSubmissionInput!) {
    approveSubmission(input: $input) {
      ...OverviewCandidature
    }
  }
`);

export interface SubmissionApprovalProps {
  candidature: OverviewCandidature;
  rights: ViewerRights;
  user: { establishment?: { id: string } | null } | null;
}

/**
 * Network candidatures: the head of each co-applicant (not the lead) approves the submission; who has
 * approved, and when, is listed for everyone.
 */
export function SubmissionApproval({ candidature: c, rights, user }: SubmissionApprovalProps) {
  const { t, i18n } = useTranslation();
  const [approve, { loading, error }] = useMutation(ApproveSubmissionMutation);
  const coApplicants = c.members.filter((m) => !m.isLead);
  const mine = c.members.find((m) => m.establishment.id === user?.establishment?.id);
  const canApprove =
    rights.approveSubmission && rights.schoolEditable && mine && !mine.submissionApprovedAt;
  return (
    <section aria-labelledby="overview-approval">
      <h2 id="overview-approval" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.overview.approvalTitle")}
      </h2>
      <p>{t("procedure.overview.approvalIntro")}</p>
      <ul>
        {coApplicants.map((m) => (
          <li key={m.id}>
            {m.submissionApprovedAt
              ? t("procedure.overview.approvedBy", {
                  name: m.establishment.name,
                  date: formatDate(m.submissionApprovedAt, {
                    lng: i18n.language,
                    withTime: true,
                  }),
                })
              : t("procedure.overview.notApprovedBy", { name: m.establishment.name })}
          </li>
        ))}
      </ul>
      {canApprove && (
        <Button
          iconId="fr-icon-check-line"
          disabled={loading}
          onClick={() => {
            approve({ variables: { input: { candidatureId: c.id } } }).catch(() => {
              // Shown by the alert below.
            });
          }}
        >
          {t("procedure.overview.approve")}
        </Button>
      )}
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.overview.approveError")}
        className={fr.cx("fr-mt-2w")}
      />
    </section>
  );
}
