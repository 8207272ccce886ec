/**
 * Who may see and change what. Pure predicates over facts the API loads; the API enforces them (never
 * only a client), the portals use them to show or hide actions.
 */
import type { CandidatureState, TransitionName } from "./lifecycle";

export type Role = "SCHOOL_HEAD" | "SCHOOL_STAFF" | "DRAFPIC" | "AUDITOR" | "ANALYST";
export const ROLES: readonly Role[] = [
  "SCHOOL_HEAD",
  "SCHOOL_STAFF",
  "DRAFPIC",
  "AUDITOR",
  "ANALYST",
];
export const ROLE_LABELS: Record<Role, string> = {
  SCHOOL_HEAD: "Chef d'établissement",
  SCHOOL_STAFF: "Membre de l'équipe de pilotage",
  DRAFPIC: "Équipe régionale du label (DRAFPIC)",
  AUDITOR: "Auditeur",
  ANALYST: "Analyste (lecture seule)",
};

export type AuditorProfile = "INSPECTOR" | "CEE" | "IPE" | "BRANCH_REPRESENTATIVE";
export const AUDITOR_PROFILE_LABELS: Record<AuditorProfile, string> = {
  INSPECTOR: "Inspecteur de l'académie",
  CEE: "Conseiller entreprise pour l'École (CEE)",
  IPE: "Ingénieur pour l'école (IPE)",
  BRANCH_REPRESENTATIVE: "Représentant de branche professionnelle",
};

export function isSchoolRole(role: Role): boolean {
  return role === "SCHOOL_HEAD" || role === "SCHOOL_STAFF";
}

/** Checks the attachments a role requires: school users have an establishment, auditors a profile. */
export function accountShapeProblems(input: {
  role: Role;
  establishmentId: string | null;
  auditorProfile: AuditorProfile | null;
}): string[] {
  const problems: string[] = [];
  if (isSchoolRole(input.role) && !input.establishmentId) {
    problems.push("Un compte d'établissement est rattaché à un établissement.");
  }
  if (!isSchoolRole(input.role) && input.establishmentId) {
    problems.push("Seuls les comptes d'établissement sont rattachés à un établissement.");
  }
  if (input.role === "AUDITOR" && !input.auditorProfile) {
    problems.push("Un auditeur a un profil (inspecteur, CEE, IPE ou représentant de branche).");
  }
  if (input.role !== "AUDITOR" && input.auditorProfile) {
    problems.push("Seul un auditeur a un profil d'auditeur.");
  }
  return problems;
}

/** The caller of an operation. `readOnly` is set for personal API tokens. */
export interface Viewer {
  userId: string;
  role: Role;
  establishmentId: string | null;
  readOnly: boolean;
}

/** What the rules need to know about one candidature. */
export interface CandidatureAccessFacts {
  state: CandidatureState;
  memberEstablishmentIds: readonly string[];
  leadEstablishmentId: string;
  assignedAuditorIds: readonly string[];
  /** Pilots of the candidature: which user pilots which criterion for which establishment. */
  pilots: readonly { userId: string; establishmentId: string; criterionCode: string }[];
}

/** States in which assigned auditors see a dossier: from submission on. */
export const AUDITOR_VISIBLE_STATES: readonly CandidatureState[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
  "RECTOR_APPROVED",
  "REFUSED",
  "LABELLED",
  "MID_TERM_REVIEWED",
  "EXPIRED",
];
const AUDITOR_VISIBLE: ReadonlySet<CandidatureState> = new Set(AUDITOR_VISIBLE_STATES);

function isMemberUser(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return (
    isSchoolRole(viewer.role) &&
    viewer.establishmentId !== null &&
    facts.memberEstablishmentIds.includes(viewer.establishmentId)
  );
}

function isLeadHead(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return viewer.role === "SCHOOL_HEAD" && viewer.establishmentId === facts.leadEstablishmentId;
}

function pilots(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  establishmentId: string,
  code: string,
): boolean {
  return facts.pilots.some(
    (p) =>
      p.userId === viewer.userId &&
      p.establishmentId === establishmentId &&
      p.criterionCode === code,
  );
}

