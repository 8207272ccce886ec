import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { answersCriterion } from "@ldm/domain";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { CandidaturePilotsQuery } from "../../../gql/graphql";
import type { ViewerRights } from "./viewerRights";

export const RemoveCriterionPilotMutation = graphql(`
  mutation RemoveCriterionPilot($input: RemoveCriterionPilotInput!) {
    removeCriterionPilot(input: $input) {
      id
      pilots {
        ...PilotItem
      }
    }
  }
`);

export interface PilotGridProps {
  candidature: CandidaturePilotsQuery["candidature"];
  rights: ViewerRights;
}

/**
 * Criterion × establishment: the pilot(s) of each cell; the head of an establishment removes its own. A
 * criterion 9 variant an establishment did not choose has no cell to fill.
 */
export function PilotGrid({ candidature: c, rights }: PilotGridProps) {
  const { t } = useTranslation();
  const [remove, { loading, error }] = useMutation(RemoveCriterionPilotMutation);
  return (
    <>
      <div className={fr.cx("fr-table", "fr-table--bordered")}>
        {/* Focusable so that keyboard users can scroll a table wider than the screen. */}
        <table tabIndex={0} aria-label={t("procedure.team.gridCaption")}>
          <caption className={fr.cx("fr-sr-only")}>{t("procedure.team.gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("procedure.team.criterion")}</th>
              {c.members.map((m) => (
                <th key={m.id} scope="col">
                  {m.establishment.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((criterion) => {
              const label = t("candidature.menu.criterion", {
                number: criterion.number,
                title: criterion.shortTitle,
              });
              return (
                <tr key={criterion.code}>
                  <th scope="row">{label}</th>
                  {c.members.map((m) => {
                    const cell = c.pilots.filter(
                      (p) =>
                        p.criterionCode === criterion.code &&
                        p.establishment.id === m.establishment.id,
                    );
                    const editable =
                      rights.schoolEditable && rights.managePilots(m.establishment.id);
                    if (!answersCriterion(m.optionalCriterionVariant ?? null, criterion.code)) {
                      return (
                        <td key={m.id}>
                          <span aria-hidden="true">—</span>
                          <span className={fr.cx("fr-sr-only")}>
                            {t("procedure.team.notRetained")}
                          </span>
                        </td>
                      );
                    }
                    return (
                      <td key={m.id}>
                        {cell.length === 0 ? (
                          <Badge small severity="warning" noIcon>
                            {t("procedure.team.noPilot")}
                          </Badge>
                        ) : (
                          <ul className={fr.cx("fr-raw-list")}>
                            {cell.map((p) => {
                              const name = p.user.fullName ?? "—";
                              return (
                                <li key={p.id}>
                                  {name}
                                  {p.user.jobTitle && (
                                    <span className={fr.cx("fr-text--xs")}>
                                      {" "}
                                      ({p.user.jobTitle})
                                    </span>
                                  )}
                                  {editable && (
                                    <Button
                                      size="small"
                                      priority="tertiary no outline"
                                      iconId="fr-icon-close-line"
                                      title={t("procedure.team.removePilot", {
                                        name,
                                        criterion: criterion.number,
                                      })}
                                      disabled={loading}
                                      onClick={() => {
                                        remove({ variables: { input: { pilotId: p.id } } }).catch(
                                          () => {
                                            // Shown by the alert below.
                                          },
                                        );
                                      }}
                                    >
                                      <span className={fr.cx("fr-sr-only")}>
                                        {t("procedure.team.removePilot", {
                                          name,
                                          criterion: criterion.number,
                                        })}
                                      </span>
                                    </Button>
                                  )}
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.team.removeError")}
        className={fr.cx("fr-mb-3w")}
      />
    </>
  );
}
