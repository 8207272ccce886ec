/**
 * The dossier's vocabulary and rules: the continuous-improvement cycle of the self-evaluation, the
 * indicators and their trends, the evidence kinds and the engagement documents.
 */
import type { CandidatureKind } from "./candidature";
import { isSchoolYear } from "./dates";
import { DomainError } from "./errors";
import { getCriterion, getReferential, type Criterion } from "./referential";

/** The continuous-improvement cycle the label requires, step by step. */
export type ImprovementStep = "PLANNED" | "DONE" | "MEASURED" | "IMPROVED";
export const IMPROVEMENT_STEPS: readonly ImprovementStep[] = [
  "PLANNED",
  "DONE",
  "MEASURED",
  "IMPROVED",
];
export const IMPROVEMENT_STEP_LABELS: Record<ImprovementStep, string> = {
  PLANNED: "Ce qui est prévu",
  DONE: "Ce qui est fait",
  MEASURED: "Ce qui est mesuré",
  IMPROVED: "Ce qui est amélioré",
};

export type EvidenceKind =
  | "DASHBOARD"
  | "MEETING_MINUTES"
  | "COMMUNICATION_MATERIAL"
  | "PRESS_ARTICLE"
  | "BROCHURE"
  | "POSTER"
  | "PAIRING_HOMOLOGATION"
  | "PARTNERSHIP_CONTRACT"
  | "EUROSCOL_LABEL"
  | "OTHER";
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  DASHBOARD: "Tableau de bord",
  MEETING_MINUTES: "Compte rendu de réunion",
  COMMUNICATION_MATERIAL: "Support de communication",
  PRESS_ARTICLE: "Article ou dossier de presse",
  BROCHURE: "Plaquette",
  POSTER: "Affiche",
  PAIRING_HOMOLOGATION: "Homologation d'appariement",
  PARTNERSHIP_CONTRACT: "Contrat de partenariat",
  EUROSCOL_LABEL: "Label Euroscol",
  OTHER: "Autre pièce",
};

export type EngagementDocumentKind = "ENGAGEMENT_LETTER" | "BOARD_MINUTES";
export const ENGAGEMENT_DOCUMENT_LABELS: Record<EngagementDocumentKind, string> = {
  ENGAGEMENT_LETTER: "Lettre d'engagement",
  BOARD_MINUTES: "Procès-verbal du conseil d'administration",
};

export type IndicatorKind = "QUANTITATIVE" | "QUALITATIVE";
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  QUANTITATIVE: "Quantitatif",
  QUALITATIVE: "Qualitatif",
};
export type IndicatorDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  HIGHER_IS_BETTER: "Plus c'est élevé, mieux c'est",
  LOWER_IS_BETTER: "Plus c'est bas, mieux c'est",
  NEUTRAL: "Sans sens de progression",
};

/** An indicator is followed over at least this many school years for a criterion to be ready. */
export const MIN_INDICATOR_SCHOOL_YEARS = 3;

/** Returns the school year ("2021-2022") or refuses it in French. */
export function assertSchoolYear(s: string): string {
  const year = s.trim();
  if (!isSchoolYear(year)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'année scolaire « ${s} » est invalide : deux années consécutives sont attendues (ex. 2021-2022).`,
      { schoolYear: s },
    );
  }
  return year;
}

export type Trend = "RISING" | "FALLING" | "STABLE" | "INSUFFICIENT_DATA";
export const TREND_LABELS: Record<Trend, string> = {
  RISING: "En hausse",
  FALLING: "En baisse",
  STABLE: "Stable",
  INSUFFICIENT_DATA: "Données insuffisantes",
};

/**
 * Trend of a quantitative indicator from its first to its last school year (2 % of the first value, or
 * any change from zero, counts as a move), and whether it goes the desired way.
 */
