import { useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { useCurrentUser } from "../../../auth/currentUser";
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

type Member = OverviewCandidature["members"][number];

export interface OptionalCriterionFormProps {
  candidature: OverviewCandidature;
  rights: ViewerRights;
}

/**
 * The optional criterion 9, « au choix de l'établissement »: each establishment's choice shown to all;
 * each one chosen, changed or dropped by its own head (or the regional team) — in a network, the lead's
 * head does not choose for the co-applicants.
 */
export function OptionalCriterionForm({ candidature: c, rights }: OptionalCriterionFormProps) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const isNetwork = c.kind === "NETWORK";
  const own = user?.establishment?.id;
  const editable = rights.schoolEditable
    ? c.members.filter((m) => rights.chooseOptionalCriterion(m.establishment.id))
    : [];
  const choiceOf = (m: Member): VariantChoice => m.optionalCriterionVariant ?? "NONE";

  return (
    <section aria-labelledby="overview-criterion9">
      <h2 id="overview-criterion9" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.criterion9.title")}
      </h2>
      <p>{t(isNetwork ? "procedure.criterion9.networkIntro" : "procedure.criterion9.intro")}</p>
      {isNetwork ? (
        <Table
          bordered
          caption={t("procedure.criterion9.tableCaption")}
          noCaption
          headers={[t("procedure.criterion9.establishment"), t("procedure.criterion9.choice")]}
          data={c.members.map((m) => [
            <>
              {m.establishment.name}
              {m.establishment.id === own && (
                <span className={fr.cx("fr-text--xs")}> ({t("procedure.criterion9.yours")})</span>
              )}
            </>,
            t(`procedure.criterion9.short.${choiceOf(m)}`),
          ])}
        />
      ) : (
        c.members[0] && (
          <p>
            {t("procedure.criterion9.current", {
              choice: t(`procedure.criterion9.choices.${choiceOf(c.members[0])}`),
            })}
          </p>
        )
      )}
      {editable.map((m) => (
        <MemberChoiceForm
          key={m.establishment.id}
          candidatureId={c.id}
          member={m}
          current={choiceOf(m)}
          // In a network each form names its establishment; alone, the section says it all.
          named={isNetwork}
        />
      ))}
    </section>
  );
}

interface MemberChoiceFormProps {
  candidatureId: string;
  member: Member;
  current: VariantChoice;
  named: boolean;
}

/** One establishment's choice of criterion 9 (radio buttons and its own save button). */
function MemberChoiceForm({ candidatureId, member, current, named }: MemberChoiceFormProps) {
  const { t } = useTranslation();
  const name = member.establishment.name;
  const [choice, setChoice] = useState<VariantChoice>(current);
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(SetOptionalCriterionMutation);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            candidatureId,
            establishmentId: member.establishment.id,
            variant: choice === "NONE" ? null : choice,
          },
        },
      });
      setSaved(true);
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} className={fr.cx("fr-mt-3w")}>
      <OptionalCriterionRadios
        name={`optionalCriterion-${member.establishment.id}`}
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setSaved(false);
        }}
        legend={named ? t("procedure.criterion9.legendFor", { name }) : undefined}
        hintText={t("procedure.criterion9.keepHint")}
      />
      <Button type="submit" priority="secondary" disabled={loading || choice === current}>
        {named ? t("procedure.criterion9.saveFor", { name }) : t("procedure.criterion9.save")}
      </Button>
      <GraphQLErrorAlert
        error={error}
        title={
          named ? t("procedure.criterion9.errorFor", { name }) : t("procedure.criterion9.error")
        }
        className={fr.cx("fr-mt-2w")}
      />
      {saved && !error && (
        <Alert
          severity="success"
          small
          description={
            named ? t("procedure.criterion9.savedFor", { name }) : t("procedure.criterion9.saved")
          }
          className={fr.cx("fr-mt-2w")}
          role="status"
        />
      )}
    </form>
  );
}
