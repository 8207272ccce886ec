import { DomainError } from "./errors";
import { NETWORK_COMMON_STRATEGY_CRITERIA } from "./referential";

export type CandidatureKind = "INDIVIDUAL" | "NETWORK";
export type AwardType = "FIRST_AWARD" | "RENEWAL";

export const CANDIDATURE_KINDS: readonly CandidatureKind[] = ["INDIVIDUAL", "NETWORK"];
export const AWARD_TYPES: readonly AwardType[] = ["FIRST_AWARD", "RENEWAL"];

export const CANDIDATURE_KIND_LABELS: Record<CandidatureKind, string> = {
  INDIVIDUAL: "Candidature individuelle",
  NETWORK: "Candidature en réseau",
};

export const AWARD_TYPE_LABELS: Record<AwardType, string> = {
  FIRST_AWARD: "Première labellisation",
  RENEWAL: "Renouvellement",
};

export interface MemberInput {
  establishmentId: string;
  isLead: boolean;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new DomainError("BAD_USER_INPUT", message, details);
}

/**
 * INDIVIDUAL: exactly one member, and it is the lead.
 * NETWORK: at least two establishments, none twice, exactly one lead (porteur).
 */
export function assertValidMembership(kind: CandidatureKind, members: MemberInput[]): void {
  if (members.some((m) => m.establishmentId.trim() === "")) {
    fail("Chaque établissement de la candidature doit être identifié.");
  }
  if (kind === "INDIVIDUAL") {
    if (members.length !== 1) {
      fail(
        `Une candidature individuelle concerne exactement un établissement (${members.length} indiqué${members.length > 1 ? "s" : ""}).`,
        { count: members.length },
      );
    }
    const [only] = members;
    if (only && !only.isLead) {
      fail("L'établissement d'une candidature individuelle en est l'établissement porteur.", {
        establishmentId: only.establishmentId,
      });
    }
    return;
  }
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.establishmentId)) {
      fail(
        `L'établissement « ${member.establishmentId} » figure deux fois dans la candidature en réseau.`,
        {
          establishmentId: member.establishmentId,
        },
      );
    }
    seen.add(member.establishmentId);
  }
  if (members.length < 2) {
    fail(
      `Une candidature en réseau réunit au moins deux établissements (${members.length} indiqué${members.length > 1 ? "s" : ""}).`,
      { count: members.length },
    );
  }
  const leads = members.filter((m) => m.isLead).length;
  if (leads !== 1) {
    fail(
      `Une candidature en réseau a exactement un établissement porteur (${leads} désigné${leads > 1 ? "s" : ""}).`,
      {
        leads,
      },
    );
  }
}

/** In a network, criteria 4, 5, 6 and 8 call for a common strategy beside each establishment's answers. */
export function requiresCommonStrategy(kind: CandidatureKind, criterionCode: string): boolean {
  return (
    kind === "NETWORK" &&
    (NETWORK_COMMON_STRATEGY_CRITERIA as readonly string[]).includes(criterionCode)
  );
}

/** The lead cannot be removed, a network keeps at least two establishments, and the establishment must be a member. */
export function assertCanRemoveCoApplicant(
  kind: CandidatureKind,
  members: MemberInput[],
  establishmentId: string,
): void {
  const member = members.find((m) => m.establishmentId === establishmentId);
  if (!member) {
    throw new DomainError(
      "NOT_FOUND",
      `L'établissement « ${establishmentId} » ne fait pas partie de la candidature.`,
      { establishmentId },
    );
  }
  if (member.isLead) {
    fail(
      `L'établissement « ${establishmentId} » est l'établissement porteur : il ne peut pas être retiré de la candidature.`,
      { establishmentId },
    );
  }
  if (kind === "NETWORK" && members.length <= 2) {
    fail(
      "Une candidature en réseau réunit au moins deux établissements : ce cocandidat ne peut pas être retiré.",
      { establishmentId, count: members.length },
    );
  }
  if (kind === "INDIVIDUAL") {
    fail("Une candidature individuelle n'a pas d'établissement cocandidat.", { establishmentId });
  }
}
