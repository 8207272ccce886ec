/**
 * Export of the dossier: the PDF read back with pdftotext, the ZIP listed with yauzl (files by criterion,
 * bytes matching their SHA-256), the HTTP routes with a session cookie (404 for an unseen candidature,
 * 401 anonymous), and the frozen snapshot exported once the dossier is submitted.
 */
import { execFileSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { crc32 } from "node:zlib";
import express from "express";
import PDFDocument from "pdfkit";
import yauzl from "yauzl";
import type { DataSource } from "typeorm";
import {
  CURRENT_REFERENTIAL_VERSION,
  IMPROVEMENT_STEP_LABELS,
  INDEPENDENCE_DECLARATION_VERSION,
  criteriaForMemberVariants,
} from "@ldm/domain";
import { createAppEventBus } from "../../app-events";
import { freezeDossier } from "../dossier/dossier-snapshot";
import { createContext } from "../../context";
import { insertEstablishment, insertUser } from "../../test/fixtures";
import { createTestApp, TEST_AUTH, type TestApp } from "../../test/test-app";
import type { FileStorage } from "../../storage/file-storage";
import { LocalFileStorage } from "../../storage/local-file-storage";
import type { Establishment } from "../establishment/establishment.entity";
import {
  Candidature,
  CandidatureAuditor,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../candidature/candidature.entity";
import { Indicator, IndicatorValue } from "../dossier/indicator.entity";
import { EngagementDocument, Evidence, EvidenceRevision } from "../evidence/evidence.entity";
import { SESSION_COOKIE } from "../identity/auth.config";
import { openSession } from "../identity/session.service";
import { ApiToken } from "../identity/user.entity";
import { newToken } from "../identity/tokens";
import { loadDossierExport } from "./dossier-export";
import { htmlToBlocks, writeDossierPdf } from "./dossier-pdf";
import { BOLD, printable, registerFonts, woffToSfnt } from "./pdf-fonts";
import {
  ExportAbortedError,
  mountExportRoutes,
  safeFileName,
  writeDossierZip,
} from "./export-routes";

const LABEL_TITLE = "Métiers de la mer et du nautisme";
const INDICATOR = "Taux d'insertion à six mois";
const EVIDENCE = "Convention de partenariat avec le port de Marseille";
const BROCHURE = "Plaquette du réseau";
const YEARS = ["2021-2022", "2022-2023", "2023-2024"];

/** French typography the PDF must keep: guillemets with no-break spaces, apostrophe, ligature. */
const NARRATIVE_HTML =
  "<p>Notre &laquo;&#8239;cœur de métier&#8239;&raquo; : l’accueil des élèves en entreprise.</p>";

const PLANNED_HTML =
  "<p>Cartographie des métiers du <strong>littoral</strong> avec la CCI.</p><ul><li>Réunion du comité local école-entreprise</li><li>Enquête auprès des anciens élèves</li></ul>";

let app: TestApp;
let ds: DataSource;
let storageDir: string;
let storage: LocalFileStorage;
let estA: Establishment;
let estB: Establishment;
let candidatureId: string;
let headA: { id: string };
let outsider: { id: string };
let analyst: { id: string };
let auditor: { id: string };
const files: Record<string, { bytes: Buffer; sha256: string }> = {};

function sha256(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}

async function store(name: string, bytes: Buffer): Promise<string> {
  const stored = await storage.put(Readable.from(bytes), { maxBytes: 10_000_000 });
  expect(stored.sha256).toBe(sha256(bytes));
  files[name] = { bytes, sha256: stored.sha256 };
  return stored.sha256;
}

/** A PDF-looking file: header, random (incompressible) bytes, then text. */
function fakePdf(text: string, randomSize: number): Buffer {
  return Buffer.concat([
    Buffer.from("%PDF-1.4\n"),
    randomBytes(randomSize),
    Buffer.from(`\n${text}\n%%EOF\n`),
  ]);
}

/** Collects what is written into a Buffer. */
function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

let popplerChecked = false;
/** Runs a poppler tool on a PDF and returns what it writes. */
function poppler(tool: "pdftotext" | "pdffonts" | "pdftoppm", pdf: Buffer, args: string[]): Buffer {
  if (!popplerChecked) {
    try {
      for (const t of ["pdftotext", "pdffonts", "pdftoppm"]) {
        execFileSync(t, ["-v"], { stdio: "ignore" });
      }
    } catch {
      throw new Error(
        "pdftotext, pdffonts ou pdftoppm est introuvable : installez poppler-utils (apt-get install -y poppler-utils) pour lancer ce test.",
      );
    }
    popplerChecked = true;
  }
  const file = path.join(storageDir, `lecture-${Date.now()}-${Math.random()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])]);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The text of a PDF according to poppler's pdftotext (whitespace collapsed). */
function pdfText(pdf: Buffer): string {
  return poppler("pdftotext", pdf, ["-enc", "UTF-8"]).toString("utf8").replace(/\s+/g, " ").trim();
}

/** Share of the dark pixels of the first page of a PDF, rendered in grey levels by pdftoppm. */
function inkOf(pdf: Buffer): number {
  const pgm = poppler("pdftoppm", pdf, ["-gray", "-r", "36", "-f", "1", "-l", "1"]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.toString("latin1", 0, 40));
  if (!header) throw new Error("pdftoppm n'a pas produit d'image PGM.");
  const pixels = pgm.subarray(header[0].length);
  return pixels.filter((level) => level < 128).length / pixels.length;
}

/** The fonts of a PDF according to poppler's pdffonts (name without its subset prefix). */
function pdfFonts(pdf: Buffer): { name: string; embedded: boolean; unicode: boolean }[] {
  const [, dashes = "", ...rows] = poppler("pdffonts", pdf, []).toString().trimEnd().split("\n");
  // The columns (name, type, encoding, emb, sub, uni, object ID) lie under the header's dashes.
  const columns = [...dashes.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length]);
  return rows.map((row) => {
    const cell = (i: number) => row.slice(columns[i]?.[0], columns[i]?.[1]).trim();
    return {
      name: cell(0).replace(/^[A-Z]{6}\+/, ""),
      embedded: cell(3) === "yes",
      unicode: cell(5) === "yes",
    };
  });
}

interface ZipEntryContent {
  data: Buffer;
  crc32: number;
  /** 0: stored, 8: deflated. */
  compressionMethod: number;
  modified: Date;
}

/** Every entry of a ZIP (yauzl checks the sizes; the CRC-32 is checked here). */
async function unzip(buffer: Buffer): Promise<Map<string, ZipEntryContent>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const entries = new Map<string, ZipEntryContent>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      zip
        .openReadStreamPromise(entry)
        .then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          const data = Buffer.concat(chunks);
          expect(crc32(data) >>> 0).toBe(entry.crc32);
          entries.set(entry.fileName, {
            data,
            crc32: entry.crc32,
            compressionMethod: entry.compressionMethod,
            modified: entry.getLastModDate(),
          });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  return entries;
}

/** The store, recording the streams it opens (and able to hand out altered content). */
function watchedStorage(altered: Record<string, Buffer> = {}): {
  storage: FileStorage;
  opened: { sha256: string; stream: Readable }[];
} {
  const opened: { sha256: string; stream: Readable }[] = [];
  return {
    opened,
    storage: {
      put: (content, options) => storage.put(content, options),
      exists: (sha) => storage.exists(sha),
      delete: (sha) => storage.delete(sha),
      get: (sha) => {
        const stream = altered[sha] ? Readable.from([altered[sha]]) : storage.get(sha);
        opened.push({ sha256: sha, stream });
        return stream;
      },
    },
  };
}

/** `Cookie` header of a session, signed as cookie-parser expects (`s:` + value + HMAC). */
function sessionCookie(token: string): string {
  const signature = createHmac("sha256", TEST_AUTH.sessionSecret)
    .update(token)
    .digest("base64")
    .replace(/=+$/, "");
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${token}.${signature}`)}`;
}

async function cookieFor(userId: string): Promise<string> {
  const { token } = await openSession(ds, TEST_AUTH, userId, null);
  return sessionCookie(token);
}

beforeAll(async () => {
  app = await createTestApp();
  ds = app.dataSource;
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-export-"));
  storage = new LocalFileStorage(storageDir);

  estA = await insertEstablishment(ds, { name: "Lycée professionnel Jean Moulin" });
  estB = await insertEstablishment(ds, {
    name: "Lycée polyvalent Marie Curie",
    departementCode: "06",
    kind: "LPO",
  });
  const estC = await insertEstablishment(ds, { name: "Lycée professionnel voisin" });
  headA = (
    await insertUser(ds, {
      role: "SCHOOL_HEAD",
      establishmentId: estA.id,
      fullName: "Claire Dubois",
    })
  ).user;
  const pilotB = (
    await insertUser(ds, {
      role: "SCHOOL_STAFF",
      establishmentId: estB.id,
      fullName: "Karim Benali",
    })
  ).user;
  outsider = (await insertUser(ds, { role: "SCHOOL_HEAD", establishmentId: estC.id })).user;
  analyst = (await insertUser(ds, { role: "ANALYST" })).user;
  auditor = (await insertUser(ds, { role: "AUDITOR" })).user;

  const candidature = await ds.getRepository(Candidature).save(
    ds.getRepository(Candidature).create({
      kind: "NETWORK",
      awardType: "FIRST_AWARD",
      state: "DOSSIER_OPEN",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: LABEL_TITLE,
      auditDate: null,
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId: null,
    }),
  );
  candidatureId = candidature.id;
  await ds.getRepository(CoApplicant).save([
    {
      candidatureId,
      establishmentId: estA.id,
      isLead: true,
      // Criterion 9 is each establishment's choice: 9-a here, 9-b for the co-applicant.
      optionalCriterionVariant: "A",
      engagementLetterOn: "2023-06-12",
      boardMinutesOn: "2023-06-29",
    },
    {
      candidatureId,
      establishmentId: estB.id,
      isLead: false,
      optionalCriterionVariant: "B",
      engagementLetterOn: "2023-06-15",
      boardMinutesOn: "2023-07-03",
    },
  ]);
  await ds.getRepository(CriterionPilot).save([
    { candidatureId, establishmentId: estA.id, criterionCode: "1", userId: headA.id },
    { candidatureId, establishmentId: estB.id, criterionCode: "1", userId: pilotB.id },
  ]);
  await ds.getRepository(CommonStrategy).save({
    candidatureId,
    criterionCode: "4",
    text: "<p>Une stratégie partenariale commune autour du <em>campus de la mer</em>.</p>",
  });

  const indicator = await ds.getRepository(Indicator).save({
    candidatureId,
    establishmentId: estA.id,
    name: INDICATOR,
    kind: "QUANTITATIVE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: "80 %",
    source: "InserJeunes",
    criterionCodes: ["1", "4"],
  });
  const qualitative = await ds.getRepository(Indicator).save({
    candidatureId,
    establishmentId: estA.id,
    name: "Satisfaction des entreprises d'accueil",
    kind: "QUALITATIVE",
    unit: null,
    direction: "NEUTRAL",
    target: "Très satisfaisante",
    source: "Enquête annuelle",
    criterionCodes: ["4"],
  });
  await ds.getRepository(IndicatorValue).save([
    { indicatorId: indicator.id, schoolYear: YEARS[0], numericValue: 62, textValue: null },
    { indicatorId: indicator.id, schoolYear: YEARS[1], numericValue: 68.5, textValue: null },
    { indicatorId: indicator.id, schoolYear: YEARS[2], numericValue: 74, textValue: null },
    {
      indicatorId: qualitative.id,
      schoolYear: YEARS[0],
      numericValue: null,
      textValue: "Satisfaisante",
    },
    {
      indicatorId: qualitative.id,
      schoolYear: YEARS[2],
      numericValue: null,
      textValue: "Très satisfaisante ≥ attentes",
    },
  ]);

  const convention = await ds.getRepository(Evidence).save({
    candidatureId,
    establishmentId: estA.id,
    title: EVIDENCE,
    kind: "PARTNERSHIP_CONTRACT",
    effectiveDate: "2023-09-15",
    criterionCodes: ["1", "4"],
    currentRevision: 2,
  });
  const brochure = await ds.getRepository(Evidence).save({
    candidatureId,
    establishmentId: null,
    title: BROCHURE,
    kind: "BROCHURE",
    effectiveDate: "2024-01-10",
    criterionCodes: ["8"],
    currentRevision: 1,
  });
  const oldSha = await store("convention-v1", fakePdf("première version", 1000));
  const currentSha = await store("convention-v2", fakePdf("version signée", 200_000));
  const brochureSha = await store("plaquette", fakePdf("plaquette", 5000));
  const letterSha = await store("lettre", fakePdf("lettre d'engagement", 2000));
  await ds.getRepository(EvidenceRevision).save([
    {
      evidenceId: convention.id,
      revision: 1,
      sha256: oldSha,
      fileName: "convention-brouillon.pdf",
      mediaType: "application/pdf",
      sizeBytes: files["convention-v1"]!.bytes.length,
      uploadedBy: headA.id,
    },
    {
      evidenceId: convention.id,
      revision: 2,
      sha256: currentSha,
      fileName: "convention-signee.pdf",
      mediaType: "application/pdf",
      sizeBytes: files["convention-v2"]!.bytes.length,
      uploadedBy: headA.id,
    },
    {
      evidenceId: brochure.id,
      revision: 1,
      sha256: brochureSha,
      fileName: "plaquette.pdf",
      mediaType: "application/pdf",
      sizeBytes: files.plaquette!.bytes.length,
      uploadedBy: headA.id,
    },
  ]);
  await ds.getRepository(EngagementDocument).save({
    candidatureId,
    establishmentId: estA.id,
    kind: "ENGAGEMENT_LETTER",
    sha256: letterSha,
    fileName: "lettre.pdf",
    mediaType: "application/pdf",
    sizeBytes: files.lettre!.bytes.length,
    uploadedBy: headA.id,
  });

  await ds.getRepository(CriterionResponse).save([
    {
      candidatureId,
      establishmentId: estA.id,
      criterionCode: "1",
      narrative: NARRATIVE_HTML,
      planned: PLANNED_HTML,
      done: "<p>Deux formations complémentaires d'initiative locale ouvertes en 2023.</p>",
      measured: "<p>Taux d'insertion suivi chaque année (InserJeunes).</p>",
      improved: "<ol><li>Ajustement de la carte des formations</li></ol>",
      selfAssessedLevel: "MET",
      addressedExpectationIds: ["1.1", "1.2", "1.6"],
      qualeducFicheCodes: ["Q.3.2"],
      emblematicActionTitle: "Forum des métiers de la mer",
      emblematicActionDescription:
        "<p>Chaque printemps, 40 entreprises accueillent les élèves.</p>",
      metByEuroscol: false,
      citedEvidenceIds: [convention.id],
    },
    {
      candidatureId,
      establishmentId: estB.id,
      criterionCode: "1",
      planned: "<p>Ouverture d'un BTS maritime.</p>",
    },
    {
      candidatureId,
      establishmentId: estA.id,
      criterionCode: "6",
      metByEuroscol: true,
      selfAssessedLevel: "EXCEEDED",
    },
  ]);
});

afterAll(async () => {
  await app?.close();
  if (storageDir) fs.rmSync(storageDir, { recursive: true, force: true });
});

describe("rich text and printable text", () => {
  test("sanitised HTML becomes paragraphs and list items", () => {
    expect(htmlToBlocks(PLANNED_HTML)).toEqual([
      { kind: "paragraph", text: "Cartographie des métiers du littoral avec la CCI." },
      { kind: "item", text: "Réunion du comité local école-entreprise", depth: 0, marker: "•" },
      { kind: "item", text: "Enquête auprès des anciens élèves", depth: 0, marker: "•" },
    ]);
    expect(
      htmlToBlocks('<ol><li>Un</li><li>Voir <a href="https://exemple.fr">le site</a></li></ol>'),
    ).toEqual([
      { kind: "item", text: "Un", depth: 0, marker: "1." },
      { kind: "item", text: "Voir le site (https://exemple.fr)", depth: 0, marker: "2." },
    ]);
    expect(htmlToBlocks("<p>A &amp; B&nbsp;: 5 &lt; 6<br>suite</p>")).toEqual([
      { kind: "paragraph", text: "A & B\u00a0: 5 < 6\nsuite" },
    ]);
    expect(htmlToBlocks("")).toEqual([]);
    expect(htmlToBlocks("Texte brut\n- point")).toEqual([
      { kind: "paragraph", text: "Texte brut" },
      { kind: "item", text: "point", depth: 0, marker: "•" },
    ]);
    expect(htmlToBlocks("Plain &laquo;&nbsp;texte&nbsp;&raquo; : 5 <6 & 7\n\n2) suite")).toEqual([
      { kind: "paragraph", text: "Plain «\u00a0texte\u00a0» : 5 <6 & 7" },
      { kind: "item", text: "suite", depth: 0, marker: "2." },
    ]);
  });

  test("entities, headings, quotes, nested lists and links", () => {
    expect(htmlToBlocks(NARRATIVE_HTML)).toEqual([
      {
        kind: "paragraph",
        text: "Notre «\u202fcœur de métier\u202f» : l’accueil des élèves en entreprise.",
      },
    ]);
    expect(
      htmlToBlocks(
        "<H3>Bilan</H3><p>L&rsquo;&oelig;uvre&#x202F;: <EM>réussie</EM>.</p><blockquote><p>Citation</p></blockquote><h4></h4><p>Après</p>",
      ),
    ).toEqual([
      { kind: "heading", text: "Bilan" },
      { kind: "paragraph", text: "L’œuvre\u202f: réussie." },
      { kind: "quote", text: "Citation" },
      { kind: "paragraph", text: "Après" },
    ]);
    expect(
      htmlToBlocks(
        "<ul><li><p>Un</p><p>Suite du point</p><ol><li>Sous-point</li><li>Autre</li></ol>Fin du point</li><li>Deux<br>ligne</li></ul>",
      ),
    ).toEqual([
      { kind: "item", text: "Un", depth: 0, marker: "•" },
      { kind: "item", text: "Suite du point", depth: 0, marker: "" },
      { kind: "item", text: "Sous-point", depth: 1, marker: "1." },
      { kind: "item", text: "Autre", depth: 1, marker: "2." },
      { kind: "item", text: "Fin du point", depth: 0, marker: "" },
      { kind: "item", text: "Deux\nligne", depth: 0, marker: "•" },
    ]);
    // Implied closing tags, mail addresses, links labelled with their own address, hidden content.
    expect(
      htmlToBlocks(
        '<p>Écrire à <a href="mailto:ce.0130001a@ac-aix-marseille.fr">la direction</a><p>Voir <a href="https://exemple.fr">https://exemple.fr</a><style>p{}</style><ul><li>A<li>B</ul>',
      ),
    ).toEqual([
      { kind: "paragraph", text: "Écrire à la direction (ce.0130001a@ac-aix-marseille.fr)" },
      { kind: "paragraph", text: "Voir https://exemple.fr" },
      { kind: "item", text: "A", depth: 0, marker: "•" },
      { kind: "item", text: "B", depth: 0, marker: "•" },
    ]);
  });

  test("text is made printable with the Marianne fonts", () => {
    const print = registerFonts(new PDFDocument());
    // French typography and the Latin letters Marianne draws are kept as they are.
    const french = "« Œuvre », l’élève — 80\u202f% ≥ 12\u00a0€ → Ştefan Łódź, ça ﬁnit";
    expect(print(french)).toBe(french.replace("ﬁ", "fi"));
    // Controls go, tabs become spaces, what the font lacks is replaced.
    expect(print("a\tb\u0007c\r\nd\u2028e\u00adf\u200e ✓ 😀 non\u2011stop e\u0301")).toBe(
      "a bc\nd\nef ? ? non-stop é",
    );
    expect(printable("a\tb\u0000")).toBe("a b");
    expect(() => woffToSfnt(Buffer.from("pas une police"))).toThrow("WOFF");
  });

  test("the embedded Marianne draws its glyphs", async () => {
    // fontkit subsets the DSFR's WOFF2 files without outlines (foliojs/fontkit#201): the PDF then
    // lists the font and extracts the text, but shows blank pages. Check that ink is drawn.
    const doc = new PDFDocument({ size: [300, 80], margin: 0 });
    registerFonts(doc);
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on("end", resolve));
    doc.font(BOLD).fontSize(48).text("Œuvré", 10, 10);
    doc.end();
    await ended;
    const pdf = Buffer.concat(chunks);
    expect(pdfFonts(pdf)).toEqual([{ name: "Marianne-Bold", embedded: true, unicode: true }]);
    expect(pdfText(pdf)).toBe("Œuvré");
    expect(inkOf(pdf)).toBeGreaterThan(0.05);
  });

  test("file names are made safe", () => {
    expect(safeFileName('Compte rendu : CA du 12/03 "final"?.pdf')).toBe(
      "Compte rendu CA du 12 03 final .pdf",
    );
    expect(safeFileName("../../etc/passwd")).toBe("etc passwd");
    expect(safeFileName("CON")).toBe("_CON");
    expect(safeFileName("   ")).toBe("fichier");
  });
});

describe("export of an open dossier", () => {
  test("loads the live rows with names, académies and current files", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    expect(dossier.source).toBe("LIVE");
    expect(dossier.members.map((m) => [m.name, m.isLead, m.academieName])).toEqual([
      ["Lycée professionnel Jean Moulin", true, "Aix-Marseille"],
      ["Lycée polyvalent Marie Curie", false, "Nice"],
    ]);
    expect(dossier.pilots.map((p) => p.fullName).sort()).toEqual(["Claire Dubois", "Karim Benali"]);
    const convention = dossier.evidence.find((e) => e.title === EVIDENCE);
    expect(convention?.file).toMatchObject({
      revision: 2,
      fileName: "convention-signee.pdf",
      sha256: files["convention-v2"]!.sha256,
    });
    expect(dossier.engagementDocuments).toHaveLength(1);

    const anonymised = await loadDossierExport(ds, candidatureId, { personalData: false });
    expect(anonymised.pilots.map((p) => p.fullName)).toEqual([null, null]);
  });

  test("the PDF holds every criterion, the steps, the indicator table and the evidence", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    const { sink, bytes } = collector();
    await writeDossierPdf(dossier, sink);
    const pdf = bytes();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);

    // Marianne is embedded (subset, with its Unicode map) and no other font is used.
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Marianne-Regular", "Marianne-Bold", "Marianne-RegularItalic"]),
    );
    for (const font of fonts) {
      expect(font).toEqual({
        name: expect.stringMatching(/^Marianne-/),
        embedded: true,
        unicode: true,
      });
    }
    // French typography survives: guillemets (with their no-break spaces), apostrophe, œ.
    expect(text).toContain("Synthèse de la démarche");
    expect(text).toContain("Notre « cœur de métier » : l’accueil des élèves en entreprise.");
    for (const ch of ["«", "»", "’", "œ"]) expect(text).toContain(ch);

    expect(text).toContain("Dossier de candidature au label Lycée des métiers");
    expect(text).toContain(`« ${LABEL_TITLE} »`);
    expect(text).toContain("Candidature en réseau");
    expect(text).toContain("Première labellisation");
    expect(text).toContain(estA.uai);
    expect(text).toContain("Version de travail");
    // Both variants of criterion 9, each answered by the establishment that chose it.
    const criteria = criteriaForMemberVariants(CURRENT_REFERENTIAL_VERSION, ["A", "B"]);
    expect(criteria).toHaveLength(10);
    // (pdftotext drops the hyphen of « filles-garçons » when the title breaks there.)
    const unhyphenated = text.replace(/-/g, "");
    for (const criterion of criteria) {
      expect(unhyphenated).toContain(criterion.title.replace(/-/g, ""));
    }
    expect(text).toContain("au choix de chaque établissement");
    expect(text).toMatch(/Critère 9 .*Porteur 9-a .*Cocandidat 9-b/);
    expect(text).toMatch(
      /CRITÈRE 9-A .*Retenu par : Lycée professionnel Jean Moulin \(\d{7}\w\) Lycée/,
    );
    expect(text).toMatch(
      /CRITÈRE 9-B .*Retenu par : Lycée polyvalent Marie Curie \(\d{7}\w\) Lycée/,
    );
    for (const label of Object.values(IMPROVEMENT_STEP_LABELS)) expect(text).toContain(label);
    expect(text).toContain("Cartographie des métiers du littoral avec la CCI.");
    expect(text).toContain("Enquête auprès des anciens élèves");
    expect(text).toContain("Claire Dubois");
    expect(text).toContain("Atteint");
    expect(text).toContain("Stratégie commune du réseau");
    expect(text).toContain("campus de la mer");
    expect(text).toContain("rempli de fait par le label Euroscol");
    expect(text).toContain(INDICATOR);
    for (const year of YEARS) expect(text).toContain(year);
    expect(text).toContain("InserJeunes");
    expect(text).toContain("En hausse (favorable)");
    expect(text).toContain("Cible : 80 %");
    expect(text).toContain("≥ attentes");
    expect(text).toContain(EVIDENCE);
    expect(text).toContain(files["convention-v2"]!.sha256.slice(0, 12));
    expect(text).toContain(BROCHURE);
    expect(text).toContain("Lettre d'engagement");
    expect(text).toMatch(/Page 1 \/ \d+/);
    const pages = Number(/Page 1 \/ (\d+)/.exec(text)?.[1]);
    expect(text).toContain(`Page ${pages} / ${pages}`);
  });

  test("the ZIP holds the PDF and every file under each criterion it supports", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    const { sink, bytes } = collector();
    await writeDossierZip(dossier, storage, sink);
    const entries = await unzip(bytes());

    const convention = `${EVIDENCE}.pdf`;
    expect([...entries.keys()].sort()).toEqual(
      [
        "dossier.pdf",
        `critere-1/${convention}`,
        `critere-4/${convention}`,
        `critere-8/${BROCHURE}.pdf`,
        `pieces-engagement/${estA.uai} - Lettre d'engagement.pdf`,
        "empreintes-sha256.txt",
      ].sort(),
    );
    expect(entries.get("dossier.pdf")!.data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfText(entries.get("dossier.pdf")!.data)).toContain(INDICATOR);
    for (const folder of ["critere-1", "critere-4"]) {
      expect(sha256(entries.get(`${folder}/${convention}`)!.data)).toBe(
        files["convention-v2"]!.sha256,
      );
    }
    expect(sha256(entries.get(`critere-8/${BROCHURE}.pdf`)!.data)).toBe(files.plaquette!.sha256);
    expect(
      sha256(entries.get(`pieces-engagement/${estA.uai} - Lettre d'engagement.pdf`)!.data),
    ).toBe(files.lettre!.sha256);

    const sums = entries.get("empreintes-sha256.txt")!.data.toString("utf8").trim().split("\n");
    expect(sums).toHaveLength(entries.size - 1);
    for (const line of sums) {
      const [hash, name] = line.split(/ {2}(.*)/s);
      expect(sha256(entries.get(name!)!.data)).toBe(hash);
    }
  });

  test("a file missing from the store is listed rather than failing the export", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    const gone = { ...dossier, engagementDocuments: [] };
    const evidence = gone.evidence.find((e) => e.title === BROCHURE)!;
    gone.evidence = gone.evidence.map((e) =>
      e === evidence ? { ...e, file: { ...e.file!, sha256: "0".repeat(64) } } : e,
    );
    const { sink, bytes } = collector();
    await writeDossierZip(gone, storage, sink);
    const entries = await unzip(bytes());
    expect(entries.has(`critere-8/${BROCHURE}.pdf`)).toBe(false);
    expect(entries.get("fichiers-manquants.txt")!.data.toString("utf8")).toContain(
      `critere-8/${BROCHURE}.pdf`,
    );
  });

  test("entries keep their dates; already-compressed files are stored, the others deflated", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    // Only the compression depends on the media type: a PNG-typed brochure is stored as is.
    const withImage = {
      ...dossier,
      evidence: dossier.evidence.map((e) =>
        e.title === BROCHURE ? { ...e, file: { ...e.file!, mediaType: "image/png" } } : e,
      ),
    };
    const { sink, bytes } = collector();
    await writeDossierZip(withImage, storage, sink);
    const entries = await unzip(bytes());
    const convention = dossier.evidence.find((e) => e.title === EVIDENCE)!.file!;
    expect(entries.get(`critere-8/${BROCHURE}.pdf`)!.compressionMethod).toBe(0);
    expect(sha256(entries.get(`critere-8/${BROCHURE}.pdf`)!.data)).toBe(files.plaquette!.sha256);
    expect(entries.get(`critere-1/${EVIDENCE}.pdf`)!.compressionMethod).toBe(8);
    expect(entries.get("dossier.pdf")!.compressionMethod).toBe(8);
    const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
    expect(seconds(entries.get(`critere-1/${EVIDENCE}.pdf`)!.modified)).toBe(
      seconds(convention.uploadedAt!),
    );
    expect(seconds(entries.get("dossier.pdf")!.modified)).toBe(seconds(dossier.generatedAt));
  });

  test("a stored file that no longer matches its SHA-256 fails the archive", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    const { storage: altered, opened } = watchedStorage({
      [files.plaquette!.sha256]: Buffer.from("contenu altéré"),
    });
    const { sink } = collector();
    await expect(writeDossierZip(dossier, altered, sink)).rejects.toThrow(
      `Le fichier « critere-8/${BROCHURE}.pdf » ne correspond pas à son empreinte (${files.plaquette!.sha256}) : stockage altéré.`,
    );
    await new Promise((resolve) => setImmediate(resolve));
    // The files after it are not read, and nothing stays open.
    expect(opened.map((o) => o.sha256)).not.toContain(files.lettre!.sha256);
    for (const { stream } of opened) expect(stream.destroyed).toBe(true);
  });

  test("a client leaving mid-download aborts the archive and closes the file being read", async () => {
    const dossier = await loadDossierExport(ds, candidatureId);
    const { storage: watched, opened } = watchedStorage();
    let received = 0;
    let receivedAtOpen: number | undefined;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (opened.length > 0) receivedAtOpen ??= received;
        callback();
        // Gone 32 KiB into the first stored file (the 200 KB convention).
        if (receivedAtOpen !== undefined && received - receivedAtOpen > 32 * 1024) this.destroy();
      },
    });
    await expect(writeDossierZip(dossier, watched, sink)).rejects.toBeInstanceOf(
      ExportAbortedError,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened.map((o) => o.sha256)).toEqual([files["convention-v2"]!.sha256]);
    expect(opened[0]!.stream.destroyed).toBe(true);
  });
});

