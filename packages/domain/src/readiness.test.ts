import {
  assessReadiness,
  hasText,
  isEngagementComplete,
  memberOptionalCriterionVariant,
  MISSING_LABEL_TITLE,
  type ReadinessInput,
} from "./readiness";
import {
  CURRENT_REFERENTIAL_VERSION,
  criteriaForCandidature,
  NATIONAL_CRITERION_CODES,
} from "./referential";

const national = [...NATIONAL_CRITERION_CODES] as string[];
const criteria = criteriaForCandidature(CURRENT_REFERENTIAL_VERSION, "B");
const steps = { PLANNED: "<p>Prévu</p>", DONE: "Fait", MEASURED: "Mesuré", IMPROVED: "Amélioré" };

function complete(
  kind: "INDIVIDUAL" | "NETWORK",
  ids: string[],
  codes: string[] = national,
): ReadinessInput {
  return {
    referentialVersion: CURRENT_REFERENTIAL_VERSION,
    kind,
    labelTitle: "Lycée des métiers de l'hôtellerie et de la restauration",
    optionalCriterionVariant: codes.includes("9b") ? "B" : null,
    members: ids.map((id, i) => ({
      establishmentId: id,
      establishmentName: `Lycée ${id.toUpperCase()}`,
      isLead: i === 0,
      engagementLetterOn: "2026-01-10",
      boardMinutesOn: "2026-01-12",
      submissionApprovedAt: i === 0 ? null : "2026-05-01T10:00:00Z",
    })),
    responses: ids.flatMap((id) =>
      codes.map((c) => ({
        establishmentId: id,
        criterionCode: c,
        steps,
        selfAssessedLevel: "MET" as const,
        addressedExpectationIds: criteria.find((x) => x.code === c)!.expectations.map((e) => e.id),
        metByEuroscol: false,
      })),
    ),
    commonStrategies: ["4", "5", "6", "8"].map((c) => ({ criterionCode: c, text: "Stratégie." })),
    pilots: ids.flatMap((id) => codes.map((c) => ({ establishmentId: id, criterionCode: c }))),
    indicators: ids.map((id) => ({
      establishmentId: id,
      criteria: codes,
      schoolYears: ["2022-2023", "2023-2024", "2024-2025"],
    })),
    evidence: [{ establishmentId: null, criteria: codes, kind: "DASHBOARD" }],
  };
}

