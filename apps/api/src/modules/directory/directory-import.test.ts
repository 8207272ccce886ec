/**
 * The directory import over real HTTP, driven by the committed sample (`fixtures/annuaire-sample.csv`,
 * the real 72-column format: byte-order mark, CRLF, a quoted field holding a « ; », malformed rows): the
 * report (created / updated / unchanged / rejected with reasons / ignored by reason), the mismatches
 * with the platform's labels, a second import that changes nothing (no audit-trail row), the progress
 * read while a file is imported, and the refusals (which write no establishment).
 */
import fs from "node:fs";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import express from "express";
import { addYears, DIRECTORY_COLUMNS, uaiCheckLetter } from "@ldm/domain";
import { createContext } from "../../context";
import { createTestApp, ok, refused, TEST_AUTH, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser, rowCounts, today } from "../../test/fixtures";
import { insertLabel, sessionCookieFor } from "../../test/decision-fixtures";
import { Establishment } from "../establishment/establishment.entity";
import { importDirectory, DIRECTORY_PROGRESS_ROWS } from "./directory-import.service";
import { DIRECTORY_IMPORTS_PATH, mountDirectoryRoutes } from "./directory-routes";
import { DirectoryImport } from "./directory.entity";

const SAMPLE = fs.readFileSync(path.join(__dirname, "fixtures", "annuaire-sample.csv"));
const uai = (digits: string) => digits + uaiCheckLetter(digits);
const TABLES = ["establishment", "audit_log", "directory_import"] as const;

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of arbitrary answers
  body: any;
}