describe("HTTP routes", () => {
  let base: string;
  let server: ReturnType<express.Express["listen"]>;

  beforeAll(async () => {
    const web = express();
    mountExportRoutes(web, {
      dataSource: ds,
      auth: TEST_AUTH,
      storage,
      events: createAppEventBus(),
    });
    await new Promise<void>((resolve) => {
      server = web.listen(0, "127.0.0.1", () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exports/candidatures`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("a member downloads the PDF and the ZIP", async () => {
    const cookie = await cookieFor(headA.id);
    const pdf = await fetch(`${base}/${candidatureId}/dossier.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename=dossier-${estA.uai}.pdf`,
    );
    expect(pdf.headers.get("cache-control")).toContain("no-store");
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfText(pdfBytes)).toContain(EVIDENCE);

    const zip = await fetch(`${base}/${candidatureId}/dossier.zip`, { headers: { cookie } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toBe(
      `attachment; filename=dossier-${estA.uai}.zip`,
    );
    const entries = await unzip(Buffer.from(await zip.arrayBuffer()));
    expect(entries.has("dossier.pdf")).toBe(true);
    expect(sha256(entries.get(`critere-4/${EVIDENCE}.pdf`)!.data)).toBe(
      files["convention-v2"]!.sha256,
    );
  });

  test("an analyst reads the dossier without the pilots' names", async () => {
    const response = await fetch(`${base}/${candidatureId}/dossier.pdf`, {
      headers: { cookie: await cookieFor(analyst.id) },
    });
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).not.toContain("Claire Dubois");
    expect(text).toContain("nom masqué");
  });

  test("a read-only API token works like a session", async () => {
    const { token, hash } = newToken("ldm_");
    await ds.getRepository(ApiToken).save({
      userId: headA.id,
      name: "export",
      prefix: token.slice(0, 8),
      tokenHash: hash,
      expiresAt: new Date(Date.now() + 86_400_000),
      revokedAt: null,
      lastUsedAt: null,
    });
    const response = await fetch(`${base}/${candidatureId}/dossier.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  test("an unseen candidature answers 404 exactly like a missing one", async () => {
    const cookie = await cookieFor(outsider.id);
    const missingId = "6f1c1f5e-8d3a-4a51-9a39-1d5d2c1f0b7e";
    for (const format of ["pdf", "zip"]) {
      const unseen = await fetch(`${base}/${candidatureId}/dossier.${format}`, {
        headers: { cookie },
      });
      const missing = await fetch(`${base}/${missingId}/dossier.${format}`, {
        headers: { cookie },
      });
      expect(unseen.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(unseen.headers.get("content-type")).toContain("application/json");
      const unseenBody = (await unseen.json()) as { errors: { message: string }[] };
      const missingBody = (await missing.json()) as { errors: { message: string }[] };
      expect(unseenBody).toEqual({
        errors: [
          {
            message: `La candidature « ${candidatureId} » est introuvable.`,
            extensions: { code: "NOT_FOUND", details: { id: candidatureId } },
          },
        ],
      });
      expect(missingBody).toEqual({
        errors: [
          {
            message: `La candidature « ${missingId} » est introuvable.`,
            extensions: { code: "NOT_FOUND", details: { id: missingId } },
          },
        ],
      });
    }
    const malformed = await fetch(`${base}/pas-un-uuid/dossier.pdf`, { headers: { cookie } });
    expect(malformed.status).toBe(404);
    // An auditor not (yet) assigned does not see it either.
    const notAssigned = await fetch(`${base}/${candidatureId}/dossier.pdf`, {
      headers: { cookie: await cookieFor(auditor.id) },
    });
    expect(notAssigned.status).toBe(404);
  });

  test("an anonymous caller gets 401, a bad token or cookie too", async () => {
    const anonymous = await fetch(`${base}/${candidatureId}/dossier.pdf`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      errors: [
        {
          message: "Authentification requise : connectez-vous.",
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    });
    const badToken = await fetch(`${base}/${candidatureId}/dossier.zip`, {
      headers: { authorization: "Bearer ldm_inconnu" },
    });
    expect(badToken.status).toBe(401);
    expect(
      ((await badToken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe("UNAUTHENTICATED");
    const forged = await fetch(`${base}/${candidatureId}/dossier.pdf`, {
      headers: { cookie: `${SESSION_COOKIE}=s%3Afaux.signature` },
    });
    expect(forged.status).toBe(401);
    await forged.arrayBuffer();
  });
});

describe("export of a submitted dossier", () => {
  test("the frozen snapshot is exported, not the rows changed afterwards", async () => {
    const submittedAt = new Date("2024-03-14T09:30:00Z");
    const ctx = createContext(ds, TEST_AUTH, { viewer: app.drafpic, events: createAppEventBus() });
    await ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const c = await manager.getRepository(Candidature).findOneByOrFail({ id: candidatureId });
      await freezeDossier(tx, c, submittedAt);
      await manager
        .getRepository(Candidature)
        .update({ id: candidatureId }, { state: "SUBMITTED", submittedAt });
    });
    // Changes after the submission (which the API refuses; done here directly) must not show.
    await ds
      .getRepository(Indicator)
      .update({ candidatureId, name: INDICATOR }, { name: "Indicateur renommé après le dépôt" });
    await ds
      .getRepository(CriterionResponse)
      .update(
        { candidatureId, establishmentId: estA.id, criterionCode: "1" },
        { planned: "<p>Texte réécrit après le dépôt.</p>" },
      );

    const dossier = await loadDossierExport(ds, candidatureId);
    expect(dossier.source).toBe("SNAPSHOT");
    expect(dossier.snapshot?.submittedAt.toISOString()).toBe(submittedAt.toISOString());
    expect(dossier.candidature.state).toBe("SUBMITTED");
    expect(dossier.indicators.map((i) => i.name)).toContain(INDICATOR);
    expect(dossier.pilots.map((p) => p.fullName).sort()).toEqual(["Claire Dubois", "Karim Benali"]);
    expect(dossier.evidence.find((e) => e.title === EVIDENCE)?.file?.sha256).toBe(
      files["convention-v2"]!.sha256,
    );

    const { sink, bytes } = collector();
    await writeDossierPdf(dossier, sink);
    const text = pdfText(bytes());
    expect(text).toContain("Version déposée du dossier");
    expect(text).toContain("Dossier déposé");
    expect(text).toContain(INDICATOR);
    expect(text).toContain("Cartographie des métiers du littoral");
    expect(text).not.toContain("Indicateur renommé après le dépôt");
    expect(text).not.toContain("Texte réécrit après le dépôt");

    // Once submitted, an assigned auditor who signed the declaration of independence downloads it.
    await ds.getRepository(CandidatureAuditor).save({
      candidatureId,
      userId: auditor.id,
      declarationSignedAt: new Date(),
      declarationTextVersion: INDEPENDENCE_DECLARATION_VERSION,
    });
    const web = express();
    mountExportRoutes(web, {
      dataSource: ds,
      auth: TEST_AUTH,
      storage,
      events: createAppEventBus(),
    });
    const server = web.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(
        `http://127.0.0.1:${port}/exports/candidatures/${candidatureId}/dossier.zip`,
        { headers: { cookie: await cookieFor(auditor.id) } },
      );
      expect(response.status).toBe(200);
      const entries = await unzip(Buffer.from(await response.arrayBuffer()));
      expect(pdfText(entries.get("dossier.pdf")!.data)).not.toContain(
        "Indicateur renommé après le dépôt",
      );
      expect(sha256(entries.get(`critere-1/${EVIDENCE}.pdf`)!.data)).toBe(
        files["convention-v2"]!.sha256,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
