import { useApolloClient, useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, GraphQLErrorAlert, graphQLErrorCode, RichTextView } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { CommonStrategyFieldsFragment, StrategiesPageQuery } from "../../../gql/graphql";
import { errorDetails } from "../criterion/access";
import { htmlToText, textToHtml } from "../criterion/richText";
import { RichTextEditor } from "../criterion/RichTextEditor";

export const CommonStrategyFields = graphql(`
  fragment CommonStrategyFields on CommonStrategy {
    id
    criterionCode
    text
    version
    updatedAt
    lastEditor {
      fullName
    }
  }
`);

export const UpdateCommonStrategyMutation = graphql(`
  mutation UpdateCommonStrategy($input: UpdateCommonStrategyInput!) {
    updateCommonStrategy(input: $input) {
      ...CommonStrategyFields
    }
  }
`);

export interface StrategyEditorProps {
  candidatureId: string;
  criterion: { code: string; number: number; shortTitle: string };
  strategy: CommonStrategyFieldsFragment | null;
  readOnly: boolean;
  /** Reloads the strategies (used when a CONFLICT does not carry the saved text). */
  reload: () => Promise<StrategiesPageQuery | undefined>;
}

interface Conflict {
  version: number;
  /** The saved text (HTML). */
  text: string;
  /** The version the user's draft was based on. */
  draftBase: number;
}

/**
 * The shared editor of one common strategy, saved on the version it was loaded from. When someone else
 * saved meanwhile (CONFLICT), nothing is lost: the saved version and the user's draft are shown side by
 * side, and the user edits a merged text that is saved on the new version.
 */
export function StrategyEditor({
  candidatureId,
  criterion,
  strategy,
  readOnly,
  reload,
}: StrategyEditorProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useApolloClient();
  const [draft, setDraft] = useState(() => htmlToText(strategy?.text));
  const [base, setBase] = useState<{
    version: number;
    updatedAt: string | null;
    editor: string | null;
  }>({
    version: strategy?.version ?? 0,
    updatedAt: strategy?.updatedAt ?? null,
    editor: strategy?.lastEditor?.fullName ?? null,
  });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [merged, setMerged] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const [mutate, { loading }] = useMutation(UpdateCommonStrategyMutation, {
    refetchQueries: ["StrategiesPage"],
  });
  const n = criterion.number;
  const code = criterion.code;

  const save = async (markup: string, expectedVersion: number) => {
    setError(null);
    setSaved(false);
    try {
      const { data } = await mutate({
        variables: {
          input: { candidatureId, criterionCode: code, text: textToHtml(markup), expectedVersion },
        },
      });
      const s = data?.updateCommonStrategy;
      if (s) {
        setDraft(htmlToText(s.text));
        setBase({
          version: s.version,
          updatedAt: s.updatedAt,
          editor: s.lastEditor?.fullName ?? null,
        });
        setConflict(null);
        setSaved(true);
      }
    } catch (err) {
      if (graphQLErrorCode(err) === "CONFLICT") {
        const details = errorDetails(err);
        let version =
          typeof details?.["currentVersion"] === "number" ? details["currentVersion"] : null;
        let text = typeof details?.["text"] === "string" ? details["text"] : null;
        if (version === null || text === null) {
          const fresh = (await reload().catch(() => undefined))?.candidature.commonStrategies.find(
            (s) => s.criterionCode === code,
          );
          version ??= fresh?.version ?? null;
          text ??= fresh?.text ?? "";
        }
        if (version !== null) {
          setConflict({ version, text: text ?? "", draftBase: expectedVersion });
          setMerged(markup);
        } else {
          setError(err);
        }
      } else {
        setError(err);
      }
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(conflict ? merged : draft, conflict ? conflict.version : base.version);
  };

  const discardMine = () => {
    if (!conflict) return;
    setDraft(htmlToText(conflict.text));
    setBase({ version: conflict.version, updatedAt: null, editor: null });
    setConflict(null);
    void client.refetchQueries({ include: ["StrategiesPage"] });
  };

  const sectionId = `strategy-${code}`;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby={`${sectionId}-title`}>
      <h2 id={`${sectionId}-title`} className={fr.cx("fr-h4")}>
        {t("dossier.criterionLabel", { number: n, title: criterion.shortTitle })}
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        {base.version === 0
          ? t("dossier.strategies.notYet")
          : base.updatedAt && base.editor
            ? t("dossier.strategies.versionInfoBy", {
                version: base.version,
                date: formatDate(base.updatedAt, { lng, withTime: true }),
                name: base.editor,
              })
            : base.updatedAt
              ? t("dossier.strategies.versionInfo", {
                  version: base.version,
                  date: formatDate(base.updatedAt, { lng, withTime: true }),
                })
              : t("dossier.strategies.versionOnly", { version: base.version })}
      </p>

      {readOnly ? (
        <>
          <RichTextView html={strategy?.text} empty={t("dossier.strategies.empty")} />
          <p className={fr.cx("fr-text--xs", "fr-mt-1w")}>{t("dossier.strategies.readOnly")}</p>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          {!conflict ? (
            <RichTextEditor
              id={`${sectionId}-text`}
              label={t("dossier.strategies.label", { number: n })}
              hint={t("dossier.strategies.hint")}
              value={draft}
              onChange={(v) => {
                setDraft(v);
                setSaved(false);
              }}
              rows={8}
            />
          ) : (
            <ConflictMerge
              code={code}
              conflict={conflict}
              draft={draft}
              merged={merged}
              setMerged={setMerged}
              onTakeServer={() => setMerged(htmlToText(conflict.text))}
              onTakeMine={() => setMerged(draft)}
              onAppendServer={() =>
                setMerged((m) => `${m.trimEnd()}\n\n${htmlToText(conflict.text)}`.trimStart())
              }
            />
          )}
          <div ref={statusRef} tabIndex={-1}>
            {saved && (
              <Alert
                small
                severity="success"
                role="status"
                className={fr.cx("fr-mb-2w")}
                description={t("dossier.strategies.saved", { version: base.version })}
              />
            )}
            {error != null && (
              <GraphQLErrorAlert
                error={error}
                title={t("dossier.strategies.saveFailed")}
                className={fr.cx("fr-mb-2w")}
              />
            )}
          </div>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit" disabled={loading}>
                {conflict
                  ? t("dossier.strategies.saveMerged", { version: conflict.version })
                  : t("dossier.strategies.save", { number: n })}
              </Button>
            </li>
            {conflict && (
              <li>
                <Button type="button" priority="secondary" onClick={discardMine}>
                  {t("dossier.strategies.discardMine")}
                </Button>
              </li>
            )}
          </ul>
        </form>
      )}
    </section>
  );
}

