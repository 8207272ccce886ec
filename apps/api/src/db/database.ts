/**
 * Resolves the PostgreSQL the API uses: the server of DATABASE_URL, or an embedded PostgreSQL
 * started under `.data/` when none is configured.
 */
import type { ApiEnv } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { Client } from "pg";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = "ldm";

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function resolveDatabase(
  env: ApiEnv,
  log: (m: string) => void,
): Promise<ResolvedDatabase> {
  if (env.databaseUrl) {
    return { url: env.databaseUrl, embedded: false, stop: async () => undefined };
  }
  log(
    `DATABASE_URL absent : démarrage de PostgreSQL embarqué (${env.embeddedDataDir}, port ${env.embeddedPort})…`,
  );
  const pg = await startEmbeddedPostgres({
    dataDir: env.embeddedDataDir,
    port: env.embeddedPort,
    persistent: true,
    quiet: true,
  });
  await ensureDatabaseExists(pg.adminUrl, EMBEDDED_DATABASE);
  return { url: pg.urlFor(EMBEDDED_DATABASE), embedded: true, stop: () => pg.stop() };
}
