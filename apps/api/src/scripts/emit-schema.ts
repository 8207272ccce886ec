/** Writes the GraphQL schema to apps/api/schema.graphql (no database needed). */
import "reflect-metadata";
import fs from "node:fs";
import { printSchemaFile } from "../schema-file";
import { SCHEMA_FILE } from "../schema";

printSchemaFile()
  .then((text) => {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`Schéma écrit : ${SCHEMA_FILE}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
