/**
 * Export of the dossier over authenticated HTTP (« la clé USB du guide »):
 *   GET /exports/candidatures/:id/dossier.pdf — the dossier as a PDF;
 *   GET /exports/candidatures/:id/dossier.zip — that PDF plus every evidence file filed by criterion.
 * Both stream straight to the response. Callers authenticate like GraphQL (session cookie or read-only
 * API token); a candidature the caller may not read answers 404 exactly like a missing one.
 *
 * The ZIP is written by a small streaming writer on node:zlib (deflate, data descriptors, ZIP64 past
 * 4 GiB of archive): archiver 8 is ESM-only and cannot be loaded by this CommonJS API under Jest on
 * Node 20 (nor statically by anything that imports the server in tests).
 */
import { createHash } from "node:crypto";
import { PassThrough, Readable, Transform, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw } from "node:zlib";
import cookieParser from "cookie-parser";
import express from "express";
import type { DataSource } from "typeorm";
import {
  DomainError,
  ENGAGEMENT_DOCUMENT_LABELS,
  canReadCandidature,
  canReadPersonalData,
  criteriaForCandidature,
  type Viewer,
} from "@ldm/domain";
import { createContext } from "../../context";
import { authorizeVisible } from "../../common/authz";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import type { FileStorage } from "../../storage/file-storage";
import { Candidature } from "../candidature/candidature.entity";
import { accessFacts } from "../candidature/candidature.service";
import { SESSION_COOKIE, type AuthConfig } from "../identity/auth.config";
import { viewerFromApiToken, viewerFromSession } from "../identity/session.service";
import { loadDossierExport, type DossierExport } from "./dossier-export";
import { writeDossierPdf } from "./dossier-pdf";

// ---------------------------------------------------------------------------------------------
// Streaming ZIP writer

const ZIP32_LIMIT = 0xffffffff;
/** Bit 3: sizes and CRC follow the data (streaming); bit 11: names are UTF-8. */
const ZIP_FLAGS = 0x0808;
const UNIX_FILE_MODE = 0o100644;

/** The client went away while the archive was being written. */
export class ExportAbortedError extends Error {
  constructor() {
    super("Le téléchargement a été interrompu.");
    this.name = "ExportAbortedError";
  }
}

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
  unixTime: number;
}

/** MS-DOS date and time (civil time in France, as the files' users see them). */
function dosDateTime(d: Date): { dosTime: number; dosDate: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const year = Math.min(Math.max(parts.year ?? 1980, 1980), 2107);
  return {
    dosTime: ((parts.hour ?? 0) << 11) | ((parts.minute ?? 0) << 5) | ((parts.second ?? 0) >> 1),
    dosDate: ((year - 1980) << 9) | ((parts.month ?? 1) << 5) | (parts.day ?? 1),
  };
}

/** Extra field 0x5455 (extended timestamp): the modification time in UTC. */
function timestampExtra(unixTime: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(unixTime >>> 0, 5);
  return b;
}

/**
 * Writes a ZIP archive into `out` one entry at a time, never holding a whole file in memory: each entry
 * is deflated as it streams, its CRC-32 and sizes follow in a data descriptor, and the central
 * directory is written by `finish()`. Honours back-pressure; fails with `ExportAbortedError` when `out`
 * closes early.
 */
export class ZipWriter {
  private offset = 0;
  private busy = false;
  private readonly entries: CentralEntry[] = [];

  constructor(private readonly out: Writable) {}

