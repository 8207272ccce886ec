/**
 * The national establishment directory (« Annuaire de l'éducation »): what one row of its `;`-separated
 * export says about an establishment, whether the platform keeps it (the vocational lycées of the région
 * académique PACA: lycées professionnels, lycées associating a vocational track, EREA; public or private
 * under an association contract), why a row is ignored (out of scope) or rejected (in scope but invalid),
 * how an imported row changes a stored establishment, and how the directory's `Lycee_des_metiers` flag
 * compares with the platform's labels. Pure: the API streams the file and writes.
 */
import {
  ACADEMIES,
  academieOfDepartement,
  normalizeDepartementCode,
  type AcademieCode,
  type EstablishmentKind,
  type EstablishmentSector,
} from "./academies";
import { DomainError, isDomainError } from "./errors";
import { assertUaiInDepartement } from "./integrity";
import { normalizeUai } from "./uai";

/** The columns of the export, exactly as published and in this order. */
export const DIRECTORY_COLUMNS = [
  "Identifiant_de_l_etablissement",
  "Nom_etablissement",
  "Type_etablissement",
  "Statut_public_prive",
  "Adresse_1",
  "Adresse_2",
  "Adresse_3",
  "Code_postal",
  "Code_commune",
  "Nom_commune",
  "Code_departement",
  "Code_academie",
  "Code_region",
  "Ecole_maternelle",
  "Ecole_elementaire",
  "Voie_generale",
  "Voie_technologique",
  "Voie_professionnelle",
  "Telephone",
  "Fax",
  "Web",
  "Mail",
  "Restauration",
  "Hebergement",
  "ULIS",
  "Apprentissage",
  "Segpa",
  "Section_arts",
  "Section_cinema",
  "Section_theatre",
  "Section_sport",
  "Section_internationale",
  "Section_europeenne",
  "Lycee_Agricole",
  "Lycee_militaire",
  "Lycee_des_metiers",
  "Post_BAC",
  "Appartenance_Education_Prioritaire",
  "GRETA",
  "SIREN_SIRET",
  "Nombre_d_eleves",
  "Fiche_onisep",
  "position",
  "Type_contrat_prive",
  "Libelle_departement",
  "Libelle_academie",
  "Libelle_region",
  "coordX_origine",
  "coordY_origine",
  "epsg_origine",
  "nom_circonscription",
  "latitude",
  "longitude",
  "precision_localisation",
  "date_ouverture",
  "date_maj_ligne",
  "etat",
  "ministere_tutelle",
  "multi_uai",
  "rpi_concentre",
  "rpi_disperse",
  "code_nature",
  "libelle_nature",
  "Code_type_contrat_prive",
  "PIAL",
  "etablissement_mere",
  "type_rattachement_etablissement_mere",
  "code_circonscription",
  "code_zone_animation_pedagogique",
  "libelle_zone_animation_pedagogique",
  "code_bassin_formation",
  "libelle_bassin_formation",
] as const;

export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** The columns the platform reads: a file without one of them is refused as a whole. */
export const DIRECTORY_REQUIRED_COLUMNS = [
  "Identifiant_de_l_etablissement",
  "Nom_etablissement",
  "Type_etablissement",
  "Statut_public_prive",
  "Nom_commune",
  "Code_departement",
  "Code_academie",
  "Libelle_academie",
  "Voie_generale",
  "Voie_technologique",
  "Voie_professionnelle",
  "Lycee_des_metiers",
  "Type_contrat_prive",
  "etat",
  "code_nature",
  "libelle_nature",
] as const satisfies readonly DirectoryColumn[];

type RequiredColumn = (typeof DIRECTORY_REQUIRED_COLUMNS)[number];

/** `Code_academie` of the two académies of PACA in the directory (written with or without a zero). */
export const DIRECTORY_ACADEMIE_CODES: Readonly<Record<AcademieCode, string>> = Object.freeze({
  AIX_MARSEILLE: "02",
  NICE: "23",
});

/** `code_nature` of the kinds the platform keeps (the label of the nature is read too). */
export const DIRECTORY_NATURE_CODES: Readonly<Record<EstablishmentKind, string>> = Object.freeze({
  LP: "320",
  LPO: "306",
  EREA: "370",
});

