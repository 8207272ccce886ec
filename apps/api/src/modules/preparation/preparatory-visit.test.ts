/**
 * The inspecteur référent and the preparatory visit: DRAFPIC designates each establishment's référent
 * (an inspector's account or a name), plans the visit once the dossier is submitted and records it as
 * done with who came — which moves the candidature to PREPARATORY_VISIT_DONE. Every refusal is coded,
 * in French, and changes nothing.
 */
import { addDays, auditPlanDueDate, formatFrenchDate, isoWeekday } from "@ldm/domain";
import type { DomainEvent } from "../../kernel/events";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import {
  inDays,
  insertEstablishment,
  insertUser,
  onWorkingDay,
  rowCounts,
  today,
  workingDayInMonths,
} from "../../test/fixtures";
import { forceCandidature, preparedCandidature } from "../../test/preparation-fixtures";

const SET_REFERENT = `mutation($input: SetReferentInspectorInput!) {
  setReferentInspector(input: $input) { id referentInspector { fullName email hasAccount user { id } } } }`;
const PLAN = `mutation($input: PlanPreparatoryVisitInput!) {
  planPreparatoryVisit(input: $input) { id plannedOn heldOn done notes
    attendees { kind fullName jobTitle establishment { id } } candidature { state } } }`;
const RECORD = `mutation($input: RecordPreparatoryVisitInput!) {
  recordPreparatoryVisit(input: $input) { id plannedOn heldOn done notes recordedAt
    attendees { kind fullName jobTitle } candidature { state } } }`;
const READ = `query($id: ID!) { candidature(id: $id) { state
  preparatoryVisit { plannedOn heldOn done attendees { kind fullName } }
  history { transition comment } } }`;

/** Every table the visit and the référent write, the audit trail included. */
const TABLES = [
  "candidature",
  "candidature_transition",
  "preparatory_visit",
  "preparatory_visit_attendee",
  "referent_inspector",
  "audit_log",
];

interface Visit {
  id: string;
  plannedOn: string;
  heldOn: string | null;
  done: boolean;
  notes: string | null;
  attendees: { kind: string; fullName: string | null; jobTitle: string | null }[];
  candidature: { state: string };
}

let app: TestApp;
const published: DomainEvent[] = [];

beforeAll(async () => {
  app = await createTestApp();
  for (const type of [
    "ReferentInspectorAssigned",
    "PreparatoryVisitPlanned",
    "PreparatoryVisitRecorded",
  ] as const) {
    app.server.events.onAfterCommit(type, async (_ctx, event) => {
      published.push(event);
    });
  }
});
afterAll(() => app.close());

/** What a refused call must leave untouched. */
async function state(candidatureId?: string): Promise<unknown> {
  return {
    counts: await rowCounts(app.dataSource, TABLES),
    candidature: candidatureId
      ? await app.dataSource.query(
          "SELECT state, audit_date::text, updated_at FROM candidature WHERE id = $1",
          [candidatureId],
        )
      : null,
    visits: await app.dataSource.query(
      "SELECT planned_on::text, held_on::text, notes, updated_at FROM preparatory_visit ORDER BY id",
    ),
    referents: await app.dataSource.query(
      "SELECT establishment_id, user_id, full_name, email, updated_at FROM referent_inspector ORDER BY id",
    ),
  };
}

/** The next day of the given ISO weekday (6 = Saturday) at least `from` days ahead. */
function nextWeekday(weekday: number, from = 3): string {
  let day = inDays(from);
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
}

async function inspector(fullName = "Alain Brunias") {
  return (
    await insertUser(app.dataSource, { role: "AUDITOR", auditorProfile: "INSPECTOR", fullName })
  ).user;
}