function ConflictMerge({
  code,
  conflict,
  draft,
  merged,
  setMerged,
  onTakeServer,
  onTakeMine,
  onAppendServer,
}: {
  code: string;
  conflict: Conflict;
  draft: string;
  merged: string;
  setMerged: (v: string) => void;
  onTakeServer: () => void;
  onTakeMine: () => void;
  onAppendServer: () => void;
}) {
  const { t } = useTranslation();
  const id = `strategy-${code}-conflict`;
  return (
    <div>
      <Alert
        severity="warning"
        role="alert"
        className={fr.cx("fr-mb-3w")}
        title={t("dossier.strategies.conflictTitle")}
        description={t("dossier.strategies.conflict", {
          version: conflict.version,
          base: conflict.draftBase,
        })}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}>
        <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby={`${id}-server`}>
          <div
            className={fr.cx("fr-p-2w")}
            style={{ border: "1px solid var(--border-default-grey)", height: "100%" }}
          >
            <h3 id={`${id}-server`} className={fr.cx("fr-h6")}>
              {t("dossier.strategies.serverVersion", { version: conflict.version })}
            </h3>
            <RichTextView html={conflict.text} empty={t("dossier.strategies.empty")} />
          </div>
        </section>
        <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby={`${id}-mine`}>
          <div
            className={fr.cx("fr-p-2w")}
            style={{ border: "2px solid var(--border-action-high-blue-france)", height: "100%" }}
          >
            <h3 id={`${id}-mine`} className={fr.cx("fr-h6")}>
              {t("dossier.strategies.yourDraft", { version: conflict.draftBase })}
            </h3>
            <RichTextView html={textToHtml(draft)} empty={t("dossier.strategies.empty")} />
          </div>
        </section>
      </div>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
        <li>
          <Button type="button" size="small" priority="tertiary" onClick={onTakeMine}>
            {t("dossier.strategies.startFromMine")}
          </Button>
        </li>
        <li>
          <Button type="button" size="small" priority="tertiary" onClick={onTakeServer}>
            {t("dossier.strategies.startFromServer")}
          </Button>
        </li>
        <li>
          <Button type="button" size="small" priority="tertiary" onClick={onAppendServer}>
            {t("dossier.strategies.appendServer")}
          </Button>
        </li>
      </ul>
      <RichTextEditor
        id={`${id}-merged`}
        label={t("dossier.strategies.mergedLabel")}
        hint={t("dossier.strategies.mergedHint", { version: conflict.version })}
        value={merged}
        onChange={setMerged}
        rows={10}
      />
    </div>
  );
}
