import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import type { CandidatureAuditDayScheduleQuery } from "../../../gql/graphql";

export type Schedule = NonNullable<
  CandidatureAuditDayScheduleQuery["candidature"]["auditDaySchedule"]
>;

export interface ScheduleTableProps {
  schedule: Schedule;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, "0")}`;
}

/**
 * The day as a DSFR table: time, what happens (with the criterion), who speaks (the criterion's pilots;
 * « no pilot » for a criterion without one), duration.
 */
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
  const speakers = (slot: Schedule["slots"][number]) => {
    if (slot.speakers.length === 1) return slot.speakers[0];
    if (slot.speakers.length > 1) {
      return (
        <ul className={fr.cx("fr-my-0")}>
          {slot.speakers.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      );
    }
    if (slot.criterionCode && schedule.criteriaWithoutPilot.includes(slot.criterionCode)) {
      return <em>{t("procedure.schedule.noPilot")}</em>;
    }
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className={fr.cx("fr-sr-only")}>{t("procedure.schedule.noSpeaker")}</span>
      </>
    );
  };
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered")}>
      {/* Focusable so that keyboard users can scroll a table wider than the screen. */}
      <table tabIndex={0}>
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
            <th scope="col">{t("procedure.schedule.speakers")}</th>
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
              <td>{speakers(slot)}</td>
              <td>{duration(slot.durationMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
