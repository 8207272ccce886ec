import { useState } from "react";
import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { paths } from "../../paths";
import { useCandidatureShell } from "./candidatureContext";
import { AuditDayScheduleQuery } from "./schedule/queries";
import {
  DEFAULT_SCHEDULE_OPTIONS,
  ScheduleOptionsForm,
  type ScheduleOptions,
} from "./schedule/ScheduleOptionsForm";
import { ScheduleTable } from "./schedule/ScheduleTable";

/**
 * « Programme de la journée d'audit » (a preview): the day the domain's generator builds for the
 * candidature (`Candidature.auditDaySchedule` on the API: its criteria, each presented by its pilots),
 * with a few options. Criteria without a pilot are flagged; a refused set of options (a day ending after
 * 18:00, a lunch outside 11:30–14:00) shows the API's French message instead of the table. The real
 * audit plan comes with the audit work.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("procedure.schedule.title"));
  const shell = useCandidatureShell();
  const [options, setOptions] = useState<ScheduleOptions>(DEFAULT_SCHEDULE_OPTIONS);
  const criteria = shell.criteria;
  const { data, previousData, loading, error } = useQuery(AuditDayScheduleQuery, {
    variables: { id: shell.id, options },
    skip: criteria.length === 0,
  });
  // A refused set of options shows its message, not the programme of the previous options.
  const schedule = error ? null : (data ?? previousData)?.candidature.auditDaySchedule;
  const withoutPilot = (schedule?.criteriaWithoutPilot ?? []).map((code) => {
    const criterion = criteria.find((c) => c.code === code);
    return criterion
      ? t("candidature.menu.criterion", { number: criterion.number, title: criterion.shortTitle })
      : code;
  });

  return (
    <>
      <h1>{t("procedure.schedule.title")}</h1>
      <Notice
        title={t("procedure.schedule.previewNotice")}
        isClosable={false}
        className={fr.cx("fr-mb-3w")}
      />
      <p>{t("procedure.schedule.intro", { count: criteria.length })}</p>
      <ScheduleOptionsForm initial={options} onApply={setOptions} />
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.schedule.error")}
        className={fr.cx("fr-mb-3w")}
      />
      {criteria.length === 0 ? (
        <p>{t("procedure.schedule.noCriteria")}</p>
      ) : schedule ? (
        <>
          {loading && <Loading />}
          {withoutPilot.length > 0 && (
            <Alert
              severity="warning"
              title={t("procedure.schedule.withoutPilotTitle", { count: withoutPilot.length })}
              description={
                <>
                  <span>
                    {t("procedure.schedule.withoutPilot", { count: withoutPilot.length })}
                  </span>
                  <ul>
                    {withoutPilot.map((label) => (
                      <li key={label}>{label}</li>
                    ))}
                  </ul>
                  <Link to={paths.candidature(shell.id, "team")}>
                    {t("procedure.schedule.assignPilots")}
                  </Link>
                </>
              }
              className={fr.cx("fr-mb-3w")}
            />
          )}
          <ScheduleTable schedule={schedule} criteria={criteria} />
        </>
      ) : loading ? (
        <Loading />
      ) : null}
    </>
  );
}
