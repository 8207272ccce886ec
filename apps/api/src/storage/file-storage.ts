/**
 * Where evidence files live: content-addressed by SHA-256, behind a small interface that an
 * S3-compatible store can implement later. Metadata and links stay in PostgreSQL.
 */
import type { Readable } from "node:stream";

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** True when this content was not stored before (a caller that rolls back may then delete it). */
  created: boolean;
}

export interface FileStorage {
  /**
   * Streams `content` into the store (never buffered whole). Fails with `FileTooLargeError` past
   * `maxBytes`, leaving nothing behind. `inspect` sees the first bytes before anything is kept and may
   * throw to refuse the file.
   */
  put(
    content: Readable,
    options: { maxBytes: number; inspect?: (head: Buffer) => void },
  ): Promise<StoredFile>;
  /** A stream of the stored content. */
  get(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  /** Removes content (used to undo a `created` put whose metadata could not be saved). */
  delete(sha256: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Fichier trop volumineux (plus de ${maxBytes} octets).`);
    this.name = "FileTooLargeError";
  }
}

/** Bytes handed to `inspect`: enough for every signature we check (ZIP-based formats look further). */
export const INSPECT_BYTES = 64 * 1024;
