/**
 * The files of the dossier over HTTP: evidence (with revisions) and engagement documents.
 *
 * Uploads are multipart/form-data, parsed with busboy and streamed straight into the file storage (never
 * buffered whole): the fields come first and are checked (authorization included) before any byte of the
 * file is kept; the file's type is detected from its content; the metadata is then written in one
 * transaction that locks the candidature. When that write fails, content stored by this upload and
 * referenced nowhere is removed: no orphan file. Downloads check that the caller sees the candidature.
 *
 * Same authentication as GraphQL (session cookie or read-only API token); POSTs need the header
 * `x-ldm-csrf` (a cross-site HTML form cannot set it). Errors answer `{ errors: [{ message, extensions:
 * { code } }] }` like GraphQL, in French.
 */
import express from "express";
import cookieParser from "cookie-parser";
import busboy from "busboy";
import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DataSource, EntityManager } from "typeorm";
import {
  assertSupportedCriteria,
  canEditSupportingItem,
  canFileEngagementDocuments,
  canReadCandidature,
  CANDIDATURE_STATE_LABELS,
  ENGAGEMENT_DOCUMENT_LABELS,
  EVIDENCE_KIND_LABELS,
  formatFileSize,
  isIsoDate,
  type EngagementDocumentKind,
  type EvidenceKind,
} from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { contextOfRequest, type HttpDeps } from "../../http/request-context";
import { AppError, badInput, notFound, sendErrorAnswer } from "../../common/errors";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import { requiredText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { loadAccessFacts, openCandidature } from "../candidature/candidature.gate";
import { FileTooLargeError, type FileStorage, type StoredFile } from "../../storage/file-storage";
import {
  detectFileType,
  ENGAGEMENT_FILE_TYPES,
  ENGAGEMENT_FORMATS_TEXT,
  EVIDENCE_FILE_TYPES,
  EVIDENCE_FORMATS_TEXT,
  type FileType,
} from "../../storage/file-type";
import { sanitizeFileName, withDetectedExtension } from "../../storage/file-name";
import { EngagementDocument, Evidence, EvidenceRevision } from "./evidence.entity";

export interface FileRoutesDeps extends HttpDeps {
  storage: FileStorage;
  /** Largest accepted file, in bytes. */
  maxUploadBytes: number;
}

/** The header a POST must carry (any non-empty value; the portals send `x-ldm-csrf: 1`). */
export const CSRF_HEADER = "x-ldm-csrf";
/** Room for the form fields and multipart boundaries around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "FILE_TOO_LARGE",
    `Fichier trop volumineux : la taille maximale est de ${formatFileSize(maxBytes)}. Réduisez-le (export PDF compressé, image redimensionnée) ou scindez-le.`,
    { maxBytes },
  );
}

// ---------------------------------------------------------------------------------------------
// Authentication (the same as GraphQL's)

async function contextOf(
  deps: FileRoutesDeps,
  req: express.Request,
  res: express.Response,
  operation: string,
): Promise<RequestContext> {
  const ctx = await contextOfRequest(deps, req, res);
  ctx.operation = operation;
  requireViewer(ctx);
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// Files referenced by the database

/** Serialises, per content address, the writes that reference a file and the removal of unused files. */
async function lockFileAddress(manager: EntityManager, sha256: string): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `ldm-file:${sha256}`,
  ]);
}

/**
 * Inside the transaction that will reference `sha256`: takes the file's lock and checks that the content
 * is (still) stored, so that a concurrent clean-up cannot remove it under our feet.
 */
async function assertStored(
  manager: EntityManager,
  storage: FileStorage,
  sha256: string,
): Promise<void> {
  await lockFileAddress(manager, sha256);
  if (!(await storage.exists(sha256))) {
    throw new AppError(
      "CONFLICT",
      "Le fichier a été retiré du stockage pendant l'envoi (envoi concurrent annulé) : renvoyez-le.",
    );
  }
}

/**
 * Removes stored content that no evidence revision, engagement document or frozen dossier references
 * (after a failed upload, or after a deletion has been committed). True when the file was removed.
 */