describe("inspecteur référent", () => {
  it("is designated by DRAFPIC, as an inspector's account or a name, and shown on the establishment", async () => {
    const establishment = await insertEstablishment(app.dataSource);
    const brunias = await inspector();
    type Answer = {
      setReferentInspector: {
        id: string;
        referentInspector: {
          fullName: string | null;
          email: string | null;
          hasAccount: boolean;
          user: { id: string } | null;
        } | null;
      };
    };
    const byAccount = ok(
      await app.execute<Answer>(SET_REFERENT, {
        input: { establishmentId: establishment.id, userId: brunias.id },
      }),
    ).setReferentInspector;
    expect(byAccount.referentInspector).toEqual({
      fullName: "Alain Brunias",
      email: brunias.email,
      hasAccount: true,
      user: { id: brunias.id },
    });

    // Replaced by an inspector without an account.
    const byName = ok(
      await app.execute<Answer>(SET_REFERENT, {
        input: {
          establishmentId: establishment.id,
          fullName: "Mireille Lopez, IEN-ET",
          email: "Mireille.Lopez@ac-nice.fr",
        },
      }),
    ).setReferentInspector;
    expect(byName.referentInspector).toEqual({
      fullName: "Mireille Lopez, IEN-ET",
      email: "mireille.lopez@ac-nice.fr",
      hasAccount: false,
      user: null,
    });
    const trail = await app.dataSource.query(
      `SELECT action, changes FROM audit_log WHERE entity_type = 'ReferentInspector' ORDER BY occurred_at`,
    );
    expect(trail.map((r: { action: string }) => r.action)).toEqual(["CREATE", "UPDATE"]);
    expect(published.filter((e) => e.type === "ReferentInspectorAssigned")).toEqual([
      expect.objectContaining({ establishmentId: establishment.id, userId: brunias.id }),
      expect.objectContaining({ establishmentId: establishment.id, userId: null }),
    ]);

    // Analysts see that there is one, not who.
    const analyst = (await insertUser(app.dataSource, { role: "ANALYST" })).viewer;
    const read = ok(
      await app.execute<{ establishment: { referentInspector: unknown } }>(
        `query($id: ID!) { establishment(id: $id) { referentInspector { fullName email hasAccount } } }`,
        { id: establishment.id },
        analyst,
      ),
    );
    expect(read.establishment.referentInspector).toEqual({
      fullName: null,
      email: null,
      hasAccount: false,
    });
  });

  it("refuses a non-inspector account, an account and a name at once, other callers, an unknown establishment", async () => {
    const establishment = await insertEstablishment(app.dataSource);
    const cee = (await insertUser(app.dataSource, { role: "AUDITOR", auditorProfile: "CEE" })).user;
    const head = (
      await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: establishment.id })
    ).viewer;
    const before = await state();
    const cases: [Record<string, unknown>, string, RegExp, typeof head | undefined][] = [
      [
        { establishmentId: establishment.id, userId: cee.id },
        "BAD_USER_INPUT",
        /^L'inspecteur référent désigné par son compte est un auditeur actif de profil « inspecteur de l'académie »/,
        undefined,
      ],
      [
        { establishmentId: establishment.id, userId: cee.id, fullName: "M. X" },
        "BAD_USER_INPUT",
        /soit un compte de la plateforme \(inspecteur\), soit une personne désignée par son nom/,
        undefined,
      ],
      [
        { establishmentId: establishment.id },
        "BAD_USER_INPUT",
        /indiquez l'un ou l'autre/,
        undefined,
      ],
      [
        { establishmentId: establishment.id, fullName: "M. X", email: "pas-une-adresse" },
        "BAD_USER_INPUT",
        /L'adresse électronique « pas-une-adresse » est invalide/,
        undefined,
      ],
      [
        { establishmentId: establishment.id, fullName: "M. X" },
        "FORBIDDEN",
        /Vous n'avez pas le droit/,
        head,
      ],
      [
        { establishmentId: "00000000-0000-4000-8000-000000000000", fullName: "M. X" },
        "NOT_FOUND",
        /L'établissement « 00000000-0000-4000-8000-000000000000 » est introuvable/,
        undefined,
      ],
    ];
    for (const [input, code, message, viewer] of cases) {
      const result = refused(await app.execute(SET_REFERENT, { input }, viewer ?? app.drafpic));
      expect({ code: result.code, message: result.message }).toEqual({
        code,
        message: expect.stringMatching(message),
      });
    }
    expect(await state()).toEqual(before);
  });
});

