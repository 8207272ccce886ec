import fc from "fast-check";
import { DomainError } from "./errors";
import {
  CANDIDATURE_STATES,
  CANDIDATURE_STATE_LABELS,
  TRANSITIONS,
  TRANSITION_LABELS,
  applyTransition,
  availableTransitions,
  checkTransition,
  isSchoolEditableState,
  isTerminalState,
  type CandidatureState,
  type TransitionContext,
  type TransitionName,
} from "./lifecycle";

const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  today: "2027-01-10",
  kind: "INDIVIDUAL",
  memberCount: 1,
  engagementComplete: true,
  auditDate: null,
  publicationDate: null,
  missingForSubmission: [],
  ...overrides,
});

const TRANSITION_NAMES = TRANSITIONS.map((t) => t.name);

describe("lifecycle definitions", () => {
  it("labels every state and transition in French", () => {
    for (const s of CANDIDATURE_STATES) expect(CANDIDATURE_STATE_LABELS[s]).toMatch(/\S/);
    for (const t of TRANSITION_NAMES) expect(TRANSITION_LABELS[t]).toMatch(/\S/);
    expect(new Set(TRANSITION_NAMES).size).toBe(14);
  });

  it("has terminal states without transitions", () => {
    for (const s of CANDIDATURE_STATES) {
      expect(isTerminalState(s)).toBe(["REFUSED", "EXPIRED", "WITHDRAWN"].includes(s));
      if (isTerminalState(s)) expect(availableTransitions(s)).toEqual([]);
      else expect(availableTransitions(s).length).toBeGreaterThan(0);
    }
  });

  it("allows withdrawal up to the CAEN opinion only", () => {
    expect(availableTransitions("CAEN_CONSULTED")).toEqual([
      "RECORD_RECTOR_APPROVAL",
      "RECORD_RECTOR_REFUSAL",
      "WITHDRAW",
    ]);
    expect(availableTransitions("RECTOR_APPROVED")).toEqual(["PUBLISH_LABEL"]);
    expect(availableTransitions("LABELLED")).toEqual(["RECORD_MID_TERM_REVIEW", "EXPIRE_LABEL"]);
  });

  it("lets the school edit only before submission", () => {
    expect(CANDIDATURE_STATES.filter(isSchoolEditableState)).toEqual([
      "ENGAGEMENT",
      "DOSSIER_OPEN",
    ]);
  });
});

