/**
 * The decision chain after the GRALM: the CAEN's opinion, one rector's decision per académie (a network
 * across Aix-Marseille and Nice gets two), the BOEN publication that creates the labels. Out of order
 * or out of date, every step is refused with a coded French error, and nothing changes.
 */
import {
  addYears,
  formatFrenchDate,
  labelExpiryDate,
  midTermReviewDueDate,
  type IsoDate,
} from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { inDays, insertEstablishment, rowCounts } from "../../test/fixtures";
import { DECISION_TABLES, insertLabel, reportedCandidature } from "../../test/decision-fixtures";
import type { EventOf } from "../../kernel/events";
import type { Establishment } from "../establishment/establishment.entity";

const CREATE_SESSION = `mutation($input: CreateGralmSessionInput!) { createGralmSession(input: $input) { id } }`;
const ADD = `mutation($input: GralmSessionCandidatureInput!) { addCandidatureToGralmSession(input: $input) { id } }`;
const PROPOSE = `mutation($input: RecordGralmProposalInput!) { recordGralmProposal(input: $input) { id } }`;
const CAEN = `mutation($input: RecordCaenOpinionInput!) { recordCaenOpinion(input: $input) { id state caenOpinion { opinion opinionLabel opinionDate comment } } }`;
const RECTOR = `mutation($input: RecordRectorDecisionInput!) { recordRectorDecision(input: $input) { id state academiesAwaitingRector rectorDecisions { academieCode decidedOn outcome outcomeLabel establishment { id } } } }`;
const BOEN = `mutation($input: RecordBoenPublicationInput!) { recordBoenPublication(input: $input) { id state publicationDate labels { title startDate endDate midTermReviewDueDate status valid boenReference establishment { id } } } }`;
const HISTORY = `query($id: ID!) { candidature(id: $id) { state history { transition effectiveDate comment } } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;

type Candidature = {
  id: string;
  state: string;
  academiesAwaitingRector: string[];
  rectorDecisions: { academieCode: string; outcome: string; establishment: { id: string } }[];
  labels: {
    title: string;
    startDate: string;
    endDate: string;
    midTermReviewDueDate: string;
    status: string;
    valid: boolean;
    boenReference: string | null;
    establishment: { id: string };
  }[];
};

describe("decision chain", () => {
  let app: TestApp;
  let marseille: Establishment;
  let avignon: Establishment;
  let nice: Establishment;
  const published: EventOf<"LabelPublished">[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    app.server.events.onAfterCommit("LabelPublished", async (_ctx, event) => {
      published.push(event);
    });
    marseille = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel La Calade",
      departementCode: "13",
    });
    avignon = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Robert Schuman",
      departementCode: "84",
    });
    nice = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Les Eucalyptus",
      departementCode: "06",
    });
  });
  afterAll(() => app.close());

  const snapshot = async (candidatureId: string) => ({
    counts: await rowCounts(app.dataSource, DECISION_TABLES),
    row: await app.dataSource.query(
      `SELECT state, publication_date::text, updated_at FROM candidature WHERE id = $1`,
      [candidatureId],
    ),
  });

  /** A candidature of `members` proposed by the GRALM at a session held `sessionOn`. */
  async function proposed(
    members: Establishment[],
    sessionOn: IsoDate = inDays(-30),
    labelTitle?: string,
  ): Promise<string> {
    const c = await reportedCandidature(app.dataSource, members, {
      reportOn: inDays(-40),
      ...(labelTitle ? { labelTitle } : {}),
    });
    const session = ok(
      await app.execute<{ createGralmSession: { id: string } }>(CREATE_SESSION, {
        input: {
          sessionDate: sessionOn,
          members: [{ fullName: "Claire Martin", role: "DRAFPIC" }],
        },
      }),
    ).createGralmSession.id;
    ok(await app.execute(ADD, { input: { sessionId: session, candidatureId: c.id } }));
    ok(
      await app.execute(PROPOSE, {
        input: {
          sessionId: session,
          candidatureId: c.id,
          proposal: "FAVOURABLE",
          motivation: "Démarche aboutie.",
        },
      }),
    );
    return c.id;
  }

  const caen = (candidatureId: string, opinionDate: IsoDate, opinion = "FAVOURABLE") =>
    app.execute<{ recordCaenOpinion: Candidature }>(CAEN, {
      input: { candidatureId, opinionDate, opinion, comment: "Avis rendu en séance." },
    });
  const rector = (
    candidatureId: string,
    academieCode: string,
    decidedOn: IsoDate,
    outcomes: { establishmentId: string; outcome: string }[],
  ) =>
    app.execute<{ recordRectorDecision: Candidature }>(RECTOR, {
      input: { candidatureId, academieCode, decidedOn, outcomes, comment: "Arrêté rectoral." },
    });
  const boen = (
    candidatureId: string,
    publicationDate: IsoDate,
    extra: Record<string, unknown> = {},
  ) =>
    app.execute<{ recordBoenPublication: Candidature }>(BOEN, {
      input: { candidatureId, publicationDate, ...extra },
    });

  it("labels a network across Aix-Marseille and Nice after one rector's decision per académie", async () => {
    const id = await proposed([marseille, nice, avignon]);
    const opinion = ok(await caen(id, inDays(-20))).recordCaenOpinion;
    expect(opinion).toMatchObject({
      state: "CAEN_CONSULTED",
      caenOpinion: {
        opinion: "FAVOURABLE",
        opinionLabel: "Avis favorable",
        opinionDate: inDays(-20),
        comment: "Avis rendu en séance.",
      },
    });

    const aix = ok(
      await rector(id, "AIX_MARSEILLE", inDays(-12), [
        { establishmentId: marseille.id, outcome: "APPROVED" },
        { establishmentId: avignon.id, outcome: "APPROVED" },
      ]),
    ).recordRectorDecision;
    expect(aix.state).toBe("CAEN_CONSULTED");
    expect(aix.academiesAwaitingRector).toEqual(["NICE"]);

    const both = ok(
      await rector(id, "NICE", inDays(-10), [{ establishmentId: nice.id, outcome: "APPROVED" }]),
    ).recordRectorDecision;
    expect(both.state).toBe("RECTOR_APPROVED");
    expect(both.academiesAwaitingRector).toEqual([]);
    expect(
      both.rectorDecisions.map((d) => [d.academieCode, d.outcome, d.establishment.id]),
    ).toEqual([
      ["AIX_MARSEILLE", "APPROVED", marseille.id],
      ["AIX_MARSEILLE", "APPROVED", avignon.id],
      ["NICE", "APPROVED", nice.id],
    ]);

    published.length = 0;
    const publication = inDays(-5);
    const labelled = ok(
      await boen(id, publication, { boenReference: "BO n° 12 du 19 mars 2026" }),
    ).recordBoenPublication;
    expect(labelled.state).toBe("LABELLED");
    expect(labelled).toMatchObject({ publicationDate: publication });
    expect(labelled.labels).toHaveLength(3);
    for (const label of labelled.labels) {
      expect(label).toMatchObject({
        title: "Lycée des métiers de la maintenance navale",
        startDate: publication,
        endDate: labelExpiryDate(publication),
        midTermReviewDueDate: midTermReviewDueDate(publication),
        status: "CURRENT",
        valid: true,
        boenReference: "BO n° 12 du 19 mars 2026",
      });
    }
    expect(published.map((e) => e.establishmentId).sort()).toEqual(
      [marseille.id, avignon.id, nice.id].sort(),
    );

    const history = ok(
      await app.execute<{
        candidature: { history: { transition: string; effectiveDate: string }[] };
      }>(HISTORY, { id }),
    ).candidature.history;
    expect(history.slice(-4).map((h) => [h.transition, h.effectiveDate])).toEqual([
      ["RECORD_GRALM_PROPOSAL", inDays(-30)],
      ["RECORD_CAEN_OPINION", inDays(-20)],
      ["RECORD_RECTOR_APPROVAL", inDays(-10)],
      ["PUBLISH_LABEL", publication],
    ]);

    // Published once: a second publication is out of order.
    const before = await snapshot(id);
    expect(refused(await boen(id, inDays(-1)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La publication au BOEN n'est plus possible : la candidature est à l'état « Labellisé ».",
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("labels only the approved establishments when one académie's rector refuses", async () => {
    const a = await insertEstablishment(app.dataSource, { departementCode: "13" });
    const n = await insertEstablishment(app.dataSource, { departementCode: "83" });
    const id = await proposed([a, n]);
    ok(await caen(id, inDays(-20)));
    ok(await rector(id, "NICE", inDays(-11), [{ establishmentId: n.id, outcome: "REFUSED" }]));
    const approved = ok(
      await rector(id, "AIX_MARSEILLE", inDays(-9), [
        { establishmentId: a.id, outcome: "APPROVED" },
      ]),
    ).recordRectorDecision;
    expect(approved.state).toBe("RECTOR_APPROVED");
    const history = ok(
      await app.execute<{ candidature: { history: { transition: string; comment: string }[] } }>(
        HISTORY,
        { id },
      ),
    ).candidature.history;
    expect(history.at(-1)?.comment).toBe(
      `Décision du recteur — ${a.name} : label accordé ; ${n.name} : label refusé.`,
    );
    const labels = ok(await boen(id, inDays(-3))).recordBoenPublication.labels;
    expect(labels.map((l) => l.establishment.id)).toEqual([a.id]);
  });

  it("refuses the candidature when every establishment is refused", async () => {
    const a = await insertEstablishment(app.dataSource, { departementCode: "04" });
    const id = await proposed([a]);
    ok(await caen(id, inDays(-20), "UNFAVOURABLE"));
    const refusedC = ok(
      await rector(id, "AIX_MARSEILLE", inDays(-8), [
        { establishmentId: a.id, outcome: "REFUSED" },
      ]),
    ).recordRectorDecision;
    expect(refusedC.state).toBe("REFUSED");
    const before = await snapshot(id);
    expect(refused(await boen(id, inDays(-1)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La publication au BOEN n'est plus possible : la candidature est à l'état « Refusé ».",
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses the CAEN before the GRALM, before its session, in the future or twice, and changes nothing", async () => {
    const early = await reportedCandidature(
      app.dataSource,
      [await insertEstablishment(app.dataSource)],
      {
        reportOn: inDays(-40),
      },
    );
    let before = await snapshot(early.id);
    expect(refused(await caen(early.id, inDays(-2)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "L'avis du CAEN suit la proposition du GRALM : la candidature est à l'état « Rapport d'audit remis ».",
    });
    expect(await snapshot(early.id)).toEqual(before);

    const id = await proposed([await insertEstablishment(app.dataSource)], inDays(-15));
    before = await snapshot(id);
    expect(refused(await caen(id, inDays(-16)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La date de l'avis du CAEN (${formatFrenchDate(inDays(-16))}) ne peut pas précéder la session du GRALM (${formatFrenchDate(inDays(-15))}).`,
    });
    expect(refused(await caen(id, inDays(1)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La date de l'avis du CAEN (${formatFrenchDate(inDays(1))}) ne peut pas être postérieure à aujourd'hui (${formatFrenchDate(inDays(0))}).`,
    });
    expect(
      refused(
        await app.execute(TRANSITION, {
          input: { candidatureId: id, transition: "RECORD_CAEN_OPINION" },
        }),
      ).code,
    ).toBe("INVALID_TRANSITION");
    expect(await snapshot(id)).toEqual(before);

    ok(await caen(id, inDays(-15)));
    before = await snapshot(id);
    expect(refused(await caen(id, inDays(-14)))).toMatchObject({
      code: "CONFLICT",
      message: `L'avis du CAEN est déjà enregistré (${formatFrenchDate(inDays(-15))}).`,
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a rector's decision before the CAEN, dated before it, for another académie's establishment, incomplete, or twice", async () => {
    const a = await insertEstablishment(app.dataSource, { departementCode: "05" });
    const n = await insertEstablishment(app.dataSource, { departementCode: "06" });
    const id = await proposed([a, n]);
    let before = await snapshot(id);
    expect(
      refused(
        await rector(id, "AIX_MARSEILLE", inDays(-5), [
          { establishmentId: a.id, outcome: "APPROVED" },
        ]),
      ),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La décision du recteur suit l'avis du CAEN : la candidature est à l'état « Proposé par le GRALM ».",
    });
    expect(await snapshot(id)).toEqual(before);

    ok(await caen(id, inDays(-20)));
    before = await snapshot(id);
    expect(
      refused(
        await rector(id, "AIX_MARSEILLE", inDays(-21), [
          { establishmentId: a.id, outcome: "APPROVED" },
        ]),
      ),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La date de la décision du recteur (${formatFrenchDate(inDays(-21))}) ne peut pas précéder l'avis du CAEN (${formatFrenchDate(inDays(-20))}).`,
    });
    expect(
      refused(
        await rector(id, "AIX_MARSEILLE", inDays(-5), [
          { establishmentId: a.id, outcome: "APPROVED" },
          { establishmentId: n.id, outcome: "APPROVED" },
        ]),
      ),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      message: `Le recteur de l'académie d'Aix-Marseille décide pour les établissements de son académie : « ${n.name} » relève de l'académie de Nice.`,
    });
    expect(refused(await rector(id, "NICE", inDays(-5), []))).toMatchObject({
      code: "BAD_USER_INPUT",
      message: `Le recteur de l'académie de Nice décide pour chaque établissement de son académie dans la candidature : il manque « ${n.name} ».`,
    });
    expect(
      refused(
        await app.execute(TRANSITION, {
          input: { candidatureId: id, transition: "RECORD_RECTOR_APPROVAL" },
        }),
      ).code,
    ).toBe("INVALID_TRANSITION");
    expect(await snapshot(id)).toEqual(before);

    ok(
      await rector(id, "AIX_MARSEILLE", inDays(-5), [
        { establishmentId: a.id, outcome: "APPROVED" },
      ]),
    );
    before = await snapshot(id);
    expect(
      refused(
        await rector(id, "AIX_MARSEILLE", inDays(-4), [
          { establishmentId: a.id, outcome: "REFUSED" },
        ]),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: `Le recteur de l'académie d'Aix-Marseille a déjà décidé pour cette candidature (${formatFrenchDate(inDays(-5))}).`,
    });
    // The BOEN waits for every académie's rector.
    expect(refused(await boen(id, inDays(-1)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La publication au BOEN suit la décision favorable du recteur : la candidature est à l'état « Avis du CAEN rendu ».",
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a BOEN date before the rector's decision or in the future, and the generic step", async () => {
    const a = await insertEstablishment(app.dataSource, { departementCode: "13" });
    const id = await proposed([a]);
    ok(await caen(id, inDays(-20)));
    ok(
      await rector(id, "AIX_MARSEILLE", inDays(-10), [
        { establishmentId: a.id, outcome: "APPROVED" },
      ]),
    );
    const before = await snapshot(id);
    expect(refused(await boen(id, inDays(-11)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La date de publication au BOEN (${formatFrenchDate(inDays(-11))}) ne peut pas précéder la décision du recteur (${formatFrenchDate(inDays(-10))}).`,
    });
    expect(refused(await boen(id, inDays(2)))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: `La date de publication au BOEN (${formatFrenchDate(inDays(2))}) ne peut pas être postérieure à aujourd'hui (${formatFrenchDate(inDays(0))}).`,
    });
    expect(
      refused(
        await app.execute(TRANSITION, {
          input: { candidatureId: id, transition: "PUBLISH_LABEL", publicationDate: inDays(-1) },
        }),
      ),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "L'étape « Publier le label au BOEN » s'enregistre par son opération dédiée (recordBoenPublication), qui consigne aussi ce qu'elle décide.",
    });
    expect(await snapshot(id)).toEqual(before);
    // The decision day itself is fine, and the published title may differ from the candidature's.
    const labels = ok(
      await boen(id, inDays(-10), { labelTitle: "Lycée des métiers de la mer et du littoral" }),
    ).recordBoenPublication.labels;
    expect(labels.map((l) => l.title)).toEqual(["Lycée des métiers de la mer et du littoral"]);
  });

  it("supersedes the label a renewal renews, and expires the labels with their candidature", async () => {
    const school = await insertEstablishment(app.dataSource, { departementCode: "83" });
    const old = await insertLabel(app.dataSource, school, {
      publishedOn: addYears(inDays(60), -5),
      state: "MID_TERM_REVIEWED",
    });
    const id = await proposed([school]);
    ok(await caen(id, inDays(-20)));
    ok(
      await rector(id, "NICE", inDays(-10), [{ establishmentId: school.id, outcome: "APPROVED" }]),
    );
    ok(await boen(id, inDays(-2)));
    const [row] = (await app.dataSource.query(`SELECT status FROM label WHERE id = $1`, [
      old.id,
    ])) as { status: string }[];
    expect(row?.status).toBe("SUPERSEDED");

    // A label whose five years are over: recording the expiry expires it.
    const lapsed = await insertLabel(app.dataSource, await insertEstablishment(app.dataSource), {
      publishedOn: addYears(inDays(-3), -5),
    });
    ok(
      await app.execute(TRANSITION, {
        input: { candidatureId: lapsed.candidatureId, transition: "EXPIRE_LABEL" },
      }),
    );
    const [expired] = (await app.dataSource.query(`SELECT status FROM label WHERE id = $1`, [
      lapsed.id,
    ])) as { status: string }[];
    expect(expired?.status).toBe("EXPIRED");
  });

  it("refuses every decision to anyone but DRAFPIC (a read-only token included)", async () => {
    const a = await insertEstablishment(app.dataSource, { departementCode: "13" });
    const id = await proposed([a]);
    const token = { ...app.drafpic, readOnly: true };
    const before = await snapshot(id);
    const result = await app.execute(
      CAEN,
      { input: { candidatureId: id, opinionDate: inDays(-1), opinion: "FAVOURABLE" } },
      token,
    );
    expect(refused(result).code).toBe("FORBIDDEN");
    expect(await snapshot(id)).toEqual(before);
  });
});
