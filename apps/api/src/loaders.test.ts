/**
 * Relations are batched per request: the number of SQL statements for a page of candidatures with
 * their members, establishments, responses, pilots, strategies and readiness does not grow with the page.
 */
import type { Logger } from "typeorm";
import { createTestApp, ok, type TestApp } from "./test/test-app";
import { insertEstablishment } from "./test/fixtures";

class CountingLogger implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const PAGE = `query($first: Int) { candidatures(first: $first) { totalCount edges { node {
  id state leadEstablishment { name academie { name } departement { name } }
  members { isLead establishment { uai candidatures { id } } }
  responses { criterionCode establishment { name } }
  pilots { user { fullName } establishment { name } }
  auditors { fullName }
  commonStrategies { text }
  history { transition }
  readiness { ready missing }
} } } }`;

describe("DataLoaders", () => {
  const logger = new CountingLogger();
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ logger });
    for (let i = 0; i < 12; i++) {
      const a = await insertEstablishment(app.dataSource, { departementCode: "84" });
      const b = await insertEstablishment(app.dataSource, { departementCode: "05" });
      ok(
        await app.execute(
          `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
          {
            input: {
              members: [{ establishmentId: a.id, isLead: true }, { establishmentId: b.id }],
            },
          },
        ),
      );
    }
  });
  afterAll(() => app.close());

  async function statementsFor(first: number): Promise<number> {
    logger.count = 0;
    const data = ok(await app.execute<{ candidatures: { edges: unknown[] } }>(PAGE, { first }));
    expect(data.candidatures.edges).toHaveLength(first);
    return logger.count;
  }

  it("runs the same number of SQL statements for 2 or 12 candidatures", async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(12);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
  });
});
