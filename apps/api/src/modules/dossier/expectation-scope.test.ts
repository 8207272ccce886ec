/**
 * The expectations « Dans le cas de candidatures en réseau… » bind network candidatures only: an
 * individual candidature cannot tick them (and its criteria do not list them); the Euroscol rule of
 * criterion 6 is a rule exposed on the criterion, not an expectation.
 */
import { CURRENT_REFERENTIAL_VERSION, getCriterion, type Viewer } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser, rowCounts } from "../../test/fixtures";

const RESPONSE = `mutation($input: UpdateCriterionResponseInput!) {
  updateCriterionResponse(input: $input) { addressedExpectationIds version }
}`;
const CRITERIA = `query($id: ID!) { candidature(id: $id) {
  criteria { code metByEuroscolNote expectations { id scope } }
} }`;
const TABLES = ["criterion_response", "audit_log"];

interface CriteriaData {
  candidature: {
    criteria: {
      code: string;
      metByEuroscolNote: string | null;
      expectations: { id: string; scope: "ALL" | "NETWORK" }[];
    }[];
  };
}

describe("expectations of network candidatures only", () => {
  let app: TestApp;
  let individual: { id: string; establishmentId: string; head: Viewer };
  let network: { id: string; establishmentId: string; head: Viewer };

  beforeAll(async () => {
    app = await createTestApp();
    const [a, b, c] = [
      await insertEstablishment(app.dataSource),
      await insertEstablishment(app.dataSource),
      await insertEstablishment(app.dataSource),
    ];
    const headOf = async (id: string) =>
      (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: id })).viewer;
    const headA = await headOf(a!.id);
    const headB = await headOf(b!.id);
    individual = {
      id: ok(
        await app.execute<{ createIndividualCandidature: { id: string } }>(
          `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
          { input: { establishmentId: a!.id } },
          headA,
        ),
      ).createIndividualCandidature.id,
      establishmentId: a!.id,
      head: headA,
    };
    network = {
      id: ok(
        await app.execute<{ createNetworkCandidature: { id: string } }>(
          `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
          {
            input: {
              members: [
                { establishmentId: b!.id, isLead: true },
                { establishmentId: c!.id, isLead: false },
              ],
            },
          },
          headB,
        ),
      ).createNetworkCandidature.id,
      establishmentId: b!.id,
      head: headB,
    };
  });
  afterAll(() => app.close());

  const tick = (
    target: { id: string; establishmentId: string; head: Viewer },
    criterionCode: string,
    ids: string[],
  ) =>
    app.execute<{
      updateCriterionResponse: { addressedExpectationIds: string[]; version: number };
    }>(
      RESPONSE,
      {
        input: {
          candidatureId: target.id,
          establishmentId: target.establishmentId,
          criterionCode,
          addressedExpectationIds: ids,
        },
      },
      target.head,
    );

  it("refuses a network-only expectation to an individual candidature, changing nothing", async () => {
    ok(await tick(individual, "4", ["4.1", "4.2"]));
    const before = await rowCounts(app.dataSource, TABLES);
    for (const [code, id] of [
      ["4", "4.7"],
      ["5", "5.6"],
      ["6", "6.9"],
      ["8", "8.18"],
    ] as const) {
      const refusal = refused(await tick(individual, code, [`${code}.1`, id]));
      expect(refusal.code).toBe("BAD_USER_INPUT");
      expect(refusal.message).toBe(
        `L'attendu ${id} du critère ${code} ne concerne que les candidatures en réseau : une candidature individuelle ne peut pas le cocher.`,
      );
    }
    expect(await rowCounts(app.dataSource, TABLES)).toEqual(before);
    const [row] = (await app.dataSource.query(
      "SELECT addressed_expectation_ids, version FROM criterion_response WHERE candidature_id = $1 AND criterion_code = '4'",
      [individual.id],
    )) as { addressed_expectation_ids: string[]; version: number }[];
    expect(row).toEqual({ addressed_expectation_ids: ["4.1", "4.2"], version: 1 });
  });

  it("accepts them in a network, and drops the retired « 6.10 » silently everywhere", async () => {
    expect(ok(await tick(network, "4", ["4.7", "4.1"])).updateCriterionResponse).toMatchObject({
      addressedExpectationIds: ["4.1", "4.7"],
    });
    for (const target of [individual, network]) {
      expect(
        ok(await tick(target, "6", ["6.1", "6.10"])).updateCriterionResponse
          .addressedExpectationIds,
      ).toEqual(["6.1"]);
    }
  });

  it("lists only the expectations of the candidature's kind, and the Euroscol rule on criterion 6", async () => {
    const read = async (id: string) =>
      ok(await app.execute<CriteriaData>(CRITERIA, { id })).candidature.criteria;
    const alone = await read(individual.id);
    const together = await read(network.id);
    expect(alone.flatMap((c) => c.expectations).filter((e) => e.scope === "NETWORK")).toEqual([]);
    expect(alone.find((c) => c.code === "4")?.expectations.map((e) => e.id)).not.toContain("4.7");
    expect(together.find((c) => c.code === "4")?.expectations).toContainEqual({
      id: "4.7",
      scope: "NETWORK",
    });
    expect(together.find((c) => c.code === "8")?.expectations).toHaveLength(
      getCriterion(CURRENT_REFERENTIAL_VERSION, "8").expectations.length,
    );
    for (const list of [alone, together]) {
      expect(list.find((c) => c.code === "6")?.metByEuroscolNote).toBe(
        getCriterion(CURRENT_REFERENTIAL_VERSION, "6").metByEuroscolNote,
      );
      expect(list.filter((c) => c.metByEuroscolNote !== null).map((c) => c.code)).toEqual(["6"]);
      expect(list.find((c) => c.code === "6")?.expectations.map((e) => e.id)).not.toContain("6.10");
    }
  });
});
