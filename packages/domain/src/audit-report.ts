/**
 * The auditors' findings and report. At the end of the day the auditors give their oral conclusions:
 * improvement areas (*axes de progrès*), commitments (*engagements*) taken by the establishment, and
 * possibly a proposal to change the label title (« l'intitulé … peut être débattu et une proposition
 * de modification notée »). Then « un rapport est rédigé par les auditeurs »: its recommendation goes
 * to the GRALM. The lead auditor finalises it; once final, it is immutable.
 *
 * Platform rules where the guide is silent (documented in the UI):
 * - an improvement area is MAJOR (a reservation on the label) or MINOR (a way to progress);
 * - « favourable with reservations » names its reservations: at least one improvement area; a plain
 *   « favourable » leaves no MAJOR improvement area open;
 * - a commitment has an owner and a deadline after the audit, within the label's five years (the
 *   mid-term follow-up reviews them);
 * - the report is finalised once the team's level is set on every criterion of every establishment.
 */
import { addYears, compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { criterionDisplayCode, type CriterionCode } from "./referential";

export type ImprovementSeverity = "MAJOR" | "MINOR";

export const IMPROVEMENT_SEVERITIES: readonly ImprovementSeverity[] = ["MAJOR", "MINOR"];

export const IMPROVEMENT_SEVERITY_LABELS: Record<ImprovementSeverity, string> = {
  MAJOR: "Majeur",
  MINOR: "Mineur",
};

export type AuditRecommendation =
  "FAVOURABLE" | "FAVOURABLE_WITH_RESERVATIONS" | "UNFAVOURABLE" | "POSTPONED";

export const AUDIT_RECOMMENDATIONS: readonly AuditRecommendation[] = [
  "FAVOURABLE",
  "FAVOURABLE_WITH_RESERVATIONS",
  "UNFAVOURABLE",
  "POSTPONED",
];

export const AUDIT_RECOMMENDATION_LABELS: Record<AuditRecommendation, string> = {
  FAVOURABLE: "Avis favorable",
  FAVOURABLE_WITH_RESERVATIONS: "Avis favorable avec réserves",
  UNFAVOURABLE: "Avis défavorable",
  POSTPONED: "Avis ajourné",
};

export type AuditReportStatus = "DRAFT" | "FINAL";

export const AUDIT_REPORT_STATUS_LABELS: Record<AuditReportStatus, string> = {
  DRAFT: "En cours de rédaction",
  FINAL: "Finalisé",
};

/** Longest texts (characters). */
export const FINDING_TEXT_MAX_LENGTH = 2000;
export const REPORT_SUMMARY_MAX_LENGTH = 20000;
export const COMMITMENT_OWNER_MAX_LENGTH = 200;
export const PROPOSED_TITLE_MAX_LENGTH = 300;

/** How long after the audit a commitment may run: the label's five years. */
export const COMMITMENT_HORIZON_YEARS = 5;

/**
 * A commitment's deadline falls after the audit (or after today while the audit date is unknown) and
 * within the label's five years. Throws BAD_USER_INPUT.
 */
export function assertCommitmentDeadline(input: {
  dueOn: IsoDate;
  auditDate: IsoDate | null;
  today: IsoDate;
}): void {
  parseIsoDate(input.dueOn);
  const from = input.auditDate ?? input.today;
  if (compareIsoDates(input.dueOn, from) <= 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'échéance d'un engagement (${formatFrenchDate(input.dueOn)}) doit tomber après ${input.auditDate ? `l'audit du ${formatFrenchDate(input.auditDate)}` : `aujourd'hui (${formatFrenchDate(input.today)})`}.`,
      { reason: "DEADLINE_TOO_EARLY", dueOn: input.dueOn },
    );
  }
  const horizon = addYears(from, COMMITMENT_HORIZON_YEARS);
  if (compareIsoDates(input.dueOn, horizon) > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'échéance d'un engagement (${formatFrenchDate(input.dueOn)}) doit tomber au plus tard le ${formatFrenchDate(horizon)}, dans les cinq ans du label.`,
      { reason: "DEADLINE_TOO_LATE", dueOn: input.dueOn, latest: horizon },
    );
  }
}

/** A criterion of an establishment whose team level is still missing. */
export interface MissingTeamLevel {
  establishmentName: string;
  criterionCode: CriterionCode;
}

/** What a report still lacks before it can be finalised, in French ([] when it is ready). */
export function reportFinalisationProblems(input: {
  recommendation: AuditRecommendation | null;
  summary: string;
  /** Criteria (as a whole) of each establishment without the team's level. */
  missingTeamLevels: readonly MissingTeamLevel[];
  improvementAreas: readonly { severity: ImprovementSeverity }[];
}): string[] {
  const problems: string[] = [];
  if (input.recommendation === null) problems.push("l'avis de l'équipe d'audit n'est pas choisi");
  if (input.summary.trim() === "") problems.push("la synthèse du rapport est vide");
  if (input.missingTeamLevels.length > 0) {
    const byEstablishment = new Map<string, string[]>();
    for (const m of input.missingTeamLevels) {
      const list = byEstablishment.get(m.establishmentName) ?? [];
      list.push(criterionDisplayCode(m.criterionCode));
      byEstablishment.set(m.establishmentName, list);
    }
    problems.push(
      `le niveau de l'équipe manque sur ${[...byEstablishment]
        .map(
          ([name, codes]) =>
            `${codes.length > 1 ? "les critères" : "le critère"} ${codes.join(", ")} (${name})`,
        )
        .join(" ; ")}`,
    );
  }
  if (
    input.recommendation === "FAVOURABLE_WITH_RESERVATIONS" &&
    input.improvementAreas.length === 0
  ) {
    problems.push(
      "un avis favorable avec réserves énonce ses réserves : au moins un axe de progrès",
    );
  }
  const major = input.improvementAreas.filter((a) => a.severity === "MAJOR").length;
  if (input.recommendation === "FAVOURABLE" && major > 0) {
    problems.push(
      `${major > 1 ? `${major} axes de progrès majeurs restent ouverts` : "un axe de progrès majeur reste ouvert"} : l'avis est au mieux favorable avec réserves`,
    );
  }
  return problems;
}

/** Throws INVALID_TRANSITION with every problem unless the report can be finalised. */
export function assertReportFinalisable(
  input: Parameters<typeof reportFinalisationProblems>[0],
): void {
  const problems = reportFinalisationProblems(input);
  if (problems.length > 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `Le rapport d'audit ne peut pas être finalisé : ${problems.join(" ; ")}.`,
      { problems },
    );
  }
}

/**
 * The platform's own report must be final before it is handed in (SUBMIT_REPORT): the lead auditor
 * hands it in by finalising it. DRAFPIC may still record a report handed in outside the platform (no
 * report drafted here), not one whose platform draft is unfinished. Throws INVALID_TRANSITION.
 */
export function assertReportSubmission(input: {
  report: { status: AuditReportStatus } | null;
  byRegionalTeam: boolean;
}): void {
  if (input.report?.status === "FINAL") return;
  if (input.report === null && input.byRegionalTeam) return;
  throw new DomainError(
    "INVALID_TRANSITION",
    input.report === null
      ? "Le rapport d'audit n'est pas rédigé : l'auditeur principal le remet en le finalisant."
      : "Le rapport d'audit est en cours de rédaction : l'auditeur principal le remet en le finalisant.",
    { reason: "REPORT_NOT_FINAL" },
  );
}
