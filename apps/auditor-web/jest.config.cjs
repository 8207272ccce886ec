const preset = require("@ldm/jest-presets/browser");

/**
 * ESM-only packages that jest (CommonJS) must transform, on top of the preset's: react-router 8 ships
 * ES modules only, and so do its dependencies. Matched in pnpm's `.pnpm/<name>@` folders too.
 */
const esmPackages = [
  "@codegouvfr/react-dsfr",
  "tss-react",
  "react-router",
  "@remix-run/route-pattern",
  "cookie-es",
];
const esmPattern = esmPackages.map((p) => p.replace("/", "[+/]")).join("|");

// react-router reads `import.meta.hot` (Vite's HMR, framework mode only), which CommonJS cannot parse:
// its files go through the preset's swc transform with that expression replaced by `undefined`.
const [swcJest, swcOptions] = preset.transform["^.+\\.(t|j)sx?$"];
const reactRouterSwc = [
  swcJest,
  {
    ...swcOptions,
    jsc: {
      ...swcOptions.jsc,
      transform: {
        ...swcOptions.jsc.transform,
        optimizer: { globals: { vars: { "import.meta.hot": "undefined" } } },
      },
    },
  },
];

// Our files read Vite's `import.meta.env.BASE_URL` (the portal's base), which CommonJS cannot parse:
// the preset's swc transform replaces it by the production base.
const appSwc = [
  swcJest,
  {
    ...swcOptions,
    jsc: {
      ...swcOptions.jsc,
      transform: {
        ...swcOptions.jsc.transform,
        optimizer: {
          globals: { vars: { "import.meta.env.BASE_URL": JSON.stringify("/auditeurs/") } },
        },
      },
    },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: "auditor-web",
  setupFilesAfterEnv: [...preset.setupFilesAfterEnv, "<rootDir>/src/test/setup.ts"],
  // First match wins: react-router's files before the preset's rules.
  transform: {
    "/node_modules/react-router/.+\\.js$": reactRouterSwc,
    ...preset.transform,
    "^.+\\.(t|j)sx?$": appSwc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${esmPattern}))`],
};
