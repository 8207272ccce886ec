import { useState } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import { EstablishmentSearch } from "../../new-candidature/EstablishmentSearch";
import type { OverviewCandidature } from "../OverviewPage";

export const AddCoApplicantMutation = graphql(`
  mutation AddCoApplicant($input: AddCoApplicantInput!) {
    addCoApplicant(input: $input) {
      ...OverviewCandidature
    }
  }
`);

/** The lead's head invites (adds) a co-applicant establishment to the network. */
export function AddCoApplicant({ candidature: c }: { candidature: OverviewCandidature }) {
  const { t } = useTranslation();
  const [add, { loading, error }] = useMutation(AddCoApplicantMutation);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section aria-labelledby="overview-add-member" className={fr.cx("fr-mt-3w")}>
      <h3 id="overview-add-member" className={fr.cx("fr-h6")}>
        {t("procedure.overview.addTitle")}
      </h3>
      <p className={fr.cx("fr-text--sm")}>{t("procedure.overview.addIntro")}</p>
      <EstablishmentSearch
        excludeIds={c.members.map((m) => m.establishment.id)}
        busy={loading}
        onAdd={(e) => {
          setAdded(null);
          add({
            variables: { input: { candidatureId: c.id, establishmentId: e.id, isLead: false } },
          })
            .then(() => setAdded(e.name))
            .catch(() => {
              // Shown by the alert below.
            });
        }}
      />
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.overview.addError")}
        className={fr.cx("fr-mb-3w")}
      />
      {added && !error && (
        <Alert
          severity="success"
          small
          description={t("procedure.overview.added", { name: added })}
          className={fr.cx("fr-mb-3w")}
          role="status"
        />
      )}
    </section>
  );
}