  private write(chunk: Buffer): Promise<void> {
    const out = this.out;
    if (out.destroyed || out.writableEnded) return Promise.reject(new ExportAbortedError());
    this.offset += chunk.length;
    if (out.write(chunk)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        out.off("drain", onDrain);
        out.off("close", onClose);
        out.off("error", onError);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onClose = () => settle(new ExportAbortedError());
      const onError = (error: Error) => settle(error);
      out.on("drain", onDrain);
      out.on("close", onClose);
      out.on("error", onError);
    });
  }

  /**
   * Adds one file. With `expectedSha256`, the content is checked while it streams (a mismatch fails the
   * archive rather than ship a corrupted piece). Returns the content's SHA-256 and size.
   */
  async add(
    name: string,
    source: Readable,
    options: { date: Date; level?: number; expectedSha256?: string },
  ): Promise<{ sha256: string; size: number }> {
    if (this.busy) throw new Error("ZipWriter : une entrée est déjà en cours d'écriture.");
    this.busy = true;
    try {
      const nameBytes = Buffer.from(name, "utf8");
      if (nameBytes.length > 0xffff) throw new Error(`Nom d'entrée trop long : ${name}`);
      const { dosTime, dosDate } = dosDateTime(options.date);
      const unixTime = Math.max(0, Math.floor(options.date.getTime() / 1000));
      const extra = timestampExtra(unixTime);
      const offset = this.offset;

      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(ZIP_FLAGS, 6);
      header.writeUInt16LE(8, 8);
      header.writeUInt16LE(dosTime, 10);
      header.writeUInt16LE(dosDate, 12);
      // CRC-32 and sizes (14–25) stay zero: they follow in the data descriptor.
      header.writeUInt16LE(nameBytes.length, 26);
      header.writeUInt16LE(extra.length, 28);
      await this.write(Buffer.concat([header, nameBytes, extra]));

      let crc = 0;
      let size = 0;
      let compressedSize = 0;
      const hash = createHash("sha256");
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          crc = crc32(chunk, crc);
          size += chunk.length;
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      const sink = new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          compressedSize += chunk.length;
          this.write(chunk).then(
            () => callback(),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
        },
      });
      await pipeline(source, tap, createDeflateRaw({ level: options.level ?? 6 }), sink);
      const sha256 = hash.digest("hex");
      if (options.expectedSha256 && options.expectedSha256 !== sha256) {
        throw new Error(
          `Le fichier « ${name} » ne correspond pas à son empreinte (${options.expectedSha256}) : stockage altéré.`,
        );
      }
      if (size >= ZIP32_LIMIT || compressedSize >= ZIP32_LIMIT) {
        throw new Error(`Le fichier « ${name} » dépasse 4 Gio : trop volumineux pour l'archive.`);
      }
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(size, 12);
      await this.write(descriptor);
      this.entries.push({
        name: nameBytes,
        crc: crc >>> 0,
        compressedSize,
        size,
        offset,
        dosTime,
        dosDate,
        unixTime,
      });
      return { sha256, size };
    } finally {
      this.busy = false;
    }
  }

  /** Writes the central directory and ends `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const zip64 = e.offset >= ZIP32_LIMIT;
      const extras = [timestampExtra(e.unixTime)];
      if (zip64) {
        const z = Buffer.alloc(12);
        z.writeUInt16LE(0x0001, 0);
        z.writeUInt16LE(8, 2);
        z.writeBigUInt64LE(BigInt(e.offset), 4);
        extras.push(z);
      }
      const extra = Buffer.concat(extras);
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | 45, 4);
      h.writeUInt16LE(zip64 ? 45 : 20, 6);
      h.writeUInt16LE(ZIP_FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(e.dosTime, 12);
      h.writeUInt16LE(e.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE((UNIX_FILE_MODE << 16) >>> 0, 38);
      h.writeUInt32LE(zip64 ? ZIP32_LIMIT : e.offset, 42);
      await this.write(Buffer.concat([h, e.name, extra]));
    }
    const size = this.offset - start;
    const count = this.entries.length;
    if (count >= 0xffff || start >= ZIP32_LIMIT || size >= ZIP32_LIMIT) {
      const record = Buffer.alloc(56);
      const recordOffset = this.offset;
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE((3 << 8) | 45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(recordOffset), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, ZIP32_LIMIT), 12);
    end.writeUInt32LE(Math.min(start, ZIP32_LIMIT), 16);
    await this.write(end);
    this.out.end();
    await finished(this.out, { readable: false });
  }
}

// ---------------------------------------------------------------------------------------------
// The dossier's archive

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** A file or folder name safe on every system: no separators or control characters, 120 chars max. */
export function safeFileName(name: string, fallback = "fichier"): string {
  let s = name
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (s === "") s = fallback;
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(s)?.[0] ?? "";
  const chars = [...s];
  if (chars.length > 120)
    s =
      chars
        .slice(0, 120 - ext.length)
        .join("")
        .trimEnd() + ext;
  return s;
}

