import { assessReadiness, isEngagementComplete, type ReadinessInput } from "./readiness";
import { CURRENT_REFERENTIAL_VERSION } from "./referential";

const members = [
  {
    establishmentId: "a",
    establishmentName: "Lycée A",
    engagementLetterOn: "2026-01-10",
    boardMinutesOn: "2026-01-12",
  },
  {
    establishmentId: "b",
    establishmentName: "Lycée B",
    engagementLetterOn: "2026-01-10",
    boardMinutesOn: null,
  },
];
const national = ["1", "2", "3", "4", "5", "6", "7", "8"];

function complete(kind: "INDIVIDUAL" | "NETWORK", ids: string[]): ReadinessInput {
  return {
    referentialVersion: CURRENT_REFERENTIAL_VERSION,
    kind,
    optionalCriterionVariant: null,
    members: members
      .filter((m) => ids.includes(m.establishmentId))
      .map((m) => ({ ...m, boardMinutesOn: "2026-01-12" })),
    responses: ids.flatMap((id) =>
      national.map((c) => ({ establishmentId: id, criterionCode: c, narrative: "Démarche." })),
    ),
    commonStrategies: ["4", "5", "6", "8"].map((c) => ({ criterionCode: c, text: "Stratégie." })),
    pilots: ids.flatMap((id) => national.map((c) => ({ establishmentId: id, criterionCode: c }))),
  };
}

describe("assessReadiness", () => {
  it("is ready when every criterion of every member is answered and piloted", () => {
    expect(assessReadiness(complete("NETWORK", ["a", "b"]))).toMatchObject({
      ready: true,
      missing: [],
    });
  });

  it("lists the missing engagement documents, responses, pilots and common strategies in French", () => {
    const input = complete("NETWORK", ["a", "b"]);
    input.members[1] = { ...input.members[1]!, boardMinutesOn: null };
    input.responses = input.responses.filter(
      (r) => !(r.establishmentId === "b" && r.criterionCode === "3"),
    );
    input.commonStrategies = input.commonStrategies.filter((s) => s.criterionCode !== "6");
    input.pilots = input.pilots.filter((p) => p.criterionCode !== "1");
    const r = assessReadiness(input);
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual(
      expect.arrayContaining([
        "Procès-verbal du conseil d'administration de Lycée B",
        "Réponse de Lycée B au critère 3",
        "Stratégie commune du réseau au critère 6",
        "Pilote du critère 1 pour Lycée A",
      ]),
    );
    expect(r.criteria.find((c) => c.criterionCode === "2")?.ready).toBe(true);
  });

  it("requires the chosen criterion 9 variant and no common strategy for an individual candidature", () => {
    const input = {
      ...complete("INDIVIDUAL", ["a"]),
      commonStrategies: [],
      optionalCriterionVariant: "B" as const,
    };
    const r = assessReadiness(input);
    expect(r.criteria.map((c) => c.criterionCode)).toContain("9b");
    expect(r.missing).toEqual([
      "Réponse de Lycée A au critère 9b",
      "Pilote du critère 9b pour Lycée A",
    ]);
  });

  it("knows when the engagement is complete", () => {
    expect(isEngagementComplete(members)).toBe(false);
    expect(isEngagementComplete([members[0]!])).toBe(true);
    expect(isEngagementComplete([])).toBe(false);
  });
});