/** Longest establishment name and city the platform stores (characters). */
export const DIRECTORY_NAME_MAX_LENGTH = 200;
export const DIRECTORY_CITY_MAX_LENGTH = 100;

/** Lowercase, without accents, punctuation folded to single spaces: « Privé » → « prive ». */
export function foldDirectoryText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\-_'’.]+/g, " ")
    .trim();
}

/**
 * Text decoded from something other than UTF-8: a replacement character (invalid bytes), or UTF-8 read
 * as Latin-1 / Windows-1252 (« Ã© » for « é », « Ã€ » for « À »).
 */
export function hasEncodingDamage(value: string): boolean {
  return /\uFFFD|Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Â[\u00A0-\u00BF]/.test(value);
}

/** Where each column the platform reads sits in the file's header. */
export type DirectoryHeader = Readonly<Record<RequiredColumn, number>> & { width: number };

/**
 * Checks the header line of an export (a byte-order mark and surrounding spaces tolerated): every column
 * the platform reads is present, none twice. Throws BAD_USER_INPUT naming what is missing.
 */
export function readDirectoryHeader(columns: readonly string[]): DirectoryHeader {
  const names = columns.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, "") : c).trim());
  const duplicated = names.filter((n, i) => n !== "" && names.indexOf(n) !== i);
  if (duplicated.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'en-tête du fichier de l'annuaire contient des colonnes en double : ${[...new Set(duplicated)].join(", ")}.`,
      { duplicated },
    );
  }
  const missing = DIRECTORY_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const hint =
      names.length === 1 && /[,\t]/.test(names[0] ?? "")
        ? " Le séparateur attendu est le point-virgule (« ; »)."
        : "";
    throw new DomainError(
      "BAD_USER_INPUT",
      `Ce fichier n'est pas un export de l'annuaire de l'éducation : ${missing.length > 1 ? "colonnes absentes" : "colonne absente"} ${missing.join(", ")}.${hint}`,
      { missing },
    );
  }
  const index = Object.fromEntries(DIRECTORY_REQUIRED_COLUMNS.map((c) => [c, names.indexOf(c)]));
  return { ...(index as Record<RequiredColumn, number>), width: names.length };
}

/** What a valid row of the directory says about a vocational lycée of PACA. */
export interface DirectoryEntry {
  uai: string;
  name: string;
  kind: EstablishmentKind;
  sector: EstablishmentSector;
  city: string;
  /** Two digits: "13", "06". */
  departementCode: string;
  academieCode: AcademieCode;
  /** The directory's `Lycee_des_metiers` flag (null: empty, unknown). */
  lyceeDesMetiers: boolean | null;
}

/** Why a row is left out without being an error: it is not a vocational lycée of PACA. */
export type DirectoryIgnoreReason =
  | "OUTSIDE_PACA"
  | "NOT_A_LYCEE"
  | "NO_VOCATIONAL_TRACK"
  | "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT"
  | "CLOSED";

export const DIRECTORY_IGNORE_REASONS: readonly DirectoryIgnoreReason[] = [
  "OUTSIDE_PACA",
  "NOT_A_LYCEE",
  "NO_VOCATIONAL_TRACK",
  "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT",
  "CLOSED",
];

export const DIRECTORY_IGNORE_REASON_LABELS: Record<DirectoryIgnoreReason, string> = {
  OUTSIDE_PACA: "Établissement hors de la région académique PACA",
  NOT_A_LYCEE: "Ni un lycée ni un EREA (école, collège, service…)",
  NO_VOCATIONAL_TRACK: "Lycée sans voie professionnelle",
  PRIVATE_WITHOUT_ASSOCIATION_CONTRACT:
    "Établissement privé hors contrat ou sous contrat simple (le label est ouvert au privé sous contrat d'association)",
  CLOSED: "Établissement fermé",
};

export type DirectoryRowResult =
  | { outcome: "VALID"; line: number; entry: DirectoryEntry }
  | {
      outcome: "IGNORED";
      line: number;
      reason: DirectoryIgnoreReason;
      uai: string | null;
      name: string | null;
    }
  | {
      outcome: "REJECTED";
      line: number;
      uai: string | null;
      name: string | null;
      reasons: string[];
    };

