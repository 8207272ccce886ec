import { useState } from "react";
import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
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
 * candidature's criteria (`auditDaySchedule` on the API), with a few options. The real audit plan comes
 * with the audit work.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("procedure.schedule.title"));
  const shell = useCandidatureShell();
  const [options, setOptions] = useState<ScheduleOptions>(DEFAULT_SCHEDULE_OPTIONS);
  const criteria = shell.criteria;
  const { data, previousData, loading, error } = useQuery(AuditDayScheduleQuery, {
    variables: { criteria: criteria.map((c) => c.code), options },
    skip: criteria.length === 0,
  });
  const schedule = (data ?? previousData)?.auditDaySchedule;

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
          <ScheduleTable schedule={schedule} criteria={criteria} />
        </>
      ) : loading ? (
        <Loading />
      ) : null}
    </>
  );
}