describe("assessReadiness", () => {
  it("is ready when every criterion of every member is complete", () => {
    expect(assessReadiness(complete("NETWORK", ["a", "b"]))).toMatchObject({
      ready: true,
      missing: [],
    });
  });

  it("lists in French everything missing, per criterion and overall", () => {
    const input = complete("NETWORK", ["a", "b"]);
    input.members[1] = { ...input.members[1]!, boardMinutesOn: null, submissionApprovedAt: null };
    input.responses = input.responses.filter(
      (r) => !(r.establishmentId === "b" && r.criterionCode === "3"),
    );
    input.responses[0] = {
      ...input.responses[0]!,
      steps: { ...steps, MEASURED: "<p> </p>" },
      selfAssessedLevel: null,
    };
    input.responses[1] = { ...input.responses[1]!, addressedExpectationIds: [] };
    input.commonStrategies = input.commonStrategies.filter((s) => s.criterionCode !== "6");
    input.pilots = input.pilots.filter((p) => p.criterionCode !== "7");
    input.indicators = [
      { establishmentId: "a", criteria: national, schoolYears: ["2022-2023", "2023-2024"] },
    ];
    input.evidence = [{ establishmentId: null, criteria: ["1", "2"], kind: "DASHBOARD" }];
    const r = assessReadiness(input);
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual(
      expect.arrayContaining([
        "Procès-verbal du conseil d'administration de Lycée B",
        "Approbation du dépôt par le chef d'établissement de Lycée B",
        "Auto-évaluation de Lycée B au critère 3",
        "« Ce qui est mesuré » de Lycée A au critère 1",
        "Niveau d'atteinte auto-évalué de Lycée A au critère 1",
        expect.stringMatching(/^Attendus non traités par Lycée A au critère 2 : 2\.1/),
        "Stratégie commune du réseau au critère 6",
        "Pilote du critère 7 pour Lycée A",
        "Indicateur suivi sur au moins 3 années scolaires pour Lycée A au critère 1",
        "Pièce justificative pour le critère 3",
      ]),
    );
    expect(r.criteria.find((c) => c.criterionCode === "1")?.ready).toBe(false);
  });

  it("requires the chosen criterion 9 variant, and no common strategy or approval for an individual candidature", () => {
    const input = {
      ...complete("INDIVIDUAL", ["a"]),
      commonStrategies: [],
      optionalCriterionVariant: "B" as const,
    };
    const r = assessReadiness(input);
    expect(r.criteria.map((c) => c.criterionCode)).toContain("9b");
    expect(r.missing).toEqual([
      "Pilote du critère 9b pour Lycée A",
      "Auto-évaluation de Lycée A au critère 9b",
      "Niveau d'atteinte auto-évalué de Lycée A au critère 9b",
      expect.stringMatching(/^Attendus non traités par Lycée A au critère 9b/),
      "Indicateur suivi sur au moins 3 années scolaires pour Lycée A au critère 9b",
      "Pièce justificative pour le critère 9b",
    ]);
    expect(assessReadiness(complete("INDIVIDUAL", ["a"], [...national, "9b"])).ready).toBe(true);
  });

  it("accepts criterion 6 met by an Euroscol label when its proof is filed", () => {
    const input = complete("INDIVIDUAL", ["a"]);
    const six = input.responses.findIndex((r) => r.criterionCode === "6");
    input.responses[six] = {
      ...input.responses[six]!,
      steps: {},
      selfAssessedLevel: null,
      addressedExpectationIds: [],
      metByEuroscol: true,
    };
    expect(assessReadiness(input).missing).toEqual([
      "Preuve du label Euroscol de Lycée A (critère 6)",
    ]);
    input.evidence.push({ establishmentId: "a", criteria: ["6"], kind: "EUROSCOL_LABEL" });
    expect(assessReadiness(input).ready).toBe(true);
  });

  it("requires the label title, which highlights a core trade", () => {
    for (const labelTitle of [null, "", "   "]) {
      const r = assessReadiness({ ...complete("INDIVIDUAL", ["a"]), labelTitle });
      expect(r.ready).toBe(false);
      expect(r.missing).toEqual(["Intitulé du label, qui met en exergue un cœur de métier"]);
      expect(r.criteria.every((c) => c.ready)).toBe(true);
    }
    expect(MISSING_LABEL_TITLE).toContain("cœur de métier");
  });

  it("asks an individual candidature for no network-only expectation", () => {
    const input = complete("INDIVIDUAL", ["a"]);
    const networkOnly = new Set(["4.7", "5.6", "6.9", "8.18"]);
    input.responses = input.responses.map((r) => ({
      ...r,
      addressedExpectationIds: r.addressedExpectationIds.filter((id) => !networkOnly.has(id)),
    }));
    expect(assessReadiness(input)).toMatchObject({ ready: true, missing: [] });
    const network = complete("NETWORK", ["a", "b"]);
    network.responses = network.responses.map((r) => ({
      ...r,
      addressedExpectationIds: r.addressedExpectationIds.filter((id) => !networkOnly.has(id)),
    }));
    const r = assessReadiness(network);
    expect(r.missing).toContain("Attendus non traités par Lycée A au critère 4 : 4.7");
    expect(r.missing).toContain("Attendus non traités par Lycée B au critère 8 : 8.18");
    // The former expectation 6.10 (the Euroscol rule) is not asked any more.
    expect(r.missing.some((m) => m.includes("6.10"))).toBe(false);
  });

  it("judges criterion 9 per establishment, with each member's own choice", () => {
    const input = complete("NETWORK", ["a", "b", "c"]);
    // a chose 9-a, b chose none, c gives no choice of its own: the candidature's (9-b) applies.
    input.optionalCriterionVariant = "B";
    input.members[0] = { ...input.members[0]!, optionalCriterionVariant: "A" };
    input.members[1] = { ...input.members[1]!, optionalCriterionVariant: null };
    const r = assessReadiness(input);
    expect(r.criteria.map((c) => c.criterionCode)).toEqual([
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
    expect(r.criteria.find((c) => c.criterionCode === "9a")?.missing).toEqual([
      "Pilote du critère 9a pour Lycée A",
      "Auto-évaluation de Lycée A au critère 9a",
      "Niveau d'atteinte auto-évalué de Lycée A au critère 9a",
      expect.stringMatching(/^Attendus non traités par Lycée A au critère 9a : 9a\.1, /),
      "Indicateur suivi sur au moins 3 années scolaires pour Lycée A au critère 9a",
      "Pièce justificative pour le critère 9a",
    ]);
    // 9-b is answered by c only: what it lacks there concerns c, never a nor b.
    const nineB = r.criteria.find((c) => c.criterionCode === "9b")?.missing ?? [];
    expect(nineB).toContain("Pilote du critère 9b pour Lycée C");
    expect(nineB.filter((m) => m.includes("Lycée A") || m.includes("Lycée B"))).toEqual([]);
    expect(r.missing.some((m) => m.includes("Lycée B au critère 9"))).toBe(false);
  });

  it("falls back to the candidature's variant for a member without its own", () => {
    expect(memberOptionalCriterionVariant({}, "A")).toBe("A");
    expect(memberOptionalCriterionVariant({ optionalCriterionVariant: undefined }, "B")).toBe("B");
    expect(memberOptionalCriterionVariant({ optionalCriterionVariant: null }, "A")).toBeNull();
    expect(memberOptionalCriterionVariant({ optionalCriterionVariant: "B" }, null)).toBe("B");
  });

  it("knows when the engagement is complete and when a rich text is empty", () => {
    expect(isEngagementComplete([{ engagementLetterOn: "2026-01-01", boardMinutesOn: null }])).toBe(
      false,
    );
    expect(
      isEngagementComplete([{ engagementLetterOn: "2026-01-01", boardMinutesOn: "2026-01-02" }]),
    ).toBe(true);
    expect(isEngagementComplete([])).toBe(false);
    expect(hasText("<p>&nbsp;</p>")).toBe(false);
    expect(hasText("<p>Oui</p>")).toBe(true);
  });
});
