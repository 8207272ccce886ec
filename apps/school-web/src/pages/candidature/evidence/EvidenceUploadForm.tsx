import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "@ldm/domain";
import { CriteriaCheckboxes } from "../../../components/CriteriaCheckboxes";
import {
  FileDropZone,
  GraphQLErrorAlert,
  todayLocalDate,
  uploadFile,
  type UploadProgress,
  UploadProgressBar,
} from "@ldm/ui";
import type { EvidenceKind } from "../../../gql/graphql";

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  "DASHBOARD",
  "MEETING_MINUTES",
  "COMMUNICATION_MATERIAL",
  "PRESS_ARTICLE",
  "BROCHURE",
  "POSTER",
  "PAIRING_HOMOLOGATION",
  "PARTNERSHIP_CONTRACT",
  "EUROSCOL_LABEL",
  "OTHER",
];

/** What `POST /files/evidence` answers (201). */
export interface EvidenceUploaded {
  evidenceId: string;
  revision: number;
  fileName: string;
  sizeBytes: number;
  mediaType: string;
}

export const EVIDENCE_UPLOAD_URL = "/files/evidence";

type Problems = Partial<Record<"title" | "kind" | "date" | "criteria" | "file", string>>;

export type EvidenceUploadFormProps = {
  candidatureId: string;
  onUploaded: (result: EvidenceUploaded) => void;
} & (
  | {
      /** A new evidence of the establishment, on the criteria the viewer may edit there. */
      mode: "new";
      establishmentId: string;
      criteria: readonly { code: string; number: number; shortTitle: string }[];
    }
  | {
      /** A new revision (a new file) of an existing evidence. */
      mode: "revision";
      evidence: { id: string; title: string };
      onCancel: () => void;
    }
);

/**
 * Upload of an evidence file to `POST /files/evidence` (fields first, the file last) with a progress
 * bar; a new evidence with its title, kind, date and criteria, or a new revision of an existing one.
 * The API's French refusals (type, size, rights…) are shown in place.
 */
export function EvidenceUploadForm(props: EvidenceUploadFormProps) {
  const { t } = useTranslation();
  const isNew = props.mode === "new";
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<EvidenceKind | "">("");
  const [date, setDate] = useState(() => todayLocalDate());
  const [codes, setCodes] = useState<string[]>(
    props.mode === "new" && props.criteria.length === 1 ? [props.criteria[0]!.code] : [],
  );
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<EvidenceUploaded | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [resetKey, setResetKey] = useState(0);
  useEffect(() => () => abort.current?.abort(), []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const found: Problems = {};
    if (isNew) {
      if (!title.trim()) found.title = t("dossier.evidence.upload.titleRequired");
      if (!kind) found.kind = t("dossier.evidence.upload.kindRequired");
      if (!date) found.date = t("dossier.evidence.upload.dateRequired");
      if (codes.length === 0) found.criteria = t("dossier.evidence.upload.criteriaRequired");
    }
    if (!file) found.file = t("dossier.evidence.upload.fileRequired");
    setProblems(found);
    if (Object.keys(found).length > 0 || !file) return;

    const form = new FormData();
    form.append("candidatureId", props.candidatureId);
    if (props.mode === "new") {
      form.append("establishmentId", props.establishmentId);
      form.append("title", title.trim());
      form.append("kind", kind);
      form.append("effectiveDate", date);
      for (const code of codes) form.append("criterionCodes", code);
    } else {
      form.append("evidenceId", props.evidence.id);
    }
    form.append("file", file, file.name);

    const controller = new AbortController();
    abort.current = controller;
    setUploading(true);
    setProgress({ loaded: 0, total: file.size, percent: 0 });
    try {
      const result = await uploadFile<EvidenceUploaded>(
        EVIDENCE_UPLOAD_URL,
        form,
        setProgress,
        controller.signal,
      );
      setDone(result);
      setFile(null);
      setTitle("");
      setResetKey((k) => k + 1);
      props.onUploaded(result);
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
      setProgress(null);
      abort.current = null;
    }
  };

  const state = (key: keyof Problems) =>
    problems[key] ? { state: "error" as const, stateRelatedMessage: problems[key] } : {};
  const headingId = "evidence-upload-title";

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      {...(props.mode === "new"
        ? { "aria-labelledby": headingId }
        : {
            "aria-label": t("dossier.evidence.upload.revisionTitle", {
              title: props.evidence.title,
            }),
          })}
    >
      {isNew && (
        <h2 id={headingId} className={fr.cx("fr-h4")}>
          {t("dossier.evidence.upload.title")}
        </h2>
      )}
      {props.mode === "new" && (
        <>
          <Input
            label={t("dossier.evidence.fields.title")}
            {...state("title")}
            nativeInputProps={{
              value: title,
              maxLength: 200,
              onChange: (e) => setTitle(e.target.value),
            }}
          />
          <Select
            label={t("dossier.evidence.fields.kind")}
            {...state("kind")}
            nativeSelectProps={{
              value: kind,
              onChange: (e) => setKind(e.target.value as EvidenceKind),
            }}
          >
            <option value="" disabled>
              {t("dossier.common.choose")}
            </option>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dossier.enums.EvidenceKind.${k}`)}
              </option>
            ))}
          </Select>
          <Input
            label={t("dossier.evidence.fields.date")}
            hintText={t("dossier.evidence.fields.dateHint")}
            {...state("date")}
            nativeInputProps={{
              type: "date",
              value: date,
              onChange: (e) => setDate(e.target.value),
            }}
          />
          <CriteriaCheckboxes
            legend={t("dossier.evidence.fields.criteria")}
            hintText={t("dossier.evidence.fields.criteriaHint")}
            criteria={props.criteria}
            codes={codes}
            setCodes={setCodes}
            {...state("criteria")}
          />
        </>
      )}
      <FileDropZone
        key={resetKey}
        label={
          isNew ? t("dossier.evidence.upload.file") : t("dossier.evidence.upload.revisionFile")
        }
        hint={t("dossier.evidence.upload.fileHint")}
        file={file}
        onFile={setFile}
        formatFileSize={formatFileSize}
        errorMessage={problems.file}
        disabled={uploading}
      />
      {uploading && progress && <UploadProgressBar percent={progress.percent} />}
      {error != null && (
        <GraphQLErrorAlert
          error={error}
          title={t("dossier.evidence.upload.failed")}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      {done && (
        <Alert
          small
          severity="success"
          role="status"
          className={fr.cx("fr-mb-2w")}
          description={t("dossier.evidence.upload.done", {
            fileName: done.fileName,
            revision: done.revision,
          })}
        />
      )}
      <ul
        className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}
      >
        <li>
          <Button type="submit" iconId="fr-icon-upload-2-line" disabled={uploading}>
            {isNew
              ? t("dossier.evidence.upload.submit")
              : t("dossier.evidence.upload.submitRevision")}
          </Button>
        </li>
        {uploading && (
          <li>
            <Button type="button" priority="secondary" onClick={() => abort.current?.abort()}>
              {t("dossier.evidence.upload.cancel")}
            </Button>
          </li>
        )}
        {props.mode === "revision" && !uploading && (
          <li>
            <Button type="button" priority="secondary" onClick={props.onCancel}>
              {t("dossier.common.close")}
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}
