import {
  assertAuditTeamChangeable,
  assertAuditTeamComposition,
  assertAuditTeamReady,
  assertDeclarationSignable,
  assertNoAuditorDayConflict,
  auditTeamCompositionProblems,
  auditorDayConflicts,
  independenceDeclarationText,
  INDEPENDENCE_DECLARATION_VERSION,
  nextAuditStep,
  teamRoleForNewAuditor,
  type AuditTeamMemberFacts,
} from "./audit-team";
import { DomainError } from "./errors";

const inspector = (userId: string, lead = false): AuditTeamMemberFacts => ({
  userId,
  profile: "INSPECTOR",
  teamRole: lead ? "LEAD" : "MEMBER",
});
const cee: AuditTeamMemberFacts = { userId: "cee", profile: "CEE", teamRole: "MEMBER" };

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("audit team composition", () => {
  it("accepts inspectors led by one of them, with CEE, IPE or branch representatives", () => {
    expect(auditTeamCompositionProblems([inspector("i1", true), cee])).toEqual([]);
    expect(
      auditTeamCompositionProblems([
        inspector("i1"),
        inspector("i2", true),
        { userId: "ipe", profile: "IPE", teamRole: "MEMBER" },
        { userId: "br", profile: "BRANCH_REPRESENTATIVE", teamRole: "MEMBER" },
      ]),
    ).toEqual([]);
  });

  it("asks for an inspector first, then for exactly one lead who is an inspector", () => {
    expect(auditTeamCompositionProblems([])).toEqual(["L'équipe d'audit n'a aucun auditeur."]);
    // Without an inspector, the missing lead is not mentioned (the lead is an inspector).
    expect(auditTeamCompositionProblems([{ ...cee, teamRole: "LEAD" }])).toEqual([
      "L'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
    ]);
    expect(auditTeamCompositionProblems([inspector("i1"), cee])).toEqual([
      "L'équipe d'audit n'a pas d'auditeur principal : désignez l'un des inspecteurs.",
    ]);
    expect(auditTeamCompositionProblems([inspector("i1", true), inspector("i2", true)])).toEqual([
      "L'équipe d'audit a 2 auditeurs principaux : elle n'en a qu'un, l'un des inspecteurs.",
    ]);
    expect(
      auditTeamCompositionProblems([
        inspector("i1"),
        { ...cee, teamRole: "LEAD", name: "Léa Roux" },
      ]),
    ).toEqual([
      "L'auditeur principal (Léa Roux) doit être un inspecteur de l'académie, pas un Conseiller entreprise pour l'École (CEE).",
    ]);
  });

  it("refuses an auditor twice and an account without profile", () => {
    expect(
      auditTeamCompositionProblems([
        inspector("i1", true),
        inspector("i1"),
        { userId: "x", profile: null, teamRole: "MEMBER" },
      ]),
    ).toEqual([
      "1 auditeur figure plusieurs fois dans l'équipe d'audit.",
      "1 auditeur n'a pas de profil (inspecteur, CEE, IPE ou représentant de branche).",
    ]);
  });

  it("refuses a composition with BAD_USER_INPUT and an audit with INVALID_TRANSITION", () => {
    const composed = thrown(() => assertAuditTeamComposition([inspector("i1"), cee]));
    expect(composed.code).toBe("BAD_USER_INPUT");
    expect(composed.message).toBe(
      "Cette équipe d'audit ne convient pas : l'équipe d'audit n'a pas d'auditeur principal : désignez l'un des inspecteurs.",
    );
    const audit = thrown(() => assertAuditTeamReady([cee]));
    expect(audit.code).toBe("INVALID_TRANSITION");
    expect(audit.message).toBe(
      "L'audit ne peut pas être enregistré : l'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
    );
    expect(() => assertAuditTeamReady([inspector("i1", true)])).not.toThrow();
  });

  it("makes the first inspector of a team without lead its lead auditor", () => {
    expect(teamRoleForNewAuditor([], "INSPECTOR")).toBe("LEAD");
    expect(teamRoleForNewAuditor([], "CEE")).toBe("MEMBER");
    expect(teamRoleForNewAuditor([cee], "INSPECTOR")).toBe("LEAD");
    expect(teamRoleForNewAuditor([inspector("i1", true)], "INSPECTOR")).toBe("MEMBER");
  });

  it("freezes the team once its report is final", () => {
    expect(() => assertAuditTeamChangeable({ reportFinal: false })).not.toThrow();
    expect(thrown(() => assertAuditTeamChangeable({ reportFinal: true })).code).toBe(
      "REPORT_FINALISED",
    );
  });
});

