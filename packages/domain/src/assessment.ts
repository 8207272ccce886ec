/**
 * The auditors' assessment: the 4-level scale shared with the school's self-assessment, the lines of
 * the grid (per establishment, criterion and expectation), the audit phase in which the team writes,
 * and how a write replayed by an offline client is decided.
 */
import type { CandidatureKind } from "./candidature";
import { DomainError } from "./errors";
import { CANDIDATURE_STATE_LABELS, type CandidatureState } from "./lifecycle";
import {
  criteriaForMember,
  criterionDisplayCode,
  type CriterionCode,
  type OptionalCriterionVariant,
} from "./referential";

/** 4-level scale shared by the school's self-assessment and the auditors' assessment. */
export type AttainmentLevel = "NOT_MET" | "PARTIALLY_MET" | "MET" | "EXCEEDED";

export const ATTAINMENT_LEVELS: readonly AttainmentLevel[] = [
  "NOT_MET",
  "PARTIALLY_MET",
  "MET",
  "EXCEEDED",
];

export const ATTAINMENT_LEVEL_LABELS: Record<AttainmentLevel, string> = {
  NOT_MET: "Non atteint",
  PARTIALLY_MET: "Partiellement atteint",
  MET: "Atteint",
  EXCEEDED: "Dépassé",
};

/** 1 (not met) … 4 (exceeded). */
export function attainmentRank(level: AttainmentLevel): 1 | 2 | 3 | 4 {
  switch (level) {
    case "NOT_MET":
      return 1;
    case "PARTIALLY_MET":
      return 2;
    case "MET":
      return 3;
    case "EXCEEDED":
      return 4;
  }
}

export function isAttainmentLevel(s: string): s is AttainmentLevel {
  return (ATTAINMENT_LEVELS as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// The auditors' assessment grid

/**
 * States in which the audit team writes its grid, its findings and its report: from the preparatory
 * visit (the dossier studied, the audit confirmed) to the recorded audit. Before, the auditors read the
 * frozen dossier; after (report submitted), everything is the final report's. Finalising the report
 * from AUDIT_PLAN_RECEIVED records the audit first (the day must have come).
 */
export const AUDIT_PHASE_STATES: readonly CandidatureState[] = [
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
];

/** The team may write (grid, findings, report): in the audit phase, the report not final. */
export function isAuditPhaseOpen(input: {
  state: CandidatureState;
  reportFinal: boolean;
}): boolean {
  return !input.reportFinal && AUDIT_PHASE_STATES.includes(input.state);
}

/**
 * Whether the team may still write. Throws REPORT_FINALISED once the report is final (the report, the
 * grid and the findings are then immutable), AUDIT_PHASE_CLOSED outside `AUDIT_PHASE_STATES`.
 */
export function assertAuditPhase(input: { state: CandidatureState; reportFinal: boolean }): void {
  if (input.reportFinal) {
    throw new DomainError(
      "REPORT_FINALISED",
      "Le rapport d'audit est finalisé : la grille d'évaluation, les axes de progrès, les engagements et le rapport ne changent plus.",
      { reason: "REPORT_FINAL" },
    );
  }
  if (!AUDIT_PHASE_STATES.includes(input.state)) {
    throw new DomainError(
      "AUDIT_PHASE_CLOSED",
      `L'évaluation se fait de la visite préparatoire à l'audit ; la candidature est à l'état « ${CANDIDATURE_STATE_LABELS[input.state]} ».`,
      { reason: "STATE", state: input.state },
    );
  }
}

/** One line of the grid: a criterion as a whole (`expectationId` null) or one of its expectations. */
export interface GridCell {
  establishmentId: string;
  criterionCode: CriterionCode;
  expectationId: string | null;
}

/** A member of the candidature, with the criterion 9 it chose (as frozen at submission). */
export interface GridMember {
  establishmentId: string;
  optionalCriterionVariant: OptionalCriterionVariant | null;
}

/**
 * Every line of a candidature's grid: for each establishment, each criterion it answers (the 8
 * national ones and its criterion 9, if any) as a whole, then each expectation a candidature of this
 * kind addresses on it. The label is awarded per establishment: in a network each one is assessed.
 */
export function gridCells(
  referentialVersion: string,
  kind: CandidatureKind,
  members: readonly GridMember[],
): GridCell[] {
  const cells: GridCell[] = [];
  for (const m of members) {
    for (const c of criteriaForMember(referentialVersion, kind, m.optionalCriterionVariant)) {
      cells.push({
        establishmentId: m.establishmentId,
        criterionCode: c.code,
        expectationId: null,
      });
      for (const e of c.expectations) {
        cells.push({
          establishmentId: m.establishmentId,
          criterionCode: c.code,
          expectationId: e.id,
        });
      }
    }
  }
  return cells;
}

/** Refuses (BAD_USER_INPUT) a line that is not in the candidature's grid. */
export function assertGridCell(
  referentialVersion: string,
  kind: CandidatureKind,
  member: GridMember,
  criterionCode: string,
  expectationId: string | null,
): GridCell {
  const criterion = criteriaForMember(
    referentialVersion,
    kind,
    member.optionalCriterionVariant,
  ).find((c) => c.code === criterionCode);
  if (!criterion) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le critère « ${criterionCode} » n'est pas évalué pour cet établissement (critères du référentiel qu'il a retenus).`,
      { criterionCode },
    );
  }
  if (expectationId !== null && !criterion.expectations.some((e) => e.id === expectationId)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'attendu « ${expectationId} » n'appartient pas au critère ${criterionDisplayCode(criterion.code)} pour une candidature ${kind === "NETWORK" ? "en réseau" : "individuelle"}.`,
      { criterionCode, expectationId },
    );
  }
  return { establishmentId: member.establishmentId, criterionCode: criterion.code, expectationId };
}

