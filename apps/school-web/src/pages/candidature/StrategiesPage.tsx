import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { graphql } from "../../gql";
import { useCandidatureId } from "./candidatureContext";
import { canEditStrategy, isSchoolEditable } from "./criterion/access";
import { StrategyEditor } from "./strategies/StrategyEditor";

export const StrategiesPageQuery = graphql(`
  query StrategiesPage($id: ID!) {
    candidature(id: $id) {
      id
      kind
      state
      members {
        id
        establishment {
          id
          name
        }
      }
      criteria {
        code
        number
        shortTitle
        networkCommonStrategy
      }
      pilots {
        id
        criterionCode
        establishment {
          id
        }
        user {
          id
        }
      }
      commonStrategies {
        ...CommonStrategyFields
      }
    }
  }
`);

/**
 * The network's common strategies (criteria 4, 5, 6 and 8), written together by the co-applicants:
 * one shared editor per criterion, with optimistic versions and a merge on CONFLICT.
 */
export function StrategiesPage() {
  const { t } = useTranslation();
  const id = useCandidatureId();
  const { user } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(StrategiesPageQuery, { variables: { id } });
  useDocumentTitle(t("dossier.strategies.title"));
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const c = data.candidature;
  if (c.kind !== "NETWORK") {
    return (
      <>
        <h1>{t("dossier.strategies.title")}</h1>
        <Alert small severity="info" description={t("dossier.strategies.individual")} />
      </>
    );
  }
  const editable = isSchoolEditable(c.state);
  const memberIds = c.members.map((m) => m.establishment.id);
  const criteria = c.criteria.filter((x) => x.networkCommonStrategy);
  return (
    <>
      <h1>{t("dossier.strategies.title")}</h1>
      <p>{t("dossier.strategies.intro")}</p>
      {!editable && (
        <Alert
          small
          severity="info"
          role="status"
          className={fr.cx("fr-mb-3w")}
          description={t("dossier.criterion.locked")}
        />
      )}
      {criteria.map((criterion) => {
        const mayEdit = editable && canEditStrategy(user, c.pilots, memberIds, criterion.code);
        return (
          <StrategyEditor
            key={criterion.code}
            candidatureId={c.id}
            criterion={criterion}
            strategy={c.commonStrategies.find((s) => s.criterionCode === criterion.code) ?? null}
            readOnly={!mayEdit}
            reload={async () => (await refetch()).data}
          />
        );
      })}
    </>
  );
}
