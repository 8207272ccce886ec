import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { paths } from "../../../paths";

export interface CriteriaReadinessTableProps {
  candidatureId: string;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
  readiness: readonly { criterionCode: string; ready: boolean; missing: readonly string[] }[];
}

/** One row per criterion of the candidature: a link to its page, ready or not, what is missing. */
export function CriteriaReadinessTable({
  candidatureId,
  criteria,
  readiness,
}: CriteriaReadinessTableProps) {
  const { t } = useTranslation();
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered")}>
      <table>
        <caption className={fr.cx("fr-sr-only")}>{t("procedure.readiness.criteriaTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("procedure.readiness.criterion")}</th>
            <th scope="col">{t("procedure.readiness.status")}</th>
            <th scope="col">{t("procedure.readiness.missing")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => {
            const r = readiness.find((x) => x.criterionCode === criterion.code);
            const ready = r?.ready ?? false;
            return (
              <tr key={criterion.code}>
                <th scope="row">
                  <Link to={paths.criterion(candidatureId, criterion.code)}>
                    {t("candidature.menu.criterion", {
                      number: criterion.number,
                      title: criterion.shortTitle,
                    })}
                  </Link>
                </th>
                <td>
                  {ready ? (
                    <Badge small severity="success">
                      {t("procedure.readiness.criterionReady")}
                    </Badge>
                  ) : (
                    <Badge small severity="warning">
                      {t("procedure.readiness.criterionNotReady", {
                        count: r?.missing.length ?? 0,
                      })}
                    </Badge>
                  )}
                </td>
                <td>
                  {r && r.missing.length > 0 ? (
                    <ul className={fr.cx("fr-text--sm", "fr-mb-0")}>
                      {r.missing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
