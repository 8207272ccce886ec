/**
 * Readiness of a dossier for submission: what is still missing, per criterion and overall.
 * The dossier issue will extend the checks (indicators, evidence, expectations coverage); the API
 * only calls `assessReadiness`.
 */
import type { CandidatureKind } from "./candidature";
import { requiresCommonStrategy } from "./candidature";
import {
  criteriaForCandidature,
  type CriterionCode,
  type OptionalCriterionVariant,
} from "./referential";

export interface ReadinessMember {
  establishmentId: string;
  establishmentName: string;
  engagementLetterOn: string | null;
  boardMinutesOn: string | null;
}

export interface ReadinessInput {
  referentialVersion: string;
  kind: CandidatureKind;
  optionalCriterionVariant: OptionalCriterionVariant | null;
  members: ReadinessMember[];
  responses: { establishmentId: string; criterionCode: string; narrative: string }[];
  commonStrategies: { criterionCode: string; text: string }[];
  pilots: { establishmentId: string; criterionCode: string }[];
}

export interface CriterionReadiness {
  criterionCode: CriterionCode;
  ready: boolean;
  /** French descriptions of what is missing on this criterion. */
  missing: string[];
}

export interface Readiness {
  ready: boolean;
  /** Everything missing, in French, general items first. */
  missing: string[];
  criteria: CriterionReadiness[];
}

/** True when every member's engagement letter and board minutes have been received. */
export function isEngagementComplete(members: readonly ReadinessMember[]): boolean {
  return (
    members.length > 0 &&
    members.every((m) => m.engagementLetterOn !== null && m.boardMinutesOn !== null)
  );
}

export function assessReadiness(input: ReadinessInput): Readiness {
  const general: string[] = [];
  for (const m of input.members) {
    if (m.engagementLetterOn === null)
      general.push(`Lettre d'engagement de ${m.establishmentName}`);
    if (m.boardMinutesOn === null)
      general.push(`Procès-verbal du conseil d'administration de ${m.establishmentName}`);
  }
  const criteria = criteriaForCandidature(
    input.referentialVersion,
    input.optionalCriterionVariant,
  ).map((criterion) => {
    const missing: string[] = [];
    const label = `critère ${criterion.code}`;
    for (const m of input.members) {
      const response = input.responses.find(
        (r) => r.establishmentId === m.establishmentId && r.criterionCode === criterion.code,
      );
      if (!response || response.narrative.trim() === "") {
        missing.push(`Réponse de ${m.establishmentName} au ${label}`);
      }
      if (
        !input.pilots.some(
          (p) => p.establishmentId === m.establishmentId && p.criterionCode === criterion.code,
        )
      ) {
        missing.push(`Pilote du ${label} pour ${m.establishmentName}`);
      }
    }
    if (requiresCommonStrategy(input.kind, criterion.code)) {
      const strategy = input.commonStrategies.find((s) => s.criterionCode === criterion.code);
      if (!strategy || strategy.text.trim() === "")
        missing.push(`Stratégie commune du réseau au ${label}`);
    }
    return { criterionCode: criterion.code, ready: missing.length === 0, missing };
  });
  const missing = [...general, ...criteria.flatMap((c) => c.missing)];
  return { ready: missing.length === 0, missing, criteria };
}
