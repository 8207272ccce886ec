import {
  DIRECTORY_COLUMNS,
  directoryLabelMismatch,
  directoryUpsert,
  foldDirectoryText,
  hasEncodingDamage,
  readDirectoryHeader,
  readDirectoryRow,
  type DirectoryEntry,
  type DirectoryRowResult,
} from "./directory";
import { DomainError } from "./errors";
import { uaiCheckLetter } from "./uai";

const header = readDirectoryHeader([...DIRECTORY_COLUMNS]);

const uaiOf = (digits: string) => digits + uaiCheckLetter(digits);

/** A valid row of a public lycée professionnel of Marseille, with `overrides` by column. */
function row(
  overrides: Partial<Record<(typeof DIRECTORY_COLUMNS)[number], string>> = {},
): string[] {
  const base: Partial<Record<(typeof DIRECTORY_COLUMNS)[number], string>> = {
    Identifiant_de_l_etablissement: uaiOf("0130053"),
    Nom_etablissement: "Lycée professionnel Le Chatelier",
    Type_etablissement: "Lycée",
    Statut_public_prive: "Public",
    Nom_commune: "Marseille",
    Code_departement: "013",
    Code_academie: "2",
    Libelle_academie: "Aix-Marseille",
    Voie_generale: "0",
    Voie_technologique: "0",
    Voie_professionnelle: "1",
    Lycee_des_metiers: "1",
    Type_contrat_prive: "SANS OBJET",
    etat: "OUVERT",
    code_nature: "320",
    libelle_nature: "LYCEE PROFESSIONNEL",
    ...overrides,
  };
  return DIRECTORY_COLUMNS.map((c) => base[c] ?? "");
}

function read(overrides: Parameters<typeof row>[0] = {}): DirectoryRowResult {
  return readDirectoryRow(header, row(overrides), 7);
}

function reasonsOf(result: DirectoryRowResult): string[] {
  if (result.outcome !== "REJECTED") throw new Error(`rejet attendu : ${result.outcome}`);
  return result.reasons;
}

