/**
 * One PostgreSQL server per test run (DATABASE_URL's, or an embedded one), holding a template
 * database migrated once; each test file clones it into its own throw-away database.
 */
import "reflect-metadata";
import { adminQuery, randomDatabaseName, startTestServer } from "../db/throw-away-database";
import { createDataSource, runMigrations } from "../db/data-source";
import { TEST_ENV, type TestRunState } from "./test-env";

export default async function globalSetup(): Promise<void> {
  const server = await startTestServer(process.env.DATABASE_URL);
  const template = randomDatabaseName("ldm_test_tpl");
  await adminQuery(server.adminUrl, `CREATE DATABASE ${template}`);
  const ds = createDataSource({ url: server.urlFor(template) });
  await ds.initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
  process.env[TEST_ENV.adminUrl] = server.adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.urlPattern] = server.urlFor("__DB__");
  const state: TestRunState = { server, template };
  (globalThis as { __LDM_TEST_RUN__?: TestRunState }).__LDM_TEST_RUN__ = state;
}
