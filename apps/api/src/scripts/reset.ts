/** Drops every table of the configured database, migrates it again and reloads the demo data. */
import "reflect-metadata";
import { openDatabase } from "../bootstrap";
import { runMigrations } from "../db/data-source";
import { seedDemoData } from "../seed/seed";
import { LocalFileStorage } from "../storage/local-file-storage";

openDatabase()
  .then(async (db) => {
    await db.dataSource.query(
      "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
    );
    await runMigrations(db.dataSource);
    await seedDemoData(db.dataSource, db.auth, new LocalFileStorage(db.env.storageDir));
    console.log("Base réinitialisée et données de démonstration chargées.");
    await db.close();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