describe("guards", () => {
  it("walks the whole happy path", () => {
    const steps: [TransitionName, TransitionContext, CandidatureState][] = [
      ["OPEN_DOSSIER", ctx(), "DOSSIER_OPEN"],
      ["SUBMIT_DOSSIER", ctx({ today: "2027-03-15", auditDate: "2027-05-15" }), "SUBMITTED"],
      ["RECORD_PREPARATORY_VISIT", ctx(), "PREPARATORY_VISIT_DONE"],
      [
        "RECEIVE_AUDIT_PLAN",
        ctx({ today: "2027-05-01", auditDate: "2027-05-15" }),
        "AUDIT_PLAN_RECEIVED",
      ],
      ["RECORD_AUDIT", ctx({ today: "2027-05-15", auditDate: "2027-05-15" }), "AUDITED"],
      ["SUBMIT_REPORT", ctx(), "REPORT_SUBMITTED"],
      ["RECORD_GRALM_PROPOSAL", ctx(), "GRALM_PROPOSED"],
      ["RECORD_CAEN_OPINION", ctx(), "CAEN_CONSULTED"],
      ["RECORD_RECTOR_APPROVAL", ctx(), "RECTOR_APPROVED"],
      ["PUBLISH_LABEL", ctx({ today: "2027-07-02", publicationDate: "2027-07-01" }), "LABELLED"],
      ["RECORD_MID_TERM_REVIEW", ctx(), "MID_TERM_REVIEWED"],
      ["EXPIRE_LABEL", ctx({ today: "2032-07-01", publicationDate: "2027-07-01" }), "EXPIRED"],
    ];
    let state: CandidatureState = "ENGAGEMENT";
    for (const [name, context, expected] of steps) {
      state = applyTransition(state, name, context);
      expect(state).toBe(expected);
    }
  });

  it("rejects a transition from the wrong state with a French message", () => {
    expect(checkTransition("ENGAGEMENT", "SUBMIT_DOSSIER", ctx())).toEqual([
      {
        code: "INVALID_TRANSITION",
        message:
          "La transition « Déposer le dossier » n'est pas possible depuis l'état « Engagement en cours ».",
      },
    ]);
    expect(() => applyTransition("WITHDRAWN", "WITHDRAW", ctx())).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
  });

  it("opens the dossier only with every engagement, and two members in a network", () => {
    const failures = checkTransition(
      "ENGAGEMENT",
      "OPEN_DOSSIER",
      ctx({ engagementComplete: false, kind: "NETWORK" }),
    );
    expect(failures).toHaveLength(2);
    expect(
      checkTransition("ENGAGEMENT", "OPEN_DOSSIER", ctx({ kind: "NETWORK", memberCount: 2 })),
    ).toEqual([]);
  });

  it("refuses a late or incomplete dossier", () => {
    const late = checkTransition(
      "DOSSIER_OPEN",
      "SUBMIT_DOSSIER",
      ctx({ today: "2027-03-16", auditDate: "2027-05-15" }),
    );
    expect(late).toEqual([
      {
        code: "DEADLINE_PASSED",
        message:
          "Le dossier devait être déposé au plus tard le 15 mars 2027, deux mois avant l'audit du 15 mai 2027.",
      },
    ]);
    const incomplete = ctx({
      missingForSubmission: ["la réponse au critère 4", "le pilote du critère 8"],
    });
    expect(checkTransition("DOSSIER_OPEN", "SUBMIT_DOSSIER", incomplete)[0]?.message).toBe(
      "Le dossier est incomplet : la réponse au critère 4 ; le pilote du critère 8.",
    );
    try {
      applyTransition("DOSSIER_OPEN", "SUBMIT_DOSSIER", {
        ...incomplete,
        today: "2027-04-01",
        auditDate: "2027-05-15",
      });
      throw new Error("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("DEADLINE_PASSED");
      expect((error as DomainError).message).toContain("incomplet");
    }
  });

  it("needs an audit date for the audit plan and the audit", () => {
    expect(checkTransition("PREPARATORY_VISIT_DONE", "RECEIVE_AUDIT_PLAN", ctx())[0]?.code).toBe(
      "INVALID_TRANSITION",
    );
    expect(
      checkTransition(
        "PREPARATORY_VISIT_DONE",
        "RECEIVE_AUDIT_PLAN",
        ctx({ today: "2027-05-02", auditDate: "2027-05-15" }),
      )[0]?.code,
    ).toBe("DEADLINE_PASSED");
    expect(
      checkTransition(
        "AUDIT_PLAN_RECEIVED",
        "RECORD_AUDIT",
        ctx({ today: "2027-05-14", auditDate: "2027-05-15" }),
      ),
    ).toHaveLength(1);
    expect(checkTransition("AUDIT_PLAN_RECEIVED", "RECORD_AUDIT", ctx())).toHaveLength(1);
  });

  it("publishes only with a past publication date and expires only after 5 years", () => {
    expect(checkTransition("RECTOR_APPROVED", "PUBLISH_LABEL", ctx())).toHaveLength(1);
    expect(
      checkTransition("RECTOR_APPROVED", "PUBLISH_LABEL", ctx({ publicationDate: "2027-01-11" })),
    ).toHaveLength(1);
    expect(
      checkTransition("RECTOR_APPROVED", "PUBLISH_LABEL", ctx({ publicationDate: "2027-01-10" })),
    ).toEqual([]);
    expect(
      checkTransition(
        "LABELLED",
        "EXPIRE_LABEL",
        ctx({ today: "2032-06-30", publicationDate: "2027-07-01" }),
      )[0]?.message,
    ).toBe(
      "Le label est valable jusqu'au 1er juillet 2032 : il ne peut pas encore être déclaré expiré.",
    );
    expect(
      checkTransition(
        "MID_TERM_REVIEWED",
        "EXPIRE_LABEL",
        ctx({ today: "2032-07-01", publicationDate: "2027-07-01" }),
      ),
    ).toEqual([]);
  });
});

describe("lifecycle properties", () => {
  const dateArb = fc
    .date({
      min: new Date(Date.UTC(2020, 0, 1)),
      max: new Date(Date.UTC(2040, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const contextArb: fc.Arbitrary<TransitionContext> = fc.record({
    today: dateArb,
    kind: fc.constantFrom("INDIVIDUAL" as const, "NETWORK" as const),
    memberCount: fc.integer({ min: 0, max: 5 }),
    engagementComplete: fc.boolean(),
    auditDate: fc.option(dateArb, { nil: null }),
    publicationDate: fc.option(dateArb, { nil: null }),
    missingForSubmission: fc.array(
      fc.constantFrom("la réponse au critère 1", "le pilote du critère 2"),
      { maxLength: 2 },
    ),
  });
  const stateArb = fc.constantFrom(...CANDIDATURE_STATES);
  const nameArb = fc.constantFrom(...TRANSITION_NAMES);

  it("applyTransition succeeds iff checkTransition returns []", () => {
    fc.assert(
      fc.property(stateArb, nameArb, contextArb, (state, name, context) => {
        const failures = checkTransition(state, name, context);
        let next: CandidatureState | null = null;
        let thrown: unknown = null;
        try {
          next = applyTransition(state, name, context);
        } catch (error) {
          thrown = error;
        }
        if (failures.length === 0) {
          expect(thrown).toBeNull();
          expect(next).toBe(TRANSITIONS.find((t) => t.name === name)?.to);
        } else {
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(failures[0]?.code);
        }
      }),
    );
  });

  it("random walks from ENGAGEMENT stay inside the known states", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nameArb, contextArb), { maxLength: 40 }), (steps) => {
        let state: CandidatureState = "ENGAGEMENT";
        for (const [name, context] of steps) {
          const permissive = {
            ...context,
            engagementComplete: true,
            memberCount: 2,
            missingForSubmission: [],
          };
          if (checkTransition(state, name, permissive).length === 0) {
            state = applyTransition(state, name, permissive);
          }
          expect(CANDIDATURE_STATES).toContain(state);
          if (isTerminalState(state)) expect(availableTransitions(state)).toEqual([]);
        }
      }),
    );
  });
});