export async function releaseUnreferencedFile(
  dataSource: DataSource,
  storage: FileStorage,
  sha256: string,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await lockFileAddress(manager, sha256);
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM evidence_revision WHERE sha256 = $1)
           OR EXISTS (SELECT 1 FROM engagement_document WHERE sha256 = $1)
           OR EXISTS (
             SELECT 1 FROM dossier_snapshot
             WHERE jsonb_path_exists(content, '$.evidence[*].revisions[*] ? (@.sha256 == $sha)',
                                     jsonb_build_object('sha', $1::text))
           ) AS used`,
      [sha256],
    )) as { used: boolean }[];
    if (row?.used) return false;
    await storage.delete(sha256);
    return true;
  });
}

/** Like `releaseUnreferencedFile`, for clean-ups: a failure is logged, never thrown. */
export async function releaseQuietly(
  dataSource: DataSource,
  storage: FileStorage,
  sha256: string,
): Promise<void> {
  try {
    await releaseUnreferencedFile(dataSource, storage, sha256);
  } catch (error) {
    log("error", "fichier non libéré", {
      sha256,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Multipart reception

type Fields = ReadonlyMap<string, readonly string[]>;

interface Received<P> {
  plan: P;
  stored: StoredFile;
  fileName: string;
  type: FileType;
}

interface UploadOptions<P> {
  /** Field names accepted before the file. */
  fieldNames: readonly string[];
  accepted: readonly FileType[];
  acceptedText: string;
  /** Checks the fields, authorization included, before any byte of the file is stored. */
  check: (fields: Fields) => Promise<P>;
}

function unsupportedType(fileName: string, detected: FileType | null, acceptedText: string) {
  return new AppError(
    "UNSUPPORTED_FILE_TYPE",
    detected
      ? `Le fichier « ${fileName} » est un ${detected.label}, format refusé ici. Formats acceptés : ${acceptedText}.`
      : `Le fichier « ${fileName} » n'est pas d'un format accepté (le type est reconnu d'après le contenu du fichier, pas d'après son nom). Formats acceptés : ${acceptedText}.`,
    { fileName, ...(detected ? { detectedType: detected.mediaType } : {}) },
  );
}

/**
 * Reads a multipart body: fields first, then exactly one file field `file`, streamed into the storage
 * once the fields passed `check`. Resolves when the whole body has been read; on any refusal, content
 * this upload stored and that nothing references is removed before rejecting.
 */
function receiveUpload<P>(
  req: express.Request,
  res: express.Response,
  deps: FileRoutesDeps,
  options: UploadOptions<P>,
): Promise<Received<P>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: {
          fields: options.fieldNames.length + 20,
          fieldSize: 4096,
          files: 1,
          // One byte more than allowed, so that the storage sees (and refuses) an oversized file.
          fileSize: deps.maxUploadBytes + 1,
          parts: options.fieldNames.length + 21,
          headerPairs: 20,
        },
      });
    } catch {
      reject(
        badInput("Le corps de la requête doit être au format multipart/form-data (formulaire)."),
      );
      return;
    }
    const fields = new Map<string, string[]>();
    let failure: unknown = null;
    let fileSeen = false;
    let work: Promise<Received<P>> | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      failure ??= error;
    };

    const settle = async (parseError: unknown) => {
      if (settled) return;
      settled = true;
      let received: Received<P> | null = null;
      if (work) {
        try {
          received = await work;
        } catch (error) {
          fail(error);
        }
      }
      if (parseError) fail(parseError);
      if (!fileSeen) {
        fail(
          badInput(
            "Aucun fichier reçu : joignez-le dans le champ « file », après les autres champs.",
          ),
        );
      }
      if (failure === null && received) {
        resolve(received);
        return;
      }
      if (received?.stored.created) {
        await releaseQuietly(deps.dataSource, deps.storage, received.stored.sha256);
      }
      reject(failure);
    };

    parser.on("field", (name, value, info) => {
      if (fileSeen) {
        fail(
          badInput(
            `Le champ « ${name} » arrive après le fichier : envoyez les champs d'abord, le fichier « file » en dernier.`,
          ),
        );
      } else if (info.nameTruncated || info.valueTruncated) {
        fail(badInput(`Le champ « ${name.slice(0, 50)} » est trop long.`));
      } else if (!options.fieldNames.includes(name)) {
        fail(
          badInput(
            `Champ inconnu « ${name.slice(0, 50)} ». Champs attendus : ${options.fieldNames.join(", ")}, puis le fichier « file ».`,
          ),
        );
      } else {
        fields.set(name, [...(fields.get(name) ?? []), value]);
      }
    });

    parser.on("file", (name, file, info) => {
      if (name !== "file") {
        fail(
          badInput(
            `Champ de fichier inattendu « ${name.slice(0, 50)} » : le fichier s'envoie dans le champ « file ».`,
          ),
        );
      }
      if (failure !== null) {
        file.resume();
        return;
      }
      fileSeen = true;
      // The storage may destroy what it reads on a refusal; busboy's own stream must instead be drained
      // to the end, so it gets a pass-through.
      const content = new PassThrough();
      file.on("error", (error: Error) => content.destroy(error));
      work = (async () => {
        const fileName = sanitizeFileName(info.filename);
        const plan = await options.check(fields);
        const detected: { type: FileType | null } = { type: null };
        file.pipe(content);
        const stored = await deps.storage.put(content, {
          maxBytes: deps.maxUploadBytes,
          inspect: (head) => {
            const type = detectFileType(head);
            if (!type || !options.accepted.includes(type)) {
              throw unsupportedType(fileName, type, options.acceptedText);
            }
            detected.type = type;
          },
        });
        const type = detected.type;
        if ((file as Readable & { truncated?: boolean }).truncated || !type) {
          if (stored.created) await releaseQuietly(deps.dataSource, deps.storage, stored.sha256);
          throw type
            ? tooLarge(deps.maxUploadBytes)
            : unsupportedType(fileName, null, options.acceptedText);
        }
        return { plan, stored, fileName: withDetectedExtension(fileName, type), type };
      })();
      work.catch((error: unknown) => {
        fail(error);
        file.unpipe(content);
        file.resume();
      });
    });

    parser.on("filesLimit", () => fail(badInput("Un seul fichier par envoi.")));
    parser.on("fieldsLimit", () => fail(badInput("Trop de champs dans le formulaire.")));
    parser.on("partsLimit", () => fail(badInput("Trop de parties dans le formulaire.")));
    parser.on("error", () => {
      void settle(
        badInput("Corps multipart illisible ou incomplet : l'envoi a peut-être été interrompu."),
      );
    });
    parser.on("close", () => void settle(null));

    // A body far larger than any valid upload (sent without Content-Length) is cut short.
    let bodyBytes = 0;
    const cap = deps.maxUploadBytes + 2 * MULTIPART_OVERHEAD;
    req.on("data", (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes > cap && !settled) {
        fail(tooLarge(deps.maxUploadBytes));
        res.setHeader("Connection", "close");
        req.unpipe(parser);
        parser.destroy(tooLarge(deps.maxUploadBytes));
      }
    });
    req.on("close", () => {
      if (!req.complete && !settled) parser.destroy(new Error("Requête interrompue"));
    });
    req.pipe(parser);
  });
}

