import { useEffect, useRef, useState } from "react";
import { useMutation } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import type { CandidatureReadinessFragment } from "../../../gql/graphql";
import { MissingList } from "./MissingList";
import { SubmitDossierMutation } from "./queries";

/** The API's refusal for an incomplete dossier (its message lists every missing item, one line). */
function isIncompleteRefusal(e: { message: string; extensions?: Record<string, unknown> }) {
  return (
    e.extensions?.["code"] === "INVALID_TRANSITION" &&
    e.message.startsWith("Le dossier est incomplet")
  );
}

export interface SubmissionPanelProps {
  candidature: CandidatureReadinessFragment;
  /** The lead's head (the API decides; this only hides the button from others). */
  canSubmit: boolean;
  /** After a refusal: reload the readiness, so that the list of what is missing is current. */
  onRefused: () => void;
}

/**
 * « Déposer le dossier »: a confirmation (the submission freezes the dossier), then
 * `transitionCandidature(SUBMIT_DOSSIER)`; a refusal shows the API's French message and what is missing.
 */
export function SubmissionPanel({ candidature: c, canSubmit, onRefused }: SubmissionPanelProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [submit, { loading, error }] = useMutation(SubmitDossierMutation);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onConfirm = async () => {
    try {
      await submit({
        variables: { input: { candidatureId: c.id, transition: "SUBMIT_DOSSIER" } },
      });
      setConfirming(false);
    } catch {
      setConfirming(false);
      onRefused();
    }
  };

  // An incomplete dossier: a short sentence instead of the API's one-line list, then the list itself
  // from the (refetched) readiness; any other refusal (deadline passed, rights…) as the API says it.
  const apiErrors = CombinedGraphQLErrors.is(error) ? error.errors : [];
  const incomplete = apiErrors.some(isIncompleteRefusal) && c.readiness.missing.length > 0;
  const messages = [
    ...new Set(
      apiErrors.map((e) =>
        isIncompleteRefusal(e)
          ? t("procedure.readiness.incomplete", { count: c.readiness.missing.length })
          : e.message,
      ),
    ),
  ];

  const open = c.state === "DOSSIER_OPEN";
  return (
    <section aria-labelledby="readiness-submission">
      <h2 id="readiness-submission" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.readiness.submissionTitle")}
      </h2>
      {!open ? (
        <p>{t("procedure.readiness.notOpen")}</p>
      ) : !canSubmit ? (
        <p>{t("procedure.readiness.leadOnly")}</p>
      ) : (
        <>
          <p>{t("procedure.readiness.submissionIntro")}</p>
          {confirming ? (
            <div role="group" aria-labelledby="readiness-confirm-text">
              <p id="readiness-confirm-text" className={fr.cx("fr-text--bold")}>
                {t("procedure.readiness.confirmText")}
              </p>
              <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
                <li>
                  <Button disabled={loading} onClick={() => void onConfirm()}>
                    {loading
                      ? t("procedure.readiness.submitting")
                      : t("procedure.readiness.confirm")}
                  </Button>
                </li>
                <li>
                  <Button priority="secondary" onClick={() => setConfirming(false)}>
                    {t("procedure.readiness.cancel")}
                  </Button>
                </li>
              </ul>
            </div>
          ) : (
            <Button iconId="fr-icon-send-plane-line" onClick={() => setConfirming(true)}>
              {t("procedure.readiness.submit")}
            </Button>
          )}
        </>
      )}
      <div ref={errorRef} tabIndex={-1} className={fr.cx("fr-mt-2w")}>
        {incomplete ? (
          <>
            <Alert
              severity="error"
              title={t("procedure.readiness.refusedTitle")}
              description={
                messages.length === 1 ? (
                  messages[0]
                ) : (
                  <ul>
                    {messages.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )
              }
            />
            <MissingList candidature={c} />
          </>
        ) : (
          <GraphQLErrorAlert error={error} title={t("procedure.readiness.refusedTitle")} />
        )}
      </div>
    </section>
  );
}
