/**
 * Writes a new migration with the SQL needed to bring a freshly migrated database to the entities'
 * shape (what `typeorm migration:generate` does), against a throw-away database.
 * Usage: pnpm --filter @ldm/api build && pnpm --filter @ldm/api db:migration:generate <Name>
 */
import fs from "node:fs";
import path from "node:path";
import { createDataSource, pendingSchemaChanges, runMigrations } from "../db/data-source";
import { withThrowAwayDatabase } from "../db/throw-away-database";

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error("Usage : db:migration:generate NomEnPascalCase");
  await withThrowAwayDatabase(async (url) => {
    const ds = createDataSource({ url });
    await ds.initialize();
    try {
      await runMigrations(ds);
      const sql = await pendingSchemaChanges(ds);
      if (sql.up.length === 0) {
        console.log("Aucune différence entre les entités et les migrations.");
        return;
      }
      const stamp = Date.now();
      const q = (s: string) => JSON.stringify(s);
      const body = `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${name}${stamp} implements MigrationInterface {
  name = "${name}${stamp}";

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.up.map((x) => `    await queryRunner.query(${q(x)});`).join("\n")}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.down
  .reverse()
  .map((x) => `    await queryRunner.query(${q(x)});`)
  .join("\n")}
  }
}
`;
      const file = path.resolve(
        __dirname,
        "../../src/migrations",
        `${stamp}-${name.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase())}.ts`,
      );
      fs.writeFileSync(file, body);
      console.log(`Migration écrite : ${file} (ajoutez-la à src/migrations/index.ts)`);
    } finally {
      await ds.destroy();
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