function academieByLabel(label: string): AcademieCode | null {
  const folded = foldDirectoryText(label);
  return ACADEMIES.find((a) => foldDirectoryText(a.name) === folded)?.code ?? null;
}

function academieByCode(code: string): AcademieCode | null {
  const trimmed = code.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const found = Object.entries(DIRECTORY_ACADEMIE_CODES).find(
    ([, c]) => Number(c) === Number(trimmed),
  );
  return (found?.[0] as AcademieCode | undefined) ?? null;
}

function pacaAcademieOfDepartement(code: string): AcademieCode | null {
  const normalized = normalizeDepartementCode(code);
  if (normalized === null) return null;
  return ACADEMIES.find((a) => a.departements.some((d) => d.code === normalized))?.code ?? null;
}

function academieName(code: AcademieCode): string {
  return ACADEMIES.find((a) => a.code === code)?.name ?? code;
}

/** A directory flag: `1`, `0` or empty; anything else is reported. */
function flagOf(value: string, column: string, reasons: string[]): boolean | null {
  const v = value.trim();
  if (v === "") return null;
  if (v === "1") return true;
  if (v === "0") return false;
  reasons.push(`${column} : valeur « ${v.slice(0, 20)} » inattendue (1, 0 ou vide).`);
  return null;
}

