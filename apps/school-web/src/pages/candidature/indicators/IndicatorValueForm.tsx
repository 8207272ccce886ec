import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, summarizeError } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { IndicatorKind } from "../../../gql/graphql";
import { errorDetails } from "../criterion/access";
import { schoolYearOf } from "./schoolYears";

export const SetIndicatorValueMutation = graphql(`
  mutation SetIndicatorValue($input: SetIndicatorValueInput!) {
    setIndicatorValue(input: $input) {
      id
    }
  }
`);

export interface IndicatorValueFormProps {
  indicator: { id: string; name: string; kind: IndicatorKind; unit?: string | null };
}

/**
 * Records the value of an indicator for one school year (`setIndicatorValue`, which replaces an
 * existing value). The school year is checked by the API (two consecutive years): its French refusal is
 * shown under the field.
 */
export function IndicatorValueForm({ indicator }: IndicatorValueFormProps) {
  const { t, i18n } = useTranslation();
  const { t: tUi } = useTranslation("ui");
  const id = useId();
  const quantitative = indicator.kind === "QUANTITATIVE";
  const [schoolYear, setSchoolYear] = useState(() => schoolYearOf());
  const [value, setValue] = useState("");
  const [text, setText] = useState("");
  const [missing, setMissing] = useState<"year" | "value" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [mutate, { loading }] = useMutation(SetIndicatorValueMutation, {
    refetchQueries: ["IndicatorsPage"],
    awaitRefetchQueries: true,
  });

  const yearRefused = error != null && errorDetails(error)?.["schoolYear"] !== undefined;
  const numeric = Number(value.replace(",", ".").replace(/\s/g, ""));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (schoolYear.trim() === "") return setMissing("year");
    if (quantitative ? value.trim() === "" || !Number.isFinite(numeric) : text.trim() === "")
      return setMissing("value");
    setMissing(null);
    try {
      await mutate({
        variables: {
          input: {
            indicatorId: indicator.id,
            schoolYear: schoolYear.trim(),
            numericValue: quantitative ? numeric : null,
            textValue: text.trim() === "" ? null : text.trim(),
          },
        },
      });
      setDone(schoolYear.trim());
      setValue("");
      setText("");
    } catch (err) {
      setError(err);
    }
  };

  const yearMessage =
    missing === "year"
      ? t("dossier.indicators.yearRequired")
      : yearRefused
        ? summarizeError(error, tUi).messages.join(" ")
        : null;
  const valueMessage =
    missing === "value"
      ? quantitative
        ? t("dossier.indicators.valueRequired")
        : t("dossier.indicators.appraisalRequired")
      : null;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`} className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
          {t("dossier.indicators.valueLegend", { name: indicator.name })}
        </legend>
        <div className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}>
          <Input
            label={t("dossier.indicators.schoolYear")}
            hintText={t("dossier.indicators.schoolYearHint")}
            state={yearMessage ? "error" : "default"}
            stateRelatedMessage={yearMessage ?? undefined}
            nativeInputProps={{
              value: schoolYear,
              onChange: (e) => setSchoolYear(e.target.value),
              autoComplete: "off",
              inputMode: "numeric",
            }}
          />
        </div>
        {quantitative ? (
          <div className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}>
            <Input
              label={
                indicator.unit
                  ? t("dossier.indicators.valueWithUnit", { unit: indicator.unit })
                  : t("dossier.indicators.value")
              }
              state={valueMessage ? "error" : "default"}
              stateRelatedMessage={valueMessage ?? undefined}
              nativeInputProps={{
                value,
                inputMode: "decimal",
                onChange: (e) => setValue(e.target.value),
              }}
            />
          </div>
        ) : null}
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            textArea
            label={
              quantitative ? t("dossier.indicators.comment") : t("dossier.indicators.appraisal")
            }
            state={!quantitative && valueMessage ? "error" : "default"}
            stateRelatedMessage={!quantitative && valueMessage ? valueMessage : undefined}
            nativeTextAreaProps={{ value: text, rows: 2, onChange: (e) => setText(e.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Button type="submit" size="small" disabled={loading}>
            {t("dossier.indicators.saveValue")}
          </Button>
        </div>
      </fieldset>
      {error != null && !yearRefused && (
        <GraphQLErrorAlert error={error} title={t("dossier.indicators.valueFailed")} />
      )}
      {done && (
        <Alert
          small
          severity="success"
          role="status"
          description={t("dossier.indicators.valueSaved", { year: done, lng: i18n.language })}
        />
      )}
    </form>
  );
}
