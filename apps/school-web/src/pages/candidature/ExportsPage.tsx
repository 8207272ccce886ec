import { fr } from "@codegouvfr/react-dsfr";
import { Download } from "@codegouvfr/react-dsfr/Download";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "@ldm/ui";
import { paths } from "../../paths";
import { useCandidatureId } from "./candidatureContext";

/**
 * Downloads of the dossier, served by the API (`GET /exports/candidatures/:id/dossier.pdf|.zip`, with
 * the session cookie): plain links loaded by the browser, not routes of the portal.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const id = useCandidatureId();
  useDocumentTitle(t("exports.title"));
  return (
    <>
      <h1>{t("exports.title")}</h1>
      <p>{t("exports.intro")}</p>
      <Download
        label={t("exports.pdf")}
        details={t("exports.pdfDetail")}
        linkProps={{ to: paths.exportPdf(id), reloadDocument: true }}
        className={fr.cx("fr-mb-3w")}
      />
      <Download
        label={t("exports.zip")}
        details={t("exports.zipDetail")}
        linkProps={{ to: paths.exportZip(id), reloadDocument: true }}
      />
    </>
  );
}
