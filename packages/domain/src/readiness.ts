/**
 * Readiness of a dossier for submission: what is still missing, per criterion and overall, in French.
 * The API computes nothing itself: it loads the dossier and calls `assessReadiness`.
 */
import type { AttainmentLevel } from "./assessment";
import type { CandidatureKind } from "./candidature";
import { requiresCommonStrategy } from "./candidature";
import {
  IMPROVEMENT_STEP_LABELS,
  IMPROVEMENT_STEPS,
  MIN_INDICATOR_SCHOOL_YEARS,
  type EvidenceKind,
  type ImprovementStep,
} from "./dossier";
import {
  answersCriterion,
  criteriaForMemberVariants,
  expectationsFor,
  type CriterionCode,
  type OptionalCriterionVariant,
} from "./referential";

export interface ReadinessMember {
  establishmentId: string;
  establishmentName: string;
  isLead: boolean;
  engagementLetterOn: string | null;
  boardMinutesOn: string | null;
  /** When the establishment's head approved the submission (networks: every co-applicant but the lead). */
  submissionApprovedAt: Date | string | null;
  /**
   * The criterion 9 variant this establishment chose (« au choix de l'établissement »: in a network each
   * co-applicant chooses 9-a, 9-b or none; null = none). When absent (undefined), the candidature-level
   * `ReadinessInput.optionalCriterionVariant` applies.
   */
  optionalCriterionVariant?: OptionalCriterionVariant | null;
}

export interface ReadinessResponse {
  establishmentId: string;
  criterionCode: string;
  /** Texts of the continuous-improvement steps (rich text; tags are ignored when judging emptiness). */
  steps: Partial<Record<ImprovementStep, string | null>>;
  selfAssessedLevel: AttainmentLevel | null;
  addressedExpectationIds: readonly string[];
  metByEuroscol: boolean;
}

