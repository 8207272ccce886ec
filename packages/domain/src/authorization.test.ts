import { canMarkNotificationRead, canReadNotification } from "./authorization";
import {
  canImportDirectory,
  canReadDirectoryImports,
  canRecordMidTermReview,
  canStartRenewal,
} from "./authorization";
import { canReadGralmSessions, canReadLabelRegistry, canRecordDecisions } from "./authorization";
import {
  accountListScope,
  canJoinAuditTeam,
  canReadEveryCandidature,
  canReadJournals,
  canRevokeApiToken,
  canSeeAccount,
  readsAssignedCandidatures,
  accountShapeProblems,
  canApproveSubmission,
  canEditSupportingItem,
  canFileEngagementDocuments,
  canChooseOptionalCriterion,
  canCreateCandidature,
  canEditCommonStrategy,
  canEditCriterionResponse,
  canManageCandidature,
  canManagePilots,
  canPerformTransition,
  canReadCandidature,
  canReadPersonalData,
  awaitsAuditDeclaration,
  canComposeAuditTeam,
  canLeadAudit,
  canReadAuditorDraft,
  canReadAuditReport,
  canReadAuditWork,
  canSeeAuditAssignment,
  canSignAuditDeclaration,
  canWriteAuditAssessment,
  hasAuditAssignments,
  type CandidatureAccessFacts,
  type Viewer,
} from "./authorization";

const facts: CandidatureAccessFacts = {
  state: "DOSSIER_OPEN",
  memberEstablishmentIds: ["lead", "co"],
  leadEstablishmentId: "lead",
  assignedAuditorIds: ["auditor"],
  signedAuditorIds: ["auditor"],
  pilots: [{ userId: "pilot", establishmentId: "co", criterionCode: "4" }],
};
const v = (role: Viewer["role"], establishmentId: string | null = null, userId = "u"): Viewer => ({
  userId,
  role,
  establishmentId,
  readOnly: false,
});

describe("authorization rules", () => {
  it("keeps every establishment in its own lane", () => {
    expect(canReadCandidature(v("SCHOOL_STAFF", "co"), facts)).toBe(true);
    expect(canReadCandidature(v("SCHOOL_HEAD", "other"), facts)).toBe(false);
    expect(canReadCandidature(v("DRAFPIC"), facts)).toBe(true);
    expect(canReadCandidature(v("ANALYST"), facts)).toBe(true);
  });

  it("shows a dossier to its assigned auditors only from submission on", () => {
    expect(canReadCandidature(v("AUDITOR", null, "auditor"), facts)).toBe(false);
    expect(
      canReadCandidature(v("AUDITOR", null, "auditor"), { ...facts, state: "SUBMITTED" }),
    ).toBe(true);
    expect(canReadCandidature(v("AUDITOR", null, "other"), { ...facts, state: "SUBMITTED" })).toBe(
      false,
    );
  });

  it("lets a pilot edit only the criteria assigned to them, and the head everything of their establishment", () => {
    const pilot = v("SCHOOL_STAFF", "co", "pilot");
    expect(canEditCriterionResponse(pilot, facts, "co", "4")).toBe(true);
    expect(canEditCriterionResponse(pilot, facts, "co", "5")).toBe(false);
    expect(canEditCriterionResponse(pilot, facts, "lead", "4")).toBe(false);
    expect(canEditCriterionResponse(v("SCHOOL_HEAD", "co"), facts, "co", "7")).toBe(true);
    expect(canEditCriterionResponse(v("SCHOOL_HEAD", "co"), facts, "lead", "7")).toBe(false);
    expect(canEditCriterionResponse(v("DRAFPIC"), facts, "co", "7")).toBe(false);
    expect(canEditCommonStrategy(pilot, facts, "4")).toBe(true);
    expect(canEditCommonStrategy(pilot, facts, "5")).toBe(false);
    expect(canEditCommonStrategy(v("SCHOOL_HEAD", "lead"), facts, "8")).toBe(true);
    expect(canManagePilots(v("SCHOOL_HEAD", "co"), facts, "co")).toBe(true);
    expect(canManagePilots(v("SCHOOL_HEAD", "co"), facts, "lead")).toBe(false);
  });

  it("reserves creation, membership and the procedure steps", () => {
    expect(canCreateCandidature(v("SCHOOL_HEAD", "lead"), "lead")).toBe(true);
    expect(canCreateCandidature(v("SCHOOL_HEAD", "co"), "lead")).toBe(false);
    expect(canManageCandidature(v("SCHOOL_HEAD", "co"), facts)).toBe(false);
    expect(canPerformTransition(v("SCHOOL_HEAD", "lead"), facts, "SUBMIT_DOSSIER")).toBe(true);
    expect(canPerformTransition(v("SCHOOL_HEAD", "co"), facts, "SUBMIT_DOSSIER")).toBe(false);
    expect(canPerformTransition(v("SCHOOL_HEAD", "lead"), facts, "OPEN_DOSSIER")).toBe(false);
    expect(canPerformTransition(v("DRAFPIC"), facts, "OPEN_DOSSIER")).toBe(true);
  });

  it("lets each establishment's head choose its own criterion 9 (or DRAFPIC), nobody else's", () => {
    expect(canChooseOptionalCriterion(v("SCHOOL_HEAD", "co"), facts, "co")).toBe(true);
    expect(canChooseOptionalCriterion(v("SCHOOL_HEAD", "lead"), facts, "lead")).toBe(true);
    expect(canChooseOptionalCriterion(v("SCHOOL_HEAD", "lead"), facts, "co")).toBe(false);
    expect(canChooseOptionalCriterion(v("SCHOOL_STAFF", "co"), facts, "co")).toBe(false);
    expect(canChooseOptionalCriterion(v("SCHOOL_HEAD", "other"), facts, "other")).toBe(false);
    expect(canChooseOptionalCriterion(v("DRAFPIC"), facts, "co")).toBe(true);
    expect(canChooseOptionalCriterion(v("DRAFPIC"), facts, "other")).toBe(false);
    expect(canChooseOptionalCriterion(v("ANALYST"), facts, "co")).toBe(false);
    expect(
      canChooseOptionalCriterion({ ...v("SCHOOL_HEAD", "co"), readOnly: true }, facts, "co"),
    ).toBe(false);
  });

  it("makes API tokens read-only and hides personal data from analysts", () => {
    const token = { ...v("SCHOOL_HEAD", "lead"), readOnly: true };
    expect(canReadCandidature(token, facts)).toBe(true);
    expect(canEditCriterionResponse(token, facts, "lead", "1")).toBe(false);
    expect(canPerformTransition({ ...v("DRAFPIC"), readOnly: true }, facts, "OPEN_DOSSIER")).toBe(
      false,
    );
    expect(canReadPersonalData(v("ANALYST"))).toBe(false);
    expect(canReadPersonalData(v("AUDITOR"))).toBe(true);
  });

  it("checks the attachments of each kind of account", () => {
    expect(
      accountShapeProblems({ role: "SCHOOL_STAFF", establishmentId: null, auditorProfile: null }),
    ).toHaveLength(1);
    expect(
      accountShapeProblems({ role: "AUDITOR", establishmentId: null, auditorProfile: "CEE" }),
    ).toEqual([]);
    expect(
      accountShapeProblems({ role: "DRAFPIC", establishmentId: "x", auditorProfile: null }),
    ).toHaveLength(1);
  });
});

