/**
 * What the viewer may change, computed with the domain's rules (@ldm/domain) to show or hide actions;
 * the API enforces the same rules and answers FORBIDDEN otherwise.
 */
import {
  canEditCommonStrategy,
  canEditCriterionResponse,
  isSchoolEditableState,
  type CandidatureAccessFacts,
  type Viewer as DomainViewer,
} from "@ldm/domain";
import type { CandidatureState, Role } from "../../../gql/graphql";

export interface Viewer {
  id: string;
  role: Role;
  establishment?: { id: string } | null;
}

export interface PilotFact {
  criterionCode: string;
  establishment: { id: string };
  user: { id: string };
}

/** The domain's facts from what the portal has loaded (only what these rules read). */
function factsOf(
  pilots: readonly PilotFact[],
  memberIds: readonly string[],
): CandidatureAccessFacts {
  return {
    state: "DOSSIER_OPEN",
    memberEstablishmentIds: memberIds,
    leadEstablishmentId: "",
    assignedAuditorIds: [],
    pilots: pilots.map((p) => ({
      userId: p.user.id,
      establishmentId: p.establishment.id,
      criterionCode: p.criterionCode,
    })),
  };
}

function domainViewer(viewer: Viewer): DomainViewer {
  return {
    userId: viewer.id,
    role: viewer.role,
    establishmentId: viewer.establishment?.id ?? null,
    readOnly: false,
  };
}

/** The school edits its dossier while it is being built (engagement, dossier open). */
export function isSchoolEditable(state: CandidatureState): boolean {
  return isSchoolEditableState(state);
}

/** An establishment's answer on a criterion: its head, or the pilot of that criterion there. */
export function canEditCriterion(
  viewer: Viewer | null,
  pilots: readonly PilotFact[],
  establishmentId: string,
  criterionCode: string,
): boolean {
  return (
    viewer !== null &&
    canEditCriterionResponse(
      domainViewer(viewer),
      factsOf(pilots, [establishmentId]),
      establishmentId,
      criterionCode,
    )
  );
}

/** The criteria whose supporting items (indicators, evidence) the viewer may file for an establishment. */
export function editableCriteria(
  viewer: Viewer | null,
  pilots: readonly PilotFact[],
  establishmentId: string,
  codes: readonly string[],
): string[] {
  return codes.filter((code) => canEditCriterion(viewer, pilots, establishmentId, code));
}

/** A network's common strategy: the head of any co-applicant, or a pilot of that criterion in one. */
export function canEditStrategy(
  viewer: Viewer | null,
  pilots: readonly PilotFact[],
  memberIds: readonly string[],
  criterionCode: string,
): boolean {
  return (
    viewer !== null &&
    canEditCommonStrategy(domainViewer(viewer), factsOf(pilots, memberIds), criterionCode)
  );
}

/** `extensions.details` of the first GraphQL error (e.g. the current version on a CONFLICT). */
export function errorDetails(error: unknown): Record<string, unknown> | null {
  const errors = (error as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors;
  const details = errors?.[0]?.extensions?.["details"];
  return details && typeof details === "object" ? (details as Record<string, unknown>) : null;
}
