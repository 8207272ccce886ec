import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import type { AuditDaySchedulePreviewQuery } from "../../../gql/graphql";

type Schedule = AuditDaySchedulePreviewQuery["auditDaySchedule"];

export interface ScheduleTableProps {
  schedule: Schedule;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** The day as a DSFR table: time, what happens (with the criterion), duration. */
export function ScheduleTable({ schedule, criteria }: ScheduleTableProps) {
  const { t } = useTranslation();
  const label = (slot: Schedule["slots"][number]) => {
    const kind = t(`procedure.schedule.kinds.${slot.kind}`);
    const criterion = criteria.find((c) => c.code === slot.criterionCode);
    if (!slot.criterionCode) return kind;
    return t("procedure.schedule.withCriterion", {
      kind,
      criterion: criterion
        ? t("candidature.menu.criterion", { number: criterion.number, title: criterion.shortTitle })
        : slot.criterionCode,
    });
  };
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered")}>
      <table>
        <caption>
          {t("procedure.schedule.caption", {
            start: schedule.start,
            end: schedule.end,
            duration: duration(schedule.totalMinutes),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("procedure.schedule.time")}</th>
            <th scope="col">{t("procedure.schedule.slot")}</th>
            <th scope="col">{t("procedure.schedule.duration")}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.slots.map((slot) => (
            <tr key={`${slot.start}-${slot.kind}-${slot.criterionCode ?? ""}`}>
              <td>{t("procedure.schedule.range", { start: slot.start, end: slot.end })}</td>
              <th scope="row" style={{ fontWeight: slot.criterionCode ? "normal" : "bold" }}>
                {label(slot)}
              </th>
              <td>{duration(slot.durationMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
