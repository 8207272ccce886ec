import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { paths } from "../../../paths";
import type { CandidatureReadinessFragment } from "../../../gql/graphql";

/**
 * What is still missing, from `readiness`: the general items (engagement, approvals), then one
 * disclosure per criterion with its items and a link to its page.
 */
export function MissingList({ candidature: c }: { candidature: CandidatureReadinessFragment }) {
  const { t } = useTranslation();
  const r = c.readiness;
  const perCriterion = new Set(r.criteria.flatMap((x) => x.missing));
  const general = r.missing.filter((m) => !perCriterion.has(m));
  return (
    <div className={fr.cx("fr-mt-2w")}>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>
        {t("procedure.readiness.stillMissing", { count: r.missing.length })}
      </p>
      {general.length > 0 && (
        <ul>
          {general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {c.criteria.map((criterion) => {
        const items = r.criteria.find((x) => x.criterionCode === criterion.code)?.missing ?? [];
        if (items.length === 0) return null;
        const label = t("candidature.menu.criterion", {
          number: criterion.number,
          title: criterion.shortTitle,
        });
        return (
          <details key={criterion.code} className={fr.cx("fr-mb-1w")}>
            <summary>
              {t("procedure.readiness.criterionMissing", { criterion: label, count: items.length })}
            </summary>
            <ul className={fr.cx("fr-text--sm", "fr-mb-1w")}>
              {items.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <Link
              className={fr.cx("fr-link", "fr-text--sm")}
              to={paths.criterion(c.id, criterion.code)}
            >
              {t("procedure.readiness.openCriterion", { criterion: label })}
            </Link>
          </details>
        );
      })}
    </div>
  );
}
