import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { Dispatch, SetStateAction } from "react";
import { useTranslation } from "react-i18next";

/** A checkbox group choosing the criteria an item supports (indicators, evidence). */
export function CriteriaCheckboxes(props: {
  legend: string;
  hintText?: string;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
  codes: readonly string[];
  setCodes: Dispatch<SetStateAction<string[]>>;
  state?: "error";
  stateRelatedMessage?: string;
}) {
  const { t } = useTranslation();
  const { criteria, codes, setCodes, ...group } = props;
  return (
    <Checkbox
      {...group}
      orientation="horizontal"
      options={criteria.map((c) => ({
        label: t("dossier.criterionLabel", { number: c.number, title: c.shortTitle }),
        nativeInputProps: {
          value: c.code,
          checked: codes.includes(c.code),
          onChange: (e) =>
            setCodes((list) =>
              e.target.checked ? [...list, c.code] : list.filter((x) => x !== c.code),
            ),
        },
      }))}
    />
  );
}
