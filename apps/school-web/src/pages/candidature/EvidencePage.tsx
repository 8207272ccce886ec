import { useApolloClient, useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, Loading, localeOf, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { graphql } from "../../gql";
import type { EvidenceFieldsFragment } from "../../gql/graphql";
import { paths } from "../../paths";
import { useCandidatureId } from "./candidatureContext";
import { canEditCriterion, editableCriteria, isSchoolEditable } from "./criterion/access";
import { EvidenceDelete } from "./evidence/EvidenceDelete";
import { EvidenceEditForm } from "./evidence/EvidenceEditForm";
import { EvidenceUploadForm } from "./evidence/EvidenceUploadForm";
import { openInNewTab } from "./evidence/openInNewTab";

export const EvidencePageQuery = graphql(`
  query EvidencePage($id: ID!) {
    candidature(id: $id) {
      id
      state
      members {
        id
        isLead
        establishment {
          id
          name
        }
      }
      criteria {
        code
        number
        shortTitle
      }
      pilots {
        id
        criterionCode
        establishment {
          id
        }
        user {
          id
        }
      }
      evidence {
        ...EvidenceFields
      }
    }
  }
`);

type Panel = { mode: "edit" | "revision" | "preview" | "delete"; id: string } | null;

/** The kind of a detected media type, as a key of `dossier.evidence.types`. */
function typeKey(mediaType: string): "pdf" | "image" | "text" | "sheet" | "slides" | "other" {
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType.startsWith("image/")) return "image";
  if (/word|opendocument\.text/.test(mediaType)) return "text";
  if (/sheet|excel/.test(mediaType)) return "sheet";
  if (/presentation|powerpoint/.test(mediaType)) return "slides";
  return "other";
}

/**
 * The evidence library: every piece with its file and revisions; upload (drag and drop, progress),
 * new revision, metadata, preview or download, deletion (refused by the API while cited).
 */
