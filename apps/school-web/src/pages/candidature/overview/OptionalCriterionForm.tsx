import { useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import {
  OptionalCriterionRadios,
  type VariantChoice,
} from "../../new-candidature/OptionalCriterionRadios";
import type { OverviewCandidature } from "../OverviewPage";
import type { ViewerRights } from "../team/viewerRights";

export const SetOptionalCriterionMutation = graphql(`
  mutation SetOptionalCriterion($input: SetOptionalCriterionInput!) {
    setOptionalCriterion(input: $input) {
      ...OverviewCandidature
    }
  }
`);

export interface OptionalCriterionFormProps {
  candidature: OverviewCandidature;
  rights: ViewerRights;
}

/** The optional criterion 9: shown to all; chosen, changed or dropped by the lead's head. */
export function OptionalCriterionForm({ candidature: c, rights }: OptionalCriterionFormProps) {
  const { t } = useTranslation();
  const current: VariantChoice = c.optionalCriterionVariant ?? "NONE";
  const [choice, setChoice] = useState<VariantChoice>(current);
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(SetOptionalCriterionMutation);
  const editable = rights.manageCandidature && rights.schoolEditable;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save({
        variables: {
          input: { candidatureId: c.id, variant: choice === "NONE" ? null : choice },
        },
      });
      setSaved(true);
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <section aria-labelledby="overview-criterion9">
      <h2 id="overview-criterion9" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.criterion9.title")}
      </h2>
      <p>
        {t("procedure.criterion9.current", {
          choice: t(`procedure.criterion9.choices.${current}`),
        })}
      </p>
      {editable && (
        <form onSubmit={(event) => void onSubmit(event)}>
          <OptionalCriterionRadios
            name="overviewOptionalCriterion"
            value={choice}
            onChange={(value) => {
              setChoice(value);
              setSaved(false);
            }}
            hintText={t("procedure.criterion9.keepHint")}
          />
          <Button type="submit" priority="secondary" disabled={loading || choice === current}>
            {t("procedure.criterion9.save")}
          </Button>
          <GraphQLErrorAlert
            error={error}
            title={t("procedure.criterion9.error")}
            className={fr.cx("fr-mt-2w")}
          />
          {saved && !error && (
            <Alert
              severity="success"
              small
              description={t("procedure.criterion9.saved")}
              className={fr.cx("fr-mt-2w")}
              role="status"
            />
          )}
        </form>
      )}
    </section>
  );
}
