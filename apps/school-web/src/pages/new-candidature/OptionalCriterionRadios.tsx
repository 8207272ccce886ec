import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useTranslation } from "react-i18next";
import type { OptionalCriterionVariant } from "../../gql/graphql";

/** No criterion 9, or one of its two variants. */
export type VariantChoice = "NONE" | OptionalCriterionVariant;

export const VARIANT_CHOICES: readonly VariantChoice[] = ["NONE", "A", "B"];

export interface OptionalCriterionRadiosProps {
  name: string;
  value: VariantChoice;
  onChange: (value: VariantChoice) => void;
  /** « Critère régional optionnel n° 9 » by default; « Critère 9 de … » for one establishment. */
  legend?: string;
  hintText?: string;
  disabled?: boolean;
}

/** « Critère régional optionnel n° 9 »: none, 9-a or 9-b (DSFR radio buttons in a fieldset). */
export function OptionalCriterionRadios({
  name,
  value,
  onChange,
  legend,
  hintText,
  disabled,
}: OptionalCriterionRadiosProps) {
  const { t } = useTranslation();
  return (
    <RadioButtons
      legend={legend ?? t("procedure.criterion9.legend")}
      hintText={hintText}
      name={name}
      disabled={disabled}
      options={VARIANT_CHOICES.map((choice) => ({
        label: t(`procedure.criterion9.choices.${choice}`),
        nativeInputProps: {
          value: choice,
          checked: value === choice,
          onChange: () => onChange(choice),
        },
      }))}
    />
  );
}
