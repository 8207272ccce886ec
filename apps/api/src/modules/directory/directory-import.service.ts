/**
 * Importing the national establishment directory: the `;`-separated export is read as a stream (never
 * whole in memory) by csv-parse; each row is judged by the domain (`readDirectoryRow`: valid, ignored as
 * out of the label's scope, or rejected with its reasons); valid rows are upserted by UAI in batches of
 * `DIRECTORY_BATCH_ROWS`, one transaction per batch, which also updates the import's counters — so a
 * progress bar reads them as the file goes, and a failure keeps the batches already done (the import
 * is idempotent: sending the file again finishes the work). An establishment already up to date is not
 * written, and leaves nothing in the audit trail. At the end, the directory's `Lycee_des_metiers` flag
 * is compared with the platform's labels.
 *
 * A long process, not one use case: it takes the request context and opens its own transactions.
 */
import type { Readable } from "node:stream";
import { In, type EntityManager } from "typeorm";
import {
  canImportDirectory,
  canReadDirectoryImports,
  DIRECTORY_LABEL_MISMATCH_LABELS,
  DomainError,
  directoryLabelMismatch,
  directoryUpsert,
  formatFrenchDate,
  isLabelValid,
} from "@ldm/domain";
import { parisDate, type RequestContext, type TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound, isUuid } from "../../common/ids";
import { log } from "../../common/logger";
import { paginateByTime, type Connection, type PageArgs } from "../../common/pagination";
import { recordChange } from "../audit-trail/audit-trail";
import { Establishment } from "../establishment/establishment.entity";
import { Label } from "../label/label.entity";
import { DirectoryImport, type DirectoryLabelMismatchRow } from "./directory.entity";
import { ImportProgress, readDirectoryFile, REPORT_LIST_MAX } from "./directory-file";

export { DIRECTORY_BATCH_ROWS, DIRECTORY_PROGRESS_ROWS, REPORT_LIST_MAX } from "./directory-file";

/** A running import not heard of for this long is taken as interrupted. */
export const STALE_IMPORT_MINUTES = 15;

export interface DirectoryImportInput {
  /** The export's bytes. */
  source: Readable;
  fileName: string;
  /** Client-generated id, so that the client can follow the progress while it sends (optional). */
  importId?: string | null;
  /** The file's size when known (progress). */
  totalBytes?: number | null;
}

/** Serialises the starts of imports (one runs at a time). */
async function lockImports(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('ldm-directory-import', 0))");
}

/** Opens the import's record; refuses (CONFLICT) while another one runs. */
async function beginImport(
  tx: TransactionContext,
  input: DirectoryImportInput,
): Promise<DirectoryImport> {
  const repo = tx.manager.getRepository(DirectoryImport);
  await lockImports(tx.manager);
  const id = input.importId?.trim() || null;
  if (id !== null) {
    if (!isUuid(id)) throw badInput("L'identifiant d'import doit être un UUID.", { importId: id });
    if (await repo.exists({ where: { id } })) {
      throw new AppError(
        "CONFLICT",
        "Cet identifiant d'import est déjà utilisé : générez-en un autre.",
        {
          importId: id,
        },
      );
    }
  }
  const running = await repo.findOneBy({ status: "RUNNING" });
  if (running) {
    const quiet = tx.clock.now().getTime() - running.updatedAt.getTime();
    if (quiet < STALE_IMPORT_MINUTES * 60_000) {
      throw new AppError(
        "CONFLICT",
        `Un import de l'annuaire est déjà en cours (« ${running.fileName} », commencé le ${formatFrenchDate(parisDate(running.createdAt))}) : attendez qu'il se termine.`,
        { importId: running.id },
      );
    }
    await repo.update(
      { id: running.id },
      {
        status: "FAILED",
        finishedAt: tx.clock.now(),
        errorMessage: `Import interrompu : sans nouvelles depuis plus de ${STALE_IMPORT_MINUTES} minutes.`,
      },
    );
  }
  const fileName = input.fileName.trim().slice(0, 255) || "annuaire.csv";
  return repo.save(
    repo.create({
      ...(id ? { id } : {}),
      fileName,
      status: "RUNNING",
      importedBy: requireViewer(tx).userId,
      totalBytes: input.totalBytes ?? null,
      report: { rejected: [], ignored: {}, changes: [], mismatches: [] },
    }),
  );
}

/** Writes a batch of valid rows (creations, updates; nothing for an establishment up to date). */
async function writeBatch(
  tx: TransactionContext,
  importId: string,
  progress: ImportProgress,
): Promise<void> {
  const rows = progress.batch.splice(0);
  const repo = tx.manager.getRepository(Establishment);
  const stored =
    rows.length === 0
      ? []
      : await repo.find({
          where: { uai: In(rows.map((r) => r.entry.uai)) },
          order: { uai: "ASC" },
          lock: { mode: "pessimistic_write" },
        });
  const byUai = new Map(stored.map((e) => [e.uai, e]));
  for (const { line, entry } of rows) {
    const before = byUai.get(entry.uai) ?? null;
    const decision = directoryUpsert(before, entry);
    const fields = {
      name: entry.name,
      kind: entry.kind,
      sector: entry.sector,
      city: entry.city,
      academieCode: entry.academieCode,
      departementCode: entry.departementCode,
    };
    let establishmentId: string;
    if (decision.outcome === "CREATED") {
      const created = await repo.save(repo.create({ uai: entry.uai, ...fields }));
      await recordChange(tx, "Establishment", created.id, null, created);
      establishmentId = created.id;
    } else if (decision.outcome === "UPDATED" && before) {
      await repo.update(
        { id: before.id },
        Object.fromEntries(decision.changedFields.map((f) => [f, fields[f]])),
      );
      await recordChange(
        tx,
        "Establishment",
        before.id,
        before,
        await repo.findOneByOrFail({ id: before.id }),
      );
      establishmentId = before.id;
    } else {
      progress.unchanged += 1;
      establishmentId = before!.id;
    }
    if (decision.outcome !== "UNCHANGED") {
      progress.change({
        line,
        uai: entry.uai,
        name: entry.name,
        establishmentId,
        outcome: decision.outcome,
        changedFields: decision.changedFields,
      });
    }
    progress.imported.push({ establishmentId, entry });
  }
  progress.rowsSinceFlush = 0;
  await tx.manager.getRepository(DirectoryImport).update({ id: importId }, progress.counters());
}

