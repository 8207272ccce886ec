import { fr } from "@codegouvfr/react-dsfr";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** The progress of an upload: a native `<progress>` (announced), labelled with the percentage. */
export function UploadProgressBar({ percent }: { percent: number | null }) {
  const { t } = useTranslation("ui");
  const id = useId();
  const text = percent === null ? t("upload.sending") : t("upload.progress", { percent });
  return (
    <div className={fr.cx("fr-my-2w")}>
      <label htmlFor={id} className={fr.cx("fr-label", "fr-text--sm")}>
        {text}
      </label>
      <progress
        id={id}
        max={100}
        value={percent ?? undefined}
        style={{
          width: "100%",
          height: "1rem",
          accentColor: "var(--background-action-high-blue-france)",
        }}
      >
        {text}
      </progress>
    </div>
  );
}
