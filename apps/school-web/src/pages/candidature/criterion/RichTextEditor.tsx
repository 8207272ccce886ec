import { fr } from "@codegouvfr/react-dsfr";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface RichTextEditorProps {
  /** Visible label: the accessible name of the text area. */
  label: string;
  /** The light markup of `richText.ts` (not HTML). */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** An error shown under the field and linked to it. */
  errorMessage?: string | null;
  rows?: number;
  readOnly?: boolean;
  id?: string;
}

/**
 * An accessible rich-text editor: a native `<textarea>` (labelled, with its hint and error linked by
 * `aria-describedby`) with a small toolbar that inserts the markup of `richText.ts` (bold, italics,
 * bullets, numbers). What is typed is saved as `<p>` / `<ul><li>` HTML by `textToHtml`.
 */
export function RichTextEditor({
  label,
  value,
  onChange,
  hint,
  errorMessage,
  rows = 6,
  readOnly = false,
  id,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? `rte-${generated}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const ref = useRef<HTMLTextAreaElement>(null);

  /** Wraps the selection in `mark` (bold, italics), or prefixes the selected lines (lists). */
  const apply = (kind: "bold" | "italic" | "bullets" | "numbers") => {
    const area = ref.current;
    if (!area) return;
    const start = area.selectionStart;
    const end = area.selectionEnd;
    let next: string;
    let caret: [number, number];
    if (kind === "bold" || kind === "italic") {
      const mark = kind === "bold" ? "**" : "*";
      const selected = value.slice(start, end) || t("dossier.editor.sample");
      next = value.slice(0, start) + mark + selected + mark + value.slice(end);
      caret = [start + mark.length, start + mark.length + selected.length];
    } else {
      const lineStart = value.lastIndexOf("\n", start - 1) + 1;
      const block = value.slice(lineStart, end);
      const lines = block.split("\n");
      const prefixed = lines
        .map((line, i) =>
          kind === "bullets"
            ? `- ${line.replace(/^\s*([-*•]|\d+[.)])\s+/, "")}`
            : `${i + 1}. ${line.replace(/^\s*([-*•]|\d+[.)])\s+/, "")}`,
        )
        .join("\n");
      const before = value.slice(0, lineStart);
      const separator = before === "" || before.endsWith("\n") ? "" : "\n";
      next = before + separator + prefixed + value.slice(end);
      const from = lineStart + separator.length;
      caret = [from + prefixed.length, from + prefixed.length];
    }
    onChange(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(caret[0], caret[1]);
    });
  };

  const describedBy = [hintId, errorMessage ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={fr.cx("fr-input-group", errorMessage ? "fr-input-group--error" : undefined)}>
      <label className={fr.cx("fr-label")} htmlFor={inputId}>
        {label}
      </label>
      <p id={hintId} className={fr.cx("fr-hint-text", "fr-mb-1v")}>
        {hint ? `${hint} ` : ""}
        {readOnly ? "" : t("dossier.editor.hint")}
      </p>
      {!readOnly && (
        <div
          role="toolbar"
          aria-label={t("dossier.editor.toolbar", { field: label })}
          aria-controls={inputId}
          className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}
          style={{ marginBottom: 0 }}
        >
          {(
            [
              ["bold", "fr-icon-bold"],
              ["italic", "fr-icon-italic"],
              ["bullets", "fr-icon-list-unordered"],
              ["numbers", "fr-icon-list-ordered"],
            ] as const
          ).map(([kind, icon]) => (
            <button
              key={kind}
              type="button"
              className={fr.cx(
                "fr-btn",
                "fr-btn--tertiary",
                "fr-btn--sm",
                "fr-btn--icon-left",
                icon,
              )}
              title={t(`dossier.editor.${kind}`)}
              onClick={() => apply(kind)}
            >
              {t(`dossier.editor.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <textarea
        ref={ref}
        id={inputId}
        className={fr.cx("fr-input", errorMessage ? "fr-input--error" : undefined)}
        rows={rows}
        value={value}
        readOnly={readOnly}
        aria-describedby={describedBy}
        aria-invalid={errorMessage ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {errorMessage && (
        <p id={errorId} className={fr.cx("fr-error-text")}>
          {errorMessage}
        </p>
      )}
    </div>
  );
}
