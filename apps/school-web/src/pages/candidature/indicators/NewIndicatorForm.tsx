import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CriteriaCheckboxes } from "../../../components/CriteriaCheckboxes";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { IndicatorDirection, IndicatorKind } from "../../../gql/graphql";

export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) {
      id
      name
    }
  }
`);

const DIRECTIONS: readonly IndicatorDirection[] = [
  "HIGHER_IS_BETTER",
  "LOWER_IS_BETTER",
  "NEUTRAL",
];

type Problems = Partial<Record<"name" | "unit" | "source" | "criteria", string>>;

/** Creates an indicator of the viewer's establishment, on the criteria the viewer may edit there. */
export function NewIndicatorForm({
  candidatureId,
  establishmentId,
  criteria,
}: {
  candidatureId: string;
  establishmentId: string;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<IndicatorKind>("QUANTITATIVE");
  const [unit, setUnit] = useState("");
  const [direction, setDirection] = useState<IndicatorDirection>("HIGHER_IS_BETTER");
  const [target, setTarget] = useState("");
  const [source, setSource] = useState("");
  const [codes, setCodes] = useState<string[]>(criteria.length === 1 ? [criteria[0]!.code] : []);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [mutate, { loading }] = useMutation(CreateIndicatorMutation, {
    refetchQueries: ["IndicatorsPage"],
    awaitRefetchQueries: true,
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCreated(null);
    const found: Problems = {};
    if (!name.trim()) found.name = t("dossier.indicators.form.nameRequired");
    if (kind === "QUANTITATIVE" && !unit.trim())
      found.unit = t("dossier.indicators.form.unitRequired");
    if (!source.trim()) found.source = t("dossier.indicators.form.sourceRequired");
    if (codes.length === 0) found.criteria = t("dossier.indicators.form.criteriaRequired");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await mutate({
        variables: {
          input: {
            candidatureId,
            establishmentId,
            name: name.trim(),
            kind,
            unit: unit.trim() || null,
            direction,
            target: target.trim() || null,
            source: source.trim(),
            criterionCodes: codes,
          },
        },
      });
      setCreated(data?.createIndicator.name ?? name);
      setName("");
      setUnit("");
      setTarget("");
      setSource("");
    } catch (err) {
      setError(err);
    }
  };

  const state = (key: keyof Problems) =>
    problems[key] ? { state: "error" as const, stateRelatedMessage: problems[key] } : {};

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="new-indicator-title">
      <h3 id="new-indicator-title" className={fr.cx("fr-h5")}>
        {t("dossier.indicators.form.title")}
      </h3>
      <Input
        label={t("dossier.indicators.form.name")}
        {...state("name")}
        nativeInputProps={{ value: name, maxLength: 200, onChange: (e) => setName(e.target.value) }}
      />
      <RadioButtons
        legend={t("dossier.indicators.form.kind")}
        orientation="horizontal"
        options={(["QUANTITATIVE", "QUALITATIVE"] as const).map((k) => ({
          label: t(`dossier.enums.IndicatorKind.${k}`),
          nativeInputProps: { checked: kind === k, onChange: () => setKind(k), value: k },
        }))}
      />
      <Input
        label={t("dossier.indicators.form.unit")}
        hintText={t("dossier.indicators.form.unitHint")}
        {...state("unit")}
        nativeInputProps={{ value: unit, maxLength: 40, onChange: (e) => setUnit(e.target.value) }}
      />
      <Select
        label={t("dossier.indicators.form.direction")}
        nativeSelectProps={{
          value: direction,
          onChange: (e) => setDirection(e.target.value as IndicatorDirection),
        }}
      >
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {t(`dossier.enums.IndicatorDirection.${d}`)}
          </option>
        ))}
      </Select>
      <Input
        label={t("dossier.indicators.form.target")}
        hintText={t("dossier.indicators.form.targetHint")}
        nativeInputProps={{
          value: target,
          maxLength: 200,
          onChange: (e) => setTarget(e.target.value),
        }}
      />
      <Input
        label={t("dossier.indicators.form.source")}
        hintText={t("dossier.indicators.form.sourceHint")}
        {...state("source")}
        nativeInputProps={{
          value: source,
          maxLength: 200,
          onChange: (e) => setSource(e.target.value),
        }}
      />
      <CriteriaCheckboxes
        legend={t("dossier.indicators.form.criteria")}
        hintText={t("dossier.indicators.form.criteriaHint")}
        criteria={criteria}
        codes={codes}
        setCodes={setCodes}
        {...state("criteria")}
      />
      {error != null && (
        <GraphQLErrorAlert
          error={error}
          title={t("dossier.indicators.form.failed")}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      {created && (
        <Alert
          small
          severity="success"
          role="status"
          className={fr.cx("fr-mb-2w")}
          description={t("dossier.indicators.form.created", { name: created })}
        />
      )}
      <Button type="submit" disabled={loading}>
        {t("dossier.indicators.form.submit")}
      </Button>
    </form>
  );
}
