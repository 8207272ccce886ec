import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { formatDate } from "@ldm/ui";
import type { CandidatureState, CandidatureTransition } from "../../gql/graphql";

export interface HistoryEntry {
  id: string;
  transition: CandidatureTransition;
  fromState: CandidatureState;
  toState: CandidatureState;
  effectiveDate: string;
  comment?: string | null;
  createdAt: string;
}

/** The steps taken, oldest first: date, step, states before and after, comment, when recorded. */
export function HistoryTable({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (history.length === 0) return <p>{t("history.empty")}</p>;
  const rows = [...history].sort(
    (a, b) =>
      a.effectiveDate.localeCompare(b.effectiveDate) || a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
      <div className={fr.cx("fr-table__wrapper")}>
        <div
          className={fr.cx("fr-table__container")}
          tabIndex={0}
          role="region"
          aria-label={t("history.caption")}
        >
          <div className={fr.cx("fr-table__content")}>
            <table>
              <caption className={fr.cx("fr-sr-only")}>{t("history.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("history.step")}</th>
                  <th scope="col">{t("history.date")}</th>
                  <th scope="col">{t("history.states")}</th>
                  <th scope="col">{t("history.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.id}>
                    <th
                      scope="row"
                      className={fr.cx("fr-cell--multiline")}
                      style={{ minWidth: "10rem" }}
                    >
                      {t(`enums.CandidatureTransition.${h.transition}`)}
                    </th>
                    <td style={{ minWidth: "9rem" }}>
                      {formatDate(h.effectiveDate, { lng })}
                      <br />
                      <span className={fr.cx("fr-text--xs")}>
                        {t("history.recordedAt", {
                          date: formatDate(h.createdAt, { lng, withTime: true, style: "short" }),
                        })}
                      </span>
                    </td>
                    <td className={fr.cx("fr-cell--multiline")}>
                      {t(`enums.CandidatureState.${h.fromState}`)} →{" "}
                      {t(`enums.CandidatureState.${h.toState}`)}
                    </td>
                    <td className={fr.cx("fr-cell--multiline")} style={{ minWidth: "16rem" }}>
                      {h.comment ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
