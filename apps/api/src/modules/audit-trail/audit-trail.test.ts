import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser } from "../../test/fixtures";
import { buildAppSchema } from "../../schema";
import { diffRows } from "./audit-trail";

const TRAIL = `query($filter: AuditTrailFilter) { auditTrail(first: 50, filter: $filter) {
  totalCount edges { node { operation entityType entityId action actorUserId actorRole changes } } } }`;

interface Trail {
  auditTrail: {
    totalCount: number;
    edges: {
      node: {
        operation: string;
        entityType: string;
        entityId: string;
        action: string;
        actorUserId: string | null;
        actorRole: string | null;
        changes: Record<string, { before: unknown; after: unknown }>;
      };
    }[];
  };
}

describe("audit trail", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("records who changed which object, when, and the changed fields before and after", async () => {
    const establishment = await insertEstablishment(app.dataSource);
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: establishment.id,
    });
    const created = ok(
      await app.execute<{ createIndividualCandidature: { id: string; members: { id: string }[] } }>(
        `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id members { id } } }`,
        { input: { establishmentId: establishment.id, labelTitle: "Métiers de l'automobile" } },
        head.viewer,
      ),
    );
    const memberId = created.createIndividualCandidature.members[0]!.id;
    ok(
      await app.execute(
        `mutation($input: SetOptionalCriterionInput!) { setOptionalCriterion(input: $input) { id } }`,
        { input: { candidatureId: created.createIndividualCandidature.id, variant: "B" } },
        head.viewer,
      ),
    );
    // Criterion 9 is the establishment's choice: recorded on its membership.
    const trail = ok(
      await app.execute<Trail>(TRAIL, {
        filter: { entityType: "CoApplicant", entityId: memberId },
      }),
    );
    const nodes = trail.auditTrail.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.operation, n.action])).toEqual([
      ["setOptionalCriterion", "UPDATE"],
      ["createIndividualCandidature", "CREATE"],
    ]);
    expect(nodes[0]).toMatchObject({
      actorUserId: head.user.id,
      actorRole: "SCHOOL_HEAD",
      changes: { optionalCriterionVariant: { before: null, after: "B" } },
    });
    expect(nodes[1]!.changes).toMatchObject({ isLead: { before: null, after: true } });
  });

  it("records nothing for a refused mutation", async () => {
    const before = ok(await app.execute<Trail>(TRAIL, {})).auditTrail.totalCount;
    const refusal = refused(
      await app.execute(
        `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
        {
          input: {
            members: [
              { establishmentId: (await insertEstablishment(app.dataSource)).id, isLead: true },
            ],
          },
        },
      ),
    );
    expect(refusal.code).toBe("BAD_USER_INPUT");
    expect(ok(await app.execute<Trail>(TRAIL, {})).auditTrail.totalCount).toBe(before);
  });

  it("is readable by DRAFPIC only, and cannot be edited", async () => {
    const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
    expect(refused(await app.execute(TRAIL, {}, analyst.viewer)).code).toBe("FORBIDDEN");
    expect(refused(await app.execute(TRAIL, {}, null)).code).toBe("UNAUTHENTICATED");
    await expect(app.dataSource.query("UPDATE audit_log SET operation = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(app.dataSource.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query("DELETE FROM auth_event")).rejects.toThrow(/append-only/);
    // No operation of the schema writes the trail.
    const mutations = Object.keys((await buildAppSchema()).getMutationType()!.getFields());
    expect(mutations.filter((m) => /auditTrail|auditLog/i.test(m))).toEqual([]);
  });

  it("never copies secrets", () => {
    expect(
      diffRows({ passwordHash: "a", fullName: "A" }, { passwordHash: "b", fullName: "B" }),
    ).toEqual({
      passwordHash: { before: "***", after: "***" },
      fullName: { before: "A", after: "B" },
    });
  });
});
