/** @type {import('jest').Config} */
module.exports = {
  ...require("@ldm/jest-presets"),
  displayName: "api",
  globalSetup: "<rootDir>/src/test/global-setup.ts",
  globalTeardown: "<rootDir>/src/test/global-teardown.ts",
  testTimeout: 30000,
};
