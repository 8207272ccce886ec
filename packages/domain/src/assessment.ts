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
