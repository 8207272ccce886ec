import {
  assertCommitmentDeadline,
  assertReportFinalisable,
  assertReportSubmission,
  AUDIT_RECOMMENDATION_LABELS,
  reportFinalisationProblems,
} from "./audit-report";
import { DomainError } from "./errors";

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("no error thrown");
}

describe("audit report", () => {
  const ready = {
    recommendation: "FAVOURABLE" as const,
    summary: "Démarche solide.",
    missingTeamLevels: [],
    improvementAreas: [{ severity: "MINOR" as const }],
  };

  it("labels the four recommendations in French", () => {
    expect(Object.values(AUDIT_RECOMMENDATION_LABELS)).toEqual([
      "Avis favorable",
      "Avis favorable avec réserves",
      "Avis défavorable",
      "Avis ajourné",
    ]);
  });

  it("is finalised with a recommendation, a summary and the team's level on every criterion", () => {
    expect(reportFinalisationProblems(ready)).toEqual([]);
    expect(
      reportFinalisationProblems({
        recommendation: null,
        summary: "  ",
        missingTeamLevels: [
          { establishmentName: "Lycée A", criterionCode: "3" },
          { establishmentName: "Lycée A", criterionCode: "9a" },
          { establishmentName: "Lycée B", criterionCode: "1" },
        ],
        improvementAreas: [],
      }),
    ).toEqual([
      "l'avis de l'équipe d'audit n'est pas choisi",
      "la synthèse du rapport est vide",
      "le niveau de l'équipe manque sur les critères 3, 9-a (Lycée A) ; le critère 1 (Lycée B)",
    ]);
  });

  it("ties the recommendation to the improvement areas", () => {
    expect(
      reportFinalisationProblems({
        ...ready,
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        improvementAreas: [],
      }),
    ).toEqual(["un avis favorable avec réserves énonce ses réserves : au moins un axe de progrès"]);
    expect(
      reportFinalisationProblems({
        ...ready,
        improvementAreas: [{ severity: "MAJOR" }, { severity: "MAJOR" }],
      }),
    ).toEqual([
      "2 axes de progrès majeurs restent ouverts : l'avis est au mieux favorable avec réserves",
    ]);
    expect(
      reportFinalisationProblems({
        ...ready,
        recommendation: "UNFAVOURABLE",
        improvementAreas: [{ severity: "MAJOR" }],
      }),
    ).toEqual([]);
    const error = thrown(() => assertReportFinalisable({ ...ready, summary: "" }));
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe(
      "Le rapport d'audit ne peut pas être finalisé : la synthèse du rapport est vide.",
    );
  });

  it("is handed in by its finalisation; DRAFPIC records a report written outside the platform", () => {
    expect(() =>
      assertReportSubmission({ report: { status: "FINAL" }, byRegionalTeam: false }),
    ).not.toThrow();
    expect(() => assertReportSubmission({ report: null, byRegionalTeam: true })).not.toThrow();
    expect(thrown(() => assertReportSubmission({ report: null, byRegionalTeam: false })).code).toBe(
      "INVALID_TRANSITION",
    );
    expect(
      thrown(() => assertReportSubmission({ report: { status: "DRAFT" }, byRegionalTeam: true }))
        .message,
    ).toBe(
      "Le rapport d'audit est en cours de rédaction : l'auditeur principal le remet en le finalisant.",
    );
  });
});

describe("commitments", () => {
  it("fall due after the audit, within the label's five years", () => {
    const base = { auditDate: "2027-03-16", today: "2027-01-10" };
    expect(() => assertCommitmentDeadline({ ...base, dueOn: "2028-06-30" })).not.toThrow();
    expect(() => assertCommitmentDeadline({ ...base, dueOn: "2032-03-16" })).not.toThrow();
    const early = thrown(() => assertCommitmentDeadline({ ...base, dueOn: "2027-03-16" }));
    expect(early.message).toBe(
      "L'échéance d'un engagement (16 mars 2027) doit tomber après l'audit du 16 mars 2027.",
    );
    const late = thrown(() => assertCommitmentDeadline({ ...base, dueOn: "2032-03-17" }));
    expect(late.message).toBe(
      "L'échéance d'un engagement (17 mars 2032) doit tomber au plus tard le 16 mars 2032, dans les cinq ans du label.",
    );
    expect(
      thrown(() =>
        assertCommitmentDeadline({ auditDate: null, today: "2027-01-10", dueOn: "2026-12-01" }),
      ).message,
    ).toBe(
      "L'échéance d'un engagement (1er décembre 2026) doit tomber après aujourd'hui (10 janvier 2027).",
    );
    expect(thrown(() => assertCommitmentDeadline({ ...base, dueOn: "2027-02-30" })).code).toBe(
      "BAD_USER_INPUT",
    );
  });
});
