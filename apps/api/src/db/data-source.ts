import "reflect-metadata";
import { DataSource, type Logger, type QueryRunner } from "typeorm";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "../migrations";

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  connectionTimeoutMs?: number;
  /** Optional TypeORM logger (tests count SQL statements with it). */
  logger?: Logger;
}

/** Creates (without connecting) the TypeORM data source. Schema changes go through migrations only. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: "typeorm_migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension needed.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logging: options.logger ? ["query"] : false,
    ...(options.logger ? { logger: options.logger } : {}),
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    },
  });
}

/** Runs the pending migrations; a failure stops everything with a clear message. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  try {
    const applied = await dataSource.runMigrations({ transaction: "each" });
    return applied.map((m) => m.name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Échec de la migration de la base de données : ${reason}\nLa base n'a pas été modifiée par la migration en échec ; corrigez la cause puis relancez \`pnpm db:migrate\`.`,
    );
  }
}

/**
 * The SQL that would bring the database to the entities' shape (empty when the migrations are complete).
 * TypeORM's schema builder reads the catalogue with parallel queries on one connection, which pg 8
 * deprecates (and pg 9 refuses): its query runner is given a queue so the queries run one after another.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const original = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => queued(original(mode));
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query),
    };
  } finally {
    dataSource.createQueryRunner = original;
  }
}

function queued(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<typeof query>) => {
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as QueryRunner["query"];
  return runner;
}
