/** Structured logs: one JSON object per line on stdout (stderr for errors). */
import { readEnv } from "../env";

type Level = "info" | "warn" | "error";
const RANK: Record<string, number> = { info: 1, warn: 2, error: 3, silent: 4 };
let threshold: number | null = null;

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  threshold ??= RANK[readEnv().logLevel] ?? 1;
  if (RANK[level]! < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
