import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { formatDate } from "@ldm/ui";

export interface SubmittedDossierProps {
  dossier: { sha256: string; submittedAt: string };
}

/** After the submission: when, the fingerprint of the frozen dossier, and that it is no longer editable. */
export function SubmittedDossier({ dossier }: SubmittedDossierProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      severity="success"
      title={t("procedure.readiness.submittedTitle", {
        date: formatDate(dossier.submittedAt, { lng: i18n.language, withTime: true }),
      })}
      description={
        <>
          <span>{t("procedure.readiness.frozen")}</span>
          <br />
          <span>
            {t("procedure.readiness.fingerprint")}{" "}
            <code style={{ wordBreak: "break-all" }}>{dossier.sha256}</code>
          </span>
        </>
      }
      className={fr.cx("fr-mb-4w")}
      role="status"
    />
  );
}
