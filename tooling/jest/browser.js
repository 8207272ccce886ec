/**
 * Jest preset for the React workspaces (portals and @ldm/ui): jsdom (with Node's fetch globals), TSX through @swc/jest with the
 * React automatic runtime, CSS and assets mapped to stubs, workspace packages mapped to their sources.
 * DSFR (`@codegouvfr/react-dsfr`) ships ES modules: it is transformed by swc like our own code; its
 * style sheets are stubbed like ours.
 * @type {import('jest').Config}
 */
const path = require("node:path");

const swc = [
  require.resolve("@swc/jest"),
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs", ignoreDynamic: true },
  },
];

/** ESM-only packages that jest (CommonJS) must transform; found through pnpm's `.pnpm/<name>@` folders too. */
const esmPackages = ["@codegouvfr/react-dsfr", "tss-react"];
const esmPattern = esmPackages.map((p) => p.replace("/", "[+/]")).join("|");

module.exports = {
  testEnvironment: path.join(__dirname, "browser-environment.js"),
  testMatch: ["<rootDir>/src/**/*.test.{ts,tsx}"],
  moduleFileExtensions: ["tsx", "ts", "js", "mjs", "cjs", "jsx", "json"],
  setupFilesAfterEnv: [path.join(__dirname, "browser-setup.js")],
  testTimeout: 20000,
  moduleNameMapper: {
    "\\.(css|scss|sass|less)$": path.join(__dirname, "stubs/style.js"),
    "\\.(png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|eot)$": path.join(__dirname, "stubs/file.js"),
    "^@ldm/ui$": path.join(__dirname, "../../packages/ui/src/index.ts"),
    "^@ldm/domain$": path.join(__dirname, "../../packages/domain/src/index.ts"),
  },
  transform: {
    "^.+\\.(t|j)sx?$": swc,
    "^.+\\.mjs$": swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${esmPattern}))`],
};
