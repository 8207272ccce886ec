import { fr } from "@codegouvfr/react-dsfr";
import { useId, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "../locale";

export interface FileDropZoneProps {
  label: string;
  /** What may be sent (types, size), under the label. */
  hint: string;
  file: File | null;
  onFile: (file: File | null) => void;
  /** The platform's file-size wording (`formatFileSize` of @ldm/domain), for the chosen file. */
  formatFileSize: (bytes: number, locale: string) => string;
  errorMessage?: string | null;
  disabled?: boolean;
  /** The native input's `accept` (e.g. `.csv,text/csv`). */
  accept?: string;
}

/**
 * A DSFR upload field inside a drop zone: drag and drop with a mouse, or the native file input
 * (keyboard, screen readers), whose label is `label`. The chosen file is announced.
 */
export function FileDropZone({
  label,
  hint,
  file,
  onFile,
  formatFileSize,
  errorMessage,
  disabled,
  accept,
}: FileDropZoneProps) {
  const { t, i18n } = useTranslation("ui");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <div
      className={fr.cx("fr-upload-group", "fr-p-3w", "fr-mb-3w")}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        border: `2px dashed ${over ? "var(--border-action-high-blue-france)" : "var(--border-default-grey)"}`,
        background: over ? "var(--background-action-low-blue-france)" : undefined,
      }}
    >
      <label className={fr.cx("fr-label")} htmlFor={`${id}-input`}>
        {label}
      </label>
      <p id={`${id}-hint`} className={fr.cx("fr-hint-text")}>
        {hint}
      </p>
      <p aria-hidden="true" className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        <span className={fr.cx("fr-icon-upload-2-line", "fr-mr-1w")} />
        {over ? t("upload.dropNow") : t("upload.dropHere")}
      </p>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className={fr.cx("fr-upload")}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={[`${id}-hint`, errorMessage ? `${id}-error` : null, `${id}-chosen`]
          .filter(Boolean)
          .join(" ")}
        aria-invalid={errorMessage ? true : undefined}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p
        id={`${id}-chosen`}
        className={fr.cx("fr-text--sm", "fr-mt-1w", "fr-mb-0")}
        aria-live="polite"
      >
        {file
          ? t("upload.chosen", {
              name: file.name,
              size: formatFileSize(file.size, localeOf(i18n.language)),
            })
          : ""}
      </p>
      {errorMessage && (
        <p id={`${id}-error`} className={fr.cx("fr-error-text")}>
          {errorMessage}
        </p>
      )}
    </div>
  );
}
