import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";

export const DeleteIndicatorMutation = graphql(`
  mutation DeleteIndicator($input: DeleteIndicatorInput!) {
    deleteIndicator(input: $input)
  }
`);

/** Deletes an indicator and its values, after a confirmation step (no modal: two buttons in place). */
export function DeleteIndicatorButton({ indicator }: { indicator: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mutate, { loading }] = useMutation(DeleteIndicatorMutation, {
    refetchQueries: ["IndicatorsPage"],
    awaitRefetchQueries: true,
  });
  const remove = async () => {
    setError(null);
    try {
      await mutate({ variables: { input: { indicatorId: indicator.id } } });
    } catch (err) {
      setError(err);
      setConfirming(false);
    }
  };
  return (
    <div className={fr.cx("fr-mt-2w")}>
      {confirming ? (
        <div
          role="group"
          aria-label={t("dossier.indicators.confirmDelete", { name: indicator.name })}
        >
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            {t("dossier.indicators.confirmDelete", { name: indicator.name })}
          </p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
            <li>
              <Button size="small" onClick={() => void remove()} disabled={loading}>
                {t("dossier.indicators.deleteConfirm")}
              </Button>
            </li>
            <li>
              <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>
                {t("dossier.common.cancel")}
              </Button>
            </li>
          </ul>
        </div>
      ) : (
        <Button
          size="small"
          priority="tertiary"
          iconId="fr-icon-delete-line"
          onClick={() => setConfirming(true)}
          title={t("dossier.indicators.deleteTitle", { name: indicator.name })}
        >
          {t("dossier.indicators.delete")}
        </Button>
      )}
      {error != null && <GraphQLErrorAlert error={error} small className={fr.cx("fr-mt-1w")} />}
    </div>
  );
}