describe("one audit per day", () => {
  const others = [
    { userId: "i1", candidatureId: "b", auditDate: "2027-03-16", auditorName: "Paul Martin" },
    { userId: "i2", candidatureId: "c", auditDate: "2027-03-17" },
    { userId: "i1", candidatureId: "a", auditDate: "2027-03-16" },
  ];

  it("finds the team's audits elsewhere on the same day, never the candidature's own", () => {
    expect(
      auditorDayConflicts({
        candidatureId: "a",
        auditDate: "2027-03-16",
        teamUserIds: ["i1", "i2"],
        otherAudits: others,
      }),
    ).toEqual([others[0]]);
    expect(
      auditorDayConflicts({
        candidatureId: "a",
        auditDate: null,
        teamUserIds: ["i1"],
        otherAudits: others,
      }),
    ).toEqual([]);
  });

  it("refuses with CONFLICT, naming the auditor and the day", () => {
    const error = thrown(() =>
      assertNoAuditorDayConflict({
        candidatureId: "a",
        auditDate: "2027-03-16",
        teamUserIds: ["i1"],
        otherAudits: others,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "Paul Martin participe déjà à un autre audit le mardi 16 mars 2027 : un audit dure la journée, un auditeur ne participe qu'à un audit par jour.",
    );
  });
});

describe("declaration of independence and confidentiality", () => {
  const ok = {
    state: "SUBMITTED" as const,
    alreadySigned: false,
    textVersion: INDEPENDENCE_DECLARATION_VERSION,
    noConflictOfInterest: true,
  };

  it("names the establishments audited", () => {
    const text = independenceDeclarationText([
      { name: "Lycée A", uai: "0130001A" },
      { name: "Lycée B", uai: null },
      { name: "Lycée C", uai: "0060002B" },
    ]);
    expect(text).toContain(
      "des établissements Lycée A (0130001A), Lycée B et Lycée C (0060002B), je déclare sur l'honneur",
    );
    expect(independenceDeclarationText([{ name: "Lycée A", uai: null }])).toContain(
      "de l'établissement Lycée A,",
    );
  });

  it("is signed once, on the current text, without conflict of interest, once the dossier is submitted", () => {
    expect(() => assertDeclarationSignable(ok)).not.toThrow();
    expect(() => assertDeclarationSignable({ ...ok, state: "AUDITED" })).not.toThrow();
    const twice = thrown(() => assertDeclarationSignable({ ...ok, alreadySigned: true }));
    expect([twice.code, twice.details?.reason]).toEqual(["CONFLICT", "ALREADY_SIGNED"]);
    const early = thrown(() => assertDeclarationSignable({ ...ok, state: "DOSSIER_OPEN" }));
    expect(early.code).toBe("INVALID_TRANSITION");
    expect(early.message).toBe(
      "La déclaration se signe une fois le dossier déposé : il n'y a encore rien à lire.",
    );
    // An auditor of a past audit signs to read it again; a withdrawn candidature is closed.
    expect(() => assertDeclarationSignable({ ...ok, state: "LABELLED" })).not.toThrow();
    const closed = thrown(() => assertDeclarationSignable({ ...ok, state: "WITHDRAWN" }));
    expect(closed.message).toBe(
      "La déclaration ne se signe pas dans l'état « Candidature retirée ».",
    );
    const stale = thrown(() => assertDeclarationSignable({ ...ok, textVersion: "2019-1" }));
    expect([stale.code, stale.details?.reason]).toEqual(["CONFLICT", "STALE_TEXT"]);
    const conflicted = thrown(() =>
      assertDeclarationSignable({ ...ok, noConflictOfInterest: false }),
    );
    expect([conflicted.code, conflicted.details?.reason]).toEqual([
      "BAD_USER_INPUT",
      "CONFLICT_OF_INTEREST",
    ]);
  });
});

describe("next step of an auditor", () => {
  const step = (state: Parameters<typeof nextAuditStep>[0]["state"], more = {}) =>
    nextAuditStep({ state, signed: true, lead: false, reportFinal: false, ...more });

  it("follows the procedure", () => {
    expect(step("DOSSIER_OPEN")).toBe("AWAIT_SUBMISSION");
    expect(step("SUBMITTED", { signed: false })).toBe("SIGN_DECLARATION");
    expect(step("SUBMITTED")).toBe("STUDY_DOSSIER");
    expect(step("AUDIT_PLAN_RECEIVED")).toBe("ASSESS");
    expect(step("AUDITED", { lead: true })).toBe("CONSOLIDATE_AND_FINALISE");
    expect(step("AUDITED", { reportFinal: true })).toBe("DONE");
    expect(step("LABELLED")).toBe("DONE");
    expect(step("WITHDRAWN")).toBe("CLOSED");
  });
});