/** The mismatches between the directory's flag and the platform's valid labels. */
async function labelMismatches(
  ctx: RequestContext,
  imported: ImportProgress["imported"],
): Promise<DirectoryLabelMismatchRow[]> {
  const today = ctx.clock.today();
  const mismatches: DirectoryLabelMismatchRow[] = [];
  for (let i = 0; i < imported.length; i += 1000) {
    const slice = imported.slice(i, i + 1000);
    const labels = await ctx.dataSource
      .getRepository(Label)
      .findBy({ establishmentId: In(slice.map((r) => r.establishmentId)) });
    for (const { establishmentId, entry } of slice) {
      const valid = labels.find(
        (l) => l.establishmentId === establishmentId && isLabelValid(l, today),
      );
      const kind = directoryLabelMismatch(entry.lyceeDesMetiers, valid !== undefined);
      if (kind) {
        mismatches.push({
          uai: entry.uai,
          name: entry.name,
          establishmentId,
          kind,
          description: DIRECTORY_LABEL_MISMATCH_LABELS[kind],
          labelTitle: valid?.title ?? null,
        });
      }
    }
  }
  return mismatches;
}

/** The message kept with an interrupted import. */
function failureMessage(error: unknown): string {
  if (error instanceof AppError || error instanceof DomainError) {
    return error.message;
  }
  return "Erreur inattendue pendant l'import : l'incident a été journalisé. Les lots déjà traités sont enregistrés ; relancez l'import.";
}

/**
 * Imports the directory's export (DRAFPIC only): upserts the vocational lycées of PACA by UAI and
 * answers the finished import with its report. Refusals before any row is read (not DRAFPIC, another
 * import running, a file that is not the directory's export) write no establishment.
 */
export async function importDirectory(
  ctx: RequestContext,
  input: DirectoryImportInput,
): Promise<DirectoryImport> {
  await authorize(ctx, canImportDirectory(requireViewer(ctx)), "import de l'annuaire");
  const record = await ctx.transaction((tx) => beginImport(tx, input));
  const progress = new ImportProgress();
  try {
    const sha256 = await readDirectoryFile(input.source, progress, () =>
      ctx.transaction((tx) => writeBatch(tx, record.id, progress)),
    );
    const mismatches = await labelMismatches(ctx, progress.imported);
    progress.report.mismatches = mismatches.slice(0, REPORT_LIST_MAX);
    return await ctx.transaction(async (tx) => {
      const repo = tx.manager.getRepository(DirectoryImport);
      await repo.update(
        { id: record.id },
        {
          ...progress.counters(),
          status: "SUCCEEDED",
          sha256,
          totalBytes: progress.bytesRead,
          mismatchCount: mismatches.length,
          finishedAt: tx.clock.now(),
        },
      );
      await tx.publish({
        type: "DirectoryImported",
        importId: record.id,
        created: progress.created,
        updated: progress.updated,
        rejected: progress.rejected,
        labelMismatches: mismatches.length,
      });
      return repo.findOneByOrFail({ id: record.id });
    });
  } catch (error) {
    log("warn", "import de l'annuaire interrompu", {
      importId: record.id,
      error: error instanceof Error ? error.message : String(error),
    });
    await ctx.dataSource.getRepository(DirectoryImport).update(
      { id: record.id },
      {
        ...progress.counters(),
        status: "FAILED",
        finishedAt: ctx.clock.now(),
        errorMessage: failureMessage(error),
      },
    );
    throw error;
  }
}

/** The imports, the latest first (DRAFPIC). */
export async function listDirectoryImports(
  ctx: RequestContext,
  args: PageArgs,
): Promise<Connection<DirectoryImport>> {
  await authorize(ctx, canReadDirectoryImports(requireViewer(ctx)), "imports de l'annuaire");
  const qb = ctx.dataSource.getRepository(DirectoryImport).createQueryBuilder("i");
  return paginateByTime(qb, args, {
    column: "created_at",
    direction: "DESC",
    timeOf: (i) => i.createdAt,
  });
}

/** One import and its report (DRAFPIC). */
export async function getDirectoryImport(
  ctx: RequestContext,
  id: string,
): Promise<DirectoryImport> {
  await authorize(ctx, canReadDirectoryImports(requireViewer(ctx)), "import de l'annuaire");
  assertUuidOrNotFound("L'import de l'annuaire", id);
  const found = await ctx.dataSource.getRepository(DirectoryImport).findOneBy({ id });
  if (!found) throw notFound("L'import de l'annuaire", id);
  return found;
}
