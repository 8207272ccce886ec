/**
 * The directory import over HTTP: `POST /files/directory-imports`, multipart/form-data with an optional
 * field `importId` (a client-generated UUID, to follow the progress through GraphQL's
 * `directoryImport(id)` while the file is read) and then the file in the field `file`. Same
 * authentication as GraphQL (session cookie; an API token is read-only), the CSRF header of the file
 * routes, a size limit; the file is received into a temporary file (never whole in memory), then
 * imported as a stream. Answers 201 with the import's report, or the coded French error of any refusal.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import cookieParser from "cookie-parser";
import express from "express";
import {
  canImportDirectory,
  DIRECTORY_IGNORE_REASON_LABELS,
  formatFileSize,
  type DirectoryIgnoreReason,
} from "@ldm/domain";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError, badInput, sendErrorAnswer } from "../../common/errors";
import { CSRF_HEADER } from "../evidence/evidence-files";
import { importDirectory } from "./directory-import.service";
import type { DirectoryImport } from "./directory.entity";

export const DIRECTORY_IMPORTS_PATH = "/files/directory-imports";
/** The national export weighs tens of megabytes: 200 MiB leaves room. */
export const DEFAULT_DIRECTORY_MAX_BYTES = 200 * 1024 * 1024;
const MULTIPART_OVERHEAD = 64 * 1024;

export interface DirectoryRoutesDeps extends HttpDeps {
  /** Largest accepted file, in bytes (default 200 MiB). */
  maxDirectoryBytes?: number;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "FILE_TOO_LARGE",
    `Fichier trop volumineux : la taille maximale d'un export de l'annuaire est de ${formatFileSize(maxBytes)}.`,
    { maxBytes },
  );
}

interface ReceivedFile {
  importId: string | null;
  fileName: string;
  filePath: string;
  sizeBytes: number;
}

/** Reads the form: `importId` first (optional), then one file `file`, written to `dir`. */
function receiveFile(req: express.Request, dir: string, maxBytes: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: { fields: 2, fieldSize: 200, files: 1, fileSize: maxBytes + 1, parts: 4 },
      });
    } catch {
      reject(
        badInput("Le corps de la requête doit être au format multipart/form-data (formulaire)."),
      );
      return;
    }
    let failure: unknown = null;
    let importId: string | null = null;
    let writing: Promise<ReceivedFile> | null = null;
    const fail = (error: unknown) => {
      failure ??= error;
    };
    parser.on("field", (name, value) => {
      if (writing)
        fail(badInput(`Le champ « ${name} » arrive après le fichier : envoyez-le d'abord.`));
      else if (name !== "importId") {
        fail(
          badInput(
            `Champ inconnu « ${name.slice(0, 50)} » (attendus : importId, puis le fichier « file »).`,
          ),
        );
      } else importId = value.trim() || null;
    });
    parser.on("file", (name, file, info) => {
      if (name !== "file" || writing || failure !== null) {
        if (name !== "file")
          fail(
            badInput(`Le fichier s'envoie dans le champ « file », pas « ${name.slice(0, 50)} ».`),
          );
        file.resume();
        return;
      }
      const filePath = path.join(dir, "annuaire.csv");
      writing = pipeline(file, fs.createWriteStream(filePath)).then(() => {
        if ((file as typeof file & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
        return {
          importId,
          fileName: info.filename || "annuaire.csv",
          filePath,
          sizeBytes: fs.statSync(filePath).size,
        };
      });
      writing.catch(fail);
    });
    parser.on("filesLimit", () => fail(badInput("Un seul fichier par import.")));
    parser.on("fieldsLimit", () => fail(badInput("Trop de champs dans le formulaire.")));
    parser.on("error", () =>
      reject(
        badInput("Corps multipart illisible ou incomplet : l'envoi a peut-être été interrompu."),
      ),
    );
    parser.on("close", () => {
      void (async () => {
        const received = writing ? await writing.catch((error: unknown) => fail(error)) : null;
        if (failure !== null) reject(failure);
        else if (!received)
          reject(
            badInput("Aucun fichier reçu : joignez l'export de l'annuaire dans le champ « file »."),
          );
        else resolve(received);
      })();
    });
    req.pipe(parser);
  });
}

/** The answer to an import: its counters and report. */
export function importAnswer(i: DirectoryImport) {
  const report = i.report;
  return {
    importId: i.id,
    status: i.status,
    fileName: i.fileName,
    sha256: i.sha256,
    rowsRead: i.rowsRead,
    created: i.createdCount,
    updated: i.updatedCount,
    unchanged: i.unchangedCount,
    rejected: i.rejectedCount,
    ignored: i.ignoredCount,
    labelMismatches: i.mismatchCount,
    rejectedRows: report.rejected ?? [],
    ignoredRows: Object.entries(report.ignored ?? {}).map(([reason, count]) => ({
      reason,
      label: DIRECTORY_IGNORE_REASON_LABELS[reason as DirectoryIgnoreReason],
      count,
    })),
    changedRows: report.changes ?? [],
    labelMismatchRows: report.mismatches ?? [],
  };
}

export function mountDirectoryRoutes(app: express.Express, deps: DirectoryRoutesDeps): void {
  const maxBytes = deps.maxDirectoryBytes ?? DEFAULT_DIRECTORY_MAX_BYTES;
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));
  router.post("/", (req, res) => {
    void (async () => {
      let dir: string | null = null;
      try {
        const csrf = req.headers[CSRF_HEADER];
        if (typeof csrf !== "string" || csrf.trim() === "") {
          throw new AppError(
            "BAD_REQUEST",
            `Requête refusée (protection CSRF) : ajoutez l'en-tête « ${CSRF_HEADER}: 1 ».`,
          );
        }
        const ctx = await contextOfRequest(deps, req, res);
        ctx.operation = "importDirectory";
        const viewer = requireViewer(ctx);
        await authorize(ctx, canImportDirectory(viewer), "import de l'annuaire");
        const declared = Number(req.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) {
          res.setHeader("Connection", "close");
          throw tooLarge(maxBytes);
        }
        dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "ldm-annuaire-"));
        const file = await receiveFile(req, dir, maxBytes);
        const done = await importDirectory(ctx, {
          source: fs.createReadStream(file.filePath),
          fileName: file.fileName,
          importId: file.importId,
          totalBytes: file.sizeBytes,
        });
        res.status(201).json(importAnswer(done));
      } catch (error) {
        if (!req.complete) req.resume();
        sendErrorAnswer(res, error, { route: DIRECTORY_IMPORTS_PATH });
      } finally {
        if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
      }
    })();
  });
  app.use(DIRECTORY_IMPORTS_PATH, router);
}
