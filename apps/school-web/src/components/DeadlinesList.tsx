import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { formatDate, todayLocalDate } from "@ldm/ui";
import type { DeadlineKind } from "../gql/graphql";

export interface DeadlinesListProps {
  deadlines: readonly { kind: DeadlineKind; date: string }[];
  /** How many upcoming deadlines to show (default 3). */
  limit?: number;
}

/** The next deadlines of the procedure (the API gives them in order). */
export function DeadlinesList({ deadlines, limit = 3 }: DeadlinesListProps) {
  const { t, i18n } = useTranslation();
  const today = todayLocalDate();
  const upcoming = deadlines.filter((d) => d.date >= today).slice(0, limit);
  if (upcoming.length === 0) {
    return <p className={fr.cx("fr-text--sm")}>{t("candidatures.noDeadline")}</p>;
  }
  return (
    <ul className={fr.cx("fr-text--sm")}>
      {upcoming.map((d) => (
        <li key={`${d.kind}-${d.date}`}>
          <strong>{formatDate(d.date, { lng: i18n.language })}</strong> —{" "}
          {t(`enums.DeadlineKind.${d.kind}`)}
        </li>
      ))}
    </ul>
  );
}
