import { useState, type FormEvent } from "react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useTranslation } from "react-i18next";

export interface ScheduleOptions {
  startTime: string;
  lunchStart: string;
  breakEveryCriteria: number;
}

/** The guide's defaults (those of the domain's generator). */
export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = {
  startTime: "08:30",
  lunchStart: "12:00",
  breakEveryCriteria: 3,
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ScheduleOptionsFormProps {
  initial: ScheduleOptions;
  onApply: (options: ScheduleOptions) => void;
}

/** Start time, lunch time and « a break every N criteria »; applied with the button. */
export function ScheduleOptionsForm({ initial, onApply }: ScheduleOptionsFormProps) {
  const { t } = useTranslation();
  const [startTime, setStartTime] = useState(initial.startTime);
  const [lunchStart, setLunchStart] = useState(initial.lunchStart);
  const [breakEvery, setBreakEvery] = useState(String(initial.breakEveryCriteria));
  const [submitted, setSubmitted] = useState(false);

  const breakNumber = Number(breakEvery);
  const errors = {
    startTime: !TIME.test(startTime),
    lunchStart: !TIME.test(lunchStart),
    breakEvery: !Number.isInteger(breakNumber) || breakNumber < 1,
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (errors.startTime || errors.lunchStart || errors.breakEvery) return;
    onApply({ startTime, lunchStart, breakEveryCriteria: breakNumber });
  };

  const show = (failed: boolean) =>
    submitted && failed ? ("error" as const) : ("default" as const);
  return (
    <form onSubmit={onSubmit} noValidate className={fr.cx("fr-mb-4w")}>
      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>{t("procedure.schedule.options")}</legend>
        <div className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}>
          <Input
            label={t("procedure.schedule.startTime")}
            hintText={t("procedure.schedule.timeHint")}
            state={show(errors.startTime)}
            stateRelatedMessage={t("procedure.schedule.timeError")}
            nativeInputProps={{
              type: "time",
              name: "startTime",
              required: true,
              value: startTime,
              onChange: (e) => setStartTime(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}>
          <Input
            label={t("procedure.schedule.lunchStart")}
            hintText={t("procedure.schedule.lunchHint")}
            state={show(errors.lunchStart)}
            stateRelatedMessage={t("procedure.schedule.timeError")}
            nativeInputProps={{
              type: "time",
              name: "lunchStart",
              required: true,
              value: lunchStart,
              onChange: (e) => setLunchStart(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}>
          <Input
            label={t("procedure.schedule.breakEvery")}
            hintText={t("procedure.schedule.breakHint")}
            state={show(errors.breakEvery)}
            stateRelatedMessage={t("procedure.schedule.breakError")}
            nativeInputProps={{
              type: "number",
              name: "breakEveryCriteria",
              min: 1,
              max: 9,
              step: 1,
              required: true,
              value: breakEvery,
              onChange: (e) => setBreakEvery(e.target.value),
            }}
          />
        </div>
      </fieldset>
      <Button type="submit" priority="secondary" iconId="fr-icon-refresh-line">
        {t("procedure.schedule.apply")}
      </Button>
    </form>
  );
}