describe("dossier authorization rules", () => {
  it("lets indicators and evidence be edited by whoever edits all their criteria", () => {
    const pilot = v("SCHOOL_STAFF", "co", "pilot");
    expect(canEditSupportingItem(pilot, facts, "co", ["4"])).toBe(true);
    expect(canEditSupportingItem(pilot, facts, "co", ["4", "5"])).toBe(false);
    expect(canEditSupportingItem(pilot, facts, "co", [])).toBe(false);
    expect(canEditSupportingItem(v("SCHOOL_HEAD", "co"), facts, "co", ["1", "8"])).toBe(true);
  });

  it("reserves engagement documents to the establishment's head or DRAFPIC, approvals to co-applicants' heads", () => {
    expect(canFileEngagementDocuments(v("SCHOOL_HEAD", "co"), facts, "co")).toBe(true);
    expect(canFileEngagementDocuments(v("SCHOOL_HEAD", "co"), facts, "lead")).toBe(false);
    expect(canFileEngagementDocuments(v("DRAFPIC"), facts, "lead")).toBe(true);
    expect(canFileEngagementDocuments(v("SCHOOL_STAFF", "co"), facts, "co")).toBe(false);
    expect(canApproveSubmission(v("SCHOOL_HEAD", "co"), facts)).toBe(true);
    expect(canApproveSubmission(v("SCHOOL_HEAD", "lead"), facts)).toBe(false);
    expect(canApproveSubmission(v("SCHOOL_STAFF", "co"), facts)).toBe(false);
  });
});

