import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import type { PilotItemFragment, SteeringTeamQuery } from "../../../gql/graphql";

type Member = SteeringTeamQuery["users"]["edges"][number]["node"];

export interface SteeringTeamTableProps {
  members: readonly Member[];
  pilots: readonly PilotItemFragment[];
  criteria: readonly { code: string; number: number }[];
}

/** The accounts of the establishment: name, job title, role, and the criteria each one pilots. */
export function SteeringTeamTable({ members, pilots, criteria }: SteeringTeamTableProps) {
  const { t } = useTranslation();
  if (members.length === 0) return <p>{t("procedure.team.noMembers")}</p>;
  const numberOf = (code: string) => criteria.find((c) => c.code === code)?.number ?? code;
  return (
    <div className={fr.cx("fr-table", "fr-table--bordered")}>
      {/* Focusable so that keyboard users can scroll a table wider than the screen. */}
      <table tabIndex={0} aria-label={t("procedure.team.membersCaption")}>
        <caption className={fr.cx("fr-sr-only")}>{t("procedure.team.membersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("procedure.team.name")}</th>
            <th scope="col">{t("procedure.team.jobTitle")}</th>
            <th scope="col">{t("procedure.team.role")}</th>
            <th scope="col">{t("procedure.team.piloted")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const codes = pilots.filter((p) => p.user.id === m.id).map((p) => p.criterionCode);
            return (
              <tr key={m.id}>
                <th scope="row">{m.fullName ?? m.email ?? "—"}</th>
                <td>{m.jobTitle ?? "—"}</td>
                <td>{t(`procedure.team.roles.${m.role}`)}</td>
                <td>
                  {codes.length === 0
                    ? "—"
                    : codes
                        .map((code) =>
                          t("procedure.team.criterionShort", { number: numberOf(code) }),
                        )
                        .join(", ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