export function indicatorTrend(
  direction: IndicatorDirection,
  values: readonly { schoolYear: string; value: number | null }[],
): { trend: Trend; improving: boolean | null } {
  const points = values
    .filter(
      (v): v is { schoolYear: string; value: number } =>
        v.value !== null && Number.isFinite(v.value),
    )
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return { trend: "INSUFFICIENT_DATA", improving: null };
  const delta = last.value - first.value;
  const threshold = Math.abs(first.value) * 0.02;
  const trend: Trend =
    Math.abs(delta) <= threshold && first.value !== 0
      ? "STABLE"
      : delta > 0
        ? "RISING"
        : delta < 0
          ? "FALLING"
          : "STABLE";
  if (direction === "NEUTRAL" || trend === "STABLE")
    return { trend, improving: direction === "NEUTRAL" ? null : false };
  return { trend, improving: (trend === "RISING") === (direction === "HIGHER_IS_BETTER") };
}

/**
 * Validates the expectations ticked as addressed: ids of the criterion, no duplicates, returned in the
 * referential's order. Retired ids (`criterion.retiredExpectationIds`, e.g. "6.10") are dropped
 * silently. Given the candidature's kind, a network-only expectation (scope `NETWORK`) is refused for
 * an individual candidature.
 */
export function assertExpectationIds(
  criterion: Criterion,
  ids: readonly string[],
  kind?: CandidatureKind,
): string[] {
  const known = new Set(criterion.expectations.map((e) => e.id));
  const retired = new Set(criterion.retiredExpectationIds);
  const unique = [...new Set(ids.map((id) => id.trim()))];
  const unknown = unique.filter((id) => !known.has(id) && !retired.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Attendu(s) inconnu(s) pour le critère ${criterion.code} : ${unknown.join(", ")}.`,
      { unknown },
    );
  }
  if (kind === "INDIVIDUAL") {
    const networkOnly = criterion.expectations
      .filter((e) => e.scope === "NETWORK" && unique.includes(e.id))
      .map((e) => e.id);
    if (networkOnly.length > 0) {
      const plural = networkOnly.length > 1;
      throw new DomainError(
        "BAD_USER_INPUT",
        `${plural ? "Les attendus" : "L'attendu"} ${networkOnly.join(", ")} du critère ${criterion.code} ne ${plural ? "concernent" : "concerne"} que les candidatures en réseau : une candidature individuelle ne peut pas ${plural ? "les" : "le"} cocher.`,
        { networkOnly },
      );
    }
  }
  return criterion.expectations.map((e) => e.id).filter((id) => unique.includes(id));
}

/** Validates Qualéduc fiche codes against the referential. */
export function assertQualeducFicheCodes(version: string, codes: readonly string[]): string[] {
  const known = new Set(getReferential(version).qualeducFiches.map((f) => f.code));
  const unique = [...new Set(codes.map((c) => c.trim()))];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Fiche(s) Qualéduc inconnue(s) : ${unknown.join(", ")}.`,
      { unknown },
    );
  }
  return unique;
}

/**
 * Only a criterion carrying the Euroscol rule (`metByEuroscolNote`: criterion 6, international
 * openness) can be met by an Euroscol label.
 */
export function canBeMetByEuroscol(version: string, criterionCode: string): boolean {
  return getCriterion(version, criterionCode).metByEuroscolNote !== null;
}

/** Criterion codes an indicator or an evidence supports: existing, unique, at least one. */
export function assertSupportedCriteria(version: string, codes: readonly string[]): string[] {
  const unique = [...new Set(codes.map((c) => getCriterion(version, c.trim()).code as string))];
  if (unique.length === 0) {
    throw new DomainError("BAD_USER_INPUT", "Indiquez au moins un critère étayé.");
  }
  return unique;
}

/** A quantitative indicator has a unit; a qualitative one is described in words. */
export function requireIndicatorShape(kind: IndicatorKind, unit: string | null): void {
  if (kind === "QUANTITATIVE" && (unit === null || unit.trim() === "")) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Un indicateur quantitatif a une unité (ex. « % », « élèves »).",
    );
  }
}
