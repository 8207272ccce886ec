/**
 * Export of the dossier over authenticated HTTP (« la clé USB du guide »):
 *   GET /exports/candidatures/:id/dossier.pdf — the dossier as a PDF;
 *   GET /exports/candidatures/:id/dossier.zip — that PDF plus every evidence file filed by criterion.
 * Both stream straight to the response. Callers authenticate like GraphQL (session cookie or read-only
 * API token); a candidature the caller may not read answers 404 exactly like a missing one.
 *
 * The ZIP is written by yazl as it streams: each file is read from the storage only when the archive
 * reaches it (one at a time, never buffered whole) and checked against its SHA-256 on the way; yazl
 * switches to ZIP64 by itself past 4 GiB.
 */
import { createHash } from "node:crypto";
import { finished, pipeline, PassThrough, Readable, Transform, type Writable } from "node:stream";
import cookieParser from "cookie-parser";
import express from "express";
import { ZipFile } from "yazl";
import { ENGAGEMENT_DOCUMENT_LABELS, canReadCandidature, canReadPersonalData } from "@ldm/domain";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { authorizeVisible, requireViewer } from "../../common/authz";
import { notFound, sendErrorAnswer } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import type { FileStorage } from "../../storage/file-storage";
import { Candidature } from "../candidature/candidature.entity";
import { loadAccessFacts } from "../candidature/candidature.gate";
import { dossierCriteria, loadDossierExport, type DossierExport } from "./dossier-export";
import { writeDossierPdf } from "./dossier-pdf";

/** The client went away while the archive was being written. */
export class ExportAbortedError extends Error {
  constructor() {
    super("Le téléchargement a été interrompu.");
    this.name = "ExportAbortedError";
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

/** Formats that are already compressed: stored as they are rather than deflated again. */
const ALREADY_COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|avif|heic)|video\/|audio\/|application\/(zip|gzip|x-7z|x-rar|vnd\.openxmlformats|vnd\.oasis\.opendocument))/i;

/** yazl's compression level for a file: 0 (stored) when already compressed, else deflate's default. */
function compressionLevelFor(mediaType: string): number {
  return ALREADY_COMPRESSED.test(mediaType) ? 0 : 6;
}

/** Unix permissions of the archived files (-rw-r--r--). */
const FILE_MODE = 0o100644;

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
  const codes = dossierCriteria(dossier).map((c) => c.code as string);
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
 * Passes bytes through while hashing them. At the end, hands their SHA-256 to `onDigest` or, when it
 * differs from `expected`, fails instead of ending (the entry is then never completed).
 */
