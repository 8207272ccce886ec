/** Opens the database (embedded when DATABASE_URL is empty) and brings it to the latest migration. */
import type { DataSource } from "typeorm";
import { readEnv, type ApiEnv } from "./env";
import { resolveDatabase, type ResolvedDatabase } from "./db/database";
import { createDataSource, runMigrations } from "./db/data-source";
import { authConfigFrom, type AuthConfig } from "./modules/identity/auth.config";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * The cookie-signing secret: SESSION_SECRET, or one generated once and kept (mode 0600) in
 * `.data/session-secret`, so that restarts and several local instances keep accepting sessions.
 */
function sessionSecret(env: ApiEnv): string {
  if (env.sessionSecret) return env.sessionSecret;
  const file = path.join(path.dirname(env.embeddedDataDir), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export interface OpenDatabase {
  env: ApiEnv;
  auth: AuthConfig;
  database: ResolvedDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function openDatabase(log: (m: string) => void = console.log): Promise<OpenDatabase> {
  const env = readEnv();
  const database = await resolveDatabase(env, log);
  const dataSource = createDataSource({
    url: database.url,
    poolSize: env.dbPoolSize,
    connectionTimeoutMs: env.dbConnectionTimeoutMs,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await database.stop();
    throw new Error(
      `Connexion à PostgreSQL impossible (${database.embedded ? "embarqué" : "DATABASE_URL"}) : ${String(error)}`,
    );
  }
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) log(`Migrations appliquées : ${applied.join(", ")}`);
  } catch (error) {
    await dataSource.destroy();
    await database.stop();
    throw error;
  }
  return {
    env,
    auth: authConfigFrom(env, sessionSecret(env)),
    database,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.stop();
    },
  };
}
