import { useId, useRef, useState } from "react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, uploadFile } from "@ldm/ui";
import type { EngagementDocumentKind } from "../../../gql/graphql";

/** The API's endpoint for engagement documents (multipart, the `file` last). */
export const ENGAGEMENT_UPLOAD_URL = "/files/engagement";
const ACCEPTED = "application/pdf,image/png,image/jpeg,image/gif,image/webp,.pdf,.png,.jpg,.jpeg";

export interface EngagementUploadProps {
  candidatureId: string;
  establishment: { id: string; name: string };
  kind: EngagementDocumentKind;
  onUploaded: () => void;
}

/** One document (engagement letter or board minutes) of one establishment: choose, send, progress. */
export function EngagementUpload({
  candidatureId,
  establishment,
  kind,
  onUploaded,
}: EngagementUploadProps) {
  const { t } = useTranslation();
  const progressId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const label = t(`procedure.engagement.kinds.${kind}`);

  const send = async () => {
    if (!file) return;
    setUploading(true);
    setError(null);
    setDone(null);
    setPercent(0);
    const form = new FormData();
    // The fields first, the file last: the API checks them before reading the file.
    form.append("candidatureId", candidatureId);
    form.append("establishmentId", establishment.id);
    form.append("kind", kind);
    form.append("file", file, file.name);
    try {
      await uploadFile(ENGAGEMENT_UPLOAD_URL, form, (p) => setPercent(p.percent));
      setDone(file.name);
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      onUploaded();
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className={fr.cx("fr-mb-3w")}>
      <Upload
        label={t("procedure.engagement.fileLabel", { kind: label, name: establishment.name })}
        hint={t("procedure.engagement.fileHint")}
        state={error ? "error" : "default"}
        stateRelatedMessage={error ? t("procedure.engagement.fileError") : undefined}
        nativeInputProps={{
          ref: inputRef,
          accept: ACCEPTED,
          onChange: (e) => {
            setFile(e.target.files?.[0] ?? null);
            setDone(null);
          },
        }}
      />
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-upload-line"
        className={fr.cx("fr-mt-1w")}
        disabled={!file || uploading}
        onClick={() => void send()}
      >
        {t("procedure.engagement.send", { kind: label })}
        <span className={fr.cx("fr-sr-only")}> {establishment.name}</span>
      </Button>
      {uploading && (
        <div className={fr.cx("fr-mt-1w")}>
          <label htmlFor={progressId} className={fr.cx("fr-text--sm")}>
            {t("procedure.engagement.progress", { kind: label })}
          </label>{" "}
          <progress id={progressId} max={100} value={percent ?? undefined}>
            {percent ?? ""}
          </progress>{" "}
          <span aria-live="polite" className={fr.cx("fr-text--sm")}>
            {percent === null ? "" : `${percent} %`}
          </span>
        </div>
      )}
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.engagement.error")}
        small
        className={fr.cx("fr-mt-1w")}
      />
      {done && (
        <Alert
          severity="success"
          small
          className={fr.cx("fr-mt-1w")}
          description={t("procedure.engagement.done", { kind: label, file: done })}
          role="status"
        />
      )}
    </div>
  );
}