async function post(
  base: string,
  file: Buffer | null,
  options: { cookie?: string; csrf?: boolean; importId?: string; fileName?: string } = {},
): Promise<Answer> {
  const form = new FormData();
  if (options.importId) form.append("importId", options.importId);
  if (file)
    form.append("file", new Blob([file]), options.fileName ?? "fr-en-annuaire-education.csv");
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf !== false) headers["x-ldm-csrf"] = "1";
  const response = await fetch(`${base}${DIRECTORY_IMPORTS_PATH}`, {
    method: "POST",
    headers,
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

const IMPORT_QUERY = `query($id: ID!) { directoryImport(id: $id) {
  id status fileName sha256 totalBytes bytesRead progress rowsRead createdCount updatedCount unchangedCount
  rejectedCount ignoredCount mismatchCount errorMessage importedBy { id }
  rejectedRows { line uai name reasons } ignoredRows { reason label count }
  changedRows { line uai outcome changedFields establishmentId }
  labelMismatches { uai kind description labelTitle establishmentId } } }`;

describe("the establishment directory import", () => {
  let app: TestApp;
  let base: string;
  let drafpicCookie: string;

  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
    drafpicCookie = await sessionCookieFor(app.dataSource, app.drafpic.userId);
  });
  afterAll(() => app.close());

  it("imports the sample: creates, updates, rejects with reasons, ignores, and compares with the labels", async () => {
    // Already on the platform under its UAI, with another name and kind, and a current label.
    const eucalyptus = await app.dataSource.getRepository(Establishment).save({
      uai: uai("0061987"),
      name: "LPO Les Eucalyptus",
      kind: "LP" as const,
      sector: "PUBLIC" as const,
      city: "Nice",
      academieCode: "NICE",
      departementCode: "06",
    });
    const label = await insertLabel(app.dataSource, eucalyptus, {
      publishedOn: addYears(today(), -1),
      title: "de l'hôtellerie et de la restauration",
    });
    const auditBefore = (await rowCounts(app.dataSource, ["audit_log"])).audit_log!;
    const importId = randomUUID();

    const first = await post(base, SAMPLE, { cookie: drafpicCookie, importId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      importId,
      status: "SUCCEEDED",
      rowsRead: 21,
      created: 5,
      updated: 1,
      unchanged: 0,
      rejected: 9,
      ignored: 6,
      labelMismatches: 2,
      sha256: createHash("sha256").update(SAMPLE).digest("hex"),
    });

    const data = ok(
      await app.execute<{ directoryImport: Record<string, unknown> & Record<string, never[]> }>(
        IMPORT_QUERY,
        { id: importId },
      ),
    );
    const report = data.directoryImport;
    expect(report).toMatchObject({
      status: "SUCCEEDED",
      fileName: "fr-en-annuaire-education.csv",
      totalBytes: SAMPLE.length,
      bytesRead: SAMPLE.length,
      progress: 1,
      errorMessage: null,
      importedBy: { id: app.drafpic.userId },
    });
    // Every rejected row, with its line in the file and its reasons in French.
    const rejected = report.rejectedRows as unknown as {
      line: number;
      uai: string;
      reasons: string[];
    }[];
    expect(rejected.map((r) => [r.line, r.reasons.join(" | ")])).toEqual([
      [
        13,
        expect.stringMatching(
          /^Identifiant_de_l_etablissement : Le code UAI « 0132100. » est invalide : la lettre de contrôle devrait être/,
        ),
      ],
      [
        14,
        "Libelle_academie : l'académie indiquée (Nice) n'est pas celle du département 13, qui relève de l'académie d'Aix-Marseille.",
      ],
      [
        15,
        `Identifiant_de_l_etablissement : Le code UAI ${uai("0062300")} ne correspond pas au département 83 (Var) : les codes UAI de ce département commencent par 083.`,
      ],
      [16, "Nom_etablissement : valeur absente."],
      [
        17,
        "Nom_etablissement : caractères mal décodés (« LycÃ©e professionnel Ampère ») ; le fichier doit être enregistré en UTF-8.",
      ],
      [
        18,
        "Nom_commune : caractères mal décodés (« Cagnes-sur-Mer (Vald\uFFFDroule) ») ; le fichier doit être enregistré en UTF-8.",
      ],
      [
        19,
        "Ligne de 12 colonnes au lieu de 72 (séparateur « ; » dans un champ non entouré de guillemets, ou ligne tronquée).",
      ],
      [20, "Identifiant_de_l_etablissement : ce code UAI figure déjà à la ligne 2 du fichier."],
      [21, "Lycee_des_metiers : valeur « oui » inattendue (1, 0 ou vide)."],
    ]);
    expect(report.ignoredRows).toEqual([
      {
        reason: "OUTSIDE_PACA",
        label: "Établissement hors de la région académique PACA",
        count: 1,
      },
      {
        reason: "NOT_A_LYCEE",
        label: "Ni un lycée ni un EREA (école, collège, service…)",
        count: 2,
      },
      { reason: "NO_VOCATIONAL_TRACK", label: "Lycée sans voie professionnelle", count: 1 },
      {
        reason: "PRIVATE_WITHOUT_ASSOCIATION_CONTRACT",
        label: expect.stringContaining("hors contrat") as unknown as string,
        count: 1,
      },
      { reason: "CLOSED", label: "Établissement fermé", count: 1 },
    ] as never);
    expect(
      (
        report.changedRows as unknown as {
          line: number;
          outcome: string;
          changedFields: string[];
        }[]
      ).map((c) => [c.line, c.outcome, c.changedFields.join(",")]),
    ).toEqual([
      [2, "CREATED", "name,kind,sector,city,academieCode,departementCode"],
      [3, "UPDATED", "name,kind"],
      [4, "CREATED", "name,kind,sector,city,academieCode,departementCode"],
      [5, "CREATED", "name,kind,sector,city,academieCode,departementCode"],
      [6, "CREATED", "name,kind,sector,city,academieCode,departementCode"],
      [7, "CREATED", "name,kind,sector,city,academieCode,departementCode"],
    ]);
    // The directory says « lycée des métiers » for Le Chatelier, unknown to the platform; the platform
    // has a current label for Les Eucalyptus, which the directory does not flag.
    expect(report.labelMismatches).toEqual([
      expect.objectContaining({ uai: uai("0130063"), kind: "DIRECTORY_ONLY", labelTitle: null }),
      expect.objectContaining({
        uai: uai("0061987"),
        kind: "PLATFORM_ONLY",
        establishmentId: eucalyptus.id,
        labelTitle: label.title,
        description:
          "La plateforme a un label en vigueur, mais l'annuaire n'indique pas « lycée des métiers »",
      }),
    ]);

    // What was written: the quoted « ; », the accents and case of the status, the académie from the département.
    const stored = await app.dataSource.getRepository(Establishment).find({
      order: { uai: "ASC" },
      select: {
        uai: true,
        name: true,
        kind: true,
        sector: true,
        city: true,
        academieCode: true,
        departementCode: true,
      },
    });
    expect(stored.map((e) => ({ ...e }))).toEqual([
      {
        uai: uai("0040011"),
        name: "Lycée professionnel Beau de Rochas",
        kind: "LP",
        sector: "PUBLIC",
        city: "Digne-les-Bains",
        academieCode: "AIX_MARSEILLE",
        departementCode: "04",
      },
      {
        uai: uai("0050004"),
        name: "Lycée Dominique Villars",
        kind: "LPO",
        sector: "PUBLIC",
        city: "Gap",
        academieCode: "AIX_MARSEILLE",
        departementCode: "05",
      },
      {
        uai: uai("0061987"),
        name: "Lycée polyvalent Les Eucalyptus",
        kind: "LPO",
        sector: "PUBLIC",
        city: "Nice",
        academieCode: "NICE",
        departementCode: "06",
      },
      {
        uai: uai("0130063"),
        name: "Lycée professionnel Le Chatelier",
        kind: "LP",
        sector: "PUBLIC",
        city: "Marseille",
        academieCode: "AIX_MARSEILLE",
        departementCode: "13",
      },
      {
        uai: uai("0830200"),
        name: "EREA Jean-Baptiste Bernard",
        kind: "EREA",
        sector: "PUBLIC",
        city: "La Seyne-sur-Mer",
        academieCode: "NICE",
        departementCode: "83",
      },
      {
        uai: uai("0840112"),
        name: "Lycée professionnel privé Saint-Jean ; site de Montfavet",
        kind: "LP",
        sector: "PRIVATE_UNDER_CONTRACT",
        city: "Avignon",
        academieCode: "AIX_MARSEILLE",
        departementCode: "84",
      },
    ]);
    // One audit-trail row per establishment created or updated, by the DRAFPIC member who imported.
    const trail = (await app.dataSource.query(
      "SELECT action, operation, actor_user_id FROM audit_log WHERE entity_type = 'Establishment' ORDER BY occurred_at",
    )) as { action: string; operation: string; actor_user_id: string }[];
    expect(trail.filter((t) => t.operation === "importDirectory")).toHaveLength(6);
    expect(trail.filter((t) => t.action === "UPDATE")).toEqual([
      { action: "UPDATE", operation: "importDirectory", actor_user_id: app.drafpic.userId },
    ]);
    expect((await rowCounts(app.dataSource, ["audit_log"])).audit_log).toBe(auditBefore + 6);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await rowCounts(app.dataSource, ["establishment", "audit_log"]);
    const updatedAt = await app.dataSource.query(
      "SELECT uai, updated_at FROM establishment ORDER BY uai",
    );
    const again = await post(base, SAMPLE, { cookie: drafpicCookie });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      status: "SUCCEEDED",
      created: 0,
      updated: 0,
      unchanged: 6,
      rejected: 9,
      ignored: 6,
      changedRows: [],
    });
    expect(await rowCounts(app.dataSource, ["establishment", "audit_log"])).toEqual(before);
    expect(
      await app.dataSource.query("SELECT uai, updated_at FROM establishment ORDER BY uai"),
    ).toEqual(updatedAt);
    const list = ok(
      await app.execute<{
        directoryImports: { totalCount: number; edges: { node: { id: string } }[] };
      }>(`{ directoryImports(first: 1) { totalCount edges { node { id unchangedCount } } } }`),
    );
    expect(list.directoryImports.totalCount).toBe(2);
    expect(list.directoryImports.edges[0]!.node.id).toBe(again.body.importId);
  });

  it("shows its progress while the file is read", async () => {
    // More rows than one progress step, then the source waits until the test has looked.
    let release!: () => void;
    const looked = new Promise<void>((resolve) => (release = resolve));
    const header = `${DIRECTORY_COLUMNS.join(";")}\r\n`;
    const lyon = (i: number) =>
      DIRECTORY_COLUMNS.map((c) =>
        c === "Identifiant_de_l_etablissement"
          ? uai(`069${String(i).padStart(4, "0")}`)
          : c === "Nom_etablissement"
            ? `Lycée ${i}`
            : c === "Type_etablissement"
              ? "Lycée"
              : c === "Code_departement"
                ? "069"
                : c === "Libelle_academie"
                  ? "Lyon"
                  : "",
      ).join(";");
    const count = DIRECTORY_PROGRESS_ROWS + 50;
    const body = Array.from({ length: count }, (_, i) => `${lyon(i)}\r\n`).join("");
    const totalBytes = Buffer.byteLength(header + body) * 2;
    async function* source() {
      yield Buffer.from(header + body);
      await looked;
      yield Buffer.from(body.replace(/Lycée /g, "Lycée_"));
    }
    const importId = randomUUID();
    const ctx = createContext(app.dataSource, TEST_AUTH, {
      viewer: app.drafpic,
      events: app.server.events,
    });
    const running = importDirectory(ctx, {
      source: Readable.from(source()),
      fileName: "annuaire-lyon.csv",
      importId,
      totalBytes,
    });
    type Seen = { status: string; rowsRead: number; progress: number | null };
    let seen: Seen | null = null;
    for (let i = 0; i < 200 && (seen?.rowsRead ?? 0) < DIRECTORY_PROGRESS_ROWS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const result = await app.execute<{ directoryImport: Seen | null }>(
        `query($id: ID!) { directoryImport(id: $id) { status rowsRead progress } }`,
        { id: importId },
      );
      seen = result.data?.directoryImport ?? null;
    }
    expect(seen).toMatchObject({ status: "RUNNING" });
    expect(seen!.rowsRead).toBeGreaterThanOrEqual(DIRECTORY_PROGRESS_ROWS);
    expect(seen!.progress).toBeGreaterThan(0);
    expect(seen!.progress).toBeLessThan(1);
    // Another import is refused while this one runs.
    const busy = await post(base, SAMPLE, { cookie: drafpicCookie });
    expect(busy.status).toBe(409);
    expect(busy.body.errors[0]).toMatchObject({
      extensions: { code: "CONFLICT" },
      message: expect.stringMatching(
        /^Un import de l'annuaire est déjà en cours \(« annuaire-lyon\.csv »/,
      ),
    });
    release();
    const done = await running;
    expect(done).toMatchObject({
      status: "SUCCEEDED",
      rowsRead: count * 2,
      ignoredCount: count * 2,
    });
  });

  it("refuses other callers, a missing CSRF header, a file that is not the directory's, and writes no establishment", async () => {
    const before = await rowCounts(app.dataSource, ["establishment", "audit_log"]);
    const imports = (await rowCounts(app.dataSource, ["directory_import"])).directory_import!;
    const school = await insertEstablishment(app.dataSource);
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: school.id,
    });
    const schoolCount = (await rowCounts(app.dataSource, ["establishment"])).establishment;

    const forbidden = await post(base, SAMPLE, {
      cookie: await sessionCookieFor(app.dataSource, head.user.id),
    });
    expect([forbidden.status, forbidden.body.errors[0].extensions.code]).toEqual([
      403,
      "FORBIDDEN",
    ]);
    const anonymous = await post(base, SAMPLE);
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([
      401,
      "UNAUTHENTICATED",
    ]);
    const noCsrf = await post(base, SAMPLE, { cookie: drafpicCookie, csrf: false });
    expect([noCsrf.status, noCsrf.body.errors[0].extensions.code]).toEqual([400, "BAD_REQUEST"]);
    const noFile = await post(base, null, { cookie: drafpicCookie });
    expect(noFile.body.errors[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: "Aucun fichier reçu : joignez l'export de l'annuaire dans le champ « file ».",
    });
    const badId = await post(base, SAMPLE, { cookie: drafpicCookie, importId: "abc" });
    expect(badId.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await rowCounts(app.dataSource, ["directory_import"])).toEqual({
      directory_import: imports,
    });

    // A comma-separated file: the import is recorded as interrupted, nothing else is written.
    const commas = Buffer.from(
      `${DIRECTORY_COLUMNS.join(",")}\n${DIRECTORY_COLUMNS.map(() => "x").join(",")}\n`,
    );
    const wrong = await post(base, commas, { cookie: drafpicCookie, fileName: "export.csv" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].message).toMatch(
      /^Ce fichier n'est pas un export de l'annuaire de l'éducation : colonnes absentes .* Le séparateur attendu est le point-virgule \(« ; »\)\.$/,
    );
    const [failed] = (await app.dataSource.query(
      "SELECT status, error_message, created_count FROM directory_import ORDER BY created_at DESC LIMIT 1",
    )) as { status: string; error_message: string; created_count: number }[];
    expect(failed).toMatchObject({ status: "FAILED", created_count: 0 });
    expect(failed!.error_message).toBe(wrong.body.errors[0].message);
    const empty = await post(base, Buffer.alloc(0), { cookie: drafpicCookie });
    expect(empty.body.errors[0].message).toBe(
      "Le fichier est vide : il devrait commencer par l'en-tête de l'annuaire de l'éducation.",
    );

    expect(await rowCounts(app.dataSource, ["establishment", "audit_log"])).toEqual({
      establishment: schoolCount,
      audit_log: before.audit_log,
    });
    // Reads are the regional team's.
    const denied = refused(
      await app.execute(`{ directoryImports(first: 1) { totalCount } }`, {}, head.viewer),
    );
    expect(denied.code).toBe("FORBIDDEN");
  });

  it("refuses a file over the size limit, and takes over an import left running", async () => {
    const small = express();
    mountDirectoryRoutes(small, {
      dataSource: app.dataSource,
      auth: TEST_AUTH,
      storage: null,
      events: app.server.events,
      maxDirectoryBytes: 4096,
    });
    const server = small.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    try {
      const before = await rowCounts(app.dataSource, [...TABLES]);
      const big = await post(`http://127.0.0.1:${port}`, SAMPLE, { cookie: drafpicCookie });
      expect(big.status).toBe(413);
      expect(big.body.errors[0]).toMatchObject({
        extensions: { code: "FILE_TOO_LARGE" },
        message: expect.stringMatching(
          /^Fichier trop volumineux : la taille maximale d'un export de l'annuaire est de 4\sko\.$/,
        ),
      });
      expect(await rowCounts(app.dataSource, [...TABLES])).toEqual(before);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }

    // An import whose process died long ago does not block the next one.
    const repo = app.dataSource.getRepository(DirectoryImport);
    const stale = await repo.save(
      repo.create({ fileName: "ancien.csv", status: "RUNNING", report: {} }),
    );
    await app.dataSource.query(
      "UPDATE directory_import SET updated_at = now() - interval '1 hour' WHERE id = $1",
      [stale.id],
    );
    const next = await post(base, SAMPLE, { cookie: drafpicCookie });
    expect(next.status).toBe(201);
    expect(await repo.findOneByOrFail({ id: stale.id })).toMatchObject({
      status: "FAILED",
      errorMessage: "Import interrompu : sans nouvelles depuis plus de 15 minutes.",
    });
  });
});
