import { assessReadiness, hasText, isEngagementComplete, type ReadinessInput } from "./readiness";
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
