import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { expectationsFor, formatFileSize } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, graphQLErrorCode, localeOf, RichTextView } from "@ldm/ui";
import { graphql } from "../../../gql";
import type {
  AttainmentLevel,
  CandidatureKind,
  CriterionPageQuery,
  CriterionResponseFieldsFragment,
  UpdateCriterionResponseInput,
} from "../../../gql/graphql";
import { paths } from "../../../paths";
import { errorDetails } from "./access";
import { htmlToText, isBlank, textToHtml } from "./richText";
import { RichTextEditor } from "./RichTextEditor";

export const CriterionResponseFields = graphql(`
  fragment CriterionResponseFields on CriterionResponse {
    id
    criterionCode
    version
    updatedAt
    establishment {
      id
    }
    planned
    done
    measured
    improved
    narrative
    selfAssessedLevel
    addressedExpectationIds
    qualeducFicheCodes
    emblematicActionTitle
    emblematicActionDescription
    metByEuroscol
    citedEvidenceIds
  }
`);

export const UpdateCriterionResponseMutation = graphql(`
  mutation UpdateCriterionResponse($input: UpdateCriterionResponseInput!) {
    updateCriterionResponse(input: $input) {
      ...CriterionResponseFields
    }
  }
`);

type Candidature = CriterionPageQuery["candidature"];
type CriterionData = Candidature["criteria"][number];
type EvidenceData = Candidature["evidence"][number];

export const ATTAINMENT_LEVELS: readonly AttainmentLevel[] = [
  "NOT_MET",
  "PARTIALLY_MET",
  "MET",
  "EXCEEDED",
];
const CYCLE = ["planned", "done", "measured", "improved"] as const;
type TextField = (typeof CYCLE)[number] | "narrative" | "emblematicDescription";

/** What the form holds: the texts in the editor's markup, not HTML. */
interface Draft {
  planned: string;
  done: string;
  measured: string;
  improved: string;
  narrative: string;
  level: AttainmentLevel | null;
  expectations: string[];
  fiches: string[];
  emblematicTitle: string;
  emblematicDescription: string;
  euroscol: boolean;
  cited: string[];
}

/** A saved answer (or the server's copy sent with a CONFLICT) as a draft. */
function draftOf(r: Partial<CriterionResponseFieldsFragment> | null): Draft {
  return {
    planned: htmlToText(r?.planned),
    done: htmlToText(r?.done),
    measured: htmlToText(r?.measured),
    improved: htmlToText(r?.improved),
    narrative: htmlToText(r?.narrative),
    level: r?.selfAssessedLevel ?? null,
    expectations: [...(r?.addressedExpectationIds ?? [])],
    fiches: [...(r?.qualeducFicheCodes ?? [])],
    emblematicTitle: r?.emblematicActionTitle ?? "",
    emblematicDescription: htmlToText(r?.emblematicActionDescription),
    euroscol: r?.metByEuroscol ?? false,
    cited: [...(r?.citedEvidenceIds ?? [])],
  };
}

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

export interface CriterionEditorProps {
  candidatureId: string;
  /** The candidature's kind: an individual one does not address the network-only expectations. */
  kind: CandidatureKind;
  establishmentId: string;
  criterion: CriterionData;
  response: CriterionResponseFieldsFragment | null;
  /** Evidence supporting the criterion (or already cited by the answer). */
  evidence: readonly EvidenceData[];
  readOnly: boolean;
}

/**
 * The self-evaluation of one establishment on one criterion, saved with `updateCriterionResponse` on the
 * version it was loaded from. On a CONFLICT (someone saved meanwhile) the user's text stays in the form
 * and the saved version is shown beside it, to keep or to overwrite knowingly.
 */
