import {
  assertAuditPhase,
  assertGridCell,
  ATTAINMENT_LEVELS,
  ATTAINMENT_LEVEL_LABELS,
  attainmentRank,
  decideVersionedWrite,
  gridCells,
  isAttainmentLevel,
  isAuditPhaseOpen,
  levelsDiffer,
  unanimousLevel,
} from "./assessment";
import { DomainError } from "./errors";
import { CURRENT_REFERENTIAL_VERSION, expectationsFor, getCriterion } from "./referential";
import { PERSONAL_DATA_FIELDS, isPersonalDataField } from "./personal-data";

describe("attainment levels", () => {
  it("has four ordered levels with French labels", () => {
    expect(ATTAINMENT_LEVELS.map(attainmentRank)).toEqual([1, 2, 3, 4]);
    expect(ATTAINMENT_LEVELS.map((l) => ATTAINMENT_LEVEL_LABELS[l])).toEqual([
      "Non atteint",
      "Partiellement atteint",
      "Atteint",
      "Dépassé",
    ]);
    expect(isAttainmentLevel("MET")).toBe(true);
    expect(isAttainmentLevel("GOOD")).toBe(false);
  });
});

describe("personal data", () => {
  it("marks the criterion pilot's contact fields", () => {
    expect(PERSONAL_DATA_FIELDS.User).toEqual(["fullName", "email", "phone"]);
    expect(isPersonalDataField("User", "email")).toBe(true);
    expect(isPersonalDataField("User", "role")).toBe(false);
    expect(isPersonalDataField("Establishment", "name")).toBe(false);
  });
});

describe("assessment grid", () => {
  const thrown = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error("no error thrown");
  };
  const version = CURRENT_REFERENTIAL_VERSION;

  it("has one line per criterion as a whole and per expectation, for each establishment", () => {
    const cells = gridCells(version, "NETWORK", [
      { establishmentId: "a", optionalCriterionVariant: "A" },
      { establishmentId: "b", optionalCriterionVariant: null },
    ]);
    const criteriaOf = (id: string) =>
      cells
        .filter((c) => c.establishmentId === id && c.expectationId === null)
        .map((c) => c.criterionCode);
    expect(criteriaOf("a")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9a"]);
    expect(criteriaOf("b")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const c4 = getCriterion(version, "4");
    expect(
      cells.filter((c) => c.establishmentId === "b" && c.criterionCode === "4" && c.expectationId),
    ).toHaveLength(expectationsFor(c4, "NETWORK").length);
    // An individual candidature has no network-only expectation line.
    const individual = gridCells(version, "INDIVIDUAL", [
      { establishmentId: "a", optionalCriterionVariant: null },
    ]);
    const networkOnly = c4.expectations.filter((e) => e.scope === "NETWORK").map((e) => e.id);
    expect(networkOnly.length).toBeGreaterThan(0);
    expect(
      individual.some((c) => c.expectationId !== null && networkOnly.includes(c.expectationId)),
    ).toBe(false);
  });

  it("refuses a line outside the grid", () => {
    const member = { establishmentId: "a", optionalCriterionVariant: null };
    const expectation = getCriterion(version, "3").expectations[0]!.id;
    expect(assertGridCell(version, "INDIVIDUAL", member, "3", expectation)).toEqual({
      establishmentId: "a",
      criterionCode: "3",
      expectationId: expectation,
    });
    expect(thrown(() => assertGridCell(version, "INDIVIDUAL", member, "9a", null)).code).toBe(
      "BAD_USER_INPUT",
    );
    expect(thrown(() => assertGridCell(version, "INDIVIDUAL", member, "3", "4.1")).message).toBe(
      "L'attendu « 4.1 » n'appartient pas au critère 3 pour une candidature individuelle.",
    );
  });

  it("tells differing levels from a unanimous one", () => {
    expect(levelsDiffer(["MET", null, "MET"])).toBe(false);
    expect(levelsDiffer(["MET", "EXCEEDED"])).toBe(true);
    expect(unanimousLevel(["MET", null, "MET"])).toBe("MET");
    expect(unanimousLevel(["MET", "NOT_MET"])).toBeNull();
    expect(unanimousLevel([null])).toBeNull();
  });

  it("opens from the preparatory visit to the recorded audit, and closes for good with the final report", () => {
    expect(() =>
      assertAuditPhase({ state: "PREPARATORY_VISIT_DONE", reportFinal: false }),
    ).not.toThrow();
    expect(() => assertAuditPhase({ state: "AUDITED", reportFinal: false })).not.toThrow();
    const early = thrown(() => assertAuditPhase({ state: "SUBMITTED", reportFinal: false }));
    expect(early.code).toBe("AUDIT_PHASE_CLOSED");
    expect(early.message).toBe(
      "L'évaluation se fait de la visite préparatoire à l'audit ; la candidature est à l'état « Dossier déposé ».",
    );
    expect(thrown(() => assertAuditPhase({ state: "AUDITED", reportFinal: true })).code).toBe(
      "REPORT_FINALISED",
    );
    expect(isAuditPhaseOpen({ state: "AUDIT_PLAN_RECEIVED", reportFinal: false })).toBe(true);
    expect(isAuditPhaseOpen({ state: "AUDITED", reportFinal: true })).toBe(false);
    expect(isAuditPhaseOpen({ state: "REPORT_SUBMITTED", reportFinal: false })).toBe(false);
  });
});

describe("writes replayed by an offline client", () => {
  const decide = (input: Partial<Parameters<typeof decideVersionedWrite>[0]>) =>
    decideVersionedWrite({
      previous: null,
      currentVersion: null,
      baseVersion: null,
      what: "cette appréciation",
      ...input,
    });

  it("creates, updates on the stored version, and replays the same write", () => {
    expect(decide({})).toEqual({ kind: "CREATE" });
    expect(decide({ currentVersion: 3, baseVersion: 3 })).toEqual({
      kind: "UPDATE",
      nextVersion: 4,
    });
    expect(decide({ previous: { sameContent: true }, currentVersion: 5, baseVersion: 2 })).toEqual({
      kind: "REPLAY",
    });
  });

  it("answers a conflict for a stale version, a concurrent creation or a reused write id", () => {
    expect(decide({ currentVersion: 4, baseVersion: 3 })).toEqual({
      kind: "CONFLICT",
      reason: "STALE_VERSION",
      message:
        "Cette appréciation a changé entre-temps (version 4 ; votre modification se fondait sur la version 3) : gardez la vôtre, l'autre ou les deux.",
    });
    expect(decide({ currentVersion: 1 })).toMatchObject({
      kind: "CONFLICT",
      reason: "ALREADY_EXISTS",
    });
    expect(decide({ baseVersion: 2 })).toMatchObject({ kind: "CONFLICT", reason: "NOT_FOUND" });
    expect(
      decide({ previous: { sameContent: false }, currentVersion: 1, baseVersion: 1 }),
    ).toMatchObject({
      kind: "CONFLICT",
      reason: "WRITE_ID_REUSED",
    });
  });
});
