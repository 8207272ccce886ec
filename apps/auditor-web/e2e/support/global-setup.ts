/**
 * Starts the platform once for the whole e2e run: `apps/api/dist/scripts/e2e-server.js` (real
 * PostgreSQL, throw-away database with the demo data, the API and a copy of the built auditor portal
 * at `/auditeurs/` on a free port), waits for its `{"url": …}` line and shares the URL with the tests
 * through `process.env`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_URL_ENV, setE2eServer } from "./server-handle";

const WEB_DIR = path.resolve(__dirname, "..", "..");
const SERVER_SCRIPT = path.resolve(WEB_DIR, "..", "api", "dist", "scripts", "e2e-server.js");
const START_TIMEOUT_MS = 120_000;

function requireBuilt(file: string, how: string): void {
  if (!fs.existsSync(file)) {
    throw new Error(`Tests de bout en bout : ${file} absent. Construisez d'abord : ${how}.`);
  }
}

/** Resolves with the URL once the server prints it; rejects (with its stderr) if it dies first. */
function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new Error(
              `Le serveur e2e n'a pas démarré en ${START_TIMEOUT_MS / 1000} s.\n${stderr()}`,
            ),
          ),
        ),
      START_TIMEOUT_MS,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      if (settled) return;
      buffer += chunk.toString("utf8");
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line.startsWith("{")) continue;
        try {
          const parsed = JSON.parse(line) as { url?: unknown };
          if (typeof parsed.url === "string") {
            const url = parsed.url;
            settle(() => resolve(url));
            return;
          }
        } catch {
          // another line (a log): keep reading
        }
      }
    });
    child.once("error", (error) =>
      settle(() => reject(new Error(`Le serveur e2e n'a pas pu être lancé : ${error.message}`))),
    );
    child.once("exit", (code, signal) =>
      settle(() =>
        reject(
          new Error(
            `Le serveur e2e s'est arrêté avant d'être prêt (code ${code ?? "—"}, signal ${signal ?? "—"}).\n${stderr()}`,
          ),
        ),
      ),
    );
  });
}

/**
 * A copy of the built portal for this run (without source maps): a build started meanwhile (another
 * `pnpm test`, a developer's `vite build`) empties `dist/` and would break the pages under test.
 */
function snapshotPortal(): string {
  const dist = path.join(WEB_DIR, "dist");
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-e2e-auditor-portal-"));
  fs.cpSync(dist, copy, { recursive: true, filter: (source) => !source.endsWith(".map") });
  return copy;
}

export default async function globalSetup(): Promise<void> {
  requireBuilt(SERVER_SCRIPT, "pnpm --filter @ldm/api build");
  requireBuilt(path.join(WEB_DIR, "dist", "index.html"), "pnpm --filter @ldm/auditor-web build");
  const started = Date.now();
  const portalCopy = snapshotPortal();
  const child = spawn(process.execPath, [SERVER_SCRIPT, "--stop-with-stdin"], {
    cwd: path.dirname(SERVER_SCRIPT),
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      E2E_AUDITOR_PORTAL_DIR: portalCopy,
    },
    // stdin: a pipe that closes when this process ends, however it ends (the server then stops).
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
    if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
  });
  let url: string;
  try {
    url = await waitForUrl(child, () => stderr);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    child.stdin?.destroy();
    fs.rmSync(portalCopy, { recursive: true, force: true });
    throw error;
  }
  // Keep draining stdout (its logs) so that a full pipe never blocks the server.
  child.stdout?.on("data", (chunk: Buffer) => {
    if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
  });
  process.env[E2E_URL_ENV] = url;
  setE2eServer({ child, stderr: () => stderr, portalCopy });
  if (process.env.E2E_VERBOSE) {
    console.log(`\nServeur e2e prêt en ${((Date.now() - started) / 1000).toFixed(1)} s : ${url}`);
  }
}
