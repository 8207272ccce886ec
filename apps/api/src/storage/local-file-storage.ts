/**
 * The default store: files under a directory, at `<dir>/ab/cd/<sha256>`, written atomically (streamed
 * into `<dir>/tmp`, flushed to disk, then linked into place: a file under its address is always whole).
 */
import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  FileTooLargeError,
  INSPECT_BYTES,
  type FileStorage,
  type StoredFile,
} from "./file-storage";

const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files older than this are leftovers of a crash (removed when a store opens). */
const STALE_TMP_MS = 24 * 3_600_000;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export class LocalFileStorage implements FileStorage {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, "tmp");
    fs.mkdirSync(this.tmpDir, { recursive: true });
    void this.removeStaleTemporaryFiles();
  }

  private async removeStaleTemporaryFiles(): Promise<void> {
    try {
      const now = Date.now();
      for (const entry of await fs.promises.readdir(this.tmpDir)) {
        const file = path.join(this.tmpDir, entry);
        const stat = await fs.promises.stat(file).catch(() => null);
        if (stat?.isFile() && now - stat.mtimeMs > STALE_TMP_MS) {
          await fs.promises.rm(file, { force: true });
        }
      }
    } catch {
      // Best effort: a leftover only costs disk space.
    }
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Empreinte invalide : ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(
    content: Readable,
    options: { maxBytes: number; inspect?: (head: Buffer) => void },
  ): Promise<StoredFile> {
    const tmp = path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    let head = Buffer.alloc(0);
    let inspected = false;
    const inspectNow = () => {
      if (!inspected) {
        inspected = true;
        options.inspect?.(head);
      }
    };
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > options.maxBytes) return callback(new FileTooLargeError(options.maxBytes));
        if (!inspected) {
          head = Buffer.concat([head, chunk]).subarray(0, INSPECT_BYTES);
          if (head.length >= INSPECT_BYTES) {
            try {
              inspectNow();
            } catch (error) {
              return callback(error as Error);
            }
          }
        }
        hash.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        try {
          inspectNow();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      },
    });
    try {
      await pipeline(content, meter, fs.createWriteStream(tmp, { flags: "wx", mode: 0o640 }));
      const handle = await fs.promises.open(tmp, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest("hex");
      const created = await this.publish(tmp, this.pathOf(sha256));
      return { sha256, sizeBytes: size, created };
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  }

  /**
   * Puts the temporary file under its address unless the content is already there; true when this call
   * created it. A hard link fails when the target exists, so two concurrent uploads of the same content
   * cannot both believe they created it.
   */
  private async publish(tmp: string, target: string): Promise<boolean> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.promises.link(tmp, target);
      return true;
    } catch (error) {
      if (errorCode(error) === "EEXIST") return false;
      if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV"].includes(errorCode(error) ?? ""))
        throw error;
    }
    // A file system without hard links: copy, refusing to overwrite, through a second temporary name.
    if (fs.existsSync(target)) return false;
    const copy = `${tmp}.copy`;
    try {
      await fs.promises.copyFile(tmp, copy);
      await fs.promises.rename(copy, target);
    } finally {
      await fs.promises.rm(copy, { force: true });
    }
    return true;
  }

  get(sha256: string): Readable {
    return fs.createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await fs.promises.rm(this.pathOf(sha256), { force: true });
  }
}
