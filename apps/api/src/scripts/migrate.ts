import "reflect-metadata";
import { openDatabase } from "../bootstrap";

openDatabase()
  .then(async (db) => {
    console.log("Base de données à jour.");
    await db.close();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
