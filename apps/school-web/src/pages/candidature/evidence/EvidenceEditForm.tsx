import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CriteriaCheckboxes } from "../../../components/CriteriaCheckboxes";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { EvidenceFieldsFragment, EvidenceKind } from "../../../gql/graphql";
import { EVIDENCE_KINDS } from "./EvidenceUploadForm";

export const EvidenceFields = graphql(`
  fragment EvidenceFields on Evidence {
    id
    title
    kind
    effectiveDate
    criterionCodes
    cited
    currentRevision
    downloadUrl
    establishment {
      id
      name
    }
    currentFile {
      id
      revision
      fileName
      sizeBytes
      mediaType
      createdAt
    }
    revisions {
      id
      revision
      fileName
      sizeBytes
      createdAt
    }
  }
`);

export const UpdateEvidenceMutation = graphql(`
  mutation UpdateEvidence($input: UpdateEvidenceInput!) {
    updateEvidence(input: $input) {
      ...EvidenceFields
    }
  }
`);

type Problems = Partial<Record<"title" | "date" | "criteria", string>>;

/** Changes an evidence's title, kind, date or criteria (`updateEvidence`); the file has its own form. */
export function EvidenceEditForm({
  evidence,
  criteria,
  onDone,
}: {
  evidence: EvidenceFieldsFragment;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(evidence.title);
  const [kind, setKind] = useState<EvidenceKind>(evidence.kind);
  const [date, setDate] = useState(evidence.effectiveDate);
  const [codes, setCodes] = useState<string[]>([...evidence.criterionCodes]);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [mutate, { loading }] = useMutation(UpdateEvidenceMutation);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: Problems = {};
    if (!title.trim()) found.title = t("dossier.evidence.upload.titleRequired");
    if (!date) found.date = t("dossier.evidence.upload.dateRequired");
    if (codes.length === 0) found.criteria = t("dossier.evidence.upload.criteriaRequired");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      await mutate({
        variables: {
          input: {
            evidenceId: evidence.id,
            title: title.trim(),
            kind,
            effectiveDate: date,
            criterionCodes: codes,
          },
        },
      });
      onDone(t("dossier.evidence.edit.saved", { title: title.trim() }));
    } catch (err) {
      setError(err);
    }
  };
  const state = (key: keyof Problems) =>
    problems[key] ? { state: "error" as const, stateRelatedMessage: problems[key] } : {};
  const allCriteria = [
    ...criteria,
    ...evidence.criterionCodes
      .filter((code) => !criteria.some((c) => c.code === code))
      .map((code) => ({ code, number: Number.parseInt(code, 10), shortTitle: code })),
  ];

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
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
        nativeSelectProps={{
          value: kind,
          onChange: (e) => setKind(e.target.value as EvidenceKind),
        }}
      >
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
        nativeInputProps={{ type: "date", value: date, onChange: (e) => setDate(e.target.value) }}
      />
      <CriteriaCheckboxes
        legend={t("dossier.evidence.fields.criteria")}
        criteria={allCriteria}
        codes={codes}
        setCodes={setCodes}
        {...state("criteria")}
      />
      {error != null && (
        <GraphQLErrorAlert
          error={error}
          title={t("dossier.evidence.edit.failed")}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button type="submit" disabled={loading}>
            {t("dossier.evidence.edit.submit")}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onDone(null)}>
            {t("dossier.common.cancel")}
          </Button>
        </li>
      </ul>
    </form>
  );
}