export function CriterionEditor({
  candidatureId,
  kind,
  establishmentId,
  criterion,
  response,
  evidence,
  readOnly,
}: CriterionEditorProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [draft, setDraft] = useState<Draft>(() => draftOf(response));
  const [baseVersion, setBaseVersion] = useState(response?.version ?? 0);
  const [saved, setSaved] = useState<{ version: number; at: string } | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const [mutate, { loading: saving }] = useMutation(UpdateCriterionResponseMutation, {
    refetchQueries: ["CriterionPage"],
  });
  // The Euroscol rule is the criterion's (criterion 6): a rule shown as such, not an expectation.
  const euroscolNote = criterion.metByEuroscolNote ?? null;
  const isEuroscolCriterion = euroscolNote !== null;
  // Only the expectations of the candidature's kind (none of the network-only ones when alone).
  const expectations = expectationsFor(criterion, kind);
  const shown = new Set(expectations.map((x) => x.id));
  const addressed = draft.expectations.filter((id) => shown.has(id));

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };

  const labels: Record<TextField, string> = {
    planned: t("dossier.criterion.planned"),
    done: t("dossier.criterion.done"),
    measured: t("dossier.criterion.measured"),
    improved: t("dossier.criterion.improved"),
    narrative: t("dossier.criterion.narrative"),
    emblematicDescription: t("dossier.criterion.emblematicDescription"),
  };
  /** A refusal about one text (the API names it: « Ce qui est prévu »…) is also shown under it. */
  const fieldError = (field: TextField): string | null => {
    if (!saveError || graphQLErrorCode(saveError) !== "BAD_USER_INPUT") return null;
    const messages = (saveError as { errors?: { message: string }[] }).errors ?? [];
    const label = labels[field].toLowerCase();
    return messages.find((m) => m.message.toLowerCase().includes(`« ${label}`))?.message ?? null;
  };

  const save = async (expectedVersion: number) => {
    setSaveError(null);
    setSaved(null);
    const title = draft.emblematicTitle.trim();
    const input: UpdateCriterionResponseInput = {
      candidatureId,
      establishmentId,
      criterionCode: criterion.code,
      expectedVersion,
      planned: textToHtml(draft.planned),
      done: textToHtml(draft.done),
      measured: textToHtml(draft.measured),
      improved: textToHtml(draft.improved),
      narrative: textToHtml(draft.narrative),
      selfAssessedLevel: draft.level,
      addressedExpectationIds: addressed,
      qualeducFicheCodes: draft.fiches,
      emblematicActionTitle: title,
      emblematicActionDescription:
        title === "" && isBlank(draft.emblematicDescription)
          ? null
          : textToHtml(draft.emblematicDescription),
      citedEvidenceIds: draft.cited,
      ...(isEuroscolCriterion ? { metByEuroscol: draft.euroscol } : {}),
    };
    try {
      const { data } = await mutate({ variables: { input } });
      const r = data?.updateCriterionResponse;
      if (r) {
        setDraft(draftOf(r));
        setBaseVersion(r.version);
        setConflict(null);
        setSaved({ version: r.version, at: r.updatedAt });
      }
    } catch (error) {
      setSaveError(error);
      if (graphQLErrorCode(error) === "CONFLICT") setConflict(errorDetails(error) ?? {});
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(baseVersion);
  };

  const serverVersion =
    conflict && typeof conflict["currentVersion"] === "number" ? conflict["currentVersion"] : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="criterion-form-title">
      <h2 id="criterion-form-title" className={fr.cx("fr-h4")}>
        {t("dossier.criterion.selfEvaluation")}
      </h2>
      {response ? (
        <p className={fr.cx("fr-text--sm")}>
          {t("dossier.criterion.versionInfo", {
            version: baseVersion,
            date: formatDate(response.updatedAt, { lng, withTime: true }),
          })}
        </p>
      ) : (
        <p className={fr.cx("fr-text--sm")}>{t("dossier.criterion.noResponse")}</p>
      )}

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="criterion-cycle-legend">
        <legend id="criterion-cycle-legend" className={fr.cx("fr-fieldset__legend")}>
          {t("dossier.criterion.cycle")}
          <span className={fr.cx("fr-hint-text")}>{t("dossier.criterion.cycleHint")}</span>
        </legend>
        {CYCLE.map((field) => (
          <div key={field} className={fr.cx("fr-fieldset__element")}>
            {readOnly ? (
              <ReadOnlyText label={labels[field]} html={textToHtml(draft[field])} />
            ) : (
              <RichTextEditor
                id={`criterion-${field}`}
                label={labels[field]}
                hint={t(`dossier.criterion.${field}Hint`)}
                value={draft[field]}
                onChange={(v) => set(field, v)}
                errorMessage={fieldError(field)}
              />
            )}
          </div>
        ))}
      </fieldset>

      {readOnly ? (
        <ReadOnlyText label={labels.narrative} html={textToHtml(draft.narrative)} />
      ) : (
        <RichTextEditor
          id="criterion-narrative"
          label={labels.narrative}
          hint={t("dossier.criterion.narrativeHint")}
          value={draft.narrative}
          onChange={(v) => set("narrative", v)}
          errorMessage={fieldError("narrative")}
          rows={4}
        />
      )}

      <RadioButtons
        legend={t("dossier.criterion.level")}
        hintText={t("dossier.criterion.levelHint")}
        name={`level-${criterion.code}`}
        disabled={readOnly}
        orientation="horizontal"
        options={ATTAINMENT_LEVELS.map((level) => ({
          label: t(`dossier.enums.AttainmentLevel.${level}`),
          nativeInputProps: {
            value: level,
            checked: draft.level === level,
            onChange: () => set("level", level),
          },
        }))}
      />

      {expectations.length > 0 && (
        <Checkbox
          legend={t("dossier.criterion.expectationsCount", {
            count: addressed.length,
            total: expectations.length,
          })}
          hintText={t(
            kind === "INDIVIDUAL" && criterion.expectations.some((x) => x.scope === "NETWORK")
              ? "dossier.criterion.expectationsHintIndividual"
              : "dossier.criterion.expectationsHint",
          )}
          disabled={readOnly}
          small
          options={expectations.map((x) => ({
            label: `${x.id} — ${x.text}`,
            nativeInputProps: {
              value: x.id,
              checked: draft.expectations.includes(x.id),
              onChange: (e) =>
                set("expectations", toggle(draft.expectations, x.id, e.target.checked)),
            },
          }))}
        />
      )}

      {criterion.qualeducFiches.length > 0 && (
        <Checkbox
          legend={t("dossier.criterion.fiches")}
          hintText={t("dossier.criterion.fichesHint")}
          disabled={readOnly}
          small
          options={criterion.qualeducFiches.map((f) => ({
            label: `${f.code} — ${f.title}`,
            nativeInputProps: {
              value: f.code,
              checked: draft.fiches.includes(f.code),
              onChange: (e) => set("fiches", toggle(draft.fiches, f.code, e.target.checked)),
            },
          }))}
        />
      )}

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="criterion-emblematic-legend">
        <legend id="criterion-emblematic-legend" className={fr.cx("fr-fieldset__legend")}>
          {t("dossier.criterion.emblematic")}
          <span className={fr.cx("fr-hint-text")}>{t("dossier.criterion.emblematicHint")}</span>
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            label={t("dossier.criterion.emblematicTitle")}
            disabled={readOnly}
            nativeInputProps={{
              value: draft.emblematicTitle,
              maxLength: 200,
              onChange: (e) => set("emblematicTitle", e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          {readOnly ? (
            <ReadOnlyText
              label={labels.emblematicDescription}
              html={textToHtml(draft.emblematicDescription)}
            />
          ) : (
            <RichTextEditor
              id="criterion-emblematic-description"
              label={labels.emblematicDescription}
              value={draft.emblematicDescription}
              onChange={(v) => set("emblematicDescription", v)}
              errorMessage={fieldError("emblematicDescription")}
              rows={4}
            />
          )}
        </div>
      </fieldset>

      {euroscolNote !== null && (
        <Highlight className={fr.cx("fr-mb-3w")}>
          <strong>{t("dossier.criterion.euroscolRule")}</strong> : {euroscolNote}
        </Highlight>
      )}
      {isEuroscolCriterion && (
        <ToggleSwitch
          className={fr.cx("fr-mb-3w")}
          label={t("dossier.criterion.euroscol")}
          helperText={t("dossier.criterion.euroscolHint")}
          checked={draft.euroscol}
          disabled={readOnly}
          onChange={(checked) => set("euroscol", checked)}
          showCheckedHint
        />
      )}

      <CitedEvidence
        candidatureId={candidatureId}
        evidence={evidence}
        cited={draft.cited}
        readOnly={readOnly}
        onToggle={(id, on) => set("cited", toggle(draft.cited, id, on))}
      />

      <div ref={statusRef} tabIndex={-1} className={fr.cx("fr-mt-3w")}>
        {saved && (
          <Alert
            small
            severity="success"
            role="status"
            description={t("dossier.criterion.saved", {
              version: saved.version,
              date: formatDate(saved.at, { lng, withTime: true }),
            })}
          />
        )}
        {conflict ? (
          <ConflictNotice
            serverVersion={serverVersion}
            server={conflict}
            labels={labels}
            onKeepMine={() => {
              if (serverVersion !== null) {
                setBaseVersion(serverVersion);
                void save(serverVersion);
              }
            }}
            onTakeServer={() => {
              setDraft(draftOf(conflict as Partial<CriterionResponseFieldsFragment>));
              if (serverVersion !== null) setBaseVersion(serverVersion);
              setConflict(null);
              setSaveError(null);
            }}
          />
        ) : (
          saveError != null && (
            <GraphQLErrorAlert error={saveError} title={t("dossier.criterion.saveFailed")} />
          )
        )}
      </div>

      {!readOnly && (
        <Button type="submit" className={fr.cx("fr-mt-3w")} disabled={saving}>
          {saving ? t("dossier.criterion.saving") : t("dossier.criterion.save")}
        </Button>
      )}
    </form>
  );
}

function ReadOnlyText({ label, html }: { label: string; html: string }) {
  const { t } = useTranslation();
  return (
    <div className={fr.cx("fr-mb-3w")}>
      <h3 className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-1v")}>{label}</h3>
      <RichTextView html={html} empty={t("dossier.criterion.emptyText")} />
    </div>
  );
}

function ConflictNotice({
  serverVersion,
  server,
  labels,
  onKeepMine,
  onTakeServer,
}: {
  serverVersion: number | null;
  server: Record<string, unknown>;
  labels: Record<TextField, string>;
  onKeepMine: () => void;
  onTakeServer: () => void;
}) {
  const { t } = useTranslation();
  const texts = (["planned", "done", "measured", "improved", "narrative"] as const).filter(
    (f) => typeof server[f] === "string",
  );
  return (
    <Alert
      severity="warning"
      title={t("dossier.criterion.conflictTitle")}
      description={
        <>
          <span className={fr.cx("fr-mb-1w")} style={{ display: "block" }}>
            {t("dossier.criterion.conflict", { version: serverVersion ?? "?" })}
          </span>
          <details className={fr.cx("fr-my-2w")}>
            <summary>
              {t("dossier.criterion.conflictShowServer", { version: serverVersion ?? "?" })}
            </summary>
            {texts.map((f) => (
              <div key={f}>
                <h4 className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-1v", "fr-mt-2w")}>
                  {labels[f]}
                </h4>
                <RichTextView html={server[f] as string} empty={t("dossier.criterion.emptyText")} />
              </div>
            ))}
          </details>
          <span
            className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}
            style={{ display: "flex" }}
          >
            <Button type="button" onClick={onKeepMine} disabled={serverVersion === null}>
              {t("dossier.criterion.conflictKeepMine", { version: serverVersion ?? "?" })}
            </Button>
            <Button type="button" priority="secondary" onClick={onTakeServer}>
              {t("dossier.criterion.conflictTakeServer")}
            </Button>
          </span>
        </>
      }
    />
  );
}

function CitedEvidence({
  candidatureId,
  evidence,
  cited,
  readOnly,
  onToggle,
}: {
  candidatureId: string;
  evidence: readonly EvidenceData[];
  cited: readonly string[];
  readOnly: boolean;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset
      className={fr.cx("fr-fieldset", "fr-mt-3w")}
      aria-labelledby="criterion-evidence-legend"
    >
      <legend id="criterion-evidence-legend" className={fr.cx("fr-fieldset__legend")}>
        {t("dossier.criterion.evidence")}
        <span className={fr.cx("fr-hint-text")}>{t("dossier.criterion.evidenceHint")}</span>
      </legend>
      {evidence.length === 0 ? (
        <p className={fr.cx("fr-fieldset__element", "fr-text--sm")}>
          {t("dossier.criterion.noEvidence")}{" "}
          <Link className={fr.cx("fr-link")} to={paths.candidature(candidatureId, "evidence")}>
            {t("dossier.criterion.evidenceLibrary")}
          </Link>
        </p>
      ) : (
        <ul className={fr.cx("fr-fieldset__element", "fr-raw-list")}>
          {evidence.map((e) => {
            const inputId = `cite-${e.id}`;
            const isCited = cited.includes(e.id);
            return (
              <li key={e.id} className={fr.cx("fr-mb-2w")}>
                <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
                  <input
                    type="checkbox"
                    id={inputId}
                    checked={isCited}
                    disabled={readOnly}
                    onChange={(ev) => onToggle(e.id, ev.target.checked)}
                    aria-describedby={`${inputId}-desc`}
                  />
                  <label className={fr.cx("fr-label")} htmlFor={inputId}>
                    {t("dossier.criterion.cite", { title: e.title })}
                  </label>
                </div>
                <p id={`${inputId}-desc`} className={fr.cx("fr-text--xs", "fr-mb-0", "fr-ml-4w")}>
                  {t(`dossier.enums.EvidenceKind.${e.kind}`)} ·{" "}
                  {formatDate(e.effectiveDate, { lng: i18n.language })}
                  {e.currentFile
                    ? ` · ${e.currentFile.fileName} (${formatFileSize(e.currentFile.sizeBytes, localeOf(i18n.language))})`
                    : ""}
                  {" · "}
                  {isCited ? t("dossier.criterion.citedHere") : t("dossier.criterion.notCitedHere")}
                </p>
                {e.currentFile && (
                  <a
                    className={fr.cx("fr-link", "fr-text--xs", "fr-ml-4w")}
                    href={paths.evidenceFile(e.id)}
                    download
                  >
                    {t("dossier.criterion.download", { title: e.title })}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
