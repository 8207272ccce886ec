import { DomainError } from "./errors";

export type AcademieCode = "AIX_MARSEILLE" | "NICE";

export interface Departement {
  code: string;
  name: string;
}

export interface Academie {
  code: AcademieCode;
  name: string;
  departements: Departement[];
}

/** The two académies of the région académique Provence-Alpes-Côte d'Azur. */
export const ACADEMIES: readonly Academie[] = Object.freeze([
  {
    code: "AIX_MARSEILLE",
    name: "Aix-Marseille",
    departements: [
      { code: "04", name: "Alpes-de-Haute-Provence" },
      { code: "05", name: "Hautes-Alpes" },
      { code: "13", name: "Bouches-du-Rhône" },
      { code: "84", name: "Vaucluse" },
    ],
  },
  {
    code: "NICE",
    name: "Nice",
    departements: [
      { code: "06", name: "Alpes-Maritimes" },
      { code: "83", name: "Var" },
    ],
  },
]);

export const ACADEMIE_CODES: readonly AcademieCode[] = ACADEMIES.map((a) => a.code);

export function isAcademieCode(s: string): s is AcademieCode {
  return ACADEMIES.some((a) => a.code === s);
}

export function getAcademie(code: string): Academie {
  const academie = ACADEMIES.find((a) => a.code === code);
  if (!academie) {
    throw new DomainError(
      "NOT_FOUND",
      `L'académie « ${code} » n'existe pas dans la région académique PACA (attendu : AIX_MARSEILLE ou NICE).`,
      { code },
    );
  }
  return academie;
}

/** Normalises a département code: "013" → "13", "6" → "06". Returns null when not numeric. */
export function normalizeDepartementCode(depCode: string): string | null {
  const trimmed = depCode.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  return String(Number(trimmed)).padStart(2, "0");
}

/** Accepts "013" or "13"; throws BAD_USER_INPUT when the département is not in PACA. */
export function academieOfDepartement(depCode: string): Academie {
  const code = normalizeDepartementCode(depCode);
  const academie =
    code === null ? undefined : ACADEMIES.find((a) => a.departements.some((d) => d.code === code));
  if (!academie) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le département « ${depCode} » n'appartient pas à la région académique PACA (04, 05, 06, 13, 83, 84).`,
      { departement: depCode },
    );
  }
  return academie;
}

export type EstablishmentKind = "LP" | "LPO" | "EREA";

export const ESTABLISHMENT_KIND_LABELS: Record<EstablishmentKind, string> = {
  LP: "Lycée professionnel",
  LPO: "Lycée polyvalent",
  EREA: "Établissement régional d'enseignement adapté",
};

export type EstablishmentSector = "PUBLIC" | "PRIVATE_UNDER_CONTRACT";

export const ESTABLISHMENT_SECTOR_LABELS: Record<EstablishmentSector, string> = {
  PUBLIC: "Public",
  PRIVATE_UNDER_CONTRACT: "Privé sous contrat",
};
