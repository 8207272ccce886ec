import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { useCandidatureId } from "./candidatureContext";
import { CriteriaReadinessTable } from "./readiness/CriteriaReadinessTable";
import { DossierDeadline } from "./readiness/DossierDeadline";
import { CandidatureReadinessQuery } from "./readiness/queries";
import { SubmissionPanel } from "./readiness/SubmissionPanel";
import { SubmittedDossier } from "./readiness/SubmittedDossier";
import { viewerRights } from "./team/viewerRights";

/**
 * « État de préparation et dépôt »: what is missing overall and per criterion (computed by the domain,
 * through the API), the dossier's deadline, and the submission by the lead's head; once submitted, the
 * frozen dossier (date and SHA-256 fingerprint).
 */
export function ReadinessPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("procedure.readiness.title"));
  const id = useCandidatureId();
  const { user } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(CandidatureReadinessQuery, {
    variables: { id },
  });
  const heading = <h1>{t("procedure.readiness.title")}</h1>;
  if (error && !data)
    return (
      <>
        {heading}
        <GraphQLErrorAlert error={error} />
      </>
    );
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  const rights = viewerRights(user, c);
  const r = c.readiness;
  const criterionItems = new Set(r.criteria.flatMap((x) => x.missing));
  const general = r.missing.filter((m) => !criterionItems.has(m));

  return (
    <>
      {heading}
      {c.submittedDossier ? (
        <SubmittedDossier dossier={c.submittedDossier} />
      ) : (
        <Alert
          severity={r.ready ? "success" : "warning"}
          title={
            r.ready ? t("procedure.readiness.readyTitle") : t("procedure.readiness.notReadyTitle")
          }
          description={
            r.ready
              ? t("procedure.readiness.ready")
              : t("procedure.readiness.notReady", { count: r.missing.length })
          }
          className={fr.cx("fr-mb-4w")}
          role={undefined}
        />
      )}

      <DossierDeadline auditDate={c.auditDate} deadlines={c.deadlines} />

      {!c.submittedDossier && general.length > 0 && (
        <section aria-labelledby="readiness-general">
          <h2 id="readiness-general" className={fr.cx("fr-h4", "fr-mt-4w")}>
            {t("procedure.readiness.generalTitle")}
          </h2>
          <ul>
            {general.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="readiness-criteria">
        <h2 id="readiness-criteria" className={fr.cx("fr-h4", "fr-mt-4w")}>
          {t("procedure.readiness.criteriaTitle")}
        </h2>
        <CriteriaReadinessTable candidatureId={c.id} criteria={c.criteria} readiness={r.criteria} />
      </section>

      {!c.submittedDossier && (
        <SubmissionPanel
          candidature={c}
          canSubmit={rights.submitDossier}
          onRefused={() => void refetch()}
        />
      )}
    </>
  );
}
