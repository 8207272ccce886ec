/**
 * The mid-term follow-up: DRAFPIC records the day, who came (its members, the inspecteurs référents),
 * the findings and the status of every commitment of the audit; RECORD_MID_TERM_REVIEW is applied in
 * the same transaction. Every refusal is coded and writes nothing.
 */
import { addDays, addMonths, addYears } from "@ldm/domain";
import { createTestApp, ok, refused, type GraphQLResult, type TestApp } from "../../test/test-app";
import { insertUser, rowCounts, today } from "../../test/fixtures";
import { Candidature } from "../candidature/candidature.entity";
import { labelledCandidature, referentOf, type LabelledCandidature } from "./follow-up-fixtures";
import { settledCommitmentIds } from "./mid-term-review.service";

const RECORD = `mutation($input: RecordMidTermReviewInput!) { recordMidTermReview(input: $input) {
  id heldOn findings recordedAt
  candidature { id state history { transition effectiveDate comment } }
  attendees { position kind fullName jobTitle establishment { id } }
  commitments { progress comment commitment { id description dueOn } } } }`;

const TABLES = [
  "mid_term_review",
  "mid_term_review_attendee",
  "commitment_review",
  "candidature_transition",
  "audit_log",
] as const;

describe("the mid-term follow-up", () => {
  let app: TestApp;
  let drafpicMember: Awaited<ReturnType<typeof insertUser>>;
  const publishedOn = addMonths(today(), -30);

  beforeAll(async () => {
    app = await createTestApp();
    drafpicMember = await insertUser(app.dataSource, {
      role: "DRAFPIC",
      fullName: "Claire Martin",
    });
  });
  afterAll(() => app.close());

  /** A network labelled 30 months ago, the lead's référent designated. */
  async function labelled(): Promise<LabelledCandidature> {
    const c = await labelledCandidature(app, { kind: "NETWORK", publishedOn });
    await referentOf(app, c.lead.establishment.id, "Paul Inspecteur");
    return c;
  }

  function inputOf(c: LabelledCandidature, overrides: Record<string, unknown> = {}) {
    const [first, second, third] = c.commitments;
    return {
      candidatureId: c.id,
      heldOn: addDays(today(), -3),
      attendees: [
        { kind: "DRAFPIC", userId: drafpicMember.user.id },
        { kind: "REFERENT_INSPECTOR", establishmentId: c.lead.establishment.id },
        { kind: "OTHER", fullName: "Jeanne Proviseure", jobTitle: "Proviseure" },
      ],
      findings:
        "Les indicateurs sont suivis chaque trimestre ; le plan d'ouverture internationale est formalisé.",
      commitments: [
        { commitmentId: first!.id, progress: "DONE" },
        {
          commitmentId: second!.id,
          progress: "IN_PROGRESS",
          comment: "Deux trimestres sur trois exploités.",
        },
        { commitmentId: third!.id, progress: "ABANDONED", comment: "Pas d'employeur partenaire." },
      ],
      ...overrides,
    };
  }

  async function stateOf(id: string): Promise<string> {
    return (await app.dataSource.getRepository(Candidature).findOneByOrFail({ id })).state;
  }

  it("records who came, the findings and every commitment's status, and moves the candidature on", async () => {
    const c = await labelled();
    const heldOn = addDays(today(), -3);
    const data = ok(
      await app.execute<{ recordMidTermReview: Record<string, never> }>(RECORD, {
        input: inputOf(c),
      }),
    );
    const review = data.recordMidTermReview as unknown as {
      id: string;
      heldOn: string;
      candidature: {
        state: string;
        history: { transition: string; effectiveDate: string; comment: string }[];
      };
      attendees: {
        kind: string;
        fullName: string;
        jobTitle: string;
        establishment: { id: string } | null;
      }[];
      commitments: {
        progress: string;
        comment: string | null;
        commitment: { description: string };
      }[];
    };
    expect(review.heldOn).toBe(heldOn);
    expect(review.candidature.state).toBe("MID_TERM_REVIEWED");
    expect(review.candidature.history.at(-1)).toEqual({
      transition: "RECORD_MID_TERM_REVIEW",
      effectiveDate: heldOn,
      comment: expect.stringMatching(
        /^Suivi intermédiaire du .* : 3 engagements \(1 réalisé, 1 en cours, 1 abandonné\)\.$/,
      ) as unknown as string,
    });
    expect(review.attendees).toEqual([
      {
        position: 0,
        kind: "DRAFPIC",
        fullName: "Claire Martin",
        jobTitle: null,
        establishment: null,
      },
      {
        position: 1,
        kind: "REFERENT_INSPECTOR",
        fullName: "Paul Inspecteur",
        jobTitle: "Inspecteur référent",
        establishment: { id: c.lead.establishment.id },
      },
      {
        position: 2,
        kind: "OTHER",
        fullName: "Jeanne Proviseure",
        jobTitle: "Proviseure",
        establishment: null,
      },
    ] as never);
    expect(
      review.commitments.map((k) => [k.commitment.description, k.progress, k.comment]),
    ).toEqual([
      ["Formaliser le plan d'ouverture internationale", "DONE", null],
      [
        "Exploiter les indicateurs de décrochage chaque trimestre",
        "IN_PROGRESS",
        "Deux trimestres sur trois exploités.",
      ],
      [
        "Ouvrir une section d'apprentis en maintenance navale",
        "ABANDONED",
        "Pas d'employeur partenaire.",
      ],
    ]);
    // The audit trail, and what the notifications read: realised and abandoned commitments are settled.
    const [trail] = (await app.dataSource.query(
      "SELECT action, operation, actor_user_id FROM audit_log WHERE entity_type = 'MidTermReview' AND entity_id = $1",
      [review.id],
    )) as { action: string; operation: string; actor_user_id: string }[];
    expect(trail).toEqual({
      action: "CREATE",
      operation: "recordMidTermReview",
      actor_user_id: app.drafpic.userId,
    });
    expect(await settledCommitmentIds(app.dataSource.manager, [c.id])).toEqual(
      new Set([c.commitments[0]!.id, c.commitments[2]!.id]),
    );
    // The school reads it through its candidature; an analyst without the names.
    const read = `query($id: ID!) { candidature(id: $id) { midTermReview { findings attendees { fullName } commitments { progress } } } }`;
    const asHead = ok(
      await app.execute<{ candidature: { midTermReview: { findings: string } } }>(
        read,
        { id: c.id },
        c.lead.head.viewer,
      ),
    );
    expect(asHead.candidature.midTermReview.findings).toMatch(/^Les indicateurs sont suivis/);
    const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
    const asAnalyst = ok(
      await app.execute<{
        candidature: { midTermReview: { attendees: { fullName: string | null }[] } };
      }>(read, { id: c.id }, analyst.viewer),
    );
    expect(asAnalyst.candidature.midTermReview.attendees.map((a) => a.fullName)).toEqual([
      null,
      null,
      null,
    ]);

    // Once recorded, it is not recorded again.
    const again = refused(await app.execute(RECORD, { input: inputOf(c) }));
    expect(again).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Le suivi intermédiaire de ce label est déjà enregistré.",
    });
  });

  it("refuses, with a coded French error and writing nothing", async () => {
    const c = await labelled();
    const before = await rowCounts(app.dataSource, [...TABLES]);
    const cases: [string, () => Promise<GraphQLResult>, string, RegExp | string][] = [
      [
        "a school head",
        () => app.execute(RECORD, { input: inputOf(c) }, c.lead.head.viewer),
        "FORBIDDEN",
        "Vous n'avez pas le droit d'effectuer cette opération.",
      ],
      [
        "a read-only token",
        () => app.execute(RECORD, { input: inputOf(c) }, { ...app.drafpic, readOnly: true }),
        "FORBIDDEN",
        /droit/,
      ],
      [
        "a day to come",
        () => app.execute(RECORD, { input: inputOf(c, { heldOn: addDays(today(), 2) }) }),
        "BAD_USER_INPUT",
        /n'a pas encore eu lieu/,
      ],
      [
        "a day before the label",
        () => app.execute(RECORD, { input: inputOf(c, { heldOn: addDays(publishedOn, -1) }) }),
        "BAD_USER_INPUT",
        /ne peut pas précéder la publication du label au BOEN/,
      ],
      [
        "no DRAFPIC member",
        () =>
          app.execute(RECORD, {
            input: inputOf(c, {
              attendees: [{ kind: "REFERENT_INSPECTOR", establishmentId: c.lead.establishment.id }],
            }),
          }),
        "BAD_USER_INPUT",
        /indiquez au moins un membre de la DRAFPIC/,
      ],
      [
        "a référent not designated",
        () =>
          app.execute(RECORD, {
            input: inputOf(c, {
              attendees: [
                { kind: "DRAFPIC", userId: drafpicMember.user.id },
                { kind: "REFERENT_INSPECTOR", establishmentId: c.members[1]!.establishment.id },
              ],
            }),
          }),
        "BAD_USER_INPUT",
        /n'a pas d'inspecteur référent désigné/,
      ],
      [
        "a commitment without status",
        () =>
          app.execute(RECORD, {
            input: inputOf(c, { commitments: inputOf(c).commitments.slice(0, 2) }),
          }),
        "BAD_USER_INPUT",
        /un engagement n'a pas de statut \(« Ouvrir une section d'apprentis en maintenance navale »\)/,
      ],
      [
        "a commitment not done, unexplained",
        () =>
          app.execute(RECORD, {
            input: inputOf(c, {
              commitments: inputOf(c).commitments.map((k) => ({
                ...k,
                progress: "NOT_STARTED",
                comment: null,
              })),
            }),
          }),
        "BAD_USER_INPUT",
        /est « non engagé » : expliquez-le par un commentaire/,
      ],
      [
        "empty findings",
        () => app.execute(RECORD, { input: inputOf(c, { findings: "  " }) }),
        "BAD_USER_INPUT",
        "Le champ « constats du suivi intermédiaire » est obligatoire.",
      ],
      [
        "the generic transition",
        () =>
          app.execute(
            `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id } }`,
            { input: { candidatureId: c.id, transition: "RECORD_MID_TERM_REVIEW" } },
          ),
        "INVALID_TRANSITION",
        /s'enregistre par son opération dédiée \(recordMidTermReview\)/,
      ],
    ];
    for (const [what, run, code, message] of cases) {
      const error = refused(await run());
      expect({ what, code: error.code }).toEqual({ what, code });
      if (typeof message === "string") expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    }
    expect(await rowCounts(app.dataSource, [...TABLES])).toEqual(before);
    expect(await stateOf(c.id)).toBe("LABELLED");

    // A commitment of another candidature.
    const other = await labelled();
    const foreign = refused(
      await app.execute(RECORD, {
        input: inputOf(c, {
          commitments: [
            ...inputOf(c).commitments,
            { commitmentId: other.commitments[0]!.id, progress: "DONE" },
          ],
        }),
      }),
    );
    expect(foreign.code).toBe("BAD_USER_INPUT");
    expect(foreign.message).toBe(
      `Engagement inconnu pour cette candidature : ${other.commitments[0]!.id}.`,
    );

    // Not labelled yet; a label past its end.
    await app.dataSource
      .getRepository(Candidature)
      .update({ id: other.id }, { state: "RECTOR_APPROVED" });
    expect(refused(await app.execute(RECORD, { input: inputOf(other) }))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "Le suivi intermédiaire porte sur un label publié : la candidature est dans l'état « Approuvé par le recteur ».",
    });
    const expired = await labelledCandidature(app, { publishedOn: addYears(today(), -5) });
    expect(refused(await app.execute(RECORD, { input: inputOf(expired) }))).toMatchObject({
      code: "INVALID_TRANSITION",
      message: expect.stringMatching(
        /^Le label a pris fin le .* : son suivi intermédiaire ne peut plus être enregistré\.$/,
      ),
    });
    // The label of a renewal has replaced this one.
    const superseded = await labelledCandidature(app, { publishedOn });
    await app.dataSource.query("UPDATE label SET status = 'SUPERSEDED' WHERE candidature_id = $1", [
      superseded.id,
    ]);
    expect(refused(await app.execute(RECORD, { input: inputOf(superseded) }))).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "Le label n'est plus en vigueur (remplacé par le label renouvelé) : son suivi intermédiaire ne peut plus être enregistré.",
    });
    expect(await rowCounts(app.dataSource, ["mid_term_review", "commitment_review"])).toEqual({
      mid_term_review: before.mid_term_review,
      commitment_review: before.commitment_review,
    });
  });
});
