import "reflect-metadata";
import { openDatabase } from "../bootstrap";
import { seedDemoData } from "../seed/seed";
import { LocalFileStorage } from "../storage/local-file-storage";

openDatabase()
  .then(async (db) => {
    const seeded = await seedDemoData(
      db.dataSource,
      db.auth,
      new LocalFileStorage(db.env.storageDir),
    );
    console.log(
      seeded
        ? "Données de démonstration chargées."
        : "Données de démonstration déjà présentes : rien à faire.",
    );
    await db.close();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