export interface ReadinessInput {
  referentialVersion: string;
  kind: CandidatureKind;
  /** The label title (intitulé du label), which highlights a core trade (cœur de métier): required. */
  labelTitle: string | null;
  /** Criterion 9 variant of the members that do not give their own (`ReadinessMember`). */
  optionalCriterionVariant: OptionalCriterionVariant | null;
  members: ReadinessMember[];
  responses: ReadinessResponse[];
  commonStrategies: { criterionCode: string; text: string }[];
  pilots: { establishmentId: string; criterionCode: string }[];
  indicators: {
    establishmentId: string;
    criteria: readonly string[];
    schoolYears: readonly string[];
  }[];
  evidence: { establishmentId: string | null; criteria: readonly string[]; kind: EvidenceKind }[];
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
export function isEngagementComplete(
  members: readonly Pick<ReadinessMember, "engagementLetterOn" | "boardMinutesOn">[],
): boolean {
  return (
    members.length > 0 &&
    members.every((m) => m.engagementLetterOn !== null && m.boardMinutesOn !== null)
  );
}

/** True when a rich text holds more than markup and blanks. */
export function hasText(html: string | null | undefined): boolean {
  if (!html) return false;
  return (
    html
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .trim().length > 0
  );
}

/** The criterion 9 variant a member answers: its own, or the candidature's when it gives none. */
export function memberOptionalCriterionVariant(
  member: Pick<ReadinessMember, "optionalCriterionVariant">,
  candidatureVariant: OptionalCriterionVariant | null,
): OptionalCriterionVariant | null {
  return member.optionalCriterionVariant === undefined
    ? candidatureVariant
    : member.optionalCriterionVariant;
}

/** Missing label title, in French (the intitulé highlights a cœur de métier). */
export const MISSING_LABEL_TITLE = "Intitulé du label, qui met en exergue un cœur de métier";

/**
 * What a dossier still lacks before submission. Each member answers the national criteria and the
 * criterion 9 variant it chose (its own `optionalCriterionVariant`, else the candidature's); only the
 * expectations of the candidature's kind are asked (`expectationsFor`: network-only ones for a network).
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  const general: string[] = [];
  if (!input.labelTitle || input.labelTitle.trim() === "") general.push(MISSING_LABEL_TITLE);
  for (const m of input.members) {
    if (m.engagementLetterOn === null)
      general.push(`Lettre d'engagement de ${m.establishmentName}`);
    if (m.boardMinutesOn === null)
      general.push(`Procès-verbal du conseil d'administration de ${m.establishmentName}`);
    if (input.kind === "NETWORK" && !m.isLead && m.submissionApprovedAt === null) {
      general.push(`Approbation du dépôt par le chef d'établissement de ${m.establishmentName}`);
    }
  }
  const variants = new Map(
    input.members.map((m) => [
      m.establishmentId,
      memberOptionalCriterionVariant(m, input.optionalCriterionVariant),
    ]),
  );
  const criteria = criteriaForMemberVariants(input.referentialVersion, [...variants.values()]).map(
    (criterion) => {
      const missing: string[] = [];
      const label = `critère ${criterion.code}`;
      const expectations = expectationsFor(criterion, input.kind);
      for (const m of input.members) {
        if (!answersCriterion(variants.get(m.establishmentId) ?? null, criterion.code)) continue;
        const who = m.establishmentName;
        if (
          !input.pilots.some(
            (p) => p.establishmentId === m.establishmentId && p.criterionCode === criterion.code,
          )
        ) {
          missing.push(`Pilote du ${label} pour ${who}`);
        }
        const response = input.responses.find(
          (r) => r.establishmentId === m.establishmentId && r.criterionCode === criterion.code,
        );
        if (response?.metByEuroscol) {
          const proof = input.evidence.some(
            (e) =>
              e.kind === "EUROSCOL_LABEL" &&
              e.criteria.includes(criterion.code) &&
              (e.establishmentId === null || e.establishmentId === m.establishmentId),
          );
          if (!proof) missing.push(`Preuve du label Euroscol de ${who} (${label})`);
          continue;
        }
        const emptySteps = IMPROVEMENT_STEPS.filter((step) => !hasText(response?.steps[step]));
        if (emptySteps.length === IMPROVEMENT_STEPS.length) {
          missing.push(`Auto-évaluation de ${who} au ${label}`);
        } else {
          for (const step of emptySteps)
            missing.push(`« ${IMPROVEMENT_STEP_LABELS[step]} » de ${who} au ${label}`);
        }
        if (!response?.selfAssessedLevel)
          missing.push(`Niveau d'atteinte auto-évalué de ${who} au ${label}`);
        const addressed = new Set(response?.addressedExpectationIds ?? []);
        const open = expectations.filter((e) => !addressed.has(e.id)).map((e) => e.id);
        if (open.length > 0)
          missing.push(`Attendus non traités par ${who} au ${label} : ${open.join(", ")}`);
        const followed = input.indicators.some(
          (i) =>
            i.establishmentId === m.establishmentId &&
            i.criteria.includes(criterion.code) &&
            new Set(i.schoolYears).size >= MIN_INDICATOR_SCHOOL_YEARS,
        );
        if (!followed) {
          missing.push(
            `Indicateur suivi sur au moins ${MIN_INDICATOR_SCHOOL_YEARS} années scolaires pour ${who} au ${label}`,
          );
        }
      }
      if (!input.evidence.some((e) => e.criteria.includes(criterion.code))) {
        missing.push(`Pièce justificative pour le ${label}`);
      }
      if (requiresCommonStrategy(input.kind, criterion.code)) {
        const strategy = input.commonStrategies.find((s) => s.criterionCode === criterion.code);
        if (!strategy || !hasText(strategy.text))
          missing.push(`Stratégie commune du réseau au ${label}`);
      }
      return { criterionCode: criterion.code, ready: missing.length === 0, missing };
    },
  );
  const missing = [...general, ...criteria.flatMap((c) => c.missing)];
  return { ready: missing.length === 0, missing, criteria };
}
