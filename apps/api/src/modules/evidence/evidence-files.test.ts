/**
 * The evidence library's file endpoints over real HTTP: uploads streamed into a content-addressed store,
 * revisions, downloads, authorization, refusals (size, disguised type, CSRF, read-only token, locked
 * candidature) and the guarantee that no orphan file is left on disk.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createTestApp, TEST_AUTH, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser, today } from "../../test/fixtures";
import { createServer, type AppServer } from "../../server";
import { LocalFileStorage } from "../../storage/local-file-storage";
import type { FileStorage } from "../../storage/file-storage";

const PASSWORD = "Atelier-Soudure-Chaudronnerie-2026";
const MAX = 64 * 1024;

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of arbitrary answers
  body: any;
}

interface Auth {
  cookie?: string;
  token?: string;
  csrf?: boolean;
}

type Part = [string, string] | [string, { data: Buffer; name: string }];

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const pdf = (text = randomBytes(16).toString("hex")) =>
  Buffer.from(`%PDF-1.7\n1 0 obj << /Title (${text}) >> endobj\n%%EOF\n`);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

function headersOf(auth: Auth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.csrf !== false) headers["x-ldm-csrf"] = "1";
  return headers;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body };
}

async function upload(base: string, route: string, parts: Part[], auth: Auth): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value.data]), value.name);
  }
  return answer(
    await fetch(`${base}/files/${route}`, { method: "POST", headers: headersOf(auth), body: form }),
  );
}

async function download(base: string, route: string, auth: Auth) {
  const response = await fetch(`${base}/files/${route}`, { headers: headersOf(auth) });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function gql(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  auth: Auth,
): Promise<Answer> {
  return answer(
    await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headersOf(auth) },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($input: LoginInput!) { login(input: $input) { id } }`,
      variables: { input: { email, password: PASSWORD } },
    }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("ldm_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error(`Connexion impossible : ${await response.text()}`);
  return cookie;
}

/** Files stored under their content address (`ab/cd/<sha256>`), and what is left in `tmp`. */
function storedFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !path.relative(dir, e.parentPath).startsWith("tmp"))
    .map((e) => e.name)
    .sort();
}
const tmpFiles = (dir: string) => fs.readdirSync(path.join(dir, "tmp"));

async function listen(server: AppServer): Promise<string> {
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
}

