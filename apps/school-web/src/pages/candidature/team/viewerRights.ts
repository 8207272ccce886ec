/**
 * What the signed-in account may do on a candidature, to show or hide actions — computed with the
 * domain's authorization rules (`@ldm/domain`); the API enforces the same rules and has the last word.
 */
import {
  canApproveSubmission,
  canChooseOptionalCriterion,
  canFileEngagementDocuments,
  canManageCandidature,
  canManagePilots,
  canPerformTransition,
  isSchoolEditableState,
  type CandidatureAccessFacts,
  type Viewer,
} from "@ldm/domain";
import type { CandidatureState, Role } from "../../../gql/graphql";

export interface RightsViewer {
  role: Role;
  establishment?: { id: string } | null;
}

export interface RightsCandidature {
  state: CandidatureState;
  members: readonly { isLead: boolean; establishment: { id: string } }[];
}

export interface ViewerRights {
  /** Co-applicants (the lead's head, or the regional team). */
  manageCandidature: boolean;
  /** An establishment's criterion 9 (its head, or the regional team): each establishment chooses its own. */
  chooseOptionalCriterion: (establishmentId: string) => boolean;
  /** The SUBMIT_DOSSIER step (the lead's head). */
  submitDossier: boolean;
  /** The head of a co-applicant other than the lead approves the submission. */
  approveSubmission: boolean;
  /** Naming the pilots of an establishment (its head). */
  managePilots: (establishmentId: string) => boolean;
  /** Engagement letter and board minutes of an establishment (its head, or the regional team). */
  fileEngagementDocuments: (establishmentId: string) => boolean;
  /** The school may still change the candidature (engagement, open dossier). */
  schoolEditable: boolean;
}

export function viewerRights(
  viewer: RightsViewer | null | undefined,
  candidature: RightsCandidature,
): ViewerRights {
  const facts: CandidatureAccessFacts = {
    state: candidature.state,
    memberEstablishmentIds: candidature.members.map((m) => m.establishment.id),
    leadEstablishmentId: candidature.members.find((m) => m.isLead)?.establishment.id ?? "",
    assignedAuditorIds: [],
    pilots: [],
  };
  const who: Viewer | null = viewer
    ? {
        userId: "",
        role: viewer.role,
        establishmentId: viewer.establishment?.id ?? null,
        readOnly: false,
      }
    : null;
  return {
    manageCandidature: who !== null && canManageCandidature(who, facts),
    chooseOptionalCriterion: (establishmentId) =>
      who !== null && canChooseOptionalCriterion(who, facts, establishmentId),
    submitDossier: who !== null && canPerformTransition(who, facts, "SUBMIT_DOSSIER"),
    approveSubmission: who !== null && canApproveSubmission(who, facts),
    managePilots: (establishmentId) => who !== null && canManagePilots(who, facts, establishmentId),
    fileEngagementDocuments: (establishmentId) =>
      who !== null && canFileEngagementDocuments(who, facts, establishmentId),
    schoolEditable: isSchoolEditableState(candidature.state),
  };
}
