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
  /**
   * Assigned auditors who signed the declaration of independence and confidentiality: only they read
   * the candidature. Absent: nobody signed.
   */
  signedAuditorIds?: readonly string[];
  /** The audit team's lead auditor (auditeur principal), if any. */
  leadAuditorId?: string | null;
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

function isAssignedAuditor(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return viewer.role === "AUDITOR" && facts.assignedAuditorIds.includes(viewer.userId);
}

/** An auditor of the candidature's team who signed the declaration of independence. */
function hasSignedDeclaration(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return isAssignedAuditor(viewer, facts) && (facts.signedAuditorIds ?? []).includes(viewer.userId);
}

/** The team's lead auditor, declaration signed. */
function isLeadAuditor(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return hasSignedDeclaration(viewer, facts) && facts.leadAuditorId === viewer.userId;
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
      // Assigned, and the declaration of independence and confidentiality signed.
      return hasSignedDeclaration(viewer, facts) && AUDITOR_VISIBLE.has(facts.state);
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

/** Adding or removing co-applicants: the lead's head, or DRAFPIC. */
export function canManageCandidature(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  if (viewer.readOnly) return false;
  return viewer.role === "DRAFPIC" || isLeadHead(viewer, facts);
}

/**
 * An establishment's criterion 9 (« au choix de l'établissement »: 9-a, 9-b or none): the head of that
 * establishment, or DRAFPIC. In a network the lead's head does not choose for the co-applicants.
 */
export function canChooseOptionalCriterion(
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
  // The head sends the audit plan (submitting it records its receipt); DRAFPIC may record a plan
  // received outside the platform.
  if (transition === "RECEIVE_AUDIT_PLAN")
    return viewer.role === "DRAFPIC" || isLeadHead(viewer, facts);
  if (transition === "WITHDRAW") return viewer.role === "DRAFPIC" || isLeadHead(viewer, facts);
  // The lead auditor records the audit and hands the report in (by finalising it).
  if (transition === "RECORD_AUDIT" || transition === "SUBMIT_REPORT") {
    return viewer.role === "DRAFPIC" || isLeadAuditor(viewer, facts);
  }
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

/** DRAFPIC and analysts read every candidature (analysts without personal data). */
export function canReadEveryCandidature(viewer: Viewer): boolean {
  return viewer.role === "DRAFPIC" || viewer.role === "ANALYST";
}

/** Auditors read the candidatures they are assigned to (from submission on). */
export function readsAssignedCandidatures(viewer: Viewer): boolean {
  return viewer.role === "AUDITOR";
}

/** The journals (audit trail, authentication events) are the regional team's. */
export function canReadJournals(viewer: Viewer): boolean {
  return viewer.role === "DRAFPIC";
}

/** Who sees an account: DRAFPIC and analysts every one; school users those of their establishment. */
export function canSeeAccount(
  viewer: Viewer,
  account: { id: string; establishmentId: string | null },
): boolean {
  return (
    canReadEveryCandidature(viewer) ||
    viewer.userId === account.id ||
    (isSchoolRole(viewer.role) &&
      viewer.establishmentId !== null &&
      viewer.establishmentId === account.establishmentId)
  );
}

/** Which accounts a list shows the viewer: all, those of an establishment, or only the viewer's. */
export function accountListScope(
  viewer: Viewer,
): { kind: "ALL" } | { kind: "ESTABLISHMENT"; establishmentId: string } | { kind: "SELF" } {
  if (canReadEveryCandidature(viewer)) return { kind: "ALL" };
  if (isSchoolRole(viewer.role) && viewer.establishmentId) {
    return { kind: "ESTABLISHMENT", establishmentId: viewer.establishmentId };
  }
  return { kind: "SELF" };
}

/** An API token is revoked by its owner or by DRAFPIC. */
export function canRevokeApiToken(viewer: Viewer, token: { userId: string }): boolean {
  return token.userId === viewer.userId || viewer.role === "DRAFPIC";
}

/** Only an active auditor's account can join an audit team. */
export function canJoinAuditTeam(account: { role: Role; active: boolean }): boolean {
  return account.role === "AUDITOR" && account.active;
}

// --- The audit (team, declaration, grid, findings, report) ----------------------------------

/** Composing or changing a candidature's audit team: DRAFPIC. */
export function canComposeAuditTeam(viewer: Viewer): boolean {
  return canRunProcedure(viewer);
}

/**
 * An assigned auditor sees the assignment itself (the establishments, the audit date, the declaration
 * to sign) before signing; whoever reads the candidature sees it too.
 */
export function canSeeAuditAssignment(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return canReadCandidature(viewer, facts) || isAssignedAuditor(viewer, facts);
}

/** The assignments a viewer lists as theirs: auditors only. */
export function hasAuditAssignments(viewer: Viewer): boolean {
  return viewer.role === "AUDITOR";
}

/** Signing the declaration of independence and confidentiality: the assigned auditor, for themself. */
export function canSignAuditDeclaration(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return !viewer.readOnly && isAssignedAuditor(viewer, facts);
}

/** True when the viewer is assigned to the candidature but has not signed the declaration yet. */
export function awaitsAuditDeclaration(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return isAssignedAuditor(viewer, facts) && !hasSignedDeclaration(viewer, facts);
}

/** Writing one's own grid and the team's findings: a signed auditor of the team. */
export function canWriteAuditAssessment(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return !viewer.readOnly && hasSignedDeclaration(viewer, facts);
}

/** Consolidating the team's assessment, drafting and finalising the report: the signed lead auditor. */
export function canLeadAudit(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return !viewer.readOnly && isLeadAuditor(viewer, facts);
}

/**
 * The team's work in progress (the team's assessment, the findings, the report's draft): DRAFPIC and
 * the signed auditors of the team.
 */
export function canReadAuditWork(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return viewer.role === "DRAFPIC" || hasSignedDeclaration(viewer, facts);
}

/** One auditor's draft grid: its author, the lead auditor who consolidates, and DRAFPIC. */
export function canReadAuditorDraft(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  authorId: string,
): boolean {
  return (
    viewer.role === "DRAFPIC" ||
    (hasSignedDeclaration(viewer, facts) &&
      (authorId === viewer.userId || isLeadAuditor(viewer, facts)))
  );
}

/**
 * The audit report (and its PDF): the team's readers while it is drafted; once final, also whoever
 * reads the candidature (its establishments, analysts).
 */
export function canReadAuditReport(
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  final: boolean,
): boolean {
  return canReadAuditWork(viewer, facts) || (final && canReadCandidature(viewer, facts));
}

/** Recording the decision chain (GRALM sessions, CAEN opinions, rectors' decisions, BOEN): DRAFPIC. */
export function canRecordDecisions(viewer: Viewer): boolean {
  return !viewer.readOnly && viewer.role === "DRAFPIC";
}

/**
 * GRALM sessions (their agenda of every candidature, the list and the minutes): DRAFPIC and analysts
 * (without the members' names). A school reads its own candidature's proposal through the candidature.
 */
export function canReadGralmSessions(viewer: Viewer): boolean {
  return viewer.role === "DRAFPIC" || viewer.role === "ANALYST";
}

/** The registry of labels, current and past (public data): every authenticated caller. */
export function canReadLabelRegistry(viewer: Viewer): boolean {
  return ROLES.includes(viewer.role);
}

/** The audit plan is the school's: the lead establishment's head drafts, adjusts and sends it. */
export function canPrepareAuditPlan(viewer: Viewer, facts: CandidatureAccessFacts): boolean {
  return !viewer.readOnly && isLeadHead(viewer, facts);
}

/** An establishment's inspecteur référent with an account: an active auditor with the inspector profile. */
export function canBeReferentInspector(account: {
  role: Role;
  auditorProfile: AuditorProfile | null;
  active: boolean;
}): boolean {
  return account.role === "AUDITOR" && account.auditorProfile === "INSPECTOR" && account.active;
}

/** A DRAFPIC attendee of a preparatory visit: an active account of the regional team. */
export function isRegionalTeamAccount(account: { role: Role; active: boolean }): boolean {
  return account.role === "DRAFPIC" && account.active;
}

/** A notification is read by its recipient only (an API token reads its owner's). */
export function canReadNotification(viewer: Viewer, notification: { userId: string }): boolean {
  return notification.userId === viewer.userId;
}

/** Marking a notification read: its recipient, in person (not with a read-only token). */
export function canMarkNotificationRead(viewer: Viewer, notification: { userId: string }): boolean {
  return !viewer.readOnly && notification.userId === viewer.userId;
}

// --- The label's five years (directory import, mid-term follow-up, renewal) ------------------

/** Importing the national establishment directory: the regional team, in person. */
export function canImportDirectory(viewer: Viewer): boolean {
  return !viewer.readOnly && viewer.role === "DRAFPIC";
}

/** The directory imports and their reports: the regional team (its read-only tokens too). */
export function canReadDirectoryImports(viewer: Viewer): boolean {
  return viewer.role === "DRAFPIC";
}

/** Recording the mid-term follow-up of a label: the regional team, which conducts it. */
export function canRecordMidTermReview(viewer: Viewer): boolean {
  return !viewer.readOnly && viewer.role === "DRAFPIC";
}

/** Starting the renewal of an establishment's label: its head, or the regional team (like a creation). */
export function canStartRenewal(viewer: Viewer, establishmentId: string): boolean {
  return canCreateCandidature(viewer, establishmentId);
}
