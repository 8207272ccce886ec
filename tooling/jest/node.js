/**
 * Jest preset for Node workspaces. TypeScript is compiled by @swc/jest with legacy decorators and
 * decorator metadata, so type-graphql and TypeORM classes behave as they do after `tsc`.
 * Workspace packages are mapped to their sources so tests never need a prior build.
 * Jest's module system does not use Node's `require(esm)`: the few ESM-only packages we load (the
 * HTML parser behind sanitize-html, and its helpers) are compiled to CommonJS by swc like our sources.
 * @type {import('jest').Config}
 */
const path = require("node:path");

/** ESM-only packages (compiled for jest). */
const ESM_ONLY = [
  "htmlparser2",
  "domhandler",
  "domutils",
  "dom-serializer",
  "domelementtype",
  "entities",
  // pg-boss (the job queue) and its ESM-only dependencies.
  "pg-boss",
  "serialize-error",
  "non-error",
];

module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/*.test.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  moduleNameMapper: {
    "^@ldm/domain$": path.join(__dirname, "../../packages/domain/src/index.ts"),
    "^@ldm/contracts$": path.join(__dirname, "../../packages/contracts/src/index.ts"),
  },
  transformIgnorePatterns: [`/node_modules/\\.pnpm/(?!(${ESM_ONLY.join("|")})@)`],
  transform: {
    "^.+\\.[tj]s$": [
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
