import { assertValidUai, TRANSITIONS, type CandidatureState } from "@ldm/domain";
import { createTestApp, ok, type TestApp } from "../test/test-app";
import { CANDIDATURE_TABLES, rowCounts } from "../test/fixtures";
import { seedDemoData } from "./seed";
import { SEED_ESTABLISHMENTS } from "./seed-data";

const TABLES = ["establishment", ...CANDIDATURE_TABLES];
const counts = (app: TestApp) => rowCounts(app.dataSource, TABLES);

const CANDIDATURES = `query {
  candidatures(first: 50) {
    totalCount
    edges {
      node {
        state
        kind
        members { isLead establishment { uai } }
        readiness { ready }
      }
    }
  }
}`;

interface CandidaturesData {
  candidatures: {
    totalCount: number;
    edges: {
      node: {
        state: CandidatureState;
        kind: "INDIVIDUAL" | "NETWORK";
        members: { isLead: boolean; establishment: { uai: string } }[];
        readiness: { ready: boolean };
      };
    }[];
  };
}

describe("demo data seed", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("writes the demo data once, then does nothing (idempotent)", async () => {
    expect(await seedDemoData(app.dataSource)).toBe(true);
    const before = await counts(app);
    expect(await seedDemoData(app.dataSource)).toBe(false);
    expect(await counts(app)).toEqual(before);
    expect(before.candidature).toBeGreaterThanOrEqual(7);
  });

  it("seeds at least 20 establishments with valid UAIs in both académies and all six départements", async () => {
    for (const e of SEED_ESTABLISHMENTS) {
      expect(assertValidUai(e.uai)).toBe(e.uai);
      expect(e.uai.slice(0, 3)).toBe(e.departementCode.padStart(3, "0"));
    }
    const rows: { uai: string; academie_code: string; departement_code: string }[] =
      await app.dataSource.query(
        "SELECT uai, academie_code, departement_code FROM establishment ORDER BY uai",
      );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(assertValidUai(row.uai)).toBe(row.uai);
    expect(new Set(rows.map((r) => r.academie_code))).toEqual(new Set(["AIX_MARSEILLE", "NICE"]));
    expect(new Set(rows.map((r) => r.departement_code))).toEqual(
      new Set(["04", "05", "06", "13", "83", "84"]),
    );
    const kinds: { kind: string; sector: string }[] = await app.dataSource.query(
      "SELECT DISTINCT kind, sector FROM establishment",
    );
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["LP", "LPO", "EREA"]));
    expect(new Set(kinds.map((k) => k.sector))).toEqual(
      new Set(["PUBLIC", "PRIVATE_UNDER_CONTRACT"]),
    );
  });

  it("covers the stages of the procedure, with exactly one lead per candidature", async () => {
    const states: { state: string }[] = await app.dataSource.query(
      "SELECT DISTINCT state FROM candidature",
    );
    expect(states.map((s) => s.state)).toEqual(
      expect.arrayContaining([
        "ENGAGEMENT",
        "DOSSIER_OPEN",
        "SUBMITTED",
        "PREPARATORY_VISIT_DONE",
        "LABELLED",
        "REFUSED",
      ]),
    );
    const members: { kind: string; members: number; leads: number }[] = await app.dataSource.query(
      `SELECT c.kind, count(m.id)::int AS members, count(m.id) FILTER (WHERE m.is_lead)::int AS leads
         FROM candidature c LEFT JOIN co_applicant m ON m.candidature_id = c.id GROUP BY c.id, c.kind`,
    );
    for (const row of members) {
      expect(row.leads).toBe(1);
      expect(row.members).toBeGreaterThanOrEqual(row.kind === "NETWORK" ? 2 : 1);
      if (row.kind === "INDIVIDUAL") expect(row.members).toBe(1);
    }
    expect(members.some((row) => row.kind === "NETWORK" && row.members >= 3)).toBe(true);
  });

  it("keeps every history consistent with the lifecycle, from ENGAGEMENT to the current state", async () => {
    const candidatures: {
      id: string;
      state: CandidatureState;
      publication_date: string | null;
      audit_date: string | null;
    }[] = await app.dataSource.query(
      "SELECT id, state, publication_date::text, audit_date::text FROM candidature",
    );
    for (const c of candidatures) {
      const history: {
        transition: string;
        from_state: string;
        to_state: string;
        effective_date: string;
      }[] = await app.dataSource.query(
        `SELECT transition, from_state, to_state, effective_date::text FROM candidature_transition
         WHERE candidature_id = $1 ORDER BY created_at, id`,
        [c.id],
      );
      let state = "ENGAGEMENT";
      let previousDate = "";
      for (const step of history) {
        const definition = TRANSITIONS.find((t) => t.name === step.transition);
        expect(definition).toBeDefined();
        expect((definition?.from ?? []) as readonly string[]).toContain(step.from_state);
        expect(step.to_state).toBe(definition?.to);
        expect(step.from_state).toBe(state);
        expect(step.effective_date >= previousDate).toBe(true);
        state = step.to_state;
        previousDate = step.effective_date;
      }
      expect(state).toBe(c.state);
      if (c.state === "LABELLED") {
        expect(c.publication_date).not.toBeNull();
        expect(c.audit_date !== null && c.audit_date < (c.publication_date ?? "")).toBe(true);
        expect(history.at(-1)?.effective_date).toBe(c.publication_date);
      }
    }
    const labelled = candidatures.find((c) => c.state === "LABELLED");
    const refused = candidatures.find((c) => c.state === "REFUSED");
    expect(labelled?.audit_date).toBeDefined();
    expect(refused?.publication_date).toBeNull();
  });

  it("serves the candidatures through GraphQL; submitted dossiers are ready, open ones are not", async () => {
    const data = ok(await app.execute<CandidaturesData>(CANDIDATURES));
    const nodes = data.candidatures.edges.map((e) => e.node);
    expect(data.candidatures.totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThanOrEqual(7);
    const known = new Set<string>(SEED_ESTABLISHMENTS.map((e) => e.uai));
    for (const node of nodes) {
      expect(node.members.filter((m) => m.isLead)).toHaveLength(1);
      expect(node.members[0]?.isLead).toBe(true);
      for (const m of node.members) expect(known.has(m.establishment.uai)).toBe(true);
    }
    const inState = (state: CandidatureState) => nodes.filter((n) => n.state === state);
    expect(inState("SUBMITTED").length).toBeGreaterThanOrEqual(1);
    for (const n of inState("SUBMITTED")) expect(n.readiness.ready).toBe(true);
    for (const n of inState("PREPARATORY_VISIT_DONE")) expect(n.readiness.ready).toBe(true);
    for (const n of inState("DOSSIER_OPEN")) expect(n.readiness.ready).toBe(false);
    expect(
      nodes.some(
        (n) => n.state === "DOSSIER_OPEN" && n.kind === "NETWORK" && n.members.length >= 3,
      ),
    ).toBe(true);
  });

  it("loads the demo data once when two seeds run concurrently", async () => {
    const other = await createTestApp();
    try {
      const results = await Promise.all([
        seedDemoData(other.dataSource),
        seedDemoData(other.dataSource),
      ]);
      expect([...results].sort()).toEqual([false, true]);
      const rows: { n: number }[] = await other.dataSource.query(
        "SELECT count(*)::int AS n FROM establishment",
      );
      expect(rows[0]?.n).toBe(SEED_ESTABLISHMENTS.length);
    } finally {
      await other.close();
    }
  });
});