describe("the role rules the API used to write itself", () => {
  it("journals are DRAFPIC's; every candidature is read by DRAFPIC and analysts", () => {
    expect(canReadJournals(v("DRAFPIC"))).toBe(true);
    expect(canReadJournals(v("ANALYST"))).toBe(false);
    expect(canReadEveryCandidature(v("ANALYST"))).toBe(true);
    expect(canReadEveryCandidature(v("SCHOOL_HEAD", "e1"))).toBe(false);
    expect(readsAssignedCandidatures(v("AUDITOR"))).toBe(true);
  });
  it("accounts: seen by DRAFPIC, analysts, oneself and the same establishment", () => {
    const account = { id: "a", establishmentId: "e1" };
    expect(canSeeAccount(v("SCHOOL_STAFF", "e1"), account)).toBe(true);
    expect(canSeeAccount(v("SCHOOL_STAFF", "e2"), account)).toBe(false);
    expect(canSeeAccount(v("AUDITOR", null, "a"), account)).toBe(true);
    expect(accountListScope(v("SCHOOL_HEAD", "e1"))).toEqual({
      kind: "ESTABLISHMENT",
      establishmentId: "e1",
    });
    expect(accountListScope(v("AUDITOR"))).toEqual({ kind: "SELF" });
    expect(accountListScope(v("ANALYST"))).toEqual({ kind: "ALL" });
  });
  it("tokens are revoked by their owner or DRAFPIC; only active auditors join a team", () => {
    expect(canRevokeApiToken(v("ANALYST", null, "u"), { userId: "u" })).toBe(true);
    expect(canRevokeApiToken(v("ANALYST", null, "x"), { userId: "u" })).toBe(false);
    expect(canRevokeApiToken(v("DRAFPIC", null, "x"), { userId: "u" })).toBe(true);
    expect(canJoinAuditTeam({ role: "AUDITOR", active: true })).toBe(true);
    expect(canJoinAuditTeam({ role: "AUDITOR", active: false })).toBe(false);
    expect(canJoinAuditTeam({ role: "ANALYST", active: true })).toBe(false);
  });
});

describe("decision chain and label registry rules", () => {
  it("lets DRAFPIC record decisions (not with a read-only token), DRAFPIC and analysts read GRALM sessions", () => {
    expect(canRecordDecisions(v("DRAFPIC"))).toBe(true);
    expect(canRecordDecisions({ ...v("DRAFPIC"), readOnly: true })).toBe(false);
    for (const role of ["SCHOOL_HEAD", "SCHOOL_STAFF", "AUDITOR", "ANALYST"] as const) {
      expect(canRecordDecisions(v(role, role.startsWith("SCHOOL") ? "lead" : null))).toBe(false);
    }
    expect(canReadGralmSessions(v("DRAFPIC"))).toBe(true);
    expect(canReadGralmSessions(v("ANALYST"))).toBe(true);
    expect(canReadGralmSessions({ ...v("DRAFPIC"), readOnly: true })).toBe(true);
    expect(canReadGralmSessions(v("SCHOOL_HEAD", "lead"))).toBe(false);
    expect(canReadGralmSessions(v("AUDITOR"))).toBe(false);
    for (const role of ["SCHOOL_HEAD", "SCHOOL_STAFF", "DRAFPIC", "AUDITOR", "ANALYST"] as const) {
      expect(canReadLabelRegistry(v(role))).toBe(true);
    }
  });
});

describe("notification rules", () => {
  it("lets only the recipient read a notification, and mark it read in person", () => {
    const mine = { userId: "me" };
    for (const role of ["SCHOOL_HEAD", "SCHOOL_STAFF", "DRAFPIC", "AUDITOR", "ANALYST"] as const) {
      const me = v(role, role.startsWith("SCHOOL") ? "lead" : null, "me");
      expect(canReadNotification(me, mine)).toBe(true);
      expect(canMarkNotificationRead(me, mine)).toBe(true);
      expect(canReadNotification({ ...me, readOnly: true }, mine)).toBe(true);
      expect(canMarkNotificationRead({ ...me, readOnly: true }, mine)).toBe(false);
      expect(canReadNotification(me, { userId: "someone-else" })).toBe(false);
      expect(canMarkNotificationRead(me, { userId: "someone-else" })).toBe(false);
    }
  });
});

