import { DomainError } from "./errors";
import {
  CURRENT_REFERENTIAL_VERSION,
  NETWORK_COMMON_STRATEGY_CRITERIA,
  REFERENTIALS,
  criteriaForCandidature,
  criterionCodeForVariant,
  getCriterion,
  getReferential,
  isCriterionCode,
  parseOptionalCriterionVariant,
  qualeducFichesForCriterion,
} from "./referential";

const V = CURRENT_REFERENTIAL_VERSION;

describe("referential", () => {
  const referential = getReferential(V);

  it("holds one version: 8 national criteria and the optional 9-a / 9-b", () => {
    expect(REFERENTIALS).toHaveLength(1);
    expect(referential.criteria.map((c) => c.code)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9a",
      "9b",
    ]);
    const nine = referential.criteria.filter((c) => c.optional);
    expect(nine.map((c) => [c.code, c.number, c.variant])).toEqual([
      ["9a", 9, "A"],
      ["9b", 9, "B"],
    ]);
    expect(getCriterion(V, "9a").title).toBe(
      "9-a : développer le numérique au service des métiers",
    );
    expect(getCriterion(V, "9b").title).toBe(
      "9-b : lutter contre les stéréotypes de genre et favoriser l'égalité filles-garçons",
    );
  });

  it("gives every criterion expectations with unique ids and clean texts", () => {
    const ids = new Set<string>();
    for (const criterion of referential.criteria) {
      expect(criterion.expectations.length).toBeGreaterThanOrEqual(1);
      expect(criterion.shortTitle.length).toBeLessThanOrEqual(40);
      criterion.expectations.forEach((e, index) => {
        expect(e.id).toBe(`${criterion.code}.${index + 1}`);
        expect(ids.has(e.id)).toBe(false);
        ids.add(e.id);
        expect(e.text).not.toMatch(/[a-zé]-\s*$|\s{2,}|’/);
        expect(e.text).not.toMatch(/dé-marche|profession-nel|établisse-ment|per-sonnalisé/);
      });
    }
    expect(ids.has("4.7")).toBe(true);
    expect(ids.has("9a.3")).toBe(true);
    expect(getCriterion(V, "1").expectations.at(-1)?.text).toContain("cœur de métier");
  });

  it("flags the network common strategy criteria", () => {
    expect(NETWORK_COMMON_STRATEGY_CRITERIA).toEqual(["4", "5", "6", "8"]);
    expect(referential.criteria.filter((c) => c.networkCommonStrategy).map((c) => c.code)).toEqual([
      "4",
      "5",
      "6",
      "8",
    ]);
  });

  it("maps the Qualéduc fiches with the guide's 7 → 8 renumbering", () => {
    const mapping = Object.fromEntries(
      referential.criteria.map((c) => [c.code, c.qualeducFicheCodes]),
    );
    expect(mapping).toEqual({
      "1": ["Q.3.2", "Q.2.5"],
      "2": ["Q.3.2", "Q.3.12", "Q.1.9", "Q.2.10"],
      "3": [],
      "4": ["Q.3.5", "Q.1.8", "Q.2.5", "Q.2.7"],
      "5": ["Q.2.5"],
      "6": ["Q.2.9"],
      "7": ["Q.2.6", "Q.3.11", "Q.1.5"],
      "8": ["Q.3.6", "Q.3.7"],
      "9a": [],
      "9b": [],
    });
    const fiches = qualeducFichesForCriterion(V, "4");
    expect(fiches.map((f) => f.code)).toEqual(["Q.3.5", "Q.1.8", "Q.2.5", "Q.2.7"]);
    expect(fiches[0]?.title).toBe("Faire vivre les réseaux et les partenariats");
    const codes = referential.qualeducFiches.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(referential)).toBe(true);
    expect(Object.isFrozen(referential.criteria[0]?.expectations)).toBe(true);
  });

  it("rejects unknown versions and criteria with French messages", () => {
    expect(() => getReferential("v0")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => getCriterion(V, "10")).toThrow(DomainError);
    expect(() => getCriterion(V, "10")).toThrow(
      /Le critère « 10 » n'existe pas dans le référentiel/,
    );
    expect(() => getCriterion(V, "10")).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  it("recognises criterion codes", () => {
    expect(isCriterionCode("9a")).toBe(true);
    expect(isCriterionCode("8")).toBe(true);
    expect(isCriterionCode("9")).toBe(false);
    expect(isCriterionCode("9-a")).toBe(false);
  });

  it("selects the criteria of a candidature", () => {
    expect(criteriaForCandidature(V, null).map((c) => c.code)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
    ]);
    expect(
      criteriaForCandidature(V, "A")
        .map((c) => c.code)
        .at(-1),
    ).toBe("9a");
    expect(criteriaForCandidature(V, "B").map((c) => c.code)).toHaveLength(9);
    expect(criterionCodeForVariant("B")).toBe("9b");
  });

  it("parses the optional variant", () => {
    for (const s of ["A", "a", "9a", "9-a", " 9-A "])
      expect(parseOptionalCriterionVariant(s)).toBe("A");
    for (const s of ["B", "b", "9b", "9-b"]) expect(parseOptionalCriterionVariant(s)).toBe("B");
    for (const s of [null, undefined, "", "  "])
      expect(parseOptionalCriterionVariant(s)).toBeNull();
    expect(() => parseOptionalCriterionVariant("c")).toThrow(
      "La variante du critère 9 doit être « a » ou « b »",
    );
  });
});