describe("preparatory visit", () => {
  it("is planned, moved, then recorded with who came: the candidature's visit is done", async () => {
    const auditDate = workingDayInMonths(3);
    const c = await preparedCandidature(app, { kind: "NETWORK", auditDate });
    const [lead, co] = c.members;
    const brunias = await inspector();
    ok(
      await app.execute(SET_REFERENT, {
        input: { establishmentId: lead!.establishment.id, userId: brunias.id },
      }),
    );
    ok(
      await app.execute(SET_REFERENT, {
        input: { establishmentId: co!.establishment.id, fullName: "Mireille Lopez" },
      }),
    );
    const lacan = (
      await insertUser(app.dataSource, {
        role: "DRAFPIC",
        fullName: "Emmanuelle Lacan",
      })
    ).user;

    const first = onWorkingDay(inDays(10));
    const planned = ok(
      await app.execute<{ planPreparatoryVisit: Visit }>(PLAN, {
        input: {
          candidatureId: c.id,
          plannedOn: first,
          attendees: [
            { kind: "DRAFPIC", userId: lacan.id, jobTitle: "Chargée de mission" },
            { kind: "REFERENT_INSPECTOR", establishmentId: lead!.establishment.id },
          ],
          notes: "Visite des ateliers à prévoir.",
        },
      }),
    ).planPreparatoryVisit;
    expect(planned).toMatchObject({
      plannedOn: first,
      heldOn: null,
      done: false,
      notes: "Visite des ateliers à prévoir.",
      candidature: { state: "SUBMITTED" },
      attendees: [
        { kind: "DRAFPIC", fullName: "Emmanuelle Lacan", jobTitle: "Chargée de mission" },
        { kind: "REFERENT_INSPECTOR", fullName: "Alain Brunias", jobTitle: "Inspecteur référent" },
      ],
    });

    // Moved a few days later; the attendees and notes stay when not given.
    const moved = onWorkingDay(addDays(first, 3));
    const again = ok(
      await app.execute<{ planPreparatoryVisit: Visit }>(PLAN, {
        input: { candidatureId: c.id, plannedOn: moved },
      }),
    ).planPreparatoryVisit;
    expect(again).toMatchObject({ plannedOn: moved, notes: "Visite des ateliers à prévoir." });
    expect(again.attendees).toHaveLength(2);

    // Recorded (it took place today), with both référents and a guest.
    const recorded = ok(
      await app.execute<{ recordPreparatoryVisit: Visit & { recordedAt: string } }>(RECORD, {
        input: {
          candidatureId: c.id,
          heldOn: today(),
          attendees: [
            { kind: "DRAFPIC", userId: lacan.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: lead!.establishment.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: co!.establishment.id },
            { kind: "OTHER", fullName: "Jean Martin", jobTitle: "Référent Qualéduc" },
          ],
          notes: "Équipes de pilotage en place ; mieux exploiter les indicateurs du critère 6.",
        },
      }),
    ).recordPreparatoryVisit;
    expect(recorded).toMatchObject({
      plannedOn: moved,
      heldOn: today(),
      done: true,
      candidature: { state: "PREPARATORY_VISIT_DONE" },
      notes: "Équipes de pilotage en place ; mieux exploiter les indicateurs du critère 6.",
      attendees: [
        { kind: "DRAFPIC", fullName: "Emmanuelle Lacan", jobTitle: null },
        { kind: "REFERENT_INSPECTOR", fullName: "Alain Brunias" },
        { kind: "REFERENT_INSPECTOR", fullName: "Mireille Lopez" },
        { kind: "OTHER", fullName: "Jean Martin", jobTitle: "Référent Qualéduc" },
      ],
    });
    expect(recorded.recordedAt).not.toBeNull();

    // The step is in the history, once; the school reads the visit.
    const read = ok(
      await app.execute<{
        candidature: { state: string; history: { transition: string; comment: string }[] };
      }>(READ, { id: c.id }, lead!.head.viewer),
    ).candidature;
    expect(read.history.filter((t) => t.transition === "RECORD_PREPARATORY_VISIT")).toEqual([
      {
        transition: "RECORD_PREPARATORY_VISIT",
        comment: `Visite préparatoire du ${formatFrenchDate(today())} (4 participants).`,
      },
    ]);
    expect(published.filter((e) => e.type === "PreparatoryVisitPlanned")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ candidatureId: c.id, plannedOn: first, previousPlannedOn: null }),
        expect.objectContaining({
          candidatureId: c.id,
          plannedOn: moved,
          previousPlannedOn: first,
        }),
      ]),
    );
    expect(published.filter((e) => e.type === "PreparatoryVisitRecorded")).toEqual([
      {
        type: "PreparatoryVisitRecorded",
        candidatureId: c.id,
        visitId: recorded.id,
        heldOn: today(),
        attendeeUserIds: [lacan.id, brunias.id],
      },
    ]);

    // Analysts see who came by quality, not by name.
    const analyst = (await insertUser(app.dataSource, { role: "ANALYST" })).viewer;
    const anonymous = ok(
      await app.execute<{
        candidature: {
          preparatoryVisit: { attendees: { kind: string; fullName: string | null }[] };
        };
      }>(READ, { id: c.id }, analyst),
    ).candidature.preparatoryVisit;
    expect(anonymous.attendees.map((a) => [a.kind, a.fullName])).toEqual([
      ["DRAFPIC", null],
      ["REFERENT_INSPECTOR", null],
      ["REFERENT_INSPECTOR", null],
      ["OTHER", null],
    ]);

    // Recorded once: again is refused, and changes nothing.
    const before = await state(c.id);
    const twice = refused(
      await app.execute(RECORD, {
        input: {
          candidatureId: c.id,
          heldOn: today(),
          attendees: [{ kind: "DRAFPIC", userId: lacan.id }],
        },
      }),
    );
    expect(twice).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "La visite préparatoire est déjà enregistrée comme effectuée.",
    });
    expect(
      refused(await app.execute(PLAN, { input: { candidatureId: c.id, plannedOn: moved } })).code,
    ).toBe("INVALID_TRANSITION");
    expect(await state(c.id)).toEqual(before);
  });

  it("records a visit never planned, planned on the day it took place", async () => {
    const c = await preparedCandidature(app);
    const yesterday = addDays(today(), -1);
    const visit = ok(
      await app.execute<{ recordPreparatoryVisit: Visit }>(RECORD, {
        input: {
          candidatureId: c.id,
          heldOn: yesterday,
          attendees: [{ kind: "DRAFPIC", userId: app.drafpic.userId }],
        },
      }),
    ).recordPreparatoryVisit;
    expect(visit).toMatchObject({ plannedOn: yesterday, heldOn: yesterday, notes: null });
  });

  it("refuses planning before the submission, on a past or non-working day, after the audit plan's due date", async () => {
    const open = await preparedCandidature(app, { state: "DOSSIER_OPEN" });
    const auditDate = workingDayInMonths(3);
    const c = await preparedCandidature(app, { auditDate });
    const due = auditPlanDueDate(auditDate);
    const saturday = nextWeekday(6);
    const afterDue = onWorkingDay(addDays(due, 1));
    const before = await state(c.id);
    const cases: [string, string, string, RegExp][] = [
      [
        open.id,
        onWorkingDay(inDays(7)),
        "INVALID_TRANSITION",
        /^La visite préparatoire a lieu une fois le dossier déposé : la candidature est à l'état « Dossier ouvert »\.$/,
      ],
      [
        c.id,
        addDays(today(), -1),
        "BAD_USER_INPUT",
        /^Une visite se planifie aujourd'hui ou plus tard/,
      ],
      [
        c.id,
        saturday,
        "BAD_USER_INPUT",
        /^La visite préparatoire se planifie un jour ouvré : le samedi/,
      ],
      [
        c.id,
        afterDue,
        "BAD_USER_INPUT",
        new RegExp(
          `^Le plan d'audit, transmis après la visite préparatoire, est attendu au plus tard le ${formatFrenchDate(due)}`,
        ),
      ],
      [c.id, auditDate, "BAD_USER_INPUT", /^La visite préparatoire prépare l'audit du /],
    ];
    for (const [candidatureId, plannedOn, code, message] of cases) {
      const result = refused(await app.execute(PLAN, { input: { candidatureId, plannedOn } }));
      expect({ plannedOn, code: result.code, message: result.message }).toEqual({
        plannedOn,
        code,
        message: expect.stringMatching(message),
      });
    }
    expect(await state(c.id)).toEqual(before);
  });

  it("refuses a record without DRAFPIC, in the future or before the submission, attendees that are not what they say, and other callers", async () => {
    const c = await preparedCandidature(app, { submittedOn: addDays(today(), -5) });
    const notDrafpic = await inspector("Paul Durand");
    const stranger = await insertEstablishment(app.dataSource);
    const drafpicAttendee = { kind: "DRAFPIC", userId: app.drafpic.userId };
    const before = await state(c.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { heldOn: today(), attendees: [{ kind: "OTHER", fullName: "Jean Martin" }] },
        "BAD_USER_INPUT",
        /^La visite préparatoire est conduite par la DRAFPIC : indiquez au moins un de ses membres/,
      ],
      [
        { heldOn: addDays(today(), 1), attendees: [drafpicAttendee] },
        "BAD_USER_INPUT",
        /^Une visite s'enregistre comme effectuée une fois qu'elle a eu lieu/,
      ],
      [
        { heldOn: addDays(today(), -6), attendees: [drafpicAttendee] },
        "BAD_USER_INPUT",
        /^La visite préparatoire suit le dépôt du dossier/,
      ],
      [
        {
          heldOn: today(),
          attendees: [drafpicAttendee, { kind: "DRAFPIC", userId: notDrafpic.id }],
        },
        "BAD_USER_INPUT",
        /^« Paul Durand » n'est pas un membre actif de l'équipe régionale du label \(DRAFPIC\)\.$/,
      ],
      [
        {
          heldOn: today(),
          attendees: [
            drafpicAttendee,
            { kind: "REFERENT_INSPECTOR", establishmentId: c.lead.establishment.id },
          ],
        },
        "BAD_USER_INPUT",
        /n'a pas d'inspecteur référent désigné : la DRAFPIC le désigne d'abord\.$/,
      ],
      [
        {
          heldOn: today(),
          attendees: [
            drafpicAttendee,
            { kind: "REFERENT_INSPECTOR", establishmentId: stranger.id },
          ],
        },
        "NOT_FOUND",
        /ne participe pas à cette candidature/,
      ],
      [
        { heldOn: today(), attendees: [drafpicAttendee, drafpicAttendee] },
        "BAD_USER_INPUT",
        /figure deux fois parmi les participants/,
      ],
      [
        { heldOn: today(), attendees: [{ kind: "OTHER", userId: app.drafpic.userId }] },
        "BAD_USER_INPUT",
        /^Un participant « OTHER » ne précise pas : userId\.$/,
      ],
    ];
    for (const [input, code, message] of cases) {
      const result = refused(
        await app.execute(RECORD, { input: { candidatureId: c.id, ...input } }),
      );
      expect({ input, code: result.code, message: result.message }).toEqual({
        input,
        code,
        message: expect.stringMatching(message),
      });
    }
    // The school neither plans nor records the visit.
    for (const [query, input] of [
      [RECORD, { heldOn: today(), attendees: [drafpicAttendee] }],
      [PLAN, { plannedOn: onWorkingDay(inDays(7)) }],
    ] as const) {
      const result = refused(
        await app.execute(query, { input: { candidatureId: c.id, ...input } }, c.lead.head.viewer),
      );
      expect(result.code).toBe("FORBIDDEN");
    }
    expect(await state(c.id)).toEqual(before);
  });

  it("refuses moving the audit so that a planned visit falls after the plan's due date, and changes nothing", async () => {
    const submittedOn = addDays(today(), -120);
    const c = await preparedCandidature(app, { submittedOn, auditDate: workingDayInMonths(3) });
    const plannedOn = onWorkingDay(inDays(30));
    ok(await app.execute(PLAN, { input: { candidatureId: c.id, plannedOn } }));
    const newAudit = onWorkingDay(inDays(40)); // its plan is due about 26 days from now
    const before = await state(c.id);
    const result = refused(
      await app.execute(
        `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id } }`,
        { input: { candidatureId: c.id, auditDate: newAudit } },
      ),
    );
    expect(result.code).toBe("CONFLICT");
    expect(result.message).toMatch(
      /^La visite préparatoire est prévue le .*avancez d'abord la visite\.$/,
    );
    expect(result.details).toMatchObject({ reason: "VISIT_AFTER_AUDIT_PLAN_DUE" });
    expect(await state(c.id)).toEqual(before);
    await forceCandidature(app, c.id, { auditDate: null });
  });
});
