/**
 * End-to-end tests (`pnpm test:e2e`): the built auditor portal (served at /auditeurs/) and the real
 * API on a throw-away PostgreSQL (`apps/api/src/scripts/e2e-server.ts`, started by the global setup),
 * driven in Debian's chromium by playwright-core. Run after building the API and the portal (turbo
 * does it for `pnpm test`).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const preset = require("@ldm/jest-presets/node");

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: "auditor-web e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/e2e/**/*.e2e.test.ts"],
  globalSetup: "<rootDir>/e2e/support/global-setup.ts",
  globalTeardown: "<rootDir>/e2e/support/global-teardown.ts",
  testTimeout: 120_000,
  // One browser at a time against one server: the files run one after the other.
  maxWorkers: 1,
};
