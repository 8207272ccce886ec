import fs from "node:fs";
import {
  GraphQLObjectType,
  GraphQLInputObjectType,
  GraphQLEnumType,
  isIntrospectionType,
} from "graphql";
import { printSchemaFile } from "./schema-file";
import { buildAppSchema, SCHEMA_FILE } from "./schema";

describe("the GraphQL contract", () => {
  it("matches the committed schema.graphql (run `pnpm --filter @ldm/api schema:emit` after a change)", async () => {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    expect(committed).toBe(await printSchemaFile());
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = await buildAppSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith("__")) continue;
      if (["String", "Boolean", "Int", "Float", "ID", "Query", "Mutation"].includes(type.name))
        continue;
      if (!type.description) undocumented.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues())
          if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
