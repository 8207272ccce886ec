import { DataSource, type MigrationInterface, type QueryRunner } from "typeorm";
import { adminQuery, randomDatabaseName } from "./throw-away-database";
import { createDataSource, pendingSchemaChanges, runMigrations } from "./data-source";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "../migrations";
import { TEST_ENV } from "../test/test-env";

const adminUrl = () => process.env[TEST_ENV.adminUrl]!;
const urlFor = (db: string) => process.env[TEST_ENV.urlPattern]!.replace("__DB__", db);

async function withEmptyDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const name = randomDatabaseName("ldm_test_mig");
  await adminQuery(adminUrl(), `CREATE DATABASE ${name}`);
  try {
    await fn(urlFor(name));
  } finally {
    await adminQuery(adminUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1",
  );
  return rows.map((r) => r.table_name);
}

describe("migrations", () => {
  it("bring an empty database to the entities' exact shape, and down again", () =>
    withEmptyDatabase(async (url) => {
      const ds = createDataSource({ url });
      await ds.initialize();
      try {
        expect(await runMigrations(ds)).toHaveLength(MIGRATIONS.length);
        expect((await pendingSchemaChanges(ds)).up).toEqual([]);
        expect(await ds.query("SELECT code FROM academie ORDER BY code")).toEqual([
          { code: "AIX_MARSEILLE" },
          { code: "NICE" },
        ]);
        for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
        expect(await tables(ds)).toEqual([]);
        await runMigrations(ds);
        expect((await tables(ds)).length).toBeGreaterThan(5);
      } finally {
        await ds.destroy();
      }
    }));

  it("stop with a clear French message when a migration fails, leaving the database unchanged", () =>
    withEmptyDatabase(async (url) => {
      class Broken9999999999999 implements MigrationInterface {
        name = "Broken9999999999999";
        async up(q: QueryRunner): Promise<void> {
          await q.query("CREATE TABLE half_done (id int)");
          await q.query("SELECT * FROM table_that_does_not_exist");
        }
        async down(): Promise<void> {}
      }
      const ds = new DataSource({
        type: "postgres",
        url,
        entities: ENTITIES,
        migrations: [...MIGRATIONS, Broken9999999999999],
        migrationsTableName: "typeorm_migrations",
        uuidExtension: "pgcrypto",
        installExtensions: false,
      });
      await ds.initialize();
      try {
        await expect(runMigrations(ds)).rejects.toThrow(
          /Échec de la migration de la base de données : .*table_that_does_not_exist/,
        );
        expect(await tables(ds)).not.toContain("half_done");
        const applied: { name: string }[] = await ds.query("SELECT name FROM typeorm_migrations");
        expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
      } finally {
        await ds.destroy();
      }
    }));
});
