import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useTranslation } from "react-i18next";
import { formatDate } from "@ldm/ui";
import type { DeadlineStatus } from "./deadlines";

/** Overdue deadlines (flagged in words and colour), then the next ones. */
export function DeadlineStatusList({
  status,
  upcomingLimit = 2,
}: {
  status: DeadlineStatus;
  upcomingLimit?: number;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const upcoming = status.upcoming.slice(0, upcomingLimit);
  if (status.overdue.length === 0 && upcoming.length === 0) {
    return <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{t("deadlines.none")}</p>;
  }
  return (
    <ul className={fr.cx("fr-text--sm", "fr-mb-0")} style={{ listStyle: "none", paddingLeft: 0 }}>
      {status.overdue.map((d) => (
        <li key={d.key} className={fr.cx("fr-mb-1v")}>
          <Badge severity="error" small>
            {t("deadlines.overdue")}
          </Badge>{" "}
          {t(`enums.ProcedureDeadlineKind.${d.kind}`)} : {formatDate(d.date, { lng })}
        </li>
      ))}
      {upcoming.map((d) => (
        <li key={d.key} className={fr.cx("fr-mb-1v")}>
          {t(`enums.ProcedureDeadlineKind.${d.kind}`)} : {formatDate(d.date, { lng })}
        </li>
      ))}
    </ul>
  );
}
