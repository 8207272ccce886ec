import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";

export const DeleteEvidenceMutation = graphql(`
  mutation DeleteEvidence($input: DeleteEvidenceInput!) {
    deleteEvidence(input: $input)
  }
`);

/** Confirms and deletes an evidence; the API refuses while an answer cites it (its message is shown). */
export function EvidenceDelete({
  evidence,
  onDone,
}: {
  evidence: { id: string; title: string; cited: boolean };
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [mutate, { loading }] = useMutation(DeleteEvidenceMutation, {
    refetchQueries: ["EvidencePage"],
    awaitRefetchQueries: true,
  });
  const remove = async () => {
    setError(null);
    try {
      await mutate({ variables: { input: { evidenceId: evidence.id } } });
      onDone(t("dossier.evidence.delete.done", { title: evidence.title }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <p>{t("dossier.evidence.delete.question", { title: evidence.title })}</p>
      {evidence.cited && (
        <Alert
          small
          severity="warning"
          role={undefined}
          className={fr.cx("fr-mb-2w")}
          description={t("dossier.evidence.delete.citedWarning")}
        />
      )}
      {error != null && (
        <GraphQLErrorAlert
          error={error}
          title={t("dossier.evidence.delete.failed")}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <ul
        className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}
      >
        <li>
          <Button iconId="fr-icon-delete-line" onClick={() => void remove()} disabled={loading}>
            {t("dossier.evidence.delete.confirm")}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={() => onDone(null)}>
            {t("dossier.common.cancel")}
          </Button>
        </li>
      </ul>
    </div>
  );
}
