/**
 * Jest preset for Node workspaces. TypeScript is compiled by @swc/jest with legacy decorators and
 * decorator metadata, so type-graphql and TypeORM classes behave as they do after `tsc`.
 * Workspace packages are mapped to their sources so tests never need a prior build.
 * @type {import('jest').Config}
 */
const path = require("node:path");

module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/*.test.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  moduleNameMapper: {
    "^@ldm/domain$": path.join(__dirname, "../../packages/domain/src/index.ts"),
  },
  transform: {
    "^.+\\.ts$": [
      require.resolve("@swc/jest"),
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: "es2022",
        },
        module: { type: "commonjs", ignoreDynamic: true },
      },
    ],
  },
};
