/**
 * Shared ESLint flat configs.
 * - `base`: typescript-eslint recommended, no unused variables, `any` only with a comment, no role
 *   comparison outside the domain's authorization rules.
 * - `domain`: `base` plus the purity rules of packages/domain (no I/O, no framework, no process.env).
 * - `react`: `base` plus the rules of hooks (eslint-plugin-react-hooks, with the React Compiler checks)
 *   for the portals and @ldm/ui; generated GraphQL code (`src/gql/`) is not linted.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");

const base = tseslint.config(
  { ignores: ["dist/**", ".cache/**", "coverage/**", "node_modules/**", "*.js", "*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
  {
    // Who may do what is decided by @ldm/domain's authorization rules, never by comparing roles in
    // an app (tests, fixtures and the demo data may name roles: they describe data, they decide nothing).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}", "src/test/**", "src/seed/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:matches([left.property.name='role'], [right.property.name='role'])",
          message:
            "Pas de comparaison de rôle ici : utilisez (ou ajoutez) une règle de @ldm/domain (authorization.ts).",
        },
      ],
    },
  },
);

const forbiddenInDomain = [
  "typeorm",
  "type-graphql",
  "graphql",
  "react",
  "react-dom",
  "pg",
  "express",
  "@apollo/*",
  "fs",
  "node:*",
  "http",
  "https",
  "net",
  "child_process",
  "path",
  "os",
];

const domain = tseslint.config(...base, {
  files: ["src/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbiddenInDomain.map((group) => ({
          group: [group],
          message: "packages/domain is pure: no I/O, no framework.",
        })),
      },
    ],
    "no-restricted-globals": [
      "error",
      { name: "process", message: "packages/domain never reads the environment." },
    ],
    // The domain is where roles are compared.
    "no-restricted-syntax": "off",
  },
});

const react = tseslint.config(
  ...base,
  { ignores: ["src/gql/**", "public/**"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      // Warnings fail nobody's CI: dependency arrays are errors here.
      "react-hooks/exhaustive-deps": "error",
    },
  },
);

module.exports = { base, domain, react };