describe("audit rules", () => {
  const audit: CandidatureAccessFacts = {
    ...facts,
    state: "AUDIT_PLAN_RECEIVED",
    assignedAuditorIds: ["lead", "member", "unsigned"],
    signedAuditorIds: ["lead", "member"],
    leadAuditorId: "lead",
  };
  const lead = v("AUDITOR", null, "lead");
  const member = v("AUDITOR", null, "member");
  const unsigned = v("AUDITOR", null, "unsigned");
  const stranger = v("AUDITOR", null, "stranger");

  it("lets an unsigned auditor see the assignment and sign, but read nothing", () => {
    expect(canReadCandidature(unsigned, audit)).toBe(false);
    expect(canSeeAuditAssignment(unsigned, audit)).toBe(true);
    expect(canSignAuditDeclaration(unsigned, audit)).toBe(true);
    expect(awaitsAuditDeclaration(unsigned, audit)).toBe(true);
    expect(awaitsAuditDeclaration(member, audit)).toBe(false);
    expect(canWriteAuditAssessment(unsigned, audit)).toBe(false);
    expect(canReadAuditWork(unsigned, audit)).toBe(false);
    // No signature known: nobody reads (the safe default).
    const { signedAuditorIds: _, ...unknown } = audit;
    expect(canReadCandidature(member, unknown)).toBe(false);
    expect(canSeeAuditAssignment(stranger, audit)).toBe(false);
    expect(canSignAuditDeclaration(stranger, audit)).toBe(false);
    expect(canSignAuditDeclaration({ ...unsigned, readOnly: true }, audit)).toBe(false);
    expect(hasAuditAssignments(unsigned)).toBe(true);
    expect(hasAuditAssignments(v("DRAFPIC"))).toBe(false);
  });

  it("lets signed auditors write their grid and the findings, the lead consolidate and finalise", () => {
    expect(canWriteAuditAssessment(member, audit)).toBe(true);
    expect(canLeadAudit(member, audit)).toBe(false);
    expect(canLeadAudit(lead, audit)).toBe(true);
    expect(canLeadAudit({ ...lead, readOnly: true }, audit)).toBe(false);
    expect(canLeadAudit(lead, { ...audit, signedAuditorIds: ["member"] })).toBe(false);
    expect(canWriteAuditAssessment(v("DRAFPIC"), audit)).toBe(false);
    expect(canComposeAuditTeam(v("DRAFPIC"))).toBe(true);
    expect(canComposeAuditTeam(lead)).toBe(false);
    expect(canPerformTransition(lead, audit, "RECORD_AUDIT")).toBe(true);
    expect(canPerformTransition(lead, audit, "SUBMIT_REPORT")).toBe(true);
    expect(canPerformTransition(lead, audit, "RECORD_GRALM_PROPOSAL")).toBe(false);
    expect(canPerformTransition(member, audit, "SUBMIT_REPORT")).toBe(false);
  });

  it("shows a draft to its author, the lead and DRAFPIC; the report to the school once final", () => {
    expect(canReadAuditorDraft(member, audit, "member")).toBe(true);
    expect(canReadAuditorDraft(member, audit, "lead")).toBe(false);
    expect(canReadAuditorDraft(lead, audit, "member")).toBe(true);
    expect(canReadAuditorDraft(v("DRAFPIC"), audit, "member")).toBe(true);
    expect(canReadAuditorDraft(v("ANALYST"), audit, "member")).toBe(false);
    const head = v("SCHOOL_HEAD", "lead");
    expect(canReadAuditReport(head, audit, false)).toBe(false);
    expect(canReadAuditReport(head, audit, true)).toBe(true);
    expect(canReadAuditReport(v("ANALYST"), audit, true)).toBe(true);
    expect(canReadAuditReport(v("ANALYST"), audit, false)).toBe(false);
    expect(canReadAuditReport(member, audit, false)).toBe(true);
    expect(canReadAuditReport(v("SCHOOL_HEAD", "other"), audit, true)).toBe(false);
  });
});

describe("the label's five years", () => {
  const drafpicToken: Viewer = { ...v("DRAFPIC"), readOnly: true };
  it("leaves the directory import and the mid-term follow-up to the regional team", () => {
    expect(canImportDirectory(v("DRAFPIC"))).toBe(true);
    expect(canImportDirectory(drafpicToken)).toBe(false);
    expect(canReadDirectoryImports(drafpicToken)).toBe(true);
    expect(canRecordMidTermReview(v("DRAFPIC"))).toBe(true);
    expect(canRecordMidTermReview(drafpicToken)).toBe(false);
    for (const role of ["SCHOOL_HEAD", "SCHOOL_STAFF", "AUDITOR", "ANALYST"] as const) {
      expect(canImportDirectory(v(role, "lead"))).toBe(false);
      expect(canReadDirectoryImports(v(role, "lead"))).toBe(false);
      expect(canRecordMidTermReview(v(role, "lead"))).toBe(false);
    }
  });

  it("lets the head of the labelled establishment, or DRAFPIC, start its renewal", () => {
    expect(canStartRenewal(v("SCHOOL_HEAD", "lead"), "lead")).toBe(true);
    expect(canStartRenewal(v("SCHOOL_HEAD", "co"), "lead")).toBe(false);
    expect(canStartRenewal(v("SCHOOL_STAFF", "lead"), "lead")).toBe(false);
    expect(canStartRenewal(v("DRAFPIC"), "lead")).toBe(true);
    expect(canStartRenewal(drafpicToken, "lead")).toBe(false);
  });
});
