import {
  accountShapeProblems,
  canApproveSubmission,
  canEditSupportingItem,
  canFileEngagementDocuments,
  canCreateCandidature,
  canEditCommonStrategy,
  canEditCriterionResponse,
  canManageCandidature,
  canManagePilots,
  canPerformTransition,
  canReadCandidature,
  canReadPersonalData,
  type CandidatureAccessFacts,
  type Viewer,
} from "./authorization";

const facts: CandidatureAccessFacts = {
  state: "DOSSIER_OPEN",
  memberEstablishmentIds: ["lead", "co"],
  leadEstablishmentId: "lead",
  assignedAuditorIds: ["auditor"],
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
