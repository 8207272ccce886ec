import { DomainError } from "./errors";
import {
  CURRENT_REFERENTIAL_VERSION,
  NETWORK_COMMON_STRATEGY_CRITERIA,
  REFERENTIALS,
  criteriaForCandidature,
  criteriaForMember,
  answersCriterion,
  criteriaForMemberVariants,
  criterionCodeForVariant,
  expectationsFor,
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

  it("scopes the « Dans le cas de(s) candidatures en réseau » expectations to networks", () => {
    const networkOnly = referential.criteria.flatMap((c) =>
      c.expectations.filter((e) => e.scope === "NETWORK").map((e) => e.id),
    );
    expect(networkOnly).toEqual(["4.7", "5.6", "6.9", "8.18"]);
    for (const c of referential.criteria) {
      for (const e of c.expectations) {
        expect(e.scope).toBe(
          /^Dans le cas des? candidatures en réseau/.test(e.text) ? "NETWORK" : "ALL",
        );
      }
    }
    // 4.5 mentions networks but binds every establishment, « que la candidature soit établie en réseau ou non ».
    expect(getCriterion(V, "4").expectations[4]).toMatchObject({ id: "4.5", scope: "ALL" });
    const four = getCriterion(V, "4");
    expect(expectationsFor(four, "NETWORK")).toHaveLength(8);
    expect(expectationsFor(four, "INDIVIDUAL").map((e) => e.id)).toEqual([
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5",
      "4.6",
      "4.8",
    ]);
    expect(expectationsFor(getCriterion(V, "3"), "INDIVIDUAL")).toHaveLength(8);
  });

  it("holds the Euroscol rule of criterion 6 as a note, not as an expectation", () => {
    const six = getCriterion(V, "6");
    expect(six.expectations.map((e) => e.id)).toEqual([
      "6.1",
      "6.2",
      "6.3",
      "6.4",
      "6.5",
      "6.6",
      "6.7",
      "6.8",
      "6.9",
    ]);
    expect(six.expectations.some((e) => /Euroscol/.test(e.text))).toBe(false);
    expect(six.metByEuroscolNote).toBe(
      "L'établissement labellisé Euroscol valide de fait ce critère ; par ailleurs, la réussite de ce critère constitue les prémices nécessaires à l'obtention du label Euroscol.",
    );
    expect(six.retiredExpectationIds).toEqual(["6.10"]);
    expect(
      referential.criteria.filter((c) => c.metByEuroscolNote !== null).map((c) => c.code),
    ).toEqual(["6"]);
    expect(
      referential.criteria
        .filter((c) => c.code !== "6")
        .every((c) => c.retiredExpectationIds.length === 0),
    ).toBe(true);
  });

  it("gives the criteria one establishment answers, with the expectations of the candidature's kind", () => {
    const individual = criteriaForMember(V, "INDIVIDUAL", "A");
    expect(individual.map((c) => c.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9a"]);
    expect(individual.find((c) => c.code === "8")?.expectations.map((e) => e.id)).not.toContain(
      "8.18",
    );
    expect(individual.find((c) => c.code === "1")).toBe(getCriterion(V, "1"));
    expect(Object.isFrozen(individual.find((c) => c.code === "8"))).toBe(true);
    const network = criteriaForMember(V, "NETWORK", null);
    expect(network.map((c) => c.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(network.find((c) => c.code === "8")?.expectations).toHaveLength(18);
    expect(criteriaForMemberVariants(V, ["B", null, "A", "B"]).map((c) => c.code)).toEqual([
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
    expect(criteriaForMemberVariants(V, [null])).toHaveLength(8);
    expect(criteriaForMemberVariants(V, ["B"]).map((c) => c.code)).toEqual(
      criteriaForCandidature(V, "B").map((c) => c.code),
    );
    expect(["1", "8", "9a", "9b"].map((code) => answersCriterion("A", code))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(answersCriterion(null, "9b")).toBe(false);
    // With the candidature's kind, the expectations of that kind only.
    const scoped = criteriaForMemberVariants(V, ["A", null], "INDIVIDUAL");
    expect(scoped.map((c) => c.code)).toEqual(individual.map((c) => c.code));
    expect(scoped.flatMap((c) => c.expectations.filter((e) => e.scope === "NETWORK"))).toEqual([]);
    expect(criteriaForMemberVariants(V, [null], "NETWORK")[7]?.expectations).toHaveLength(18);
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
