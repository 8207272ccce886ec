/**
 * Criterion 9 is « au choix de l'établissement »: in a network each co-applicant chooses 9-a, 9-b or
 * none, through `setOptionalCriterion` with its establishment. The dossier (criteria, answers, pilots,
 * readiness) follows each member's choice; every refusal leaves everything as it was.
 */
import { NATIONAL_CRITERION_CODES, type Viewer } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser, rowCounts } from "../../test/fixtures";
import type { Establishment } from "../establishment/establishment.entity";

const CANDIDATURE = `id optionalCriterionVariant
  members { isLead optionalCriterionVariant establishment { id name } }
  criteria { code }
  responses { criterionCode establishment { id } }
  readiness { criteria { criterionCode missing } }`;
const CREATE_NETWORK = `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { ${CANDIDATURE} } }`;
const CREATE_INDIVIDUAL = `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { ${CANDIDATURE} } }`;
const SET = `mutation($input: SetOptionalCriterionInput!) { setOptionalCriterion(input: $input) { ${CANDIDATURE} } }`;
const RESPONSE = `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { criterionCode } }`;
const PILOT = `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`;

interface CandidatureData {
  id: string;
  optionalCriterionVariant: string | null;
  members: {
    isLead: boolean;
    optionalCriterionVariant: string | null;
    establishment: { id: string; name: string };
  }[];
  criteria: { code: string }[];
  responses: { criterionCode: string; establishment: { id: string } }[];
  readiness: { criteria: { criterionCode: string; missing: string[] }[] };
}

