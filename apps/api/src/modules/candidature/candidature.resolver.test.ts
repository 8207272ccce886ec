import { CURRENT_REFERENTIAL_VERSION, getCriterion, NATIONAL_CRITERION_CODES } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import {
  inDays,
  insertEstablishment,
  onWorkingDay,
  insertEvidence,
  insertUser,
  rowCounts,
  today,
  workingDayInMonths,
} from "../../test/fixtures";
import type { Viewer } from "@ldm/domain";
import type { Establishment } from "../establishment/establishment.entity";

const CANDIDATURE_FIELDS = `id kind awardType state stateLabel referentialVersion optionalCriterionVariant auditDate
  members { isLead establishment { id uai name } }
  leadEstablishment { id }
  criteria { code }
  availableTransitions
  deadlines { kind date }
  readiness { ready missing }`;

const CREATE_NETWORK = `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { ${CANDIDATURE_FIELDS} } }`;
const CREATE_INDIVIDUAL = `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { ${CANDIDATURE_FIELDS} } }`;
const ADD = `mutation($input: AddCoApplicantInput!) { addCoApplicant(input: $input) { members { isLead establishment { id } } } }`;
const REMOVE = `mutation($input: RemoveCoApplicantInput!) { removeCoApplicant(input: $input) { members { establishment { id } } } }`;
const SET_VARIANT = `mutation($input: SetOptionalCriterionInput!) { setOptionalCriterion(input: $input) { optionalCriterionVariant criteria { code } } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state history { transition fromState toState } } }`;
const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`;
const RESPONSE = `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { criterionCode narrative version } }`;
const STRATEGY = `mutation($input: UpdateCommonStrategyInput!) { updateCommonStrategy(input: $input) { criterionCode text version } }`;
const PILOT = `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id criterionCode user { id } } }`;
const SCHEDULE = `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { auditDate deadlines { kind date } } }`;

interface CandidatureData {
  id: string;
  kind: string;
  state: string;
  optionalCriterionVariant: string | null;
  members: { isLead: boolean; establishment: { id: string; uai: string; name: string } }[];
  leadEstablishment: { id: string };
  criteria: { code: string }[];
  availableTransitions: string[];
  readiness: { ready: boolean; missing: string[] };
}

describe("candidatures", () => {
  let app: TestApp;
  let e: Establishment[];
  /** The head of each establishment (SCHOOL_HEAD viewers). */
  let head: Viewer[];

  beforeAll(async () => {
    app = await createTestApp();
  });
  // Fresh establishments for each test: an establishment takes part in one open candidature at a time.
  beforeEach(async () => {
    e = [];
    head = [];
    for (let i = 0; i < 5; i++) {
      e.push(await insertEstablishment(app.dataSource, { departementCode: i < 3 ? "06" : "13" }));
      head.push(
        (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: e[i]!.id }))
          .viewer,
      );
    }
  });
  afterAll(() => app.close());

  async function network(ids: string[] = [e[0]!.id, e[1]!.id, e[2]!.id]): Promise<CandidatureData> {
    const data = ok(
      await app.execute<{ createNetworkCandidature: CandidatureData }>(CREATE_NETWORK, {
        input: {
          members: ids.map((id, i) => ({ establishmentId: id, isLead: i === 0 })),
          labelTitle: "Métiers de la mer",
        },
      }),
    );
    return data.createNetworkCandidature;
  }

  it("creates a network candidature and reads it back", async () => {
    const created = await network();
    expect(created).toMatchObject({
      kind: "NETWORK",
      state: "ENGAGEMENT",
      optionalCriterionVariant: null,
    });
    expect(created.members).toHaveLength(3);
    expect(created.members.filter((m) => m.isLead)).toHaveLength(1);
    expect(created.leadEstablishment.id).toBe(e[0]!.id);
    expect(created.criteria.map((c) => c.code)).toEqual([...NATIONAL_CRITERION_CODES]);
    expect(created.availableTransitions).toEqual(
      expect.arrayContaining(["OPEN_DOSSIER", "WITHDRAW"]),
    );
    const read = ok(
      await app.execute<{ candidature: CandidatureData }>(
        `query($id: ID!) { candidature(id: $id) { ${CANDIDATURE_FIELDS} } }`,
        { id: created.id },
      ),
    );
    expect(read.candidature).toEqual(created);
  });

  it("refuses a network with one establishment, a second lead, a duplicate and unknown establishments, writing nothing", async () => {
    const before = await rowCounts(app.dataSource);
    const one = refused(
      await app.execute(CREATE_NETWORK, {
        input: { members: [{ establishmentId: e[0]!.id, isLead: true }] },
      }),
    );
    expect(one).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(one.message).toMatch(/au moins deux établissements/);
    const twoLeads = refused(
      await app.execute(CREATE_NETWORK, {
        input: {
          members: [
            { establishmentId: e[0]!.id, isLead: true },
            { establishmentId: e[1]!.id, isLead: true },
          ],
        },
      }),
    );
    expect(twoLeads.code).toBe("BAD_USER_INPUT");
    expect(twoLeads.message).toMatch(/porteur/);
    const duplicate = refused(
      await app.execute(CREATE_NETWORK, {
        input: {
          members: [
            { establishmentId: e[0]!.id, isLead: true },
            { establishmentId: e[0]!.id, isLead: false },
          ],
        },
      }),
    );
    expect(duplicate.code).toBe("BAD_USER_INPUT");
    const unknown = refused(
      await app.execute(CREATE_NETWORK, {
        input: {
          members: [
            { establishmentId: e[0]!.id, isLead: true },
            { establishmentId: "7f1c1e58-2d2b-4a4e-9c59-0c1f7a0e0c99", isLead: false },
          ],
        },
      }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await rowCounts(app.dataSource)).toEqual(before);
  });

  it("adds and removes co-applicants, refusing a second lead and removals that break the network", async () => {
    const c = await network([e[0]!.id, e[1]!.id]);
    const before = await rowCounts(app.dataSource);
    const secondLead = refused(
      await app.execute(ADD, {
        input: { candidatureId: c.id, establishmentId: e[3]!.id, isLead: true },
      }),
    );
    expect(secondLead.code).toBe("BAD_USER_INPUT");
    const lead = refused(
      await app.execute(REMOVE, { input: { candidatureId: c.id, establishmentId: e[0]!.id } }),
    );
    expect(lead.code).toBe("BAD_USER_INPUT");
    const belowTwo = refused(
      await app.execute(REMOVE, { input: { candidatureId: c.id, establishmentId: e[1]!.id } }),
    );
    expect(belowTwo.code).toBe("BAD_USER_INPUT");
    const notMember = refused(
      await app.execute(REMOVE, { input: { candidatureId: c.id, establishmentId: e[4]!.id } }),
    );
    expect(notMember.code).toBe("NOT_FOUND");
    expect(await rowCounts(app.dataSource)).toEqual(before);

    const added = ok(
      await app.execute<{ addCoApplicant: { members: unknown[] } }>(ADD, {
        input: { candidatureId: c.id, establishmentId: e[3]!.id },
      }),
    );
    expect(added.addCoApplicant.members).toHaveLength(3);
    const removed = ok(
      await app.execute<{ removeCoApplicant: { members: { establishment: { id: string } }[] } }>(
        REMOVE,
        { input: { candidatureId: c.id, establishmentId: e[1]!.id } },
      ),
    );
    expect(removed.removeCoApplicant.members.map((m) => m.establishment.id)).toEqual([
      e[0]!.id,
      e[3]!.id,
    ]);
  });

  it("answers several mutations of one request with what each has just written (loaders renewed)", async () => {
    const c = await network([e[0]!.id, e[1]!.id]);
    // Read first, so that the request's loaders hold the members before the writes.
    type Members = { members: { establishment: { id: string } }[] };
    const data = ok(
      await app.execute<{ first: Members; second: Members; after: Members }>(
        `mutation($c: ID!, $a: ID!, $b: ID!) {
          first: addCoApplicant(input: { candidatureId: $c, establishmentId: $a }) {
            members { establishment { id } }
          }
          second: addCoApplicant(input: { candidatureId: $c, establishmentId: $b }) {
            members { establishment { id } }
          }
          after: removeCoApplicant(input: { candidatureId: $c, establishmentId: $a }) {
            members { establishment { id } }
          }
        }`,
        { c: c.id, a: e[3]!.id, b: e[4]!.id },
      ),
    );
    const ids = (m: Members) => m.members.map((x) => x.establishment.id);
    expect(ids(data.first)).toEqual([e[0]!.id, e[1]!.id, e[3]!.id]);
    expect(ids(data.second)).toEqual([e[0]!.id, e[1]!.id, e[3]!.id, e[4]!.id]);
    expect(ids(data.after)).toEqual([e[0]!.id, e[1]!.id, e[4]!.id]);
  });

  it("adds, changes and drops criterion 9, refusing any variant other than A or B", async () => {
    const c = ok(
      await app.execute<{ createIndividualCandidature: CandidatureData }>(CREATE_INDIVIDUAL, {
        input: { establishmentId: e[4]!.id, optionalCriterionVariant: "A" },
      }),
    ).createIndividualCandidature;
    expect(c.criteria.map((x) => x.code)).toContain("9a");
    type V = {
      setOptionalCriterion: {
        optionalCriterionVariant: string | null;
        criteria: { code: string }[];
      };
    };
    const changed = ok(
      await app.execute<V>(SET_VARIANT, { input: { candidatureId: c.id, variant: "B" } }),
    ).setOptionalCriterion;
    expect(changed.optionalCriterionVariant).toBe("B");
    expect(changed.criteria.map((x) => x.code)).toEqual([...NATIONAL_CRITERION_CODES, "9b"]);
    const bad = refused(
      await app.execute(SET_VARIANT, { input: { candidatureId: c.id, variant: "C" } }),
    );
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toMatch(/^Données invalides/);
    const dropped = ok(
      await app.execute<V>(SET_VARIANT, { input: { candidatureId: c.id, variant: null } }),
    ).setOptionalCriterion;
    expect(dropped.optionalCriterionVariant).toBeNull();
    expect(dropped.criteria).toHaveLength(8);
    const wrongCriterion = refused(
      await app.execute(RESPONSE, {
        input: {
          candidatureId: c.id,
          establishmentId: e[4]!.id,
          criterionCode: "9b",
          narrative: "x",
        },
      }),
    );
    expect(wrongCriterion.code).toBe("BAD_USER_INPUT");
    const unknownCriterion = refused(
      await app.execute(RESPONSE, {
        input: {
          candidatureId: c.id,
          establishmentId: e[4]!.id,
          criterionCode: "12",
          narrative: "x",
        },
      }),
    );
    expect(unknownCriterion.code).toBe("BAD_USER_INPUT");
    expect(unknownCriterion.message).toMatch(/critère/);
  });

  it("refuses a stale common-strategy save with CONFLICT and the current version", async () => {
    const c = await network([e[0]!.id, e[2]!.id]);
    type S = { updateCommonStrategy: { text: string; version: number } };
    const save = (text: string, expectedVersion: number, by: Viewer) =>
      app.execute<S>(
        STRATEGY,
        { input: { candidatureId: c.id, criterionCode: "4", text, expectedVersion } },
        by,
      );
    expect(ok(await save("Stratégie A", 0, head[0]!)).updateCommonStrategy.version).toBe(1);
    expect(ok(await save("Stratégie B", 1, head[2]!)).updateCommonStrategy.version).toBe(2);
    const stale = refused(await save("Stratégie C", 1, head[0]!));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toMatchObject({ currentVersion: 2, text: "Stratégie B" });
    const notCommon = refused(
      await app.execute(
        STRATEGY,
        { input: { candidatureId: c.id, criterionCode: "3", text: "x" } },
        head[0],
      ),
    );
    expect(notCommon.code).toBe("BAD_USER_INPUT");
  });

  it("walks the lifecycle with the domain guards, then locks the dossier", async () => {
    const c = await network([e[3]!.id, e[4]!.id]);
    const transition = (name: string, by: Viewer = app.drafpic) =>
      app.execute(TRANSITION, { input: { candidatureId: c.id, transition: name } }, by);
    const before = await rowCounts(app.dataSource);
    expect(refused(await transition("PUBLISH_LABEL")).code).toBe("INVALID_TRANSITION");
    expect(refused(await transition("OPEN_DOSSIER")).code).toBe("INVALID_TRANSITION");
    expect(await rowCounts(app.dataSource)).toEqual(before);

    for (const m of [e[3]!, e[4]!]) {
      ok(
        await app.execute(ENGAGE, {
          input: {
            candidatureId: c.id,
            establishmentId: m.id,
            engagementLetterOn: today(),
            boardMinutesOn: today(),
          },
        }),
      );
    }
    ok(await transition("OPEN_DOSSIER"));

    // An audit too close is refused (its dossier deadline, audit − 2 months, has passed)…
    const tooClose = onWorkingDay(inDays(20));
    const closeAudit = refused(
      await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: tooClose } }),
    );
    expect(closeAudit.code).toBe("DEADLINE_PASSED");
    // …but a date set earlier can become too close: the submission is then refused.
    await app.dataSource.query("UPDATE candidature SET audit_date = $1 WHERE id = $2", [
      tooClose,
      c.id,
    ]);
    const pastAudit = refused(
      await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: today() } }),
    );
    expect(pastAudit.code).toBe("BAD_USER_INPUT");

    const notReady = refused(await transition("SUBMIT_DOSSIER", head[3]));
    expect(["DEADLINE_PASSED", "INVALID_TRANSITION"]).toContain(notReady.code);
    expect(notReady.message).toMatch(/Auto-évaluation de/);

    for (const i of [3, 4]) {
      const pilot = await insertUser(app.dataSource, {
        role: "SCHOOL_STAFF",
        establishmentId: e[i]!.id,
      });
      for (const code of NATIONAL_CRITERION_CODES) {
        ok(
          await app.execute(
            PILOT,
            { input: { candidatureId: c.id, criterionCode: code, userId: pilot.user.id } },
            head[i],
          ),
        );
        ok(
          await app.execute(
            RESPONSE,
            {
              input: {
                candidatureId: c.id,
                establishmentId: e[i]!.id,
                criterionCode: code,
                narrative: `Démarche du critère ${code}.`,
                planned: "<p>Objectifs fixés en conseil pédagogique.</p>",
                done: "<ul><li>Actions menées</li></ul>",
                measured: "<p>Indicateurs suivis chaque trimestre.</p>",
                improved: "<p>Ajustements décidés en fin d'année.</p>",
                selfAssessedLevel: "MET",
                addressedExpectationIds: getCriterion(
                  CURRENT_REFERENTIAL_VERSION,
                  code,
                ).expectations.map((x) => x.id),
              },
            },
            pilot.viewer,
          ),
        );
      }
      const indicator = ok(
        await app.execute<{ createIndicator: { id: string } }>(
          `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
          {
            input: {
              candidatureId: c.id,
              establishmentId: e[i]!.id,
              name: "Taux d'insertion à 6 mois",
              kind: "QUANTITATIVE",
              unit: "%",
              direction: "HIGHER_IS_BETTER",
              source: "InserJeunes",
              criterionCodes: [...NATIONAL_CRITERION_CODES],
            },
          },
          pilot.viewer,
        ),
      ).createIndicator;
      for (const [schoolYear, numericValue] of [
        ["2022-2023", 61],
        ["2023-2024", 64],
        ["2024-2025", 68],
      ] as const) {
        ok(
          await app.execute(
            `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id } }`,
            { input: { indicatorId: indicator.id, schoolYear, numericValue } },
            pilot.viewer,
          ),
        );
      }
    }
    await insertEvidence(app.dataSource, c.id, [...NATIONAL_CRITERION_CODES]);
    for (const code of ["4", "5", "6", "8"]) {
      ok(
        await app.execute(
          STRATEGY,
          { input: { candidatureId: c.id, criterionCode: code, text: `Stratégie ${code}.` } },
          head[4],
        ),
      );
    }
    const unapproved = refused(await transition("SUBMIT_DOSSIER", head[3]));
    expect(unapproved.code).toBe("DEADLINE_PASSED");
    expect(unapproved.message).toMatch(/Approbation du dépôt par le chef d'établissement/);
    const approve = async () =>
      ok(
        await app.execute(
          `mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { id } }`,
          { input: { candidatureId: c.id } },
          head[4],
        ),
      );
    const approvedAt = async () =>
      ok(
        await app.execute<{
          candidature: {
            members: { establishment: { id: string }; submissionApprovedAt: string | null }[];
          };
        }>(
          `query($id: ID!) { candidature(id: $id) { members { establishment { id } submissionApprovedAt } } }`,
          { id: c.id },
        ),
      ).candidature.members.find((m) => m.establishment.id === e[4]!.id)?.submissionApprovedAt ??
      null;
    await approve();
    expect(await approvedAt()).not.toBeNull();
    // The dossier changes after the approval: the co-applicant approved another text, so it is withdrawn.
    await new Promise((resolve) => setTimeout(resolve, 5));
    ok(
      await app.execute(
        STRATEGY,
        { input: { candidatureId: c.id, criterionCode: "4", text: "Stratégie 4, revue." } },
        head[3],
      ),
    );
    expect(await approvedAt()).toBeNull();
    expect(refused(await transition("SUBMIT_DOSSIER", head[3])).message).toMatch(
      /Approbation du dépôt par le chef d'établissement/,
    );
    await approve();
    expect(refused(await transition("SUBMIT_DOSSIER", head[3])).code).toBe("DEADLINE_PASSED");

    ok(
      await app.execute(SCHEDULE, {
        input: { candidatureId: c.id, auditDate: workingDayInMonths(3) },
      }),
    );
    expect(refused(await transition("SUBMIT_DOSSIER", head[4])).code).toBe("FORBIDDEN");
    expect(refused(await transition("SUBMIT_DOSSIER")).code).toBe("FORBIDDEN");
    type T = { transitionCandidature: { state: string; history: { transition: string }[] } };
    const submitted = ok(
      (await transition("SUBMIT_DOSSIER", head[3])) as Awaited<ReturnType<typeof app.execute<T>>>,
    );
    expect(submitted.transitionCandidature.state).toBe("SUBMITTED");
    expect(submitted.transitionCandidature.history.map((h) => h.transition)).toEqual([
      "OPEN_DOSSIER",
      "SUBMIT_DOSSIER",
    ]);
    const frozen = ok(
      await app.execute<{
        candidature: {
          submittedDossier: {
            sha256: string;
            dossier: {
              schemaVersion: number;
              candidature: { kind: string };
              responses: { criterionCode: string; selfAssessedLevel: string | null }[];
            };
          } | null;
        };
      }>(
        `query($id: ID!) { candidature(id: $id) { submittedDossier { sha256
          dossier { schemaVersion candidature { kind } responses { criterionCode selfAssessedLevel } } } } }`,
        { id: c.id },
      ),
    ).candidature.submittedDossier;
    expect(frozen?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen?.dossier.schemaVersion).toBe(2);
    expect(frozen?.dossier.candidature.kind).toBe("NETWORK");
    expect(frozen?.dossier.responses).toHaveLength(16);
    await expect(app.dataSource.query("UPDATE dossier_snapshot SET sha256 = 'x'")).rejects.toThrow(
      /append-only/,
    );

    const locked = refused(
      await app.execute(
        RESPONSE,
        {
          input: {
            candidatureId: c.id,
            establishmentId: e[3]!.id,
            criterionCode: "1",
            narrative: "Trop tard",
          },
        },
        head[3],
      ),
    );
    expect(locked.code).toBe("CANDIDATURE_LOCKED");
    const lockedStrategy = refused(
      await app.execute(
        STRATEGY,
        { input: { candidatureId: c.id, criterionCode: "4", text: "Trop tard" } },
        head[4],
      ),
    );
    expect(lockedStrategy.code).toBe("CANDIDATURE_LOCKED");
  });

  it("lists candidatures newest first with filters and cursor pagination", async () => {
    const LIST = `query($after: String, $filter: CandidatureFilter) { candidatures(first: 2, after: $after, filter: $filter) { totalCount edges { node { id kind } } pageInfo { hasNextPage endCursor } } }`;
    type L = {
      candidatures: {
        totalCount: number;
        edges: { node: { id: string; kind: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    // e[4] in two candidatures, one open at a time: a withdrawn network, then an individual one.
    const withdrawn = await network([e[3]!.id, e[4]!.id]);
    ok(
      await app.execute(TRANSITION, {
        input: { candidatureId: withdrawn.id, transition: "WITHDRAW" },
      }),
    );
    ok(await app.execute(CREATE_INDIVIDUAL, { input: { establishmentId: e[4]!.id } }));
    const all = await app.dataSource.query(
      `SELECT id FROM candidature WHERE kind = 'NETWORK' ORDER BY created_at DESC, id DESC`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: L = ok(await app.execute<L>(LIST, { after, filter: { kind: "NETWORK" } }));
      expect(page.candidatures.totalCount).toBe(all.length);
      seen.push(...page.candidatures.edges.map((x) => x.node.id));
      if (!page.candidatures.pageInfo.hasNextPage) break;
      after = page.candidatures.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    const byEstablishment = ok(
      await app.execute<L>(LIST, { filter: { establishmentId: e[4]!.id } }),
    );
    expect(byEstablishment.candidatures.totalCount).toBe(2);
    const tooMany = refused(await app.execute(`{ candidatures(first: 1000) { totalCount } }`));
    expect(tooMany.code).toBe("BAD_USER_INPUT");
  });

  it("answers NOT_FOUND for an unknown candidature, in queries and mutations", async () => {
    const q = await app.execute(`query($id: ID!) { candidature(id: $id) { id } }`, {
      id: "2b0f8f43-51a4-4f0c-9d55-1f1b8c3f5f11",
    });
    expect(refused(q).code).toBe("NOT_FOUND");
    const m = await app.execute(TRANSITION, {
      input: { candidatureId: "nope", transition: "WITHDRAW" },
    });
    expect(refused(m).code).toBe("NOT_FOUND");
  });
});
