import { fr } from "@codegouvfr/react-dsfr";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "@ldm/domain";
import { formatDate, localeOf, NotFoundPage, useDocumentTitle } from "@ldm/ui";
import { EvidenceKindText } from "../../components/EvidenceKindText";
import { paths } from "../../paths";
import { criterionLabel } from "./DossierSideMenu";
import { useDossierContext, type FrozenEvidence } from "./dossierData";
import { EvidenceViewer, viewKindOf } from "./EvidenceViewer";

function typeKey(mediaType: string): "pdf" | "image" | "text" | "sheet" | "slides" | "other" {
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType.startsWith("image/")) return "image";
  if (/word|opendocument\.text/.test(mediaType)) return "text";
  if (/sheet|excel/.test(mediaType)) return "sheet";
  if (/presentation|powerpoint/.test(mediaType)) return "slides";
  return "other";
}

/** The revision submitted as current, else the last one. */
function currentRevisionOf(e: FrozenEvidence) {
  return e.revisions.find((r) => r.revision === e.currentRevision) ?? e.revisions.at(-1);
}

function Viewer({
  evidence: e,
  ordered,
}: {
  evidence: FrozenEvidence;
  /** Every piece in the order of the lists below, for « précédente » and « suivante ». */
  ordered: readonly FrozenEvidence[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { candidature, memberName } = useDossierContext();
  const [chosen, setChosen] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A new piece opened from the list: its heading takes the focus (and the reader's eyes).
    heading.current?.focus();
  }, [e.id]);
  const current = currentRevisionOf(e);
  const revision = e.revisions.find((r) => r.revision === chosen) ?? current;
  const index = ordered.findIndex((x) => x.id === e.id);
  const previous = index > 0 ? ordered[index - 1] : undefined;
  const next = ordered[index + 1];
  return (
    <section aria-labelledby="piece-consultee" className={fr.cx("fr-mb-5w")}>
      <h2 id="piece-consultee" ref={heading} tabIndex={-1} className={fr.cx("fr-h3")}>
        {e.title}
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        <EvidenceKindText kind={e.kind} /> · {formatDate(e.effectiveDate, { lng })} ·{" "}
        {memberName(e.establishmentId) ?? t("evidence.common")} ·{" "}
        {t("evidence.criteria", { codes: e.criterionCodes.map(criterionLabel).join(", ") })}
      </p>
      {e.revisions.length > 1 && (
        <Select
          label={t("evidence.revision")}
          nativeSelectProps={{
            value: String(revision?.revision ?? ""),
            onChange: (event) => setChosen(Number(event.target.value)),
          }}
        >
          {[...e.revisions].reverse().map((r) => (
            <option key={r.id} value={r.revision}>
              {t("evidence.revisionOption", {
                revision: r.revision,
                date: formatDate(r.uploadedAt, { lng }),
                fileName: r.fileName,
              })}
              {r.revision === e.currentRevision ? ` — ${t("evidence.submitted")}` : ""}
            </option>
          ))}
        </Select>
      )}
      {revision ? (
        <>
          <p className={fr.cx("fr-text--xs", "fr-mb-1w")}>
            {t("evidence.file", {
              fileName: revision.fileName,
              type: t(`evidence.types.${typeKey(revision.mediaType)}`),
              size: formatFileSize(revision.sizeBytes, localeOf(lng)),
              revision: revision.revision,
            })}
          </p>
          <EvidenceViewer
            evidenceId={e.id}
            revision={revision.revision}
            mediaType={revision.mediaType}
            title={e.title}
          />
          <p
            className={fr.cx("fr-mt-2w")}
            style={{ display: "flex", flexWrap: "wrap", gap: "1rem 2rem" }}
          >
            {previous && (
              <Link
                className={fr.cx("fr-link", "fr-link--icon-left", "fr-icon-arrow-left-line")}
                to={paths.evidence(candidature.id, previous.id)}
              >
                {t("evidence.previous")}
              </Link>
            )}
            {next && (
              <Link
                className={fr.cx("fr-link", "fr-link--icon-right", "fr-icon-arrow-right-line")}
                to={paths.evidence(candidature.id, next.id)}
              >
                {t("evidence.next")}
              </Link>
            )}
            {viewKindOf(revision.mediaType) === "other" && (
              <a
                className={fr.cx("fr-link", "fr-link--icon-left", "fr-icon-download-line")}
                href={paths.evidenceFile(e.id, revision.revision)}
              >
                {t("evidence.download")}
              </a>
            )}
          </p>
        </>
      ) : (
        <p>{t("evidence.noFile")}</p>
      )}
    </section>
  );
}

/**
 * The evidence of the submitted dossier, by establishment (and those common to the network), each
 * opened in the page: PDFs in the browser's viewer, images as images — nothing to download to read.
 */
export function EvidenceReaderPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { evidenceId } = useParams();
  const { candidature, dossier, members } = useDossierContext();
  const selected = evidenceId ? dossier.evidence.find((e) => e.id === evidenceId) : undefined;
  useDocumentTitle(
    selected ? t("evidence.pageTitleOf", { title: selected.title }) : t("evidence.title"),
  );
  if (evidenceId && !selected) return <NotFoundPage />;
  const groups = [
    ...members.map((m) => ({
      key: m.establishmentId,
      name: m.name ?? "—",
      establishmentId: m.establishmentId,
    })),
    { key: "commun", name: t("evidence.commonGroup"), establishmentId: null },
  ]
    .map((g) => ({
      ...g,
      items: dossier.evidence.filter((e) => (e.establishmentId ?? null) === g.establishmentId),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      <h1>{t("evidence.title")}</h1>
      <p>{t("evidence.intro", { count: dossier.evidence.length })}</p>
      {selected && (
        <Viewer key={selected.id} evidence={selected} ordered={groups.flatMap((g) => g.items)} />
      )}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`pieces-${g.key}`} className={fr.cx("fr-mt-4w")}>
          <h2 id={`pieces-${g.key}`} className={fr.cx("fr-h4")}>
            {g.name}
          </h2>
          <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
            <div className={fr.cx("fr-table__wrapper")}>
              <div
                className={fr.cx("fr-table__container")}
                tabIndex={0}
                role="region"
                aria-label={t("evidence.tableCaption", { name: g.name })}
              >
                <div className={fr.cx("fr-table__content")}>
                  <table>
                    <caption className={fr.cx("fr-sr-only")}>
                      {t("evidence.tableCaption", { name: g.name })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("evidence.columns.title")}</th>
                        <th scope="col">{t("evidence.columns.kind")}</th>
                        <th scope="col">{t("evidence.columns.date")}</th>
                        <th scope="col">{t("evidence.columns.criteria")}</th>
                        <th scope="col">{t("evidence.columns.file")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.items.map((e) => {
                        const r = currentRevisionOf(e);
                        const isSelected = e.id === selected?.id;
                        return (
                          <tr key={e.id} aria-current={isSelected ? "true" : undefined}>
                            <th
                              scope="row"
                              className={fr.cx("fr-cell--multiline")}
                              style={{ minWidth: "14rem" }}
                            >
                              <Link to={paths.evidence(candidature.id, e.id)}>{e.title}</Link>
                              {isSelected && (
                                <span
                                  className={fr.cx("fr-text--xs")}
                                  style={{ fontWeight: "normal" }}
                                >
                                  {" "}
                                  ({t("evidence.open")})
                                </span>
                              )}
                            </th>
                            <td className={fr.cx("fr-cell--multiline")}>
                              <EvidenceKindText kind={e.kind} />
                            </td>
                            <td>{formatDate(e.effectiveDate, { lng, style: "short" })}</td>
                            <td>{e.criterionCodes.map(criterionLabel).join(", ")}</td>
                            <td className={fr.cx("fr-cell--multiline")}>
                              {r
                                ? `${t(`evidence.types.${typeKey(r.mediaType)}`)}, ${formatFileSize(r.sizeBytes, localeOf(lng))}`
                                : "—"}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