async function close(server: AppServer): Promise<void> {
  await server.stop();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

describe("evidence files over HTTP", () => {
  let app: TestApp;
  let server: AppServer;
  let base: string;
  let dir: string;
  let storage: LocalFileStorage;
  let establishmentId: string;
  let candidatureId: string;
  let otherCandidatureId: string;
  let head: { cookie: string; userId: string };
  let pilot: { cookie: string };
  let stranger: { cookie: string };
  let shared: { evidenceId: string; pdf: Buffer };

  const evidenceParts = (
    file: { data: Buffer; name: string },
    overrides: Record<string, string | string[]> = {},
  ): Part[] => {
    const fields: Record<string, string | string[]> = {
      candidatureId,
      title: "Tableau de bord de l'insertion",
      kind: "DASHBOARD",
      effectiveDate: "2025-06-30",
      criterionCodes: ["1", "2"],
      ...overrides,
    };
    const parts: Part[] = [];
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) parts.push([name, v]);
    }
    parts.push(["file", file]);
    return parts;
  };

  async function createCandidature(establishment: string): Promise<string> {
    const result = await app.execute<{ createIndividualCandidature: { id: string } }>(
      `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
      { input: { establishmentId: establishment } },
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createIndividualCandidature.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-evidence-test-"));
    storage = new LocalFileStorage(dir);
    server = await createServer(app.dataSource, TEST_AUTH, { storage, maxUploadBytes: MAX });
    base = await listen(server);
    const own = await insertEstablishment(app.dataSource);
    const other = await insertEstablishment(app.dataSource);
    establishmentId = own.id;
    candidatureId = await createCandidature(own.id);
    otherCandidatureId = await createCandidature(other.id);
    const [h, p, s] = await Promise.all([
      insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: own.id,
        password: PASSWORD,
      }),
      insertUser(app.dataSource, {
        role: "SCHOOL_STAFF",
        establishmentId: own.id,
        password: PASSWORD,
      }),
      insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: other.id,
        password: PASSWORD,
      }),
    ]);
    await app.dataSource.query(
      "INSERT INTO criterion_pilot (candidature_id, establishment_id, criterion_code, user_id) VALUES ($1, $2, '1', $3)",
      [candidatureId, own.id, p.user.id],
    );
    head = { cookie: await login(base, h.user.email), userId: h.user.id };
    pilot = { cookie: await login(base, p.user.email) };
    stranger = { cookie: await login(base, s.user.email) };
  });

  afterAll(async () => {
    await close(server);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores a PDF supporting two criteria under its SHA-256, with its first revision", async () => {
    const data = pdf();
    const res = await upload(base, "evidence", evidenceParts({ data, name: "tableau.pdf" }), head);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      evidenceId: expect.any(String),
      revisionId: expect.any(String),
      revision: 1,
      sha256: sha256(data),
      sizeBytes: data.length,
      mediaType: "application/pdf",
      fileName: "tableau.pdf",
    });
    const [evidence] = (await app.dataSource.query(
      "SELECT establishment_id, title, kind, effective_date::text AS date, criterion_codes, current_revision FROM evidence WHERE id = $1",
      [res.body.evidenceId],
    )) as Record<string, unknown>[];
    expect(evidence).toEqual({
      establishment_id: establishmentId,
      title: "Tableau de bord de l'insertion",
      kind: "DASHBOARD",
      date: "2025-06-30",
      criterion_codes: ["1", "2"],
      current_revision: 1,
    });
    const [revision] = (await app.dataSource.query(
      "SELECT revision, sha256, size_bytes, media_type, uploaded_by FROM evidence_revision WHERE evidence_id = $1",
      [res.body.evidenceId],
    )) as Record<string, unknown>[];
    expect(revision).toEqual({
      revision: 1,
      sha256: sha256(data),
      size_bytes: data.length,
      media_type: "application/pdf",
      uploaded_by: head.userId,
    });
    const onDisk = path.join(dir, sha256(data).slice(0, 2), sha256(data).slice(2, 4), sha256(data));
    expect(fs.readFileSync(onDisk)).toEqual(data);
    expect(tmpFiles(dir)).toEqual([]);
    shared = { evidenceId: res.body.evidenceId, pdf: data };
  });

  it("downloads the exact bytes with safe headers", async () => {
    const res = await download(base, `evidence/${shared.evidenceId}`, head);
    expect(res.status).toBe(200);
    expect(res.bytes).toEqual(shared.pdf);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-length")).toBe(String(shared.pdf.length));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // An ASCII name needs no `filename*` (RFC 6266, as the content-disposition package writes it).
    expect(res.headers.get("content-disposition")).toBe("attachment; filename=tableau.pdf");
  });

  it("adds a revision for a new file and keeps the previous one downloadable", async () => {
    const image = png();
    const res = await upload(
      base,
      "evidence",
      [
        ["candidatureId", candidatureId],
        ["evidenceId", shared.evidenceId],
        ["effectiveDate", "2025-09-01"],
        ["file", { data: image, name: "Capture d'écran.pdf" }],
      ],
      head,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      evidenceId: shared.evidenceId,
      revision: 2,
      mediaType: "image/png",
      // The name follows the content, not the other way round.
      fileName: "Capture d'écran.png",
    });
    const current = await download(base, `evidence/${shared.evidenceId}`, head);
    expect(current.bytes).toEqual(image);
    expect(current.headers.get("content-type")).toBe("image/png");
    // An ASCII fallback, then the UTF-8 name (RFC 8187), which decodes back to the French name.
    const disposition = current.headers.get("content-disposition")!;
    expect(disposition).toBe(
      `attachment; filename="Capture d'?cran.png"; filename*=UTF-8''Capture%20d%27%C3%A9cran.png`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)![1]!)).toBe(
      "Capture d'écran.png",
    );
    const first = await download(base, `evidence/${shared.evidenceId}/revisions/1`, head);
    expect(first.status).toBe(200);
    expect(first.bytes).toEqual(shared.pdf);
    expect((await download(base, `evidence/${shared.evidenceId}/revisions/3`, head)).status).toBe(
      404,
    );
    const [row] = (await app.dataSource.query(
      "SELECT current_revision, effective_date::text AS date, criterion_codes FROM evidence WHERE id = $1",
      [shared.evidenceId],
    )) as Record<string, unknown>[];
    expect(row).toEqual({ current_revision: 2, date: "2025-09-01", criterion_codes: ["1", "2"] });
  });

  it("stores the same content once", async () => {
    const before = storedFiles(dir);
    const res = await upload(
      base,
      "evidence",
      evidenceParts(
        { data: shared.pdf, name: "copie.pdf" },
        { title: "Même tableau", criterionCodes: "3, 4" },
      ),
      head,
    );
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(sha256(shared.pdf));
    expect(storedFiles(dir)).toEqual(before);
    const [row] = (await app.dataSource.query(
      "SELECT criterion_codes FROM evidence WHERE id = $1",
      [res.body.evidenceId],
    )) as { criterion_codes: string[] }[];
    expect(row?.criterion_codes).toEqual(["3", "4"]);
  });

  it("answers an unseen candidature's evidence exactly like a missing one", async () => {
    const unseen = await download(base, `evidence/${shared.evidenceId}`, stranger);
    const missingId = randomUUID();
    const missing = await download(base, `evidence/${missingId}`, stranger);
    expect(unseen.status).toBe(404);
    expect(missing.status).toBe(404);
    const message = (r: { bytes: Buffer }, id: string) =>
      (
        JSON.parse(r.bytes.toString()) as { errors: { message: string }[] }
      ).errors[0]?.message.replace(id, "ID");
    expect(message(unseen, shared.evidenceId)).toBe(message(missing, missingId));
    const refused = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "intrus.pdf" }),
      stranger,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].extensions.code).toBe("NOT_FOUND");
    expect((await download(base, `evidence/${shared.evidenceId}`, {})).status).toBe(401);
  });

  it("lets a pilot upload for their criterion only", async () => {
    const before = storedFiles(dir);
    const refused = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "cr.pdf" }, { criterionCodes: ["1", "3"] }),
      pilot,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(storedFiles(dir)).toEqual(before);
    const accepted = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "cr.pdf" }, { criterionCodes: "1" }),
      pilot,
    );
    expect(accepted.status).toBe(201);
    // A new revision of an evidence supporting a criterion they do not pilot: refused too.
    const revision = await upload(
      base,
      "evidence",
      [
        ["candidatureId", candidatureId],
        ["evidenceId", shared.evidenceId],
        ["file", { data: pdf(), name: "v3.pdf" }],
      ],
      pilot,
    );
    expect(revision.status).toBe(403);
  });

  it("refuses an oversized file with 413 and leaves nothing on disk", async () => {
    const before = storedFiles(dir);
    const streamed = await upload(
      base,
      "evidence",
      evidenceParts({ data: Buffer.concat([pdf(), randomBytes(MAX)]), name: "gros.pdf" }),
      head,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.body.errors[0]).toEqual({
      message: expect.stringMatching(
        /^Fichier trop volumineux : la taille maximale est de 64\sko\./,
      ),
      extensions: { code: "FILE_TOO_LARGE", details: { maxBytes: MAX } },
    });
    const declared = await upload(
      base,
      "evidence",
      evidenceParts({ data: Buffer.concat([pdf(), randomBytes(4 * MAX)]), name: "énorme.pdf" }),
      head,
    );
    expect(declared.status).toBe(413);
    expect(storedFiles(dir)).toEqual(before);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it("refuses executables disguised as PDF with 415", async () => {
    const before = storedFiles(dir);
    for (const data of [
      Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"), randomBytes(200)]),
      Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00", "latin1"), randomBytes(200)]),
    ]) {
      const res = await upload(
        base,
        "evidence",
        evidenceParts({ data, name: "rapport.pdf" }),
        head,
      );
      expect(res.status).toBe(415);
      expect(res.body.errors[0].extensions.code).toBe("UNSUPPORTED_FILE_TYPE");
      expect(res.body.errors[0].message).toMatch(/« rapport\.pdf ».*Formats acceptés : PDF/);
    }
    expect(storedFiles(dir)).toEqual(before);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it("keeps only the base name of a file name", async () => {
    const res = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "../../etc/passwd.pdf" }),
      head,
    );
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe("passwd.pdf");
  });

  it("refuses malformed requests with coded French errors", async () => {
    const before = storedFiles(dir);
    const csrf = await upload(base, "evidence", evidenceParts({ data: pdf(), name: "a.pdf" }), {
      ...head,
      csrf: false,
    });
    expect(csrf.status).toBe(400);
    expect(csrf.body.errors[0].message).toMatch(/x-ldm-csrf/);
    const anonymous = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "a.pdf" }),
      {},
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const cases: [Part[], RegExp][] = [
      [
        evidenceParts({ data: pdf(), name: "a.pdf" }, { kind: "SELFIE" }),
        /Nature de pièce inconnue/,
      ],
      [
        evidenceParts({ data: pdf(), name: "a.pdf" }, { effectiveDate: "2025-02-30" }),
        /AAAA-MM-JJ/,
      ],
      [evidenceParts({ data: pdf(), name: "a.pdf" }, { criterionCodes: "42" }), /42/],
      [evidenceParts({ data: pdf(), name: ".." }), /nom du fichier/],
      [[["candidatureId", candidatureId]], /Aucun fichier/],
      [
        [...evidenceParts({ data: pdf(), name: "a.pdf" }), ["title", "trop tard"]],
        /après le fichier/,
      ],
    ];
    for (const [parts, message] of cases) {
      const res = await upload(base, "evidence", parts, head);
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions.code }).toEqual({
        status: 400,
        code: "BAD_USER_INPUT",
      });
      expect(res.body.errors[0].message).toMatch(message);
    }
    const json = await answer(
      await fetch(`${base}/files/evidence`, {
        method: "POST",
        headers: { ...headersOf(head), "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(json.status).toBe(400);
    expect(storedFiles(dir)).toEqual(before);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it("lets an API token download but not upload", async () => {
    const created = await gql(
      base,
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { name: "tableau de bord", expiresInDays: 30 } },
      head,
    );
    const token = created.body.data.createApiToken.token as string;
    const read = await download(base, `evidence/${shared.evidenceId}/revisions/1`, { token });
    expect(read.status).toBe(200);
    expect(read.bytes).toEqual(shared.pdf);
    const write = await upload(base, "evidence", evidenceParts({ data: pdf(), name: "a.pdf" }), {
      token,
    });
    expect(write.status).toBe(403);
    expect(write.body.errors[0].message).toMatch(/jeton d'API/);
    const bad = await download(base, `evidence/${shared.evidenceId}`, { token: "ldm_faux" });
    expect(bad.status).toBe(401);
  });

  it("files engagement documents and records their dates (PDF or images only)", async () => {
    const letter = pdf("lettre");
    const res = await upload(
      base,
      "engagement",
      [
        ["candidatureId", candidatureId],
        ["establishmentId", establishmentId],
        ["kind", "ENGAGEMENT_LETTER"],
        ["file", { data: letter, name: "lettre d'engagement.pdf" }],
      ],
      head,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "ENGAGEMENT_LETTER",
      sha256: sha256(letter),
      engagementLetterOn: today(),
      boardMinutesOn: null,
    });
    const minutes = await upload(
      base,
      "engagement",
      [
        ["candidatureId", candidatureId],
        ["establishmentId", establishmentId],
        ["kind", "BOARD_MINUTES"],
        ["file", { data: png(), name: "pv-ca.png" }],
      ],
      head,
    );
    expect(minutes.status).toBe(201);
    const [member] = (await app.dataSource.query(
      "SELECT engagement_letter_on::text AS letter, board_minutes_on::text AS minutes FROM co_applicant WHERE candidature_id = $1",
      [candidatureId],
    )) as Record<string, unknown>[];
    expect(member).toEqual({ letter: today(), minutes: today() });
    const got = await download(base, `engagement/${res.body.documentId}`, head);
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(letter);
    expect((await download(base, `engagement/${res.body.documentId}`, stranger)).status).toBe(404);
    const docx = Buffer.concat(
      ["[Content_Types].xml", "word/document.xml"].map((name) => {
        const header = Buffer.alloc(30);
        header.writeUInt32LE(0x04034b50, 0);
        header.writeUInt16LE(name.length, 26);
        return Buffer.concat([header, Buffer.from(name)]);
      }),
    );
    const refused = await upload(
      base,
      "engagement",
      [
        ["candidatureId", candidatureId],
        ["establishmentId", establishmentId],
        ["kind", "ENGAGEMENT_LETTER"],
        ["file", { data: docx, name: "lettre.docx" }],
      ],
      head,
    );
    expect(refused.status).toBe(415);
    expect(refused.body.errors[0].message).toMatch(/document Word.*PDF ou image/);
  });

  it("updates an evidence's metadata, and refuses to delete it while a response cites it", async () => {
    const updated = await gql(
      base,
      `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { title kind effectiveDate criterionCodes currentRevision } }`,
      {
        input: {
          evidenceId: shared.evidenceId,
          title: "Tableau de bord 2024-2025",
          kind: "MEETING_MINUTES",
          criterionCodes: ["2", "1", "2"],
        },
      },
      head,
    );
    expect(updated.body.data?.updateEvidence).toEqual({
      title: "Tableau de bord 2024-2025",
      kind: "MEETING_MINUTES",
      effectiveDate: "2025-09-01",
      criterionCodes: ["2", "1"],
      currentRevision: 2,
    });
    await app.dataSource.query(
      "INSERT INTO criterion_response (candidature_id, establishment_id, criterion_code, cited_evidence_ids) VALUES ($1, $2, '2', ARRAY[$3]::uuid[])",
      [candidatureId, establishmentId, shared.evidenceId],
    );
    const DELETE = `mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) }`;
    const refused = await gql(base, DELETE, { input: { evidenceId: shared.evidenceId } }, head);
    expect(refused.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.body.errors?.[0]?.message).toMatch(/citée par la réponse au critère 2/);
    await app.dataSource.query("UPDATE criterion_response SET cited_evidence_ids = '{}'");
    const revisions = (await app.dataSource.query(
      "SELECT sha256 FROM evidence_revision WHERE evidence_id = $1 ORDER BY revision",
      [shared.evidenceId],
    )) as { sha256: string }[];
    const [pdfSha, pngSha] = revisions.map((r) => r.sha256);
    const deleted = await gql(base, DELETE, { input: { evidenceId: shared.evidenceId } }, head);
    expect(deleted.body).toEqual({ data: { deleteEvidence: true } });
    // The PDF is still used by another evidence; the image is not.
    expect(await storage.exists(pdfSha!)).toBe(true);
    expect(await storage.exists(pngSha!)).toBe(false);
    expect((await download(base, `evidence/${shared.evidenceId}`, head)).status).toBe(404);
  });

  it("leaves no orphan file when the database write fails after the file was stored", async () => {
    await app.dataSource.query(`
      CREATE FUNCTION test_refuse_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'panne simulée'; END $$;
      CREATE TRIGGER test_refuse_revision BEFORE INSERT ON evidence_revision
      FOR EACH ROW EXECUTE FUNCTION test_refuse_revision();
    `);
    const before = storedFiles(dir);
    const counts = async () =>
      (await app.dataSource.query(
        "SELECT (SELECT count(*) FROM evidence)::int AS e, (SELECT count(*) FROM evidence_revision)::int AS r",
      )) as unknown[];
    const rows = await counts();
    try {
      const fresh = pdf("orphelin");
      const failed = await upload(
        base,
        "evidence",
        evidenceParts({ data: fresh, name: "orphelin.pdf" }),
        head,
      );
      expect(failed.status).toBe(500);
      expect(failed.body.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await storage.exists(sha256(fresh))).toBe(false);
      // Content that was already stored (and is used elsewhere) stays.
      const known = await upload(
        base,
        "evidence",
        evidenceParts({ data: shared.pdf, name: "copie.pdf" }),
        head,
      );
      expect(known.status).toBe(500);
      expect(await storage.exists(sha256(shared.pdf))).toBe(true);
    } finally {
      await app.dataSource.query(
        "DROP TRIGGER test_refuse_revision ON evidence_revision; DROP FUNCTION test_refuse_revision();",
      );
    }
    expect(await counts()).toEqual(rows);
    expect(storedFiles(dir)).toEqual(before);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it("leaves no orphan file when the candidature changes hands while the file streams", async () => {
    // The school leaves the candidature between the checks and the write. Another establishment's
    // (one establishment takes part in one open candidature at a time), with its head.
    const leaving = await insertEstablishment(app.dataSource);
    const leavingHead = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: leaving.id,
      password: PASSWORD,
    });
    const doomed = await createCandidature(leaving.id);
    const leaver = { cookie: await login(base, leavingHead.user.email) };
    const racing: FileStorage = {
      put: async (content, options) => {
        const stored = await storage.put(content, options);
        await app.dataSource.query("DELETE FROM co_applicant WHERE candidature_id = $1", [doomed]);
        return stored;
      },
      get: (sha) => storage.get(sha),
      exists: (sha) => storage.exists(sha),
      delete: (sha) => storage.delete(sha),
    };
    const second = await createServer(app.dataSource, TEST_AUTH, {
      storage: racing,
      maxUploadBytes: MAX,
    });
    const secondBase = await listen(second);
    try {
      const before = storedFiles(dir);
      const data = pdf("orphelin");
      const res = await upload(
        secondBase,
        "evidence",
        evidenceParts({ data, name: "orphelin.pdf" }, { candidatureId: doomed }),
        leaver,
      );
      expect(res.status).toBe(404);
      expect(await storage.exists(sha256(data))).toBe(false);
      expect(storedFiles(dir)).toEqual(before);
      expect(tmpFiles(dir)).toEqual([]);
      // An unknown candidature is refused before anything is stored.
      const unknown = await upload(
        base,
        "evidence",
        evidenceParts({ data, name: "orphelin.pdf" }, { candidatureId: randomUUID() }),
        head,
      );
      expect(unknown.status).toBe(404);
      expect(storedFiles(dir)).toEqual(before);
    } finally {
      await close(second);
    }
  });

  it("refuses uploads once the candidature is no longer editable by the school", async () => {
    await app.dataSource.query("UPDATE candidature SET state = 'SUBMITTED' WHERE id = $1", [
      candidatureId,
    ]);
    const before = storedFiles(dir);
    const res = await upload(
      base,
      "evidence",
      evidenceParts({ data: pdf(), name: "tard.pdf" }),
      head,
    );
    expect(res.status).toBe(409);
    expect(res.body.errors[0].extensions.code).toBe("CANDIDATURE_LOCKED");
    const engagement = await upload(
      base,
      "engagement",
      [
        ["candidatureId", candidatureId],
        ["establishmentId", establishmentId],
        ["kind", "BOARD_MINUTES"],
        ["file", { data: pdf(), name: "pv.pdf" }],
      ],
      head,
    );
    expect(engagement.status).toBe(409);
    expect(storedFiles(dir)).toEqual(before);
    expect(otherCandidatureId).toBeDefined();
  });
});