export function EvidencePage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useCandidatureId();
  const client = useApolloClient();
  const { user } = useCurrentUser();
  const { data, loading, error } = useQuery(EvidencePageQuery, { variables: { id } });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t("dossier.evidence.title"));
  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);

  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  const editable = isSchoolEditable(c.state);
  const own = user?.establishment?.id ?? null;
  const ownIsMember = own !== null && c.members.some((m) => m.establishment.id === own);
  const uploadCriteria =
    editable && own && ownIsMember
      ? editableCriteria(
          user,
          c.pilots,
          own,
          c.criteria.map((x) => x.code),
        )
      : [];
  const mayEdit = (e: EvidenceFieldsFragment) =>
    editable &&
    e.establishment !== null &&
    e.establishment !== undefined &&
    e.criterionCodes.length > 0 &&
    e.criterionCodes.every((code) => canEditCriterion(user, c.pilots, e.establishment!.id, code));
  const criterionShort = (code: string) => {
    const x = c.criteria.find((k) => k.code === code);
    return x ? t("dossier.criterionShort", { number: x.number }) : code;
  };
  const refetch = () => void client.refetchQueries({ include: ["EvidencePage"] });
  const current = panel ? c.evidence.find((e) => e.id === panel.id) : undefined;
  const closePanel = (message: string | null) => {
    setPanel(null);
    setNotice(message);
  };
  const sr = (text: string) => <span className={fr.cx("fr-sr-only")}> « {text} »</span>;

  return (
    <>
      <h1>{t("dossier.evidence.title")}</h1>
      <p>{t("dossier.evidence.intro")}</p>
      {!editable && (
        <Alert small severity="info" role="status" description={t("dossier.criterion.locked")} />
      )}

      {notice && (
        <Alert
          small
          severity="success"
          role="status"
          className={fr.cx("fr-mb-2w")}
          description={notice}
          closable
          onClose={() => setNotice(null)}
        />
      )}

      {c.evidence.length === 0 ? (
        <p>{t("dossier.evidence.none")}</p>
      ) : (
        <>
          <h2 className={fr.cx("fr-h4")} id="evidence-list-title">
            {t("dossier.evidence.tableCaption", { count: c.evidence.length })}
          </h2>
          <ul className={fr.cx("fr-raw-list")} aria-labelledby="evidence-list-title">
            {c.evidence.map((e) => {
              const f = e.currentFile;
              const isImage = f?.mediaType.startsWith("image/") ?? false;
              const isPdf = f?.mediaType === "application/pdf";
              const titleId = `evidence-${e.id}-title`;
              return (
                <li
                  key={e.id}
                  className={fr.cx("fr-p-2w", "fr-mb-2w")}
                  style={{ border: "1px solid var(--border-default-grey)" }}
                >
                  <article aria-labelledby={titleId}>
                    <div
                      style={{
                        display: "flex",
                        gap: "1rem",
                        alignItems: "baseline",
                        flexWrap: "wrap",
                      }}
                    >
                      <h3 id={titleId} className={fr.cx("fr-h6", "fr-mb-1w")}>
                        {e.title}
                      </h3>
                      {e.cited ? (
                        <Badge small severity="success">
                          {t("dossier.evidence.cited")}
                        </Badge>
                      ) : (
                        <Badge small>{t("dossier.evidence.notCited")}</Badge>
                      )}
                    </div>
                    <dl
                      className={fr.cx("fr-text--sm", "fr-mb-1w")}
                      style={{
                        display: "grid",
                        gridTemplateColumns: "max-content 1fr",
                        columnGap: "1rem",
                      }}
                    >
                      <dt className={fr.cx("fr-text--bold")}>
                        {t("dossier.evidence.columns.kind")}
                      </dt>
                      <dd className={fr.cx("fr-m-0")}>
                        {t(`dossier.enums.EvidenceKind.${e.kind}`)}
                      </dd>
                      <dt className={fr.cx("fr-text--bold")}>
                        {t("dossier.evidence.columns.date")}
                      </dt>
                      <dd className={fr.cx("fr-m-0")}>{formatDate(e.effectiveDate, { lng })}</dd>
                      <dt className={fr.cx("fr-text--bold")}>
                        {t("dossier.evidence.columns.criteria")}
                      </dt>
                      <dd className={fr.cx("fr-m-0")}>
                        {e.criterionCodes.map(criterionShort).join(", ")}
                      </dd>
                      {e.establishment && c.members.length > 1 && (
                        <>
                          <dt className={fr.cx("fr-text--bold")}>
                            {t("dossier.evidence.columns.establishment")}
                          </dt>
                          <dd className={fr.cx("fr-m-0")}>{e.establishment.name}</dd>
                        </>
                      )}
                      <dt className={fr.cx("fr-text--bold")}>
                        {t("dossier.evidence.columns.file")}
                      </dt>
                      <dd className={fr.cx("fr-m-0")}>
                        {f
                          ? `${f.fileName} — ${t(`dossier.evidence.types.${typeKey(f.mediaType)}`, {
                              format: f.mediaType.split("/")[1]?.toUpperCase() ?? "",
                            })}, ${formatFileSize(f.sizeBytes, localeOf(lng))}`
                          : t("dossier.evidence.noFile")}
                      </dd>
                      <dt className={fr.cx("fr-text--bold")}>
                        {t("dossier.evidence.columns.revisions")}
                      </dt>
                      <dd className={fr.cx("fr-m-0")}>
                        {t("dossier.evidence.revisionCount", { count: e.revisions.length })}
                      </dd>
                    </dl>
                    <ul
                      className={fr.cx(
                        "fr-btns-group",
                        "fr-btns-group--inline",
                        "fr-btns-group--sm",
                      )}
                    >
                      {f && (
                        <li>
                          <a
                            className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--secondary")}
                            href={paths.evidenceFile(e.id)}
                            download={f.fileName}
                          >
                            {t("dossier.evidence.actions.download")}
                            {sr(e.title)}
                          </a>
                        </li>
                      )}
                      {isImage && (
                        <li>
                          <Button
                            size="small"
                            priority="secondary"
                            onClick={() => setPanel({ mode: "preview", id: e.id })}
                          >
                            {t("dossier.evidence.actions.preview")}
                            {sr(e.title)}
                          </Button>
                        </li>
                      )}
                      {isPdf && (
                        <li>
                          <Button
                            size="small"
                            priority="secondary"
                            onClick={() => void openInNewTab(paths.evidenceFile(e.id))}
                          >
                            {t("dossier.evidence.actions.openPdf")}
                            {sr(e.title)}
                          </Button>
                        </li>
                      )}
                      {mayEdit(e) &&
                        (["edit", "revision", "delete"] as const).map((mode) => (
                          <li key={mode}>
                            <Button
                              size="small"
                              priority="tertiary"
                              onClick={() => setPanel({ mode, id: e.id })}
                            >
                              {t(`dossier.evidence.actions.${mode}`)}
                              {sr(e.title)}
                            </Button>
                          </li>
                        ))}
                    </ul>
                    {panel?.id === e.id && current && (
                      <EvidencePanel
                        panel={panel}
                        evidence={current}
                        candidatureId={c.id}
                        headingRef={panelHeading}
                        criteria={c.criteria.filter((x) => uploadCriteria.includes(x.code))}
                        onUploaded={refetch}
                        onClose={closePanel}
                      />
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {uploadCriteria.length > 0 && own ? (
        <div
          className={fr.cx("fr-mt-5w", "fr-p-3w")}
          style={{ background: "var(--background-alt-grey)" }}
        >
          <EvidenceUploadForm
            mode="new"
            candidatureId={c.id}
            establishmentId={own}
            criteria={c.criteria.filter((x) => uploadCriteria.includes(x.code))}
            onUploaded={refetch}
          />
        </div>
      ) : (
        editable && <p className={fr.cx("fr-mt-3w")}>{t("dossier.evidence.cannotUpload")}</p>
      )}
    </>
  );
}

function EvidencePanel({
  panel,
  evidence,
  candidatureId,
  headingRef,
  criteria,
  onUploaded,
  onClose,
}: {
  panel: NonNullable<Panel>;
  evidence: EvidenceFieldsFragment;
  candidatureId: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
  onUploaded: () => void;
  onClose: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      className={fr.cx("fr-p-3w", "fr-mt-2w")}
      style={{ background: "var(--background-alt-grey)" }}
      aria-labelledby="evidence-panel-title"
    >
      <h4 id="evidence-panel-title" ref={headingRef} tabIndex={-1} className={fr.cx("fr-h6")}>
        {t(`dossier.evidence.panel.${panel.mode}`, { title: evidence.title })}
      </h4>
      {panel.mode === "preview" && (
        <>
          <img
            src={paths.evidenceFile(evidence.id)}
            alt={t("dossier.evidence.previewAlt", { title: evidence.title })}
            style={{ maxWidth: "100%", maxHeight: "28rem", display: "block" }}
          />
          <Button className={fr.cx("fr-mt-2w")} priority="secondary" onClick={() => onClose(null)}>
            {t("dossier.common.close")}
          </Button>
        </>
      )}
      {panel.mode === "edit" && (
        <EvidenceEditForm evidence={evidence} criteria={criteria} onDone={onClose} />
      )}
      {panel.mode === "revision" && (
        <>
          <RevisionHistory evidence={evidence} />
          <EvidenceUploadForm
            mode="revision"
            candidatureId={candidatureId}
            evidence={evidence}
            onUploaded={onUploaded}
            onCancel={() => onClose(null)}
          />
        </>
      )}
      {panel.mode === "delete" && <EvidenceDelete evidence={evidence} onDone={onClose} />}
    </section>
  );
}

function RevisionHistory({ evidence }: { evidence: EvidenceFieldsFragment }) {
  const { t, i18n } = useTranslation();
  return (
    <details className={fr.cx("fr-mb-3w")}>
      <summary>{t("dossier.evidence.history", { count: evidence.revisions.length })}</summary>
      <ol className={fr.cx("fr-text--sm")}>
        {evidence.revisions.map((r) => (
          <li key={r.id}>
            {t("dossier.evidence.historyItem", {
              revision: r.revision,
              fileName: r.fileName,
              size: formatFileSize(r.sizeBytes, localeOf(i18n.language)),
              date: formatDate(r.createdAt, { lng: i18n.language, withTime: true }),
            })}{" "}
            <a
              className={fr.cx("fr-link", "fr-text--sm")}
              href={`${paths.evidenceFile(evidence.id)}/revisions/${r.revision}`}
              download={r.fileName}
            >
              {t("dossier.evidence.actions.download")}
              <span className={fr.cx("fr-sr-only")}>
                {" "}
                {t("dossier.evidence.revisionN", { revision: r.revision })}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </details>
  );
}
