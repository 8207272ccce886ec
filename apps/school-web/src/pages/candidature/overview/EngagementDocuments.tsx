import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "@ldm/domain";
import { formatDate, localeOf } from "@ldm/ui";
import type { OverviewCandidature } from "../OverviewPage";
import type { ViewerRights } from "../team/viewerRights";
import { EngagementUpload } from "./EngagementUpload";

/** Download address of an engagement document (served by the API, with the session). */
export const engagementFileUrl = (id: string) => `/files/engagement/${encodeURIComponent(id)}`;

export interface EngagementDocumentsProps {
  candidature: OverviewCandidature;
  rights: ViewerRights;
  onUploaded: () => void;
}

/**
 * « Documents d'engagement »: during the engagement phase, the head of each establishment sends its
 * engagement letter and its board minutes (with progress); the documents received are listed.
 */
export function EngagementDocuments({
  candidature: c,
  rights,
  onUploaded,
}: EngagementDocumentsProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const uploadable =
    c.state === "ENGAGEMENT"
      ? c.members.filter((m) => rights.fileEngagementDocuments(m.establishment.id))
      : [];
  return (
    <section aria-labelledby="overview-engagement">
      <h2 id="overview-engagement" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.engagement.title")}
      </h2>
      <p>
        {c.state === "ENGAGEMENT"
          ? t("procedure.engagement.intro")
          : t("procedure.engagement.closed")}
      </p>
      {uploadable.map((m) => (
        <fieldset key={m.id} className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>
            {t("procedure.engagement.of", { name: m.establishment.name })}
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            {(["ENGAGEMENT_LETTER", "BOARD_MINUTES"] as const).map((kind) => (
              <EngagementUpload
                key={kind}
                candidatureId={c.id}
                establishment={m.establishment}
                kind={kind}
                onUploaded={onUploaded}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <h3 className={fr.cx("fr-h6")}>{t("procedure.engagement.received")}</h3>
      {c.engagementDocuments.length === 0 ? (
        <p className={fr.cx("fr-text--sm")}>{t("procedure.engagement.none")}</p>
      ) : (
        <ul>
          {c.engagementDocuments.map((d) => (
            <li key={d.id}>
              <a className={fr.cx("fr-link")} href={engagementFileUrl(d.id)} download>
                {t(`procedure.engagement.kinds.${d.kind}`)} — {d.fileName}
              </a>{" "}
              <span className={fr.cx("fr-text--sm")}>
                ({formatFileSize(d.sizeBytes, localeOf(lng))},{" "}
                {t("procedure.engagement.sentOn", {
                  date: formatDate(d.createdAt, { lng, withTime: true }),
                })}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
