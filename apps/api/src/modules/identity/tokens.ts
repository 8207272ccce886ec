import { createHash, randomBytes } from "node:crypto";

/** A random secret token (for a session cookie or an API token) and the hash that is stored. */
export function newToken(prefix = ""): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