/** The auditors' levels on one line differ (the lead consolidates them). Unset levels are ignored. */
export function levelsDiffer(levels: readonly (AttainmentLevel | null)[]): boolean {
  return new Set(levels.filter((l): l is AttainmentLevel => l !== null)).size > 1;
}

/** The level every auditor who gave one agrees on, or null (none given, or they differ). */
export function unanimousLevel(
  levels: readonly (AttainmentLevel | null)[],
): AttainmentLevel | null {
  const given = new Set(levels.filter((l): l is AttainmentLevel => l !== null));
  return given.size === 1 ? ([...given][0] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// Writes replayed by an offline client

/**
 * How a versioned write from the grid is applied. Each write carries a client-generated id and the
 * version it was based on (null to create). A write whose id was already applied, with the same
 * content, is a replay: it answers the same result and changes nothing; the same id with another
 * content is refused. A write based on an older version than the stored one is a conflict (the client
 * keeps its value, the other, or both).
 */
export type VersionedWriteDecision =
  | { kind: "REPLAY" }
  | { kind: "CREATE" }
  | { kind: "UPDATE"; nextVersion: number }
  | {
      kind: "CONFLICT";
      reason: "STALE_VERSION" | "ALREADY_EXISTS" | "WRITE_ID_REUSED" | "NOT_FOUND";
      message: string;
    };

export function decideVersionedWrite(input: {
  /** The write already recorded under this id, if any: does it carry the same content and target? */
  previous: { sameContent: boolean } | null;
  /** The stored version of the target, or null when it does not exist yet. */
  currentVersion: number | null;
  /** The version the client based its write on; null to create. */
  baseVersion: number | null;
  /** What is written, in French (« cette appréciation »), for the messages. */
  what: string;
}): VersionedWriteDecision {
  const { previous, currentVersion, baseVersion, what } = input;
  if (previous) {
    return previous.sameContent
      ? { kind: "REPLAY" }
      : {
          kind: "CONFLICT",
          reason: "WRITE_ID_REUSED",
          message:
            "Cet identifiant d'écriture a déjà servi pour un autre contenu : chaque écriture porte un identifiant neuf.",
        };
  }
  if (currentVersion === null) {
    if (baseVersion === null) return { kind: "CREATE" };
    return {
      kind: "CONFLICT",
      reason: "NOT_FOUND",
      message: `${capitalise(what)} n'existe pas (votre modification se fondait sur la version ${baseVersion}).`,
    };
  }
  if (baseVersion === null) {
    return {
      kind: "CONFLICT",
      reason: "ALREADY_EXISTS",
      message: `${capitalise(what)} existe déjà (version ${currentVersion}, enregistrée entre-temps par ailleurs) : gardez la vôtre, l'autre ou les deux.`,
    };
  }
  if (baseVersion !== currentVersion) {
    return {
      kind: "CONFLICT",
      reason: "STALE_VERSION",
      message: `${capitalise(what)} a changé entre-temps (version ${currentVersion} ; votre modification se fondait sur la version ${baseVersion}) : gardez la vôtre, l'autre ou les deux.`,
    };
  }
  return { kind: "UPDATE", nextVersion: currentVersion + 1 };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
