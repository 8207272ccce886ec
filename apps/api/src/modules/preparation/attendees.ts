/**
 * The attendees of a meeting with an establishment — the preparatory visit and the mid-term follow-up
 * take the same kinds of people: DRAFPIC members (accounts), the establishments' inspecteurs référents,
 * others by name.
 */
import { isRegionalTeamAccount, type VisitAttendeeKind } from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { optionalText, requiredText } from "../../common/text";
import type { GatedCandidature } from "../candidature/candidature.gate";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import { ReferentInspector } from "./preparation.entity";

/** What a caller says of an attendee (the GraphQL inputs of both meetings have this shape). */
export interface AttendeeFields {
  kind: VisitAttendeeKind;
  userId?: string | null;
  establishmentId?: string | null;
  fullName?: string | null;
  jobTitle?: string | null;
}

export interface Attendee {
  kind: VisitAttendeeKind;
  userId: string | null;
  establishmentId: string | null;
  fullName: string;
  jobTitle: string | null;
}

function extraneous(input: AttendeeFields, fields: (keyof AttendeeFields)[]): void {
  const given = fields.filter(
    (f) => input[f] !== null && input[f] !== undefined && input[f] !== "",
  );
  if (given.length > 0) {
    throw badInput(`Un participant « ${input.kind} » ne précise pas : ${given.join(", ")}.`, {
      kind: input.kind,
      fields: given,
    });
  }
}

/**
 * Who the attendees of a meeting with the establishment are (preparatory visit, mid-term follow-up),
 * read from their accounts and the référents (names as of today). The caller checks the meeting's own
 * rules on the list (the domain's `assertVisitAttendees`, `assertMidTermAttendees`).
 */
export async function resolveAttendees(
  tx: TransactionContext,
  gate: GatedCandidature,
  inputs: readonly AttendeeFields[],
  limit: { max: number; tooMany: string },
): Promise<Attendee[]> {
  if (inputs.length > limit.max) throw badInput(limit.tooMany);
  const attendees: Attendee[] = [];
  for (const input of inputs) {
    const jobTitle = optionalText(input.jobTitle, "fonction du participant");
    if (input.kind === "DRAFPIC") {
      extraneous(input, ["establishmentId", "fullName"]);
      const userId = input.userId ?? "";
      assertUuidOrNotFound("Le compte", userId);
      const user = await tx.manager.getRepository(AppUser).findOneBy({ id: userId });
      if (!user) throw notFound("Le compte", userId);
      if (!isRegionalTeamAccount(user)) {
        throw badInput(
          `« ${user.fullName} » n'est pas un membre actif de l'équipe régionale du label (DRAFPIC).`,
          { userId, reason: "NOT_A_DRAFPIC_MEMBER" },
        );
      }
      attendees.push({
        kind: "DRAFPIC",
        userId,
        establishmentId: null,
        fullName: user.fullName,
        jobTitle: jobTitle ?? user.jobTitle,
      });
    } else if (input.kind === "REFERENT_INSPECTOR") {
      extraneous(input, ["userId", "fullName"]);
      const member = gate.member(input.establishmentId ?? "");
      const referent = await tx.manager
        .getRepository(ReferentInspector)
        .findOne({ where: { establishmentId: member.establishmentId }, relations: { user: true } });
      if (!referent) {
        const establishment = await tx.manager
          .getRepository(Establishment)
          .findOneByOrFail({ id: member.establishmentId });
        throw badInput(
          `L'établissement « ${establishment.name} » n'a pas d'inspecteur référent désigné : la DRAFPIC le désigne d'abord.`,
          { establishmentId: member.establishmentId, reason: "NO_REFERENT_INSPECTOR" },
        );
      }
      attendees.push({
        kind: "REFERENT_INSPECTOR",
        userId: referent.userId,
        establishmentId: member.establishmentId,
        fullName: referent.user?.fullName ?? referent.fullName ?? "",
        jobTitle: jobTitle ?? "Inspecteur référent",
      });
    } else {
      extraneous(input, ["userId", "establishmentId"]);
      attendees.push({
        kind: "OTHER",
        userId: null,
        establishmentId: null,
        fullName: requiredText(input.fullName ?? "", "nom du participant"),
        jobTitle,
      });
    }
  }
  return attendees;
}
