import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { summarizeError } from "./errorMessages";

export interface GraphQLErrorAlertProps {
  /** An Apollo error (`error` of a query or mutation), an `UploadError`, or anything thrown. */
  error: unknown;
  /** Title of the alert (default: « L'opération n'a pas abouti »). */
  title?: string;
  className?: string;
  small?: boolean;
}

/** A DSFR error alert with the French message(s) of the API, or a generic message for network errors. */
export function GraphQLErrorAlert({ error, title, className, small }: GraphQLErrorAlertProps) {
  const { t } = useTranslation("ui");
  if (error == null) return null;
  const summary = summarizeError(error, t);
  const heading =
    title ?? (summary.kind === "network" ? t("error.networkTitle") : t("error.title"));
  const description =
    summary.messages.length === 1 ? (
      (summary.messages[0] ?? "")
    ) : (
      <ul>
        {summary.messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    );
  if (small) {
    return <Alert severity="error" small description={description} className={className} />;
  }
  return <Alert severity="error" title={heading} description={description} className={className} />;
}
