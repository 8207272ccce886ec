const preset = require("@ldm/jest-presets/browser");

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: "school-web",
  setupFilesAfterEnv: [...preset.setupFilesAfterEnv, "<rootDir>/src/test/setup.ts"],
};
