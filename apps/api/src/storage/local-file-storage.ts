/** The default store: files under a directory, at `<dir>/ab/cd/<sha256>`, written atomically. */
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

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {
    fs.mkdirSync(path.join(root, "tmp"), { recursive: true });
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Empreinte invalide : ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(
    content: Readable,
    options: { maxBytes: number; inspect?: (head: Buffer) => void },
  ): Promise<StoredFile> {
    const tmp = path.join(this.root, "tmp", `${Date.now()}-${randomBytes(8).toString("hex")}`);
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
    } catch (error) {
      await fs.promises.rm(tmp, { force: true });
      throw error;
    }
    const sha256 = hash.digest("hex");
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) {
      await fs.promises.rm(tmp, { force: true });
      return { sha256, sizeBytes: size, created: false };
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(tmp, target);
    return { sha256, sizeBytes: size, created: true };
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
