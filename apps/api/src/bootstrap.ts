/** Opens the database (embedded when DATABASE_URL is empty) and brings it to the latest migration. */
import type { DataSource } from "typeorm";
import { readEnv, type ApiEnv } from "./env";
import { resolveDatabase, type ResolvedDatabase } from "./db/database";
import { createDataSource, runMigrations } from "./db/data-source";

export interface OpenDatabase {
  env: ApiEnv;
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
    database,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.stop();
    },
  };
}
