/**
 * Typed GraphQL operations: `graphql(...)` documents written in src/ are typed from the API's committed
 * schema (apps/api/schema.graphql) into src/gql/ (generated, not committed; `pnpm codegen`, also run
 * before dev, build, typecheck and test).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: "string",
          LocalDate: "string",
          JSONObject: "Record<string, unknown>",
        },
      },
    },
  },
};

export default config;
