import { isNullableType, isObjectType } from "graphql";
import { PERSONAL_DATA_FIELDS } from "@ldm/domain";
import { buildAppSchema } from "../../schema";
import { createTestApp, ok, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser } from "../../test/fixtures";

describe("personal data", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("is hidden from analysts and shown to the other roles", async () => {
    const establishment = await insertEstablishment(app.dataSource);
    const staff = await insertUser(app.dataSource, {
      role: "SCHOOL_STAFF",
      establishmentId: establishment.id,
      fullName: "Camille Durand",
    });
    const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
    const query = `query($id: ID!) { user(id: $id) { id role fullName email phone establishment { name } } }`;
    type U = { user: { id: string; role: string; fullName: string | null; email: string | null } };
    const seenByAnalyst = ok(await app.execute<U>(query, { id: staff.user.id }, analyst.viewer));
    expect(seenByAnalyst.user).toMatchObject({
      id: staff.user.id,
      role: "SCHOOL_STAFF",
      fullName: null,
      email: null,
    });
    const seenByDrafpic = ok(await app.execute<U>(query, { id: staff.user.id }));
    expect(seenByDrafpic.user).toMatchObject({
      fullName: "Camille Durand",
      email: staff.user.email,
    });
  });

  it("is marked in one list, the domain's, whose every field exists in the schema and may be null", async () => {
    const schema = await buildAppSchema();
    for (const [typeName, fields] of Object.entries(PERSONAL_DATA_FIELDS)) {
      const type = schema.getType(typeName);
      expect(isObjectType(type)).toBe(true);
      if (!isObjectType(type)) continue;
      for (const field of fields) {
        expect({ typeName, field, exists: Boolean(type.getFields()[field]) }).toEqual({
          typeName,
          field,
          exists: true,
        });
        expect(isNullableType(type.getFields()[field]!.type)).toBe(true);
      }
    }
  });
});
