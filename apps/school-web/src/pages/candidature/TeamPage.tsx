import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { useTranslation } from "react-i18next";
import { answersCriterion } from "@ldm/domain";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { useCandidatureId } from "./candidatureContext";
import { AssignPilotForm } from "./team/AssignPilotForm";
import { CandidaturePilotsQuery, SteeringTeamQuery } from "./team/queries";
import { PilotGrid } from "./team/PilotGrid";
import { SteeringTeamTable } from "./team/SteeringTeamTable";
import { viewerRights } from "./team/viewerRights";

/**
 * « Équipe de pilotage et pilotes »: the accounts of the user's establishment (its steering team), and
 * who pilots each criterion in each establishment; the head names and removes the pilots of their
 * establishment, the others read. Accounts are created by the regional team (DRAFPIC).
 */
export function TeamPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("procedure.team.title"));
  const id = useCandidatureId();
  const { user } = useCurrentUser();
  const ownId = user?.establishment?.id ?? null;
  const pilots = useQuery(CandidaturePilotsQuery, { variables: { id } });
  const team = useQuery(SteeringTeamQuery, {
    variables: { establishmentId: ownId ?? "" },
    skip: ownId === null,
  });

  const heading = <h1>{t("procedure.team.title")}</h1>;
  if (pilots.error && !pilots.data)
    return (
      <>
        {heading}
        <GraphQLErrorAlert error={pilots.error} />
      </>
    );
  if (!pilots.data) return <Loading />;
  const c = pilots.data.candidature;
  const rights = viewerRights(user, c);
  const canAssign = ownId !== null && rights.managePilots(ownId) && rights.schoolEditable;
  const members = team.data?.users.edges.map((e) => e.node) ?? [];
  const ownName = user?.establishment?.name ?? "";
  // The criteria the user's establishment answers (its own criterion 9 only).
  const ownVariant = c.members.find((m) => m.establishment.id === ownId)?.optionalCriterionVariant;
  const ownCriteria = c.criteria.filter((x) => answersCriterion(ownVariant ?? null, x.code));

  return (
    <>
      {heading}
      <p>{t("procedure.team.intro")}</p>
      <Notice
        title={t("procedure.team.accountsNotice")}
        className={fr.cx("fr-mb-4w")}
        isClosable={false}
      />

      {ownId !== null && (
        <section aria-labelledby="team-members">
          <h2 id="team-members" className={fr.cx("fr-h4")}>
            {t("procedure.team.membersTitle", { name: ownName })}
          </h2>
          {team.error ? (
            <GraphQLErrorAlert error={team.error} />
          ) : team.loading && !team.data ? (
            <Loading />
          ) : (
            <SteeringTeamTable members={members} pilots={c.pilots} criteria={c.criteria} />
          )}
        </section>
      )}

      <section aria-labelledby="team-pilots">
        <h2 id="team-pilots" className={fr.cx("fr-h4", "fr-mt-4w")}>
          {t("procedure.team.pilotsTitle")}
        </h2>
        <p>{t("procedure.team.pilotsIntro")}</p>
        <PilotGrid candidature={c} rights={rights} />
      </section>

      {canAssign ? (
        <AssignPilotForm candidatureId={c.id} criteria={ownCriteria} members={members} />
      ) : (
        <p className={fr.cx("fr-text--sm", "fr-mt-3w")}>
          {rights.schoolEditable ? t("procedure.team.readOnly") : t("procedure.team.locked")}
        </p>
      )}
    </>
  );
}
