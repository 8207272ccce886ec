import { useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { SteeringTeamQuery } from "../../../gql/graphql";
import { CandidaturePilotsQuery } from "./queries";

export const AssignCriterionPilotMutation = graphql(`
  mutation AssignCriterionPilot($input: AssignCriterionPilotInput!) {
    assignCriterionPilot(input: $input) {
      ...PilotItem
    }
  }
`);

type Member = SteeringTeamQuery["users"]["edges"][number]["node"];

export interface AssignPilotFormProps {
  candidatureId: string;
  criteria: readonly { code: string; number: number; shortTitle: string }[];
  members: readonly Member[];
}

/** The head names a pilot: a criterion and an account of their establishment. */
export function AssignPilotForm({ candidatureId, criteria, members }: AssignPilotFormProps) {
  const { t } = useTranslation();
  const [criterionCode, setCriterionCode] = useState("");
  const [userId, setUserId] = useState("");
  const [missing, setMissing] = useState<{ criterion: boolean; user: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [assign, { loading, error }] = useMutation(AssignCriterionPilotMutation, {
    update(cache, { data }) {
      const pilot = data?.assignCriterionPilot;
      if (!pilot) return;
      cache.updateQuery(
        { query: CandidaturePilotsQuery, variables: { id: candidatureId } },
        (prev) =>
          prev
            ? { candidature: { ...prev.candidature, pilots: [...prev.candidature.pilots, pilot] } }
            : prev,
      );
    },
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const check = { criterion: criterionCode === "", user: userId === "" };
    if (check.criterion || check.user) {
      setMissing(check);
      return;
    }
    setMissing(null);
    try {
      const result = await assign({
        variables: { input: { candidatureId, criterionCode, userId } },
      });
      const pilot = result.data?.assignCriterionPilot;
      const criterion = criteria.find((c) => c.code === criterionCode);
      if (pilot) {
        setDone(
          t("procedure.team.assigned", {
            name: pilot.user.fullName ?? "",
            criterion: criterion?.number ?? criterionCode,
          }),
        );
      }
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <section aria-labelledby="team-assign">
      <h2 id="team-assign" className={fr.cx("fr-h4", "fr-mt-4w")}>
        {t("procedure.team.assignTitle")}
      </h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Select
              label={t("procedure.team.criterionField")}
              state={missing?.criterion ? "error" : "default"}
              stateRelatedMessage={t("procedure.team.criterionRequired")}
              nativeSelectProps={{
                name: "criterionCode",
                required: true,
                value: criterionCode,
                onChange: (e) => setCriterionCode(e.target.value),
              }}
            >
              <option value="" disabled>
                {t("procedure.team.choose")}
              </option>
              {criteria.map((c) => (
                <option key={c.code} value={c.code}>
                  {t("candidature.menu.criterion", { number: c.number, title: c.shortTitle })}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Select
              label={t("procedure.team.userField")}
              hint={t("procedure.team.userHint")}
              state={missing?.user ? "error" : "default"}
              stateRelatedMessage={t("procedure.team.userRequired")}
              nativeSelectProps={{
                name: "userId",
                required: true,
                value: userId,
                onChange: (e) => setUserId(e.target.value),
              }}
            >
              <option value="" disabled>
                {t("procedure.team.choose")}
              </option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.fullName ?? m.email ?? m.id}
                  {m.jobTitle ? ` — ${m.jobTitle}` : ""}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-user-add-line" disabled={loading}>
          {t("procedure.team.assign")}
        </Button>
      </form>
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.team.assignError")}
        className={fr.cx("fr-mt-2w")}
      />
      {done && !error && (
        <Alert
          severity="success"
          small
          description={done}
          className={fr.cx("fr-mt-2w")}
          role="status"
        />
      )}
    </section>
  );
}
