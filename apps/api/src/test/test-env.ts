import type { PostgresServer } from "../db/throw-away-database";

/** Environment variables through which the global setup tells test files where the database is. */
export const TEST_ENV = {
  adminUrl: "LDM_TEST_ADMIN_URL",
  template: "LDM_TEST_TEMPLATE",
  urlPattern: "LDM_TEST_URL_PATTERN",
} as const;

export interface TestRunState {
  server: PostgresServer;
  template: string;
}
