import { lexicographicSortSchema, printSchema } from "graphql";
import { buildAppSchema } from "./schema";

const HEADER = "# Généré par `pnpm --filter @ldm/api schema:emit` — ne pas modifier à la main.\n\n";

/** The schema as committed in schema.graphql: sorted, so that diffs stay readable. */
export async function printSchemaFile(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