describe("criterion 9, each establishment's choice", () => {
  let app: TestApp;
  /** Establishments of the current test (an establishment takes part in one open candidature). */
  let e: Establishment[];
  /** The head of each. */
  let head: Viewer[];
  /** A member of e1's steering team. */
  let staff: Viewer;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    e = [];
    head = [];
    for (let i = 0; i < 4; i++) {
      e.push(await insertEstablishment(app.dataSource));
      head.push(
        (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: e[i]!.id }))
          .viewer,
      );
    }
    staff = (await insertUser(app.dataSource, { role: "SCHOOL_STAFF", establishmentId: e[1]!.id }))
      .viewer;
  });
  afterAll(() => app.close());

  /** A network of e0 (lead, 9-a at creation), e1 and e2; e3 stays outside. */
  async function network(): Promise<CandidatureData> {
    return ok(
      await app.execute<{ createNetworkCandidature: CandidatureData }>(
        CREATE_NETWORK,
        {
          input: {
            members: [e[0]!, e[1]!, e[2]!].map((m, i) => ({
              establishmentId: m.id,
              isLead: i === 0,
            })),
            labelTitle: "Métiers de la mer",
            optionalCriterionVariant: "A",
          },
        },
        head[0],
      ),
    ).createNetworkCandidature;
  }

  const choose = (
    candidatureId: string,
    establishmentId: string | null,
    variant: string | null,
    by: Viewer,
  ) =>
    app.execute<{ setOptionalCriterion: CandidatureData }>(
      SET,
      { input: { candidatureId, establishmentId, variant } },
      by,
    );

  const variants = (c: CandidatureData) => c.members.map((m) => m.optionalCriterionVariant);
  const codes = (c: CandidatureData) => c.criteria.map((x) => x.code);
  const missingOn = (c: CandidatureData, code: string) =>
    c.readiness.criteria.find((r) => r.criterionCode === code)?.missing ?? [];

  it("gives the creator's choice to the lead only; each head then chooses its own", async () => {
    const created = await network();
    expect(variants(created)).toEqual(["A", null, null]);
    // The candidature-level field (deprecated) reads the lead's choice.
    expect(created.optionalCriterionVariant).toBe("A");
    expect(codes(created)).toEqual([...NATIONAL_CRITERION_CODES, "9a"]);

    const chosen = ok(await choose(created.id, e[1]!.id, "B", head[1]!)).setOptionalCriterion;
    expect(variants(chosen)).toEqual(["A", "B", null]);
    expect(chosen.optionalCriterionVariant).toBe("A");
    expect(codes(chosen)).toEqual([...NATIONAL_CRITERION_CODES, "9a", "9b"]);
    // Readiness asks each variant of the establishment that chose it, and of no other.
    const name = (i: number) => chosen.members[i]!.establishment.name;
    const on9a = missingOn(chosen, "9a").join("\n");
    const on9b = missingOn(chosen, "9b").join("\n");
    expect(on9a).toContain(name(0));
    expect(on9a).not.toContain(name(1));
    expect(on9b).toContain(name(1));
    expect(on9b).not.toContain(name(0));
    expect(`${on9a}\n${on9b}`).not.toContain(name(2));
  });

  it("lets each establishment answer and pilot only the criterion 9 it chose", async () => {
    const c = await network();
    ok(await choose(c.id, e[1]!.id, "B", head[1]!));
    const answer = (establishment: number, criterionCode: string) =>
      app.execute(
        RESPONSE,
        {
          input: {
            candidatureId: c.id,
            establishmentId: e[establishment]!.id,
            criterionCode,
            narrative: "<p>Démarche.</p>",
          },
        },
        head[establishment],
      );
    ok(await answer(1, "9b"));
    ok(await answer(0, "9a"));
    const before = await rowCounts(app.dataSource);
    const notChosen = refused(await answer(2, "9a"));
    expect(notChosen.code).toBe("BAD_USER_INPUT");
    expect(notChosen.message).toMatch(/critère 9-a n'est pas retenu par cet établissement/);
    expect(refused(await answer(0, "9b")).code).toBe("BAD_USER_INPUT");
    const pilot = await insertUser(app.dataSource, {
      role: "SCHOOL_STAFF",
      establishmentId: e[2]!.id,
    });
    const pilotRefused = refused(
      await app.execute(
        PILOT,
        { input: { candidatureId: c.id, criterionCode: "9a", userId: pilot.user.id } },
        head[2],
      ),
    );
    expect(pilotRefused.code).toBe("BAD_USER_INPUT");
    expect(await rowCounts(app.dataSource)).toEqual(before);

    // Dropping the variant hides the answer (kept, it counts again if the variant comes back).
    const dropped = ok(await choose(c.id, e[1]!.id, null, head[1]!)).setOptionalCriterion;
    expect(codes(dropped)).toEqual([...NATIONAL_CRITERION_CODES, "9a"]);
    expect(dropped.responses.map((r) => r.criterionCode)).toEqual(["9a"]);
    const back = ok(await choose(c.id, e[1]!.id, "B", head[1]!)).setOptionalCriterion;
    expect(back.responses.map((r) => r.criterionCode).sort()).toEqual(["9a", "9b"]);
  });

  it("refuses anyone choosing for another establishment, a network call without one, and changes nothing", async () => {
    const c = await network();
    const stateOf = async () => ({
      members: (await app.dataSource.query(
        "SELECT establishment_id, optional_criterion_variant FROM co_applicant WHERE candidature_id = $1 ORDER BY created_at",
        [c.id],
      )) as unknown[],
      candidature: (await app.dataSource.query("SELECT updated_at FROM candidature WHERE id = $1", [
        c.id,
      ])) as unknown[],
      trail: (
        (await app.dataSource.query("SELECT count(*)::int AS n FROM audit_log")) as unknown[]
      )[0],
    });
    const before = await stateOf();

    // The lead's head does not choose for a co-applicant.
    const byLead = refused(await choose(c.id, e[1]!.id, "B", head[0]!));
    expect(byLead.code).toBe("FORBIDDEN");
    // Nor does a member of its steering team, nor another co-applicant's head.
    expect(refused(await choose(c.id, e[1]!.id, "B", staff)).code).toBe("FORBIDDEN");
    expect(refused(await choose(c.id, e[1]!.id, "B", head[2]!)).code).toBe("FORBIDDEN");
    // In a network, the establishment is required.
    const unnamed = refused(await choose(c.id, null, "B", head[1]!));
    expect(unnamed.code).toBe("BAD_USER_INPUT");
    expect(unnamed.message).toMatch(/chaque établissement choisit son critère 9/);
    // An establishment outside the candidature.
    expect(refused(await choose(c.id, e[3]!.id, "B", app.drafpic)).code).toBe("NOT_FOUND");
    // Outsiders do not even see the candidature.
    expect(refused(await choose(c.id, e[3]!.id, "B", head[3]!)).code).toBe("NOT_FOUND");
    // Only A, B or none.
    expect(refused(await choose(c.id, e[1]!.id, "C", head[1]!)).code).toBe("BAD_USER_INPUT");
    // Once the dossier is submitted, the school no longer changes it.
    await app.dataSource.query("UPDATE candidature SET state = 'SUBMITTED' WHERE id = $1", [c.id]);
    expect(refused(await choose(c.id, e[1]!.id, "B", head[1]!)).code).toBe("CANDIDATURE_LOCKED");
    await app.dataSource.query("UPDATE candidature SET state = 'ENGAGEMENT' WHERE id = $1", [c.id]);

    expect(await stateOf()).toEqual(before);
  });

  it("lets DRAFPIC choose for any member, and an individual candidature omit its establishment", async () => {
    const c = await network();
    const byDrafpic = ok(await choose(c.id, e[2]!.id, "B", app.drafpic)).setOptionalCriterion;
    expect(variants(byDrafpic)).toEqual(["A", null, "B"]);

    const individual = ok(
      await app.execute<{ createIndividualCandidature: CandidatureData }>(
        CREATE_INDIVIDUAL,
        { input: { establishmentId: e[3]!.id } },
        head[3],
      ),
    ).createIndividualCandidature;
    expect(variants(individual)).toEqual([null]);
    const set = ok(await choose(individual.id, null, "B", head[3]!)).setOptionalCriterion;
    expect(variants(set)).toEqual(["B"]);
    expect(set.optionalCriterionVariant).toBe("B");
    expect(codes(set)).toEqual([...NATIONAL_CRITERION_CODES, "9b"]);
  });
});