function sha256Check(
  name: string,
  expected: string | undefined,
  onDigest: (sha256: string) => void,
): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const sha256 = hash.digest("hex");
      if (expected !== undefined && expected !== sha256) {
        callback(
          new Error(
            `Le fichier « ${name} » ne correspond pas à son empreinte (${expected}) : stockage altéré.`,
          ),
        );
        return;
      }
      onDigest(sha256);
      callback();
    },
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Writes the dossier's ZIP into `out`: `dossier.pdf`, each evidence's current file under
 * `critere-<code>/` (once per supported criterion), the engagement documents under
 * `pieces-engagement/`, and `empreintes-sha256.txt` (checkable with `sha256sum -c`). A file missing from
 * the store is listed in `fichiers-manquants.txt` instead of failing the whole export.
 *
 * Honours back-pressure. A stored file that does not match its SHA-256 fails the archive rather than
 * ship a corrupted piece; when `out` closes early, fails with `ExportAbortedError`. On failure, the
 * streams being read are closed and `out` is left to the caller (a response is then cut).
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

  const zipfile = new ZipFile();
  const output = zipfile.outputStream as Readable;
  /** The streams of the entry being written, closed if the archive fails. */
  const reading = new Set<Readable>();
  /** The lines of `empreintes-sha256.txt`, in the order of the entries. */
  const sums: string[] = [];

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let stopWatching = () => {};
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      stopWatching();
      if (!error) {
        resolve();
        return;
      }
      output.unpipe(out);
      output.destroy();
      for (const stream of reading) stream.destroy();
      reject(error);
    };
    const fail = (error: unknown) => settle(asError(error));

    /** An entry read from `open()` once the archive reaches it, hashed (and checked) on the way. */
    const addStream = (
      name: string,
      open: () => Readable,
      options: { date: Date; compressionLevel?: number; expectedSha256?: string },
    ) => {
      const slot = sums.push("") - 1;
      zipfile.addReadStreamLazy(
        name,
        { mtime: options.date, mode: FILE_MODE, compressionLevel: options.compressionLevel ?? 6 },
        (callback) => {
          if (settled) return;
          let source: Readable;
          try {
            source = open();
          } catch (error) {
            fail(error);
            return;
          }
          const check = sha256Check(name, options.expectedSha256, (sha256) => {
            sums[slot] = `${sha256}  ${name}`;
          });
          for (const stream of [source, check]) {
            reading.add(stream);
            stream.once("close", () => reading.delete(stream));
          }
          pipeline(source, check, (error) => {
            if (error) fail(error);
          });
          callback(null, check);
        },
      );
    };

    zipfile.on("error", fail);
    stopWatching = finished(out, { readable: false }, (error) => {
      if (!error) settle();
      else if (error.code === "ERR_STREAM_PREMATURE_CLOSE") settle(new ExportAbortedError());
      else settle(error);
    });
    output.pipe(out);

    try {
      addStream(
        "dossier.pdf",
        () => {
          const pdf = new PassThrough();
          writeDossierPdf(dossier, pdf).catch((error: unknown) => {
            pdf.destroy(asError(error));
            fail(error);
          });
          return pdf;
        },
        { date: dossier.generatedAt },
      );
      for (const [i, entry] of plan.entries()) {
        if (!present[i]) continue;
        addStream(entry.path, () => storage.get(entry.sha256), {
          date: entry.date,
          compressionLevel: compressionLevelFor(entry.mediaType),
          expectedSha256: entry.sha256,
        });
      }
      if (missing.length > 0) {
        const text = [
          "Fichiers introuvables dans le stockage au moment de l'export (à signaler à la DRAFPIC) :",
          "",
          ...missing.map((m) => `- ${m.path} : ${m.label}, SHA-256 ${m.sha256}`),
          "",
        ].join("\r\n");
        zipfile.addBuffer(Buffer.from(text, "utf8"), "fichiers-manquants.txt", {
          mtime: dossier.generatedAt,
          mode: FILE_MODE,
        });
      }
      // Written last, once every entry before it has been hashed.
      zipfile.addReadStreamLazy(
        "empreintes-sha256.txt",
        { mtime: dossier.generatedAt, mode: FILE_MODE },
        (callback) => {
          if (settled) return;
          callback(null, Readable.from(Buffer.from(`${sums.join("\n")}\n`, "utf8")));
        },
      );
      zipfile.end();
    } catch (error) {
      fail(error);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface ExportRoutesDeps extends HttpDeps {
  storage: FileStorage;
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
  sendErrorAnswer(res, error, context);
}

function fileSlug(dossier: DossierExport): string {
  const lead = dossier.members.find((m) => m.isLead) ?? dossier.members[0];
  return (lead?.uai ?? dossier.candidature.id).replace(/[^A-Za-z0-9-]/g, "");
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
        const ctx = await contextOfRequest(deps, req, res);
        const viewer = requireViewer(ctx);
        context.userId = viewer.userId;
        ctx.operation = format === "pdf" ? "exportDossierPdf" : "exportDossierZip";
        assertUuidOrNotFound("La candidature", id);
        // One consistent view of a dossier that may be changing while it is read.
        const dossier = await deps.dataSource.transaction("REPEATABLE READ", async (manager) => {
          const c = await manager.getRepository(Candidature).findOneBy({ id });
          if (!c) throw notFound("La candidature", id);
          const { facts } = await loadAccessFacts(manager, c);
          await authorizeVisible(ctx, canReadCandidature(viewer, facts), "La candidature", id);
          return loadDossierExport(manager, id, { personalData: canReadPersonalData(viewer) });
        });
        const fileName = `dossier-${fileSlug(dossier)}.${format}`;
        res.status(200);
        // RFC 6266 `Content-Disposition` (res.attachment also sets a type from the extension: ours follows).
        res.attachment(fileName);
        res.setHeader("Content-Type", format === "pdf" ? "application/pdf" : "application/zip");
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
