/**
 * Reading the directory's export: csv-parse streams the `;`-separated file (byte-order mark, quoted
 * fields holding « ; », rows of the wrong width kept for the report, malformed quoting reported), the
 * domain judges each row (`readDirectoryRow`), and what the import has seen so far is kept in an
 * `ImportProgress`: its counters, its report and the batch of valid rows waiting to be written.
 */
import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, type CsvError } from "csv-parse";
import {
  duplicateUaiReason,
  readDirectoryHeader,
  readDirectoryRow,
  type DirectoryEntry,
  type DirectoryHeader,
  type DirectoryIgnoreReason,
} from "@ldm/domain";
import { badInput } from "../../common/errors";
import type {
  DirectoryChangedRow,
  DirectoryImport,
  DirectoryImportReport,
  DirectoryRejectedRow,
} from "./directory.entity";

/** Valid rows written per transaction. */
export const DIRECTORY_BATCH_ROWS = 100;
/** Rows read between two updates of the counters, whatever the rows say. */
export const DIRECTORY_PROGRESS_ROWS = 2000;
/** Longest list kept in a report (the counters stay exact). */
export const REPORT_LIST_MAX = 2000;

/** csv-parse's refusals, in French. */
function csvErrorReason(error: CsvError | undefined): string {
  switch (error?.code) {
    case "CSV_INVALID_CLOSING_QUOTE":
      return "Guillemet mal placé : un champ entre guillemets doit être suivi d'un « ; » ou d'une fin de ligne.";
    case "CSV_QUOTE_NOT_CLOSED":
      return "Guillemet ouvrant jamais refermé : la fin du fichier est atteinte dans un champ entre guillemets (les lignes qui suivent sont illisibles).";
    default:
      return "Ligne illisible (format CSV invalide).";
  }
}

interface ValidRow {
  line: number;
  entry: DirectoryEntry;
}

/** What the import has seen so far (counters, report) and the batch waiting to be written. */
export class ImportProgress {
  rowsRead = 0;
  bytesRead = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  rejected = 0;
  ignored = 0;
  rowsSinceFlush = 0;
  readonly report: DirectoryImportReport = {
    rejected: [],
    ignored: {},
    changes: [],
    mismatches: [],
  };
  readonly batch: ValidRow[] = [];
  /** First line of each UAI met (a second one is rejected). */
  readonly seen = new Map<string, number>();
  /** Every valid row's establishment and flag, for the comparison with the labels. */
  readonly imported: { establishmentId: string; entry: DirectoryEntry }[] = [];

  reject(row: DirectoryRejectedRow): void {
    this.rejected += 1;
    if (this.report.rejected.length < REPORT_LIST_MAX) this.report.rejected.push(row);
  }

  ignore(reason: DirectoryIgnoreReason): void {
    this.ignored += 1;
    this.report.ignored[reason] = (this.report.ignored[reason] ?? 0) + 1;
  }

  change(row: DirectoryChangedRow): void {
    if (row.outcome === "CREATED") this.created += 1;
    else this.updated += 1;
    if (this.report.changes.length < REPORT_LIST_MAX) this.report.changes.push(row);
  }

  counters(): Partial<DirectoryImport> {
    return {
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      createdCount: this.created,
      updatedCount: this.updated,
      unchangedCount: this.unchanged,
      rejectedCount: this.rejected,
      ignoredCount: this.ignored,
      report: this.report,
    };
  }
}

/**
 * Reads the export from `source`: the header, then each row judged by the domain; `flush` writes the
 * batch of valid rows (and the counters) whenever it is full or enough rows were read, and once at the
 * end. Returns the file's SHA-256. Throws BAD_USER_INPUT for a file that is not the directory's export.
 */
export async function readDirectoryFile(
  source: Readable,
  progress: ImportProgress,
  flush: () => Promise<void>,
): Promise<string> {
  const hash = createHash("sha256");
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      progress.bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  const parser = parse({
    delimiter: ";",
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      progress.rowsRead += 1;
      const line = Number((error as { lines?: unknown } | undefined)?.lines ?? 0);
      progress.reject({ line, uai: null, name: null, reasons: [csvErrorReason(error)] });
      return undefined;
    },
  });
  const piping = pipeline(source, counter, parser);
  let header: DirectoryHeader | null = null;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const { record: values, info } = item;
      if (header === null) {
        header = readDirectoryHeader(values);
        continue;
      }
      progress.rowsRead += 1;
      progress.rowsSinceFlush += 1;
      const result = readDirectoryRow(header, values, info.lines);
      if (result.outcome === "IGNORED") progress.ignore(result.reason);
      else if (result.outcome === "REJECTED") {
        progress.reject({
          line: result.line,
          uai: result.uai,
          name: result.name,
          reasons: result.reasons,
        });
      } else {
        const first = progress.seen.get(result.entry.uai);
        if (first !== undefined) {
          progress.reject({
            line: result.line,
            uai: result.entry.uai,
            name: result.entry.name,
            reasons: [duplicateUaiReason(first)],
          });
        } else {
          progress.seen.set(result.entry.uai, result.line);
          progress.batch.push({ line: result.line, entry: result.entry });
        }
      }
      if (
        progress.batch.length >= DIRECTORY_BATCH_ROWS ||
        progress.rowsSinceFlush >= DIRECTORY_PROGRESS_ROWS
      ) {
        await flush();
      }
    }
    await piping;
  } catch (error) {
    parser.destroy();
    await piping.catch(() => undefined);
    throw error;
  }
  if (header === null) {
    throw badInput(
      "Le fichier est vide : il devrait commencer par l'en-tête de l'annuaire de l'éducation.",
    );
  }
  await flush();
  return hash.digest("hex");
}
