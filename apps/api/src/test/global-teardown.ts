import { Client } from "pg";
import type { TestRunState } from "./test-env";

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __LDM_TEST_RUN__?: TestRunState }).__LDM_TEST_RUN__;
  if (!state) return;
  const client = new Client({
    connectionString: state.server.adminUrl,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    const prefix = state.template.replace("_tpl_", "_");
    const leftovers = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
      [state.template, `${prefix}%`],
    );
    for (const { datname } of leftovers.rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  await state.server.stop();
}
