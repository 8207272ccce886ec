import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { formatDate, todayLocalDate } from "@ldm/ui";
import type { DeadlineKind } from "../../../gql/graphql";

export interface DossierDeadlineProps {
  auditDate: string | null | undefined;
  deadlines: readonly { kind: DeadlineKind; date: string }[];
}

/** The dossier is due two months before the audit (the date comes from the API's deadlines). */
export function DossierDeadline({ auditDate, deadlines }: DossierDeadlineProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const due = deadlines.find((d) => d.kind === "DOSSIER_DUE")?.date ?? null;
  return (
    <section aria-labelledby="readiness-deadlines">
      <h2 id="readiness-deadlines" className={fr.cx("fr-h4")}>
        {t("procedure.readiness.deadlinesTitle")}
      </h2>
      {auditDate && due ? (
        <ul>
          <li>
            {t("procedure.readiness.dossierDue", { date: formatDate(due, { lng }) })}
            {due < todayLocalDate() && (
              <strong className={fr.cx("fr-ml-1w")}>{t("procedure.readiness.duePassed")}</strong>
            )}
          </li>
          <li>{t("procedure.readiness.auditOn", { date: formatDate(auditDate, { lng }) })}</li>
        </ul>
      ) : (
        <p>{t("procedure.readiness.noAuditDate")}</p>
      )}
      <p className={fr.cx("fr-text--sm")}>{t("procedure.readiness.dueRule")}</p>
    </section>
  );
}