function cleanText(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

type KindDecision =
  { kind: EstablishmentKind } | { ignored: DirectoryIgnoreReason } | { rejected: string };

/**
 * The kind of establishment: EREA; lycée professionnel (its nature); a lycée associating a vocational
 * track (lycée polyvalent, or a general and technological lycée whose `Voie_professionnelle` is 1) is a
 * lycée polyvalent for the platform. A lycée without vocational track, and any other type, is ignored.
 */
function kindOf(
  type: string,
  natureCode: string,
  natureLabel: string,
  vocational: boolean | null,
): KindDecision {
  const t = foldDirectoryText(type);
  const code = natureCode.trim();
  const nature = foldDirectoryText(natureLabel);
  if (t === "") return { rejected: "Type_etablissement : valeur absente." };
  if (
    t === "erea" ||
    code === DIRECTORY_NATURE_CODES.EREA ||
    nature.includes("enseignement adapte")
  ) {
    return t === "erea" || t === "lycee" ? { kind: "EREA" } : { ignored: "NOT_A_LYCEE" };
  }
  if (t !== "lycee") return { ignored: "NOT_A_LYCEE" };
  if (code === DIRECTORY_NATURE_CODES.LP || nature.includes("lycee professionnel")) {
    return { kind: "LP" };
  }
  if (code === DIRECTORY_NATURE_CODES.LPO || nature.includes("lycee polyvalent")) {
    return vocational === false ? { ignored: "NO_VOCATIONAL_TRACK" } : { kind: "LPO" };
  }
  return vocational === true ? { kind: "LPO" } : { ignored: "NO_VOCATIONAL_TRACK" };
}

/**
 * Reads one data row of the export (`values` in the header's order; `line`: its line in the file, for
 * the report). Decides, in this order: a row of the wrong width is rejected; a row outside PACA (by its
 * académie — label or code — and its département), of another type than lycée / EREA, without vocational
 * track, closed, or private without association contract is ignored; otherwise every problem is listed
 * (encoding, missing name / city / UAI / département, UAI check letter, UAI not of the département,
 * académie not that of the département, unknown status, unexpected flag values) and the row is rejected,
 * or it is a valid entry.
 */
export function readDirectoryRow(
  header: DirectoryHeader,
  values: readonly string[],
  line: number,
): DirectoryRowResult {
  const get = (column: RequiredColumn): string => values[header[column]] ?? "";
  const rawUai = cleanText(get("Identifiant_de_l_etablissement"));
  const rawName = cleanText(get("Nom_etablissement"));
  const uai = rawUai === "" ? null : normalizeUai(rawUai);
  const name = rawName === "" ? null : rawName;
  if (values.length !== header.width) {
    return {
      outcome: "REJECTED",
      line,
      uai,
      name,
      reasons: [
        `Ligne de ${values.length} colonne${values.length > 1 ? "s" : ""} au lieu de ${header.width} (séparateur « ; » dans un champ non entouré de guillemets, ou ligne tronquée).`,
      ],
    };
  }
  const reasons: string[] = [];

  // Scope: PACA by the académie (its label, else its code) or by the département.
  const academieLabel = cleanText(get("Libelle_academie"));
  const academieCode = cleanText(get("Code_academie"));
  const departement = cleanText(get("Code_departement"));
  const declared =
    academieLabel !== "" ? academieByLabel(academieLabel) : academieByCode(academieCode);
  const ofDepartement = departement === "" ? null : pacaAcademieOfDepartement(departement);
  if (declared === null && ofDepartement === null) {
    return { outcome: "IGNORED", line, reason: "OUTSIDE_PACA", uai, name };
  }

  const vocational = flagOf(get("Voie_professionnelle"), "Voie_professionnelle", reasons);
  const kind = kindOf(
    get("Type_etablissement"),
    get("code_nature"),
    get("libelle_nature"),
    vocational,
  );
  if ("ignored" in kind) return { outcome: "IGNORED", line, reason: kind.ignored, uai, name };
  if (foldDirectoryText(get("etat")) === "ferme") {
    return { outcome: "IGNORED", line, reason: "CLOSED", uai, name };
  }
  const status = foldDirectoryText(get("Statut_public_prive"));
  let sector: EstablishmentSector | null = null;
  if (status === "public") sector = "PUBLIC";
  else if (status === "prive") {
    const contract = foldDirectoryText(get("Type_contrat_prive"));
    if (contract.includes("hors contrat") || contract.includes("simple")) {
      return {
        outcome: "IGNORED",
        line,
        reason: "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT",
        uai,
        name,
      };
    }
    sector = "PRIVATE_UNDER_CONTRACT";
  } else if (status === "") reasons.push("Statut_public_prive : valeur absente.");
  else {
    reasons.push(
      `Statut_public_prive : valeur « ${cleanText(get("Statut_public_prive")).slice(0, 40)} » inconnue (Public ou Privé).`,
    );
  }
  if ("rejected" in kind) reasons.push(kind.rejected);

  // Encoding of what the platform keeps.
  for (const column of [
    "Identifiant_de_l_etablissement",
    "Nom_etablissement",
    "Nom_commune",
    "Libelle_academie",
    "Type_etablissement",
    "Statut_public_prive",
  ] as const) {
    if (hasEncodingDamage(get(column))) {
      reasons.push(
        `${column} : caractères mal décodés (« ${cleanText(get(column)).slice(0, 40)} ») ; le fichier doit être enregistré en UTF-8.`,
      );
    }
  }
  if (name === null) reasons.push("Nom_etablissement : valeur absente.");
  else if (name.length > DIRECTORY_NAME_MAX_LENGTH) {
    reasons.push(`Nom_etablissement : plus de ${DIRECTORY_NAME_MAX_LENGTH} caractères.`);
  }
  const city = cleanText(get("Nom_commune"));
  if (city === "") reasons.push("Nom_commune : valeur absente.");
  else if (city.length > DIRECTORY_CITY_MAX_LENGTH) {
    reasons.push(`Nom_commune : plus de ${DIRECTORY_CITY_MAX_LENGTH} caractères.`);
  }

  // UAI, département and académie.
  let checkedUai: string | null = null;
  const departementCode = departement === "" ? null : normalizeDepartementCode(departement);
  if (uai === null) reasons.push("Identifiant_de_l_etablissement (UAI) : valeur absente.");
  if (departement === "") reasons.push("Code_departement : valeur absente.");
  else if (ofDepartement === null) {
    reasons.push(
      `Code_departement : le département « ${departement} » n'appartient pas à la région académique PACA (04, 05, 06, 13, 83, 84) alors que l'académie indiquée est ${declared ? academieName(declared) : academieLabel}.`,
    );
  }
  if (uai !== null && departementCode !== null) {
    try {
      checkedUai = assertUaiInDepartement(uai, departementCode);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      reasons.push(`Identifiant_de_l_etablissement : ${error.message}`);
    }
  }
  if (ofDepartement !== null && (academieLabel !== "" || academieCode !== "")) {
    if (declared !== ofDepartement) {
      const said = academieLabel !== "" ? academieLabel : `code ${academieCode}`;
      reasons.push(
        `Libelle_academie : l'académie indiquée (${said}) n'est pas celle du département ${departementCode ?? departement}, qui relève de l'académie ${ofDepartement === "NICE" ? "de Nice" : "d'Aix-Marseille"}.`,
      );
    }
  }
  const lyceeDesMetiers = flagOf(get("Lycee_des_metiers"), "Lycee_des_metiers", reasons);
  flagOf(get("Voie_generale"), "Voie_generale", reasons);
  flagOf(get("Voie_technologique"), "Voie_technologique", reasons);

  if (
    reasons.length > 0 ||
    checkedUai === null ||
    sector === null ||
    name === null ||
    !("kind" in kind) ||
    ofDepartement === null ||
    departementCode === null
  ) {
    return { outcome: "REJECTED", line, uai, name, reasons };
  }
  return {
    outcome: "VALID",
    line,
    entry: {
      uai: checkedUai,
      name,
      kind: kind.kind,
      sector,
      city,
      departementCode,
      academieCode: academieOfDepartement(departementCode).code,
      lyceeDesMetiers,
    },
  };
}

/** The same UAI on two lines of one file: the second is rejected. */
export function duplicateUaiReason(firstLine: number): string {
  return `Identifiant_de_l_etablissement : ce code UAI figure déjà à la ligne ${firstLine} du fichier.`;
}

/** The fields of an establishment the directory maintains. */
export interface DirectoryFields {
  name: string;
  kind: EstablishmentKind;
  sector: EstablishmentSector;
  city: string;
  academieCode: string;
  departementCode: string;
}

export const DIRECTORY_FIELDS: readonly (keyof DirectoryFields)[] = [
  "name",
  "kind",
  "sector",
  "city",
  "academieCode",
  "departementCode",
];

export type DirectoryUpsertOutcome = "CREATED" | "UPDATED" | "UNCHANGED";

export const DIRECTORY_UPSERT_OUTCOME_LABELS: Record<DirectoryUpsertOutcome, string> = {
  CREATED: "Créé",
  UPDATED: "Mis à jour",
  UNCHANGED: "Inchangé",
};

/**
 * What importing `entry` does to the establishment stored under its UAI (null: none): create it, update
 * the fields that differ (the directory is the reference for them), or nothing.
 */
export function directoryUpsert(
  stored: DirectoryFields | null,
  entry: DirectoryEntry,
): { outcome: DirectoryUpsertOutcome; changedFields: (keyof DirectoryFields)[] } {
  if (stored === null) return { outcome: "CREATED", changedFields: [...DIRECTORY_FIELDS] };
  const changedFields = DIRECTORY_FIELDS.filter((f) => stored[f] !== entry[f]);
  return { outcome: changedFields.length === 0 ? "UNCHANGED" : "UPDATED", changedFields };
}

/**
 * A disagreement between the directory's `Lycee_des_metiers` flag and the platform's labels:
 * `DIRECTORY_ONLY` — the directory says « lycée des métiers », the platform has no valid label;
 * `PLATFORM_ONLY` — the platform has a valid label, the directory says 0.
 */
export type DirectoryLabelMismatch = "DIRECTORY_ONLY" | "PLATFORM_ONLY";

export const DIRECTORY_LABEL_MISMATCH_LABELS: Record<DirectoryLabelMismatch, string> = {
  DIRECTORY_ONLY:
    "L'annuaire indique « lycée des métiers », mais la plateforme n'a aucun label en vigueur pour cet établissement",
  PLATFORM_ONLY:
    "La plateforme a un label en vigueur, mais l'annuaire n'indique pas « lycée des métiers »",
};

/** The mismatch, or null when they agree (an empty flag is unknown: never a mismatch). */
export function directoryLabelMismatch(
  flag: boolean | null,
  hasValidLabel: boolean,
): DirectoryLabelMismatch | null {
  if (flag === true && !hasValidLabel) return "DIRECTORY_ONLY";
  if (flag === false && hasValidLabel) return "PLATFORM_ONLY";
  return null;
}

/** Where an import of the directory stands. */
export type DirectoryImportStatus = "RUNNING" | "SUCCEEDED" | "FAILED";

export const DIRECTORY_IMPORT_STATUS_LABELS: Record<DirectoryImportStatus, string> = {
  RUNNING: "En cours",
  SUCCEEDED: "Terminé",
  FAILED: "Interrompu (les lots déjà traités sont enregistrés ; relancez l'import)",
};