export function canReadCandidature(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  switch (viewer.role) {
    case "DRAFPIC":
    case "ANALYST":
      return true;
    case "SCHOOL_HEAD":
    case "SCHOOL_STAFF":
      return isMemberUser(viewer, facts);
    case "AUDITOR":
      return facts.assignedAuditorIds.includes(viewer.userId) && AUDITOR_VISIBLE.has(facts.state);
  }
}

/** Creating a candidature: the head of the lead establishment, or DRAFPIC. */
export function canCreateCandidature(viewer: Viewer, leadEstablishmentId: string): boolean {
  if (viewer.readOnly) return false;
  return (
    viewer.role === "DRAFPIC" ||
    (viewer.role === "SCHOOL_HEAD" && viewer.establishmentId === leadEstablishmentId)
  );
}

/** Adding or removing co-applicants, choosing criterion 9: the lead's head, or DRAFPIC. */
export function canManageCandidature(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  if (viewer.readOnly) return false;
  return viewer.role === "DRAFPIC" || isLeadHead(viewer, facts);
}

/** An establishment's answer on a criterion: its head, or the pilot of that criterion there. */
export function canEditCriterionResponse(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  establishmentId: string,
  criterionCode: string,
): boolean {
  if (viewer.readOnly || !isMemberUser(viewer, facts) || viewer.establishmentId !== establishmentId)
    return false;
  return viewer.role === "SCHOOL_HEAD" || pilots(viewer, facts, establishmentId, criterionCode);
}

/** A network's common strategy: the head of any co-applicant, or a pilot of that criterion in one. */
export function canEditCommonStrategy(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  criterionCode: string,
): boolean {
  if (viewer.readOnly || !isMemberUser(viewer, facts) || viewer.establishmentId === null)
    return false;
  return (
    viewer.role === "SCHOOL_HEAD" || pilots(viewer, facts, viewer.establishmentId, criterionCode)
  );
}

/** Naming the pilots of an establishment: its head. */
export function canManagePilots(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  establishmentId: string,
): boolean {
  return (
    !viewer.readOnly &&
    viewer.role === "SCHOOL_HEAD" &&
    viewer.establishmentId === establishmentId &&
    facts.memberEstablishmentIds.includes(establishmentId)
  );
}

/** Steps of the procedure: the school submits or withdraws (lead's head); DRAFPIC does the rest. */
export function canPerformTransition(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  transition: TransitionName,
): boolean {
  if (viewer.readOnly) return false;
  if (transition === "SUBMIT_DOSSIER") return isLeadHead(viewer, facts);
  if (transition === "WITHDRAW") return viewer.role === "DRAFPIC" || isLeadHead(viewer, facts);
  return viewer.role === "DRAFPIC";
}

/** Steps reserved to the regional team: engagement, audit dates, establishments, accounts, auditors. */
export function canRunProcedure(viewer: Viewer): boolean {
  return !viewer.readOnly && viewer.role === "DRAFPIC";
}

/** Analysts never see people's names, e-mails or phones. */
export function canReadPersonalData(viewer: Viewer): boolean {
  return viewer.role !== "ANALYST";
}

/** Indicators and evidence supporting criteria: whoever may edit every one of those criteria there. */
export function canEditSupportingItem(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  establishmentId: string,
  criterionCodes: readonly string[],
): boolean {
  return (
    criterionCodes.length > 0 &&
    criterionCodes.every((code) => canEditCriterionResponse(viewer, facts, establishmentId, code))
  );
}

/** Engagement letter and board minutes of an establishment: its head (or DRAFPIC receiving them). */
export function canFileEngagementDocuments(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  establishmentId: string,
): boolean {
  if (viewer.readOnly || !facts.memberEstablishmentIds.includes(establishmentId)) return false;
  return (
    viewer.role === "DRAFPIC" ||
    (viewer.role === "SCHOOL_HEAD" && viewer.establishmentId === establishmentId)
  );
}

/** In a network, the head of each co-applicant other than the lead approves the submission. */
export function canApproveSubmission(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return (
    !viewer.readOnly &&
    viewer.role === "SCHOOL_HEAD" &&
    viewer.establishmentId !== null &&
    viewer.establishmentId !== facts.leadEstablishmentId &&
    facts.memberEstablishmentIds.includes(viewer.establishmentId)
  );
}