/** One value of a field: trimmed, null when absent or empty; refused when repeated. */
function single(fields: Fields, name: string): string | null {
  const values = fields.get(name) ?? [];
  if (values.length > 1) throw badInput(`Le champ « ${name} » est en double.`);
  const value = values[0]?.trim() ?? "";
  return value === "" ? null : value;
}

function required(fields: Fields, name: string, label: string): string {
  const value = single(fields, name);
  if (value === null) throw badInput(`Le champ « ${name} » (${label}) est obligatoire.`);
  return value;
}

/** Criterion codes: the field repeated, or comma-separated values; null when absent. */
function criterionCodesOf(fields: Fields): string[] | null {
  const values = fields.get("criterionCodes");
  if (!values) return null;
  const codes = values
    .flatMap((v) => v.split(","))
    .map((c) => c.trim())
    .filter((c) => c !== "");
  return codes;
}

function evidenceKindOf(value: string): EvidenceKind {
  if (!Object.hasOwn(EVIDENCE_KIND_LABELS, value)) {
    throw badInput(
      `Nature de pièce inconnue « ${value} ». Valeurs possibles : ${Object.keys(EVIDENCE_KIND_LABELS).join(", ")}.`,
    );
  }
  return value as EvidenceKind;
}

function engagementKindOf(value: string): EngagementDocumentKind {
  if (!Object.hasOwn(ENGAGEMENT_DOCUMENT_LABELS, value)) {
    throw badInput(
      `Nature de document inconnue « ${value} ». Valeurs possibles : ${Object.keys(ENGAGEMENT_DOCUMENT_LABELS).join(", ")}.`,
    );
  }
  return value as EngagementDocumentKind;
}