describe("the establishment directory", () => {
  it("folds texts for comparisons without case nor accents", () => {
    expect(foldDirectoryText("  Privé ")).toBe("prive");
    expect(foldDirectoryText("LYCÉE")).toBe("lycee");
    expect(foldDirectoryText("Aix-Marseille")).toBe("aix marseille");
    expect(hasEncodingDamage("LycÃ©e")).toBe(true);
    expect(hasEncodingDamage("Lyc\uFFFDe")).toBe(true);
    expect(hasEncodingDamage("Lycée Ã€ part")).toBe(true);
    expect(hasEncodingDamage("Lycée de l'Étang")).toBe(false);
  });

  it("checks the header, byte-order mark tolerated", () => {
    const withBom: string[] = [...DIRECTORY_COLUMNS];
    withBom[0] = `\uFEFF${withBom[0]}`;
    expect(readDirectoryHeader(withBom).Identifiant_de_l_etablissement).toBe(0);
    expect(readDirectoryHeader(withBom).width).toBe(72);
    const partial = DIRECTORY_COLUMNS.filter((c) => c !== "Lycee_des_metiers" && c !== "etat");
    expect(() => readDirectoryHeader(partial)).toThrow(
      new DomainError(
        "BAD_USER_INPUT",
        "Ce fichier n'est pas un export de l'annuaire de l'éducation : colonnes absentes Lycee_des_metiers, etat.",
      ),
    );
    expect(() => readDirectoryHeader([DIRECTORY_COLUMNS.join(",")])).toThrow(
      /Le séparateur attendu est le point-virgule/,
    );
    expect(() => readDirectoryHeader([...DIRECTORY_COLUMNS, "etat"])).toThrow(
      /colonnes en double : etat/,
    );
  });

  it("reads a valid row of a vocational lycée of PACA", () => {
    const result = read({ Identifiant_de_l_etablissement: ` ${uaiOf("0130053").toLowerCase()} ` });
    expect(result).toEqual({
      outcome: "VALID",
      line: 7,
      entry: {
        uai: uaiOf("0130053"),
        name: "Lycée professionnel Le Chatelier",
        kind: "LP",
        sector: "PUBLIC",
        city: "Marseille",
        departementCode: "13",
        academieCode: "AIX_MARSEILLE",
        lyceeDesMetiers: true,
      } satisfies DirectoryEntry,
    });
  });

  it("derives the kind: lycée professionnel, polyvalent (or with a vocational track), EREA", () => {
    const kind = (o: Parameters<typeof row>[0]) => {
      const r = read(o);
      return r.outcome === "VALID" ? r.entry.kind : r.outcome === "IGNORED" ? r.reason : r.reasons;
    };
    expect(kind({ code_nature: "306", libelle_nature: "LYCEE POLYVALENT" })).toBe("LPO");
    expect(
      kind({ code_nature: "300", libelle_nature: "LYCEE D ENSEIGNEMENT GENERAL ET TECHNOLOGIQUE" }),
    ).toBe("LPO");
    expect(
      kind({
        code_nature: "300",
        libelle_nature: "LYCEE D ENSEIGNEMENT GENERAL ET TECHNOLOGIQUE",
        Voie_professionnelle: "0",
      }),
    ).toBe("NO_VOCATIONAL_TRACK");
    expect(kind({ code_nature: "306", Voie_professionnelle: "0", libelle_nature: "" })).toBe(
      "NO_VOCATIONAL_TRACK",
    );
    expect(
      kind({ code_nature: "", libelle_nature: "Lycée professionnel", Voie_professionnelle: "" }),
    ).toBe("LP");
    expect(
      kind({
        Type_etablissement: "EREA",
        code_nature: "370",
        libelle_nature: "ETABLISSEMENT REGIONAL D'ENSEIGNEMENT ADAPTE",
      }),
    ).toBe("EREA");
    expect(kind({ Type_etablissement: "Collège", code_nature: "340" })).toBe("NOT_A_LYCEE");
    expect(kind({ Type_etablissement: "" })).toEqual(["Type_etablissement : valeur absente."]);
  });

  it("matches the académie by its label or its code, the status without case nor accents", () => {
    expect(read({ Libelle_academie: "", Code_academie: "02" }).outcome).toBe("VALID");
    const nice = read({
      Identifiant_de_l_etablissement: uaiOf("0830001"),
      Code_departement: "083",
      Libelle_academie: "NICE",
      Code_academie: "23",
      Statut_public_prive: "PRIVÉ",
      Type_contrat_prive: "CONTRAT D'ASSOCIATION TOUTES CLASSES",
    });
    expect(nice).toMatchObject({
      outcome: "VALID",
      entry: { academieCode: "NICE", departementCode: "83", sector: "PRIVATE_UNDER_CONTRACT" },
    });
  });

  it("ignores what is not a vocational lycée of PACA", () => {
    expect(
      read({
        Identifiant_de_l_etablissement: uaiOf("0690001"),
        Code_departement: "069",
        Libelle_academie: "Lyon",
        Code_academie: "10",
      }),
    ).toMatchObject({ outcome: "IGNORED", reason: "OUTSIDE_PACA", uai: uaiOf("0690001") });
    expect(read({ etat: "FERMÉ" })).toMatchObject({ outcome: "IGNORED", reason: "CLOSED" });
    expect(
      read({ Statut_public_prive: "Privé", Type_contrat_prive: "HORS CONTRAT" }),
    ).toMatchObject({ outcome: "IGNORED", reason: "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT" });
    expect(
      read({ Statut_public_prive: "Privé", Type_contrat_prive: "CONTRAT SIMPLE" }),
    ).toMatchObject({ outcome: "IGNORED", reason: "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT" });
  });

  it("rejects an invalid row of PACA with every reason", () => {
    expect(reasonsOf(read({ Identifiant_de_l_etablissement: "0130053X" }))).toEqual([
      "Identifiant_de_l_etablissement : Le code UAI « 0130053X » est invalide : la lettre de contrôle devrait être « M » et non « X ».",
    ]);
    expect(reasonsOf(read({ Identifiant_de_l_etablissement: uaiOf("0060053") }))).toEqual([
      `Identifiant_de_l_etablissement : Le code UAI ${uaiOf("0060053")} ne correspond pas au département 13 (Bouches-du-Rhône) : les codes UAI de ce département commencent par 013.`,
    ]);
    expect(reasonsOf(read({ Libelle_academie: "Nice" }))).toEqual([
      "Libelle_academie : l'académie indiquée (Nice) n'est pas celle du département 13, qui relève de l'académie d'Aix-Marseille.",
    ]);
    expect(
      reasonsOf(
        read({ Code_departement: "075", Identifiant_de_l_etablissement: uaiOf("0750001") }),
      ),
    ).toEqual([
      "Code_departement : le département « 075 » n'appartient pas à la région académique PACA (04, 05, 06, 13, 83, 84) alors que l'académie indiquée est Aix-Marseille.",
    ]);
    expect(
      reasonsOf(
        read({
          Identifiant_de_l_etablissement: "",
          Nom_etablissement: " ",
          Nom_commune: "",
          Statut_public_prive: "Associatif",
          Lycee_des_metiers: "oui",
        }),
      ),
    ).toEqual([
      "Statut_public_prive : valeur « Associatif » inconnue (Public ou Privé).",
      "Nom_etablissement : valeur absente.",
      "Nom_commune : valeur absente.",
      "Identifiant_de_l_etablissement (UAI) : valeur absente.",
      "Lycee_des_metiers : valeur « oui » inattendue (1, 0 ou vide).",
    ]);
    expect(reasonsOf(read({ Nom_etablissement: "LycÃ©e professionnel Le Chatelier" }))).toEqual([
      "Nom_etablissement : caractères mal décodés (« LycÃ©e professionnel Le Chatelier ») ; le fichier doit être enregistré en UTF-8.",
    ]);
    const short = readDirectoryRow(header, row().slice(0, 40), 12);
    expect(short).toEqual({
      outcome: "REJECTED",
      line: 12,
      uai: uaiOf("0130053"),
      name: "Lycée professionnel Le Chatelier",
      reasons: [
        "Ligne de 40 colonnes au lieu de 72 (séparateur « ; » dans un champ non entouré de guillemets, ou ligne tronquée).",
      ],
    });
  });

  it("decides what an import does to the stored establishment", () => {
    const r = read();
    if (r.outcome !== "VALID") throw new Error("valide attendu");
    expect(directoryUpsert(null, r.entry)).toEqual({
      outcome: "CREATED",
      changedFields: ["name", "kind", "sector", "city", "academieCode", "departementCode"],
    });
    const stored = { ...r.entry };
    expect(directoryUpsert(stored, r.entry)).toEqual({ outcome: "UNCHANGED", changedFields: [] });
    expect(directoryUpsert({ ...stored, name: "LP Le Chatelier", kind: "LPO" }, r.entry)).toEqual({
      outcome: "UPDATED",
      changedFields: ["name", "kind"],
    });
  });

  it("compares the directory's flag with the platform's labels", () => {
    expect(directoryLabelMismatch(true, false)).toBe("DIRECTORY_ONLY");
    expect(directoryLabelMismatch(false, true)).toBe("PLATFORM_ONLY");
    expect(directoryLabelMismatch(true, true)).toBeNull();
    expect(directoryLabelMismatch(false, false)).toBeNull();
    expect(directoryLabelMismatch(null, true)).toBeNull();
  });
});
