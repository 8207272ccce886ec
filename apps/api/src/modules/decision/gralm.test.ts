/**
 * GRALM sessions: creation, agenda, proposals (favourable / unfavourable → « Proposé par le GRALM »,
 * postponed → awaits a later session). Every refusal is coded, in French, and changes nothing.
 */
import { formatFrenchDate, type IsoDate } from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { inDays, insertEstablishment, insertUser, rowCounts } from "../../test/fixtures";
import { DECISION_TABLES, reportedCandidature } from "../../test/decision-fixtures";
import type { Establishment } from "../establishment/establishment.entity";

const CREATE = `mutation($input: CreateGralmSessionInput!) { createGralmSession(input: $input) { id sessionDate members { fullName role } notes } }`;
const UPDATE = `mutation($input: UpdateGralmSessionInput!) { updateGralmSession(input: $input) { id sessionDate members { fullName role } notes } }`;
const ADD = `mutation($input: GralmSessionCandidatureInput!) { addCandidatureToGralmSession(input: $input) { id position proposal sessionDate candidature { id } } }`;
const REMOVE = `mutation($input: GralmSessionCandidatureInput!) { removeCandidatureFromGralmSession(input: $input) { id items { position candidature { id } } } }`;
const PROPOSE = `mutation($input: RecordGralmProposalInput!) { recordGralmProposal(input: $input) { id proposal proposalLabel motivation proposedAt candidature { id state } } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;
const SESSION = `query($id: ID!) { gralmSession(id: $id) { id sessionDate listUrl minutesUrl members { fullName role } items { position proposal candidature { id } } } }`;
const CANDIDATURE = `query($id: ID!) { candidature(id: $id) { state gralmProposals { proposal motivation sessionDate session { id } } history { transition effectiveDate comment } } }`;

const MEMBERS = [
  { fullName: "Claire Martin", role: "DRAFPIC, cheffe du service" },
  { fullName: "Paul Roux", role: "IEN-ET sciences et techniques industrielles" },
];

describe("GRALM sessions", () => {
  let app: TestApp;
  let school: Establishment;
  beforeAll(async () => {
    app = await createTestApp();
    school = await insertEstablishment(app.dataSource, { name: "Lycée professionnel La Calade" });
  });
  afterAll(() => app.close());

  const snapshot = async (candidatureId?: string) => ({
    counts: await rowCounts(app.dataSource, DECISION_TABLES),
    row: candidatureId
      ? await app.dataSource.query(`SELECT state, updated_at FROM candidature WHERE id = $1`, [
          candidatureId,
        ])
      : null,
  });

  async function session(sessionDate: IsoDate): Promise<string> {
    return ok(
      await app.execute<{ createGralmSession: { id: string } }>(CREATE, {
        input: { sessionDate, members: MEMBERS },
      }),
    ).createGralmSession.id;
  }

  async function reported(reportOn: IsoDate, establishment?: Establishment) {
    return reportedCandidature(
      app.dataSource,
      [establishment ?? (await insertEstablishment(app.dataSource))],
      { reportOn },
    );
  }

  const add = (sessionId: string, candidatureId: string) =>
    app.execute<{ addCandidatureToGralmSession: { id: string; position: number } }>(ADD, {
      input: { sessionId, candidatureId },
    });
  const propose = (
    sessionId: string,
    candidatureId: string,
    proposal: string,
    motivation = "Démarche aboutie.",
  ) =>
    app.execute<{ recordGralmProposal: { proposal: string; candidature: { state: string } } }>(
      PROPOSE,
      { input: { sessionId, candidatureId, proposal, motivation } },
    );

  it("creates a session with its members present, trimmed", async () => {
    const created = ok(
      await app.execute<{ createGralmSession: unknown }>(CREATE, {
        input: {
          sessionDate: inDays(-3),
          members: [{ fullName: "  Claire   Martin ", role: "DRAFPIC" }],
          notes: "  Séance tenue au rectorat. ",
        },
      }),
    ).createGralmSession;
    expect(created).toMatchObject({
      sessionDate: inDays(-3),
      members: [{ fullName: "Claire Martin", role: "DRAFPIC" }],
      notes: "Séance tenue au rectorat.",
    });
  });

  it("refuses a session without members, a member without role, or by anyone but DRAFPIC, and writes nothing", async () => {
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: school.id,
    });
    const before = await snapshot();
    const empty = refused(
      await app.execute(CREATE, { input: { sessionDate: inDays(-1), members: [] } }),
    );
    expect(empty).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "Indiquez au moins un membre présent à la session du GRALM.",
    });
    const noRole = refused(
      await app.execute(CREATE, {
        input: { sessionDate: inDays(-1), members: [{ fullName: "Paul Roux", role: " " }] },
      }),
    );
    expect(noRole).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "Le membre n° 1 de la session du GRALM doit avoir un nom et une fonction.",
    });
    const byHead = refused(
      await app.execute(
        CREATE,
        { input: { sessionDate: inDays(-1), members: MEMBERS } },
        head.viewer,
      ),
    );
    expect(byHead.code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("puts candidatures with a submitted report on the agenda, in order, and takes them off", async () => {
    const id = await session(inDays(-2));
    const first = await reported(inDays(-20), school);
    const second = await reported(inDays(-15));
    expect(ok(await add(id, first.id)).addCandidatureToGralmSession.position).toBe(1);
    expect(ok(await add(id, second.id)).addCandidatureToGralmSession.position).toBe(2);
    const removed = ok(
      await app.execute<{
        removeCandidatureFromGralmSession: {
          items: { position: number; candidature: { id: string } }[];
        };
      }>(REMOVE, { input: { sessionId: id, candidatureId: first.id } }),
    ).removeCandidatureFromGralmSession;
    expect(removed.items).toEqual([{ position: 1, candidature: { id: second.id } }]);
    const read = ok(
      await app.execute<{ gralmSession: { listUrl: string; minutesUrl: string } }>(SESSION, { id }),
    ).gralmSession;
    expect(read.listUrl).toBe(`/exports/gralm-sessions/${id}/liste.xlsx`);
    expect(read.minutesUrl).toBe(`/exports/gralm-sessions/${id}/proces-verbal.pdf`);
  });

  it("refuses on the agenda a candidature whose report is not submitted, a session before its report, a second agenda, and writes nothing", async () => {
    const id = await session(inDays(-10));
    const audited = await reportedCandidature(
      app.dataSource,
      [await insertEstablishment(app.dataSource)],
      {
        reportOn: inDays(-30),
        state: "AUDITED",
      },
    );
    const late = await reported(inDays(-5));
    const onAgenda = await reported(inDays(-30));
    ok(await add(id, onAgenda.id));
    const other = await session(inDays(-1));

    const before = await snapshot();
    const notReady = refused(await add(id, audited.id));
    expect(notReady).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La proposition du GRALM suit la remise du rapport d'audit : la candidature est à l'état « Audit réalisé ».",
    });
    const beforeReport = refused(await add(id, late.id));
    expect(beforeReport).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La session du GRALM (${formatFrenchDate(inDays(-10))}) ne peut pas précéder la remise du rapport d'audit (${formatFrenchDate(inDays(-5))}).`,
    });
    const twice = refused(await add(other, onAgenda.id));
    expect(twice).toMatchObject({
      code: "CONFLICT",
      message: `La candidature est déjà inscrite à la session du GRALM du ${formatFrenchDate(inDays(-10))}, où elle attend sa proposition.`,
    });
    const missing = refused(await add("00000000-0000-4000-8000-000000000000", late.id));
    expect(missing.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("records a favourable proposal as the GRALM step, dated by the session", async () => {
    const id = await session(inDays(-4));
    const c = await reported(inDays(-25));
    ok(await add(id, c.id));
    const recorded = ok(
      await propose(id, c.id, "FAVOURABLE", "  Démarche qualité aboutie sur les huit critères. "),
    ).recordGralmProposal;
    expect(recorded).toMatchObject({
      proposal: "FAVOURABLE",
      proposalLabel: "Proposition favorable",
      motivation: "Démarche qualité aboutie sur les huit critères.",
      candidature: { state: "GRALM_PROPOSED" },
    });
    const read = ok(
      await app.execute<{
        candidature: {
          gralmProposals: unknown[];
          history: { transition: string; effectiveDate: string; comment: string }[];
        };
      }>(CANDIDATURE, { id: c.id }),
    ).candidature;
    expect(read.gralmProposals).toEqual([
      {
        proposal: "FAVOURABLE",
        motivation: "Démarche qualité aboutie sur les huit critères.",
        sessionDate: inDays(-4),
        session: { id },
      },
    ]);
    expect(read.history.at(-1)).toEqual({
      transition: "RECORD_GRALM_PROPOSAL",
      effectiveDate: inDays(-4),
      comment: `Proposition favorable du GRALM (session du ${formatFrenchDate(inDays(-4))}).`,
    });
  });

  it("refuses a proposal before the session, without motivation, twice, or for a candidature not on the agenda; then the agenda and the date stay", async () => {
    const future = await session(inDays(3));
    const c = await reported(inDays(-25));
    ok(await add(future, c.id));
    const stranger = await reported(inDays(-25));

    let before = await snapshot(c.id);
    expect(refused(await propose(future, c.id, "FAVOURABLE"))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La session du GRALM du ${formatFrenchDate(inDays(3))} n'a pas encore eu lieu : sa proposition s'enregistre à partir de cette date.`,
    });
    expect(await snapshot(c.id)).toEqual(before);

    const past = await session(inDays(-1));
    const d = await reported(inDays(-25));
    ok(await add(past, d.id));
    before = await snapshot(d.id);
    expect(refused(await propose(past, d.id, "UNFAVOURABLE", "   "))).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "La motivation de la proposition est obligatoire.",
    });
    expect(refused(await propose(past, stranger.id, "FAVOURABLE"))).toMatchObject({
      code: "NOT_FOUND",
      message: `La candidature « ${stranger.id} » n'est pas inscrite à la session du GRALM du ${formatFrenchDate(inDays(-1))}.`,
    });
    expect(await snapshot(d.id)).toEqual(before);

    ok(await propose(past, d.id, "UNFAVOURABLE", "Indicateurs sans cible ni analyse."));
    before = await snapshot(d.id);
    expect(refused(await propose(past, d.id, "FAVOURABLE"))).toMatchObject({
      code: "CONFLICT",
      message:
        "La proposition du GRALM pour cette candidature est déjà enregistrée (proposition défavorable) : elle ne se modifie plus.",
    });
    expect(
      refused(await app.execute(REMOVE, { input: { sessionId: past, candidatureId: d.id } })),
    ).toMatchObject({
      code: "CONFLICT",
      message:
        "La proposition du GRALM est enregistrée : la candidature ne peut plus être retirée de la session.",
    });
    expect(
      refused(await app.execute(UPDATE, { input: { sessionId: past, sessionDate: inDays(-2) } })),
    ).toMatchObject({
      code: "CONFLICT",
      message: "Des propositions de cette session sont enregistrées : sa date ne se modifie plus.",
    });
    expect(await snapshot(d.id)).toEqual(before);
    // Members and notes may still be corrected.
    const corrected = ok(
      await app.execute<{ updateGralmSession: { members: unknown[]; notes: string } }>(UPDATE, {
        input: { sessionId: past, members: [MEMBERS[1]], notes: "Quorum atteint." },
      }),
    ).updateGralmSession;
    expect(corrected).toMatchObject({ members: [MEMBERS[1]], notes: "Quorum atteint." });
  });

  it("moves a session's date while no proposal is recorded, never before a report on its agenda", async () => {
    const id = await session(inDays(-2));
    ok(await add(id, (await reported(inDays(-8))).id));
    const before = await snapshot();
    expect(
      refused(await app.execute(UPDATE, { input: { sessionId: id, sessionDate: inDays(-9) } })),
    ).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await snapshot()).toEqual(before);
    expect(
      ok(
        await app.execute<{ updateGralmSession: { sessionDate: string } }>(UPDATE, {
          input: { sessionId: id, sessionDate: inDays(-7) },
        }),
      ).updateGralmSession.sessionDate,
    ).toBe(inDays(-7));
  });

  it("leaves a postponed candidature awaiting a later session", async () => {
    const first = await session(inDays(-6));
    const c = await reported(inDays(-30));
    ok(await add(first, c.id));
    const postponed = ok(
      await propose(first, c.id, "POSTPONED", "Compléments attendus sur le critère 7."),
    ).recordGralmProposal;
    expect(postponed.candidature.state).toBe("REPORT_SUBMITTED");

    const same = await session(inDays(-6));
    const before = await snapshot(c.id);
    expect(refused(await add(same, c.id))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La session du GRALM (${formatFrenchDate(inDays(-6))}) doit suivre la session qui a ajourné son examen (${formatFrenchDate(inDays(-6))}).`,
    });
    expect(await snapshot(c.id)).toEqual(before);
    const later = await session(inDays(-2));
    ok(await add(later, c.id));
    expect(ok(await propose(later, c.id, "FAVOURABLE")).recordGralmProposal.candidature.state).toBe(
      "GRALM_PROPOSED",
    );
  });

  it("keeps the decision chain's steps out of the generic transition", async () => {
    const c = await reported(inDays(-10));
    const before = await snapshot(c.id);
    const generic = refused(
      await app.execute(TRANSITION, {
        input: { candidatureId: c.id, transition: "RECORD_GRALM_PROPOSAL" },
      }),
    );
    expect(generic).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "L'étape « Enregistrer la proposition du GRALM » s'enregistre par son opération dédiée (recordGralmProposal), qui consigne aussi ce qu'elle décide.",
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("shows sessions to DRAFPIC and analysts only; a school sees its proposal, not the session", async () => {
    const id = await session(inDays(-3));
    const mine = await reported(inDays(-20), await insertEstablishment(app.dataSource));
    ok(await add(id, mine.id));
    ok(await propose(id, mine.id, "FAVOURABLE"));
    const [lead] = (await app.dataSource.query(
      `SELECT establishment_id FROM co_applicant WHERE candidature_id = $1`,
      [mine.id],
    )) as { establishment_id: string }[];
    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: lead!.establishment_id,
    });
    const analyst = await insertUser(app.dataSource, { role: "ANALYST" });

    expect(refused(await app.execute(SESSION, { id }, head.viewer)).code).toBe("FORBIDDEN");
    const seen = ok(
      await app.execute<{
        candidature: { gralmProposals: { proposal: string; session: unknown }[] };
      }>(CANDIDATURE, { id: mine.id }, head.viewer),
    ).candidature;
    expect(seen.gralmProposals).toEqual([
      expect.objectContaining({ proposal: "FAVOURABLE", session: null }),
    ]);
    const byAnalyst = ok(
      await app.execute<{ gralmSession: { members: { fullName: string | null; role: string }[] } }>(
        SESSION,
        { id },
        analyst.viewer,
      ),
    ).gralmSession;
    expect(byAnalyst.members).toEqual(MEMBERS.map((m) => ({ fullName: null, role: m.role })));
  });
});
