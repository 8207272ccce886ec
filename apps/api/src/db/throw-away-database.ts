/**
 * A database that lives for one task (tests, migration generation): created on the server of
 * DATABASE_URL when set, else on an embedded PostgreSQL in a temporary directory; dropped afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface PostgresServer {
  /** URL of a database to connect to for administration (CREATE/DROP DATABASE). */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The server of DATABASE_URL, or a new embedded one on a free port in a temporary directory. */
export async function startTestServer(databaseUrl: string | undefined): Promise<PostgresServer> {
  if (databaseUrl) {
    const base = new URL(databaseUrl);
    const urlFor = (db: string) => {
      const u = new URL(base.toString());
      u.pathname = `/${db}`;
      return u.toString();
    };
    return { adminUrl: databaseUrl, urlFor, stop: async () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-pg-"));
  fs.chmodSync(dir, 0o755);
  const port = 55000 + Math.floor(Math.random() * 4000);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port,
    persistent: false,
    quiet: true,
  });
  return {
    adminUrl: pg.adminUrl,
    urlFor: pg.urlFor,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

export async function withThrowAwayDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const server = await startTestServer(process.env.DATABASE_URL);
  const name = randomDatabaseName("ldm_tmp");
  try {
    await adminQuery(server.adminUrl, `CREATE DATABASE ${name}`);
    try {
      return await fn(server.urlFor(name));
    } finally {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await server.stop();
  }
}
