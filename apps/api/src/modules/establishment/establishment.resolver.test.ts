import { uaiCheckLetter } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";

const CREATE = `mutation Create($input: CreateEstablishmentInput!) {
  createEstablishment(input: $input) { id uai name kind sector city academie { code name } departement { code name } }
}`;

describe("establishments", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const input = {
    uai: "0130053M",
    name: "Lycée professionnel Le Chatelier",
    kind: "LP",
    sector: "PUBLIC",
    city: "Marseille",
    departementCode: "013",
  };

  it("creates an establishment with a valid UAI and derives its académie", async () => {
    const data = ok(
      await app.execute<{ createEstablishment: Record<string, unknown> }>(CREATE, {
        input: { ...input, uai: " 0130053m " },
      }),
    );
    expect(data.createEstablishment).toMatchObject({
      uai: "0130053M",
      academie: { code: "AIX_MARSEILLE", name: "Aix-Marseille" },
      departement: { code: "13", name: "Bouches-du-Rhône" },
    });
  });

  it("refuses an invalid UAI, a duplicate and a département outside PACA, and writes nothing", async () => {
    const before = await app.dataSource.query("SELECT count(*)::int AS n FROM establishment");
    const bad = refused(await app.execute(CREATE, { input: { ...input, uai: "0750655F" } }));
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toMatch(/UAI/);
    const dup = refused(await app.execute(CREATE, { input }));
    expect(dup.code).toBe("CONFLICT");
    const outside = refused(
      await app.execute(CREATE, { input: { ...input, uai: "0750655E", departementCode: "75" } }),
    );
    expect(outside.code).toBe("BAD_USER_INPUT");
    const after = await app.dataSource.query("SELECT count(*)::int AS n FROM establishment");
    expect(after).toEqual(before);
  });

  it("refuses a UAI that does not belong to the département, and writes nothing", async () => {
    const before = await app.dataSource.query(
      "SELECT (SELECT count(*)::int FROM establishment) AS e, (SELECT count(*)::int FROM audit_log) AS a",
    );
    // A valid UAI of the Bouches-du-Rhône (013…) given in the Alpes-Maritimes (006…).
    const uai = `0139998${uaiCheckLetter("0139998")}`;
    const elsewhere = refused(
      await app.execute(CREATE, { input: { ...input, uai, departementCode: "06" } }),
    );
    expect(elsewhere).toMatchObject({
      code: "BAD_USER_INPUT",
      message: `Le code UAI ${uai} ne correspond pas au département 06 (Alpes-Maritimes) : les codes UAI de ce département commencent par 006.`,
    });
    const inVar = refused(
      await app.execute(CREATE, {
        input: { ...input, uai: "0060053A", departementCode: "083" },
      }),
    );
    expect(inVar.code).toBe("BAD_USER_INPUT");
    expect(inVar.message).toBe(
      "Le code UAI 0060053A ne correspond pas au département 83 (Var) : les codes UAI de ce département commencent par 083.",
    );
    expect(
      await app.dataSource.query(
        "SELECT (SELECT count(*)::int FROM establishment) AS e, (SELECT count(*)::int FROM audit_log) AS a",
      ),
    ).toEqual(before);
    // The same UAI in its own département is accepted.
    ok(await app.execute(CREATE, { input: { ...input, uai, departementCode: "13" } }));
  });

  it("lists establishments with filters and cursor pagination", async () => {
    for (const [uai7, name, dep] of [
      ["0060001", "Lycée Les Palmiers", "06"],
      ["0830002", "Lycée du Golfe", "83"],
      ["0060003", "Lycée de la Colline", "06"],
    ] as const) {
      ok(
        await app.execute(CREATE, {
          input: { ...input, uai: uai7 + uaiCheckLetter(uai7), name, departementCode: dep },
        }),
      );
    }
    const LIST = `query List($after: String, $filter: EstablishmentFilter) {
      establishments(first: 2, after: $after, filter: $filter) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } }
    }`;
    type Page = {
      establishments: {
        totalCount: number;
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const first = ok(await app.execute<Page>(LIST, { filter: { academieCode: "NICE" } }));
    expect(first.establishments.totalCount).toBe(3);
    expect(first.establishments.edges.map((e) => e.node.name)).toEqual([
      "Lycée de la Colline",
      "Lycée du Golfe",
    ]);
    expect(first.establishments.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await app.execute<Page>(LIST, {
        filter: { academieCode: "NICE" },
        after: first.establishments.pageInfo.endCursor,
      }),
    );
    expect(second.establishments.edges.map((e) => e.node.name)).toEqual(["Lycée Les Palmiers"]);
    expect(second.establishments.pageInfo.hasNextPage).toBe(false);
    const badCursor = refused(await app.execute(LIST, { after: "nope" }));
    expect(badCursor.code).toBe("BAD_USER_INPUT");
  });

  it("answers NOT_FOUND for an unknown or malformed id", async () => {
    const q = `query($id: ID!) { establishment(id: $id) { id } }`;
    expect(refused(await app.execute(q, { id: "00000000-0000-4000-8000-000000000000" })).code).toBe(
      "NOT_FOUND",
    );
    expect(refused(await app.execute(q, { id: "abc" })).code).toBe("NOT_FOUND");
  });
});