/** The entry name of an evidence: its title with the file's extension (or the file name). */
function evidenceEntryName(title: string, fileName: string): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0]?.toLowerCase() ?? "";
  const base = title.trim();
  if (base === "") return safeFileName(fileName);
  return safeFileName(base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`);
}

/** Keeps names unique inside a folder: « x.pdf », « x (2).pdf »… */
function uniqueIn(used: Set<string>, folder: string, name: string): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
  const stem = ext ? name.slice(0, -ext.length) : name;
  let candidate = `${folder}/${name}`;
  for (let n = 2; used.has(candidate.toLowerCase()); n++)
    candidate = `${folder}/${stem} (${n})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Formats that are already compressed: deflated quickly rather than hard. */
function levelFor(mediaType: string): number {
  return /^(image\/(jpeg|png|gif|webp|avif|heic)|video\/|audio\/|application\/(zip|gzip|x-7z|x-rar|vnd\.openxmlformats|vnd\.oasis\.opendocument))/i.test(
    mediaType,
  )
    ? 1
    : 6;
}

export interface ZipPlanEntry {
  path: string;
  sha256: string;
  mediaType: string;
  date: Date;
  /** What the file is, for the listing of missing files. */
  label: string;
}

/** Where every file goes in the archive: by criterion (an evidence once per criterion it supports). */
export function planDossierZip(dossier: DossierExport): ZipPlanEntry[] {
  const used = new Set<string>(["dossier.pdf"]);
  const entries: ZipPlanEntry[] = [];
  const codes = criteriaForCandidature(
    dossier.candidature.referentialVersion,
    dossier.candidature.optionalCriterionVariant,
  ).map((c) => c.code as string);
  for (const e of dossier.evidence) {
    for (const code of e.criterionCodes) if (!codes.includes(code)) codes.push(code);
  }
  for (const code of codes) {
    const folder = `critere-${safeFileName(code)}`;
    const evidence = dossier.evidence
      .filter((e) => e.file !== null && e.criterionCodes.includes(code))
      .sort(
        (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.title.localeCompare(b.title),
      );
    for (const e of evidence) {
      if (!e.file) continue;
      entries.push({
        path: uniqueIn(used, folder, evidenceEntryName(e.title, e.file.fileName)),
        sha256: e.file.sha256,
        mediaType: e.file.mediaType,
        date: e.file.uploadedAt ?? dossier.generatedAt,
        label: `« ${e.title} » (révision ${e.file.revision}, ${e.file.fileName})`,
      });
    }
  }
  const members = new Map(dossier.members.map((m) => [m.establishmentId, m]));
  for (const d of dossier.engagementDocuments) {
    const member = members.get(d.establishmentId);
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(d.fileName)?.[0]?.toLowerCase() ?? "";
    const name = safeFileName(
      `${member?.uai ?? member?.name ?? d.establishmentId} - ${ENGAGEMENT_DOCUMENT_LABELS[d.kind]}${ext}`,
    );
    entries.push({
      path: uniqueIn(used, "pieces-engagement", name),
      sha256: d.sha256,
      mediaType: d.mediaType,
      date: d.uploadedAt,
      label: `${ENGAGEMENT_DOCUMENT_LABELS[d.kind]} de ${member?.name ?? d.establishmentId} (${d.fileName})`,
    });
  }
  return entries;
}

/**
 * Writes the dossier's ZIP into `out`: `dossier.pdf`, each evidence's current file under
 * `critere-<code>/` (once per supported criterion), the engagement documents under
 * `pieces-engagement/`, and `empreintes-sha256.txt` (checkable with `sha256sum -c`). A file missing from
 * the store is listed in `fichiers-manquants.txt` instead of failing the whole export.
 */
export async function writeDossierZip(
  dossier: DossierExport,
  storage: FileStorage,
  out: Writable,
): Promise<void> {
  const plan = planDossierZip(dossier);
  const present = await Promise.all(plan.map((e) => storage.exists(e.sha256)));
  const missing = plan.filter((_, i) => !present[i]);
  if (missing.length > 0) {
    log("error", "export du dossier : fichiers absents du stockage", {
      candidatureId: dossier.candidature.id,
      sha256: missing.map((m) => m.sha256),
    });
  }

  const zip = new ZipWriter(out);
  const sums: string[] = [];
  const pdf = new PassThrough();
  const rendering = writeDossierPdf(dossier, pdf);
  rendering.catch((error: unknown) =>
    pdf.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  const written = await zip.add("dossier.pdf", pdf, { date: dossier.generatedAt });
  await rendering;
  sums.push(`${written.sha256}  dossier.pdf`);

  for (const [i, entry] of plan.entries()) {
    if (!present[i]) continue;
    const { sha256 } = await zip.add(entry.path, storage.get(entry.sha256), {
      date: entry.date,
      level: levelFor(entry.mediaType),
      expectedSha256: entry.sha256,
    });
    sums.push(`${sha256}  ${entry.path}`);
  }
  if (missing.length > 0) {
    const text = [
      "Fichiers introuvables dans le stockage au moment de l'export (à signaler à la DRAFPIC) :",
      "",
      ...missing.map((m) => `- ${m.path} : ${m.label}, SHA-256 ${m.sha256}`),
      "",
    ].join("\r\n");
    await zip.add("fichiers-manquants.txt", Readable.from(Buffer.from(text, "utf8")), {
      date: dossier.generatedAt,
    });
  }
  await zip.add(
    "empreintes-sha256.txt",
    Readable.from(Buffer.from(`${sums.join("\n")}\n`, "utf8")),
    {
      date: dossier.generatedAt,
    },
  );
  await zip.finish();
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface ExportRoutesDeps {
  dataSource: DataSource;
  auth: AuthConfig;
  storage: FileStorage;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

/** The caller, from a bearer API token or the signed session cookie (as for GraphQL). */
async function viewerOf(
  deps: ExportRoutesDeps,
  req: express.Request,
  res: express.Response,
): Promise<Viewer> {
  const authorization = req.headers.authorization;
  if (authorization && /^Bearer\s+/i.test(authorization)) {
    return viewerFromApiToken(deps.dataSource, authorization.replace(/^Bearer\s+/i, "").trim());
  }
  const token: unknown = (req.signedCookies as Record<string, unknown> | undefined)?.[
    SESSION_COOKIE
  ];
  if (typeof token === "string" && token.length > 0) {
    const found = await viewerFromSession(deps.dataSource, deps.auth, token);
    if (found) return found.viewer;
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: "strict",
      secure: req.secure,
      signed: true,
      path: "/",
    });
  }
  throw new AppError("UNAUTHENTICATED", "Authentification requise : connectez-vous.");
}

function sendError(res: express.Response, error: unknown, context: Record<string, unknown>): void {
  if (res.headersSent) {
    // The file is partly sent: cut the connection so that the client sees an incomplete download.
    if (!(error instanceof ExportAbortedError) && !res.destroyed) {
      log("error", "export du dossier interrompu", {
        ...context,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    res.destroy();
    return;
  }
  for (const header of ["Content-Type", "Content-Disposition", "Cache-Control"]) {
    res.removeHeader(header);
  }
  let code = "INTERNAL_SERVER_ERROR";
  let message = "Erreur interne du serveur. L'incident a été journalisé.";
  if (error instanceof AppError || error instanceof DomainError) {
    code = error.code;
    message = error.message;
  } else {
    log("error", "erreur inattendue pendant l'export du dossier", {
      ...context,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  if (code === "UNAUTHENTICATED") res.setHeader("WWW-Authenticate", 'Bearer realm="ldm"');
  res
    .status(STATUS[code] ?? 500)
    .setHeader("Cache-Control", "no-store")
    .json({ errors: [{ message, extensions: { code } }] });
}

function fileSlug(dossier: DossierExport): string {
  const lead = dossier.members.find((m) => m.isLead) ?? dossier.members[0];
  return (lead?.uai ?? dossier.candidature.id).replace(/[^A-Za-z0-9-]/g, "");
}

function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Mounts the export routes under /exports (with their own cookie parsing). */
export function mountExportRoutes(app: express.Express, deps: ExportRoutesDeps): void {
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));

  const handler =
    (format: "pdf" | "zip") =>
    async (req: express.Request<{ id: string }>, res: express.Response): Promise<void> => {
      const id = req.params.id;
      const context: Record<string, unknown> = { candidatureId: id, format };
      try {
        const viewer = await viewerOf(deps, req, res);
        context.userId = viewer.userId;
        const ctx = createContext(deps.dataSource, deps.auth, { viewer, ip: req.ip ?? null });
        ctx.operation = format === "pdf" ? "exportDossierPdf" : "exportDossierZip";
        assertUuidOrNotFound("La candidature", id);
        // One consistent view of a dossier that may be changing while it is read.
        const dossier = await deps.dataSource.transaction("REPEATABLE READ", async (manager) => {
          const c = await manager.getRepository(Candidature).findOneBy({ id });
          if (!c) throw notFound("La candidature", id);
          const facts = await accessFacts(manager, c);
          await authorizeVisible(ctx, canReadCandidature(viewer, facts), "La candidature", id);
          return loadDossierExport(manager, id, { personalData: canReadPersonalData(viewer) });
        });
        const fileName = `dossier-${fileSlug(dossier)}.${format}`;
        res.status(200);
        res.setHeader("Content-Type", format === "pdf" ? "application/pdf" : "application/zip");
        res.setHeader("Content-Disposition", attachment(fileName));
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        log("info", "export du dossier", { ...context, source: dossier.source });
        if (format === "pdf") await writeDossierPdf(dossier, res);
        else await writeDossierZip(dossier, deps.storage, res);
      } catch (error) {
        sendError(res, error, context);
      }
    };

  router.get("/candidatures/:id/dossier.pdf", handler("pdf"));
  router.get("/candidatures/:id/dossier.zip", handler("zip"));
  router.use((_req, res) => {
    res
      .status(404)
      .json({ errors: [{ message: "Export introuvable.", extensions: { code: "NOT_FOUND" } }] });
  });
  app.use("/exports", router);
}