function isoDateOf(value: string): string {
  if (!isIsoDate(value)) {
    throw badInput(
      `La date « ${value.slice(0, 40)} » est invalide : le format attendu est AAAA-MM-JJ (par exemple 2026-03-15).`,
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Evidence upload

const EVIDENCE_FIELDS = [
  "candidatureId",
  "establishmentId",
  "evidenceId",
  "title",
  "kind",
  "effectiveDate",
  "criterionCodes",
] as const;

interface EvidenceFields {
  candidatureId: string;
  establishmentId: string | null;
  evidenceId: string | null;
  title: string | null;
  kind: EvidenceKind | null;
  effectiveDate: string | null;
  criterionCodes: string[] | null;
}

/** Reads the evidence fields; a new evidence needs them all, a new revision only the evidence. */
function evidenceFieldsOf(fields: Fields): EvidenceFields {
  const evidenceId = single(fields, "evidenceId");
  const title = single(fields, "title");
  const kind = single(fields, "kind");
  const effectiveDate = single(fields, "effectiveDate");
  const criterionCodes = criterionCodesOf(fields);
  if (evidenceId === null) {
    required(fields, "title", "titre de la pièce");
    required(fields, "kind", "nature de la pièce");
    required(fields, "effectiveDate", "date de la pièce, AAAA-MM-JJ");
    if (criterionCodes === null || criterionCodes.length === 0) {
      throw badInput("Le champ « criterionCodes » (critères étayés) est obligatoire.");
    }
  }
  return {
    candidatureId: required(fields, "candidatureId", "candidature"),
    establishmentId: single(fields, "establishmentId"),
    evidenceId,
    title: title === null ? null : requiredText(title, "titre de la pièce", 200),
    kind: kind === null ? null : evidenceKindOf(kind),
    effectiveDate: effectiveDate === null ? null : isoDateOf(effectiveDate),
    criterionCodes,
  };
}

interface EvidencePlan {
  c: Candidature;
  existing: Evidence | null;
  establishmentId: string;
  criterionCodes: string[];
}

/** Every check of an evidence upload, under the candidature's lock (run before and after the file). */
async function checkEvidenceUpload(
  ctx: TransactionContext,
  f: EvidenceFields,
): Promise<EvidencePlan> {
  const viewer = requireViewer(ctx);
  const gate = await openCandidature(ctx, f.candidatureId);
  const { candidature: c, facts } = gate;
  let existing: Evidence | null = null;
  if (f.evidenceId !== null) {
    assertUuidOrNotFound("La pièce justificative", f.evidenceId);
    existing = await ctx.manager
      .getRepository(Evidence)
      .findOneBy({ id: f.evidenceId, candidatureId: c.id });
    if (!existing) throw notFound("La pièce justificative", f.evidenceId);
    if (f.establishmentId !== null && f.establishmentId !== existing.establishmentId) {
      throw badInput(
        "Une nouvelle version d'une pièce reste rattachée à l'établissement de la pièce.",
      );
    }
  }
  const establishmentId = existing
    ? (existing.establishmentId ?? viewer.establishmentId)
    : (f.establishmentId ?? viewer.establishmentId);
  if (!establishmentId) {
    throw badInput("Indiquez l'établissement auteur de la pièce (champ « establishmentId »).");
  }
  gate.member(establishmentId);
  const criterionCodes =
    f.criterionCodes !== null
      ? assertSupportedCriteria(c.referentialVersion, f.criterionCodes)
      : (existing?.criterionCodes ?? []);
  const touched = [...new Set([...criterionCodes, ...(existing?.criterionCodes ?? [])])];
  await authorize(
    ctx,
    canEditSupportingItem(viewer, facts, establishmentId, touched),
    `pièce justificative (critères ${touched.join(", ")})`,
  );
  gate.assertSchoolEditable();
  return { c, existing, establishmentId, criterionCodes };
}

interface EvidenceUploaded {
  evidenceId: string;
  revisionId: string;
  revision: number;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

async function writeEvidence(
  ctx: TransactionContext,
  storage: FileStorage,
  f: EvidenceFields,
  upload: Received<unknown>,
): Promise<EvidenceUploaded> {
  const { c, existing, establishmentId, criterionCodes } = await checkEvidenceUpload(ctx, f);
  await assertStored(ctx.manager, storage, upload.stored.sha256);
  const evidenceRepo = ctx.manager.getRepository(Evidence);
  let evidence: Evidence;
  let revision: number;
  if (!existing) {
    evidence = await evidenceRepo.save(
      evidenceRepo.create({
        candidatureId: c.id,
        establishmentId,
        title: f.title ?? "",
        kind: f.kind ?? "OTHER",
        effectiveDate: f.effectiveDate ?? ctx.clock.today(),
        criterionCodes,
        currentRevision: 1,
      }),
    );
    await recordChange(ctx, "Evidence", evidence.id, null, evidence);
    revision = 1;
  } else {
    const [row] = (await ctx.manager.query(
      "SELECT coalesce(max(revision), 0)::int AS last FROM evidence_revision WHERE evidence_id = $1",
      [existing.id],
    )) as { last: number }[];
    revision = (row?.last ?? 0) + 1;
    const changes: Partial<Evidence> = { currentRevision: revision, criterionCodes };
    if (f.title !== null) changes.title = f.title;
    if (f.kind !== null) changes.kind = f.kind;
    if (f.effectiveDate !== null) changes.effectiveDate = f.effectiveDate;
    await evidenceRepo.update({ id: existing.id }, changes);
    evidence = await evidenceRepo.findOneByOrFail({ id: existing.id });
    await recordChange(ctx, "Evidence", existing.id, existing, evidence);
  }
  const revisionRepo = ctx.manager.getRepository(EvidenceRevision);
  const saved = await revisionRepo.save(
    revisionRepo.create({
      evidenceId: evidence.id,
      revision,
      sha256: upload.stored.sha256,
      fileName: upload.fileName,
      mediaType: upload.type.mediaType,
      sizeBytes: upload.stored.sizeBytes,
      uploadedBy: ctx.viewer?.userId ?? null,
    }),
  );
  await recordChange(ctx, "EvidenceRevision", saved.id, null, saved);
  return {
    evidenceId: evidence.id,
    revisionId: saved.id,
    revision,
    sha256: saved.sha256,
    sizeBytes: saved.sizeBytes,
    mediaType: saved.mediaType,
    fileName: saved.fileName,
  };
}

// ---------------------------------------------------------------------------------------------
// Engagement documents

const ENGAGEMENT_FIELDS = ["candidatureId", "establishmentId", "kind"] as const;

interface EngagementFields {
  candidatureId: string;
  establishmentId: string;
  kind: EngagementDocumentKind;
}

function engagementFieldsOf(fields: Fields): EngagementFields {
  return {
    candidatureId: required(fields, "candidatureId", "candidature"),
    establishmentId: required(fields, "establishmentId", "établissement"),
    kind: engagementKindOf(required(fields, "kind", "ENGAGEMENT_LETTER ou BOARD_MINUTES")),
  };
}

async function checkEngagementUpload(
  ctx: TransactionContext,
  f: EngagementFields,
): Promise<{ c: Candidature; member: CoApplicant }> {
  const gate = await openCandidature(ctx, f.candidatureId);
  const { candidature: c, facts } = gate;
  const member = gate.member(f.establishmentId);
  await authorize(
    ctx,
    canFileEngagementDocuments(requireViewer(ctx), facts, f.establishmentId),
    "document d'engagement",
  );
  if (c.state !== "ENGAGEMENT") {
    throw new AppError(
      "CANDIDATURE_LOCKED",
      `Les documents d'engagement se déposent pendant la phase d'engagement ; la candidature est dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
  return { c, member };
}

async function writeEngagement(
  ctx: TransactionContext,
  storage: FileStorage,
  f: EngagementFields,
  upload: Received<unknown>,
) {
  const { c, member } = await checkEngagementUpload(ctx, f);
  await assertStored(ctx.manager, storage, upload.stored.sha256);
  const repo = ctx.manager.getRepository(EngagementDocument);
  const document = await repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: f.establishmentId,
      kind: f.kind,
      sha256: upload.stored.sha256,
      fileName: upload.fileName,
      mediaType: upload.type.mediaType,
      sizeBytes: upload.stored.sizeBytes,
      uploadedBy: ctx.viewer?.userId ?? null,
    }),
  );
  await recordChange(ctx, "EngagementDocument", document.id, null, document);
  const field = f.kind === "ENGAGEMENT_LETTER" ? "engagementLetterOn" : "boardMinutesOn";
  let after = member;
  if (member[field] === null) {
    const memberRepo = ctx.manager.getRepository(CoApplicant);
    await memberRepo.update({ id: member.id }, { [field]: ctx.clock.today() });
    after = await memberRepo.findOneByOrFail({ id: member.id });
    await recordChange(ctx, "CoApplicant", member.id, member, after);
  }
  return {
    documentId: document.id,
    kind: document.kind,
    sha256: document.sha256,
    sizeBytes: document.sizeBytes,
    mediaType: document.mediaType,
    fileName: document.fileName,
    engagementLetterOn: after.engagementLetterOn,
    boardMinutesOn: after.boardMinutesOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Downloads

async function assertVisible(
  ctx: RequestContext,
  candidatureId: string,
  what: string,
  id: string,
): Promise<void> {
  const manager = ctx.dataSource.manager;
  const c = await manager.getRepository(Candidature).findOneBy({ id: candidatureId });
  if (!c) throw notFound(what, id);
  const { facts } = await loadAccessFacts(manager, c);
  await authorizeVisible(ctx, canReadCandidature(requireViewer(ctx), facts), what, id);
}

async function sendStored(
  res: express.Response,
  storage: FileStorage,
  file: { sha256: string; mediaType: string; fileName: string; sizeBytes: number },
): Promise<void> {
  if (!(await storage.exists(file.sha256))) {
    log("error", "fichier absent du stockage", { sha256: file.sha256 });
    throw new AppError("NOT_FOUND", "Le fichier est introuvable dans le stockage.", {
      sha256: file.sha256,
    });
  }
  res.status(200);
  // RFC 6266 `Content-Disposition` (res.attachment also sets a type from the extension: ours follows).
  res.attachment(file.fileName);
  res.setHeader("Content-Type", file.mediaType);
  res.setHeader("Content-Length", String(file.sizeBytes));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  res.setHeader("Cache-Control", "private, no-cache");
  await pipeline(storage.get(file.sha256), res);
}

// ---------------------------------------------------------------------------------------------
// Routes

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

export function mountFileRoutes(app: express.Express, deps: FileRoutesDeps): void {
  const router = express.Router();
  router.use(cookieParser(deps.auth.sessionSecret));

  const handle =
    (fn: Handler): express.RequestHandler =>
    (req, res) => {
      fn(req, res).catch((error: unknown) => {
        if (res.headersSent) {
          // The download had started: cut it so that the client sees an incomplete file.
          res.destroy();
          return;
        }
        sendErrorAnswer(
          res,
          error instanceof FileTooLargeError ? tooLarge(deps.maxUploadBytes) : error,
          { route: req.path },
        );
      });
    };

  /** Checks common to uploads, in order: CSRF header, caller, write access, declared size. */
  const uploadContext = async (req: express.Request, res: express.Response, operation: string) => {
    const csrf = req.headers[CSRF_HEADER];
    if (typeof csrf !== "string" || csrf.trim() === "") {
      throw new AppError(
        "BAD_REQUEST",
        `Requête refusée (protection CSRF) : ajoutez l'en-tête « ${CSRF_HEADER}: 1 ».`,
      );
    }
    const ctx = await contextOf(deps, req, res, operation);
    if (requireViewer(ctx).readOnly) {
      await authorize(ctx, false, "jeton d'API en lecture seule").catch(() => {
        throw new AppError(
          "FORBIDDEN",
          "Un jeton d'API ne donne qu'un accès en lecture : déposez les fichiers depuis une session connectée.",
        );
      });
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > deps.maxUploadBytes + MULTIPART_OVERHEAD) {
      // Answer without reading the body, and do not keep the connection for the rest of it.
      res.setHeader("Connection", "close");
      throw tooLarge(deps.maxUploadBytes);
    }
    return ctx;
  };

  router.post(
    "/evidence",
    handle(async (req, res) => {
      const ctx = await uploadContext(req, res, "uploadEvidence");
      const upload = await receiveUpload(req, res, deps, {
        fieldNames: EVIDENCE_FIELDS,
        accepted: EVIDENCE_FILE_TYPES,
        acceptedText: EVIDENCE_FORMATS_TEXT,
        check: async (raw) => {
          const f = evidenceFieldsOf(raw);
          await ctx.transaction((tx) => checkEvidenceUpload(tx, f));
          return f;
        },
      });
      try {
        const result = await ctx.transaction((tx) =>
          writeEvidence(tx, deps.storage, upload.plan, upload),
        );
        res.setHeader(
          "Location",
          `/files/evidence/${result.evidenceId}/revisions/${result.revision}`,
        );
        res.status(201).json(result);
      } catch (error) {
        if (upload.stored.created) {
          await releaseQuietly(deps.dataSource, deps.storage, upload.stored.sha256);
        }
        throw error;
      }
    }),
  );

  router.post(
    "/engagement",
    handle(async (req, res) => {
      const ctx = await uploadContext(req, res, "uploadEngagementDocument");
      const upload = await receiveUpload(req, res, deps, {
        fieldNames: ENGAGEMENT_FIELDS,
        accepted: ENGAGEMENT_FILE_TYPES,
        acceptedText: ENGAGEMENT_FORMATS_TEXT,
        check: async (raw) => {
          const f = engagementFieldsOf(raw);
          await ctx.transaction((tx) => checkEngagementUpload(tx, f));
          return f;
        },
      });
      try {
        const result = await ctx.transaction((tx) =>
          writeEngagement(tx, deps.storage, upload.plan, upload),
        );
        res.setHeader("Location", `/files/engagement/${result.documentId}`);
        res.status(201).json(result);
      } catch (error) {
        if (upload.stored.created) {
          await releaseQuietly(deps.dataSource, deps.storage, upload.stored.sha256);
        }
        throw error;
      }
    }),
  );

  const downloadEvidence = async (
    req: express.Request,
    res: express.Response,
    revisionParam: string | null,
  ) => {
    const ctx = await contextOf(deps, req, res, "downloadEvidence");
    const id = String(req.params.evidenceId);
    const what = "La pièce justificative";
    assertUuidOrNotFound(what, id);
    const evidence = await deps.dataSource.getRepository(Evidence).findOneBy({ id });
    if (!evidence) throw notFound(what, id);
    await assertVisible(ctx, evidence.candidatureId, what, id);
    const revision = revisionParam === null ? evidence.currentRevision : Number(revisionParam);
    const file =
      Number.isSafeInteger(revision) && revision > 0
        ? await deps.dataSource
            .getRepository(EvidenceRevision)
            .findOneBy({ evidenceId: id, revision })
        : null;
    if (!file) throw notFound(`La version ${String(revisionParam ?? revision)} de la pièce`, id);
    await sendStored(res, deps.storage, file);
  };

  router.get(
    "/evidence/:evidenceId",
    handle((req, res) => downloadEvidence(req, res, null)),
  );
  router.get(
    "/evidence/:evidenceId/revisions/:revision",
    handle((req, res) => downloadEvidence(req, res, String(req.params.revision))),
  );
  router.get(
    "/engagement/:documentId",
    handle(async (req, res) => {
      const ctx = await contextOf(deps, req, res, "downloadEngagementDocument");
      const id = String(req.params.documentId);
      const what = "Le document d'engagement";
      assertUuidOrNotFound(what, id);
      const document = await deps.dataSource.getRepository(EngagementDocument).findOneBy({ id });
      if (!document) throw notFound(what, id);
      await assertVisible(ctx, document.candidatureId, what, id);
      await sendStored(res, deps.storage, document);
    }),
  );

  router.use(
    handle(async () => {
      throw new AppError("NOT_FOUND", "Adresse de fichier inconnue.");
    }),
  );
  app.use("/files", router);
}
