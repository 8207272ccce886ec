import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "@ldm/ui";
import { paths } from "../../paths";

export type ViewKind = "pdf" | "image" | "other";

/** How a file is shown in the page: PDFs in the browser's viewer, images as images. */
export function viewKindOf(mediaType: string): ViewKind {
  if (mediaType === "application/pdf") return "pdf";
  if (/^image\/(png|jpeg|gif|webp)$/.test(mediaType)) return "image";
  return "other";
}

/**
 * A PDF of the API shown in the page. The API sends files as attachments (and forbids them to run as
 * documents of their own), so the PDF is fetched with the session cookie and shown from a blob URL in
 * an `<iframe>`: the browser's PDF viewer, nothing to download.
 */
function PdfView({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { url: string; blobUrl: string } | { url: string; failed: string } | null
  >(null);
  useEffect(() => {
    let blobUrl: string | null = null;
    let cancelled = false;
    fetch(url, { credentials: "include" })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as {
            errors?: { message?: string }[];
          } | null;
          throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
        }
        const blob = await response.blob();
        if (cancelled) return;
        blobUrl = URL.createObjectURL(
          blob.type === "application/pdf" ? blob : new Blob([blob], { type: "application/pdf" }),
        );
        setState({ url, blobUrl });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setState({ url, failed: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    };
  }, [url]);
  if (!state || state.url !== url) return <Loading />;
  if ("failed" in state) {
    return (
      <Alert
        severity="error"
        title={t("evidence.viewer.failed")}
        description={state.failed}
        className={fr.cx("fr-mb-2w")}
      />
    );
  }
  return (
    <iframe
      src={state.blobUrl}
      title={t("evidence.viewer.pdfTitle", { title })}
      style={{
        width: "100%",
        height: "75vh",
        minHeight: "24rem",
        border: "1px solid var(--border-default-grey)",
      }}
    />
  );
}

/** One revision of an evidence, shown in the page (PDF, image), or why it cannot be. */
export function EvidenceViewer({
  evidenceId,
  revision,
  mediaType,
  title,
}: {
  evidenceId: string;
  revision: number;
  mediaType: string;
  title: string;
}) {
  const { t } = useTranslation();
  const url = paths.evidenceFile(evidenceId, revision);
  const kind = viewKindOf(mediaType);
  if (kind === "pdf") return <PdfView url={url} title={title} />;
  if (kind === "image") {
    return (
      <img
        src={url}
        alt={t("evidence.viewer.imageAlt", { title })}
        style={{ maxWidth: "100%", height: "auto", border: "1px solid var(--border-default-grey)" }}
      />
    );
  }
  return (
    <Alert
      severity="info"
      small
      description={t("evidence.viewer.notViewable")}
      className={fr.cx("fr-mb-2w")}
    />
  );
}
