/**
 * The audit plan: proposed by the schedule generator (each criterion spoken by its pilots), adjusted by
 * the lead's head, re-validated by the domain's rules of the audit day, sent after the preparatory visit
 * and at the latest two weeks before the audit (RECEIVE_AUDIT_PLAN); a change of the audit date
 * re-checks both deadlines. Every refusal is coded, in French, and changes nothing.
 */
import { addDays, auditPlanDueDate, formatFrenchDate } from "@ldm/domain";
import type { DomainEvent } from "../../kernel/events";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import {
  inDays,
  insertUser,
  onWorkingDay,
  rowCounts,
  today,
  workingDayInMonths,
} from "../../test/fixtures";
import {
  forceCandidature,
  preparedCandidature,
  type PreparedCandidature,
} from "../../test/preparation-fixtures";

const PLAN_FIELDS = `id version schemaVersion note submitted submittedAt auditDate dueDate problems
  slots { kind start end durationMinutes criterionCode title speakers } candidature { state }`;
const PROPOSE = `mutation($input: ProposeAuditPlanInput!) { proposeAuditPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAuditPlanInput!) { updateAuditPlan(input: $input) { ${PLAN_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitAuditPlanInput!) { submitAuditPlan(input: $input) { ${PLAN_FIELDS} } }`;
const READ = `query($id: ID!) { candidature(id: $id) { state auditPlan { ${PLAN_FIELDS} } } }`;
const SCHEDULE = `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id auditDate } }`;
const RECORD_VISIT = `mutation($input: RecordPreparatoryVisitInput!) { recordPreparatoryVisit(input: $input) { id } }`;

interface Slot {
  kind: string;
  start: string;
  end: string;
  durationMinutes: number;
  criterionCode: string | null;
  title: string;
  speakers: string[] | null;
}
interface Plan {
  id: string;
  version: number;
  schemaVersion: number;
  note: string | null;
  submitted: boolean;
  submittedAt: string | null;
  auditDate: string | null;
  dueDate: string | null;
  problems: string[];
  slots: Slot[];
  candidature: { state: string };
}

const TABLES = ["candidature", "candidature_transition", "audit_plan", "audit_log"];

let app: TestApp;
const published: DomainEvent[] = [];

beforeAll(async () => {
  app = await createTestApp();
  app.server.events.onAfterCommit("AuditPlanSubmitted", async (_ctx, event) => {
    published.push(event);
  });
});
afterAll(() => app.close());

async function state(candidatureId: string): Promise<unknown> {
  return {
    counts: await rowCounts(app.dataSource, TABLES),
    candidature: await app.dataSource.query(
      "SELECT state, audit_date::text, updated_at FROM candidature WHERE id = $1",
      [candidatureId],
    ),
    plan: await app.dataSource.query(
      "SELECT version, content, audit_date::text, due_date::text, submitted_at, updated_at FROM audit_plan WHERE candidature_id = $1",
      [candidatureId],
    ),
  };
}

/** The slots of a plan as the update mutation takes them. */
function inputOf(slots: Slot[]): Omit<Slot, "durationMinutes">[] {
  return slots.map(({ durationMinutes: _d, ...s }) => ({ ...s, speakers: s.speakers ?? [] }));
}

async function propose(c: PreparedCandidature, expectedVersion?: number): Promise<Plan> {
  return ok(
    await app.execute<{ proposeAuditPlan: Plan }>(
      PROPOSE,
      { input: { candidatureId: c.id, ...(expectedVersion ? { expectedVersion } : {}) } },
      c.lead.head.viewer,
    ),
  ).proposeAuditPlan;
}

async function recordVisit(c: PreparedCandidature): Promise<void> {
  ok(
    await app.execute(RECORD_VISIT, {
      input: {
        candidatureId: c.id,
        heldOn: today(),
        attendees: [{ kind: "DRAFPIC", userId: app.drafpic.userId }],
      },
    }),
  );
}

describe("audit plan", () => {
  it("is proposed with the pilots as speakers, adjusted by the head and sent after the visit", async () => {
    const auditDate = workingDayInMonths(3);
    const c = await preparedCandidature(app, {
      kind: "NETWORK",
      auditDate,
      names: ["Lycée professionnel Jean Moulin", "Lycée polyvalent Marie Curie"],
    });
    const [lead, co] = c.members;
    const proposed = await propose(c);
    expect(proposed).toMatchObject({
      version: 1,
      schemaVersion: 1,
      note: null,
      submitted: false,
      auditDate,
      dueDate: auditPlanDueDate(auditDate),
      problems: [],
      candidature: { state: "SUBMITTED" },
    });
    expect(proposed.slots[0]).toMatchObject({
      kind: "WELCOME_VISIT",
      start: "08:30",
      speakers: [],
    });
    const first = proposed.slots.find((s) => s.kind === "CRITERION_PRESENTATION");
    expect(first).toEqual({
      kind: "CRITERION_PRESENTATION",
      start: "09:45",
      end: "10:00",
      durationMinutes: 15,
      criterionCode: "1",
      title: "Critère 1 — présentation",
      speakers: [
        `${lead!.pilot.user.fullName}, DDFPT (Lycée professionnel Jean Moulin)`,
        `${co!.pilot.user.fullName}, DDFPT (Lycée polyvalent Marie Curie)`,
      ],
    });

    // The head takes 5 minutes off the welcome, names the speakers of criterion 3, adds a note.
    const slots = inputOf(proposed.slots).map((s) =>
      s.kind === "WELCOME_VISIT"
        ? { ...s, end: "09:10" }
        : s.criterionCode === "3"
          ? {
              ...s,
              speakers: ["Mme Durand, proviseure adjointe", "  Mme Durand, proviseure adjointe "],
            }
          : s,
    );
    const adjusted = ok(
      await app.execute<{ updateAuditPlan: Plan }>(
        UPDATE,
        {
          input: { candidatureId: c.id, expectedVersion: 1, slots, note: "Accueil au portail B." },
        },
        lead!.head.viewer,
      ),
    ).updateAuditPlan;
    expect(adjusted).toMatchObject({ version: 2, note: "Accueil au portail B.", problems: [] });
    expect(adjusted.slots[0]).toMatchObject({ end: "09:10", durationMinutes: 40 });
    expect(adjusted.slots.filter((s) => s.criterionCode === "3").map((s) => s.speakers)).toEqual([
      ["Mme Durand, proviseure adjointe"],
      ["Mme Durand, proviseure adjointe"],
    ]);

    // Not before the visit.
    const before = await state(c.id);
    const early = refused(
      await app.execute(
        SUBMIT,
        { input: { candidatureId: c.id, expectedVersion: 2 } },
        lead!.head.viewer,
      ),
    );
    expect(early).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "Le plan d'audit se transmet après la visite préparatoire, qui n'est pas encore enregistrée.",
    });
    expect(await state(c.id)).toEqual(before);

    await recordVisit(c);
    // A stale version is refused.
    const stale = refused(
      await app.execute(
        SUBMIT,
        { input: { candidatureId: c.id, expectedVersion: 1 } },
        lead!.head.viewer,
      ),
    );
    expect(stale.code).toBe("CONFLICT");
    // Neither the co-applicant's head nor DRAFPIC sends it.
    for (const viewer of [co!.head.viewer, app.drafpic]) {
      const result = refused(
        await app.execute(SUBMIT, { input: { candidatureId: c.id, expectedVersion: 2 } }, viewer),
      );
      expect(result.code).toBe("FORBIDDEN");
    }

    const sent = ok(
      await app.execute<{ submitAuditPlan: Plan }>(
        SUBMIT,
        { input: { candidatureId: c.id, expectedVersion: 2 } },
        lead!.head.viewer,
      ),
    ).submitAuditPlan;
    expect(sent).toMatchObject({
      version: 2,
      submitted: true,
      auditDate,
      dueDate: auditPlanDueDate(auditDate),
      candidature: { state: "AUDIT_PLAN_RECEIVED" },
    });
    expect(published).toEqual([
      expect.objectContaining({
        type: "AuditPlanSubmitted",
        candidatureId: c.id,
        auditPlanId: sent.id,
        version: 2,
        auditDate,
        dueDate: auditPlanDueDate(auditDate),
      }),
    ]);
    const history = await app.dataSource.query(
      "SELECT transition, comment FROM candidature_transition WHERE candidature_id = $1 ORDER BY created_at",
      [c.id],
    );
    expect(history.at(-1)).toEqual({
      transition: "RECEIVE_AUDIT_PLAN",
      comment: "Plan d'audit transmis par le chef d'établissement.",
    });

    // Sent: it no longer changes.
    const frozen = await state(c.id);
    const late = refused(
      await app.execute(
        UPDATE,
        { input: { candidatureId: c.id, expectedVersion: 2, slots: inputOf(sent.slots) } },
        lead!.head.viewer,
      ),
    );
    expect(late).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Le plan d'audit a été transmis à la DRAFPIC : il ne se modifie plus.",
    });
    expect(await state(c.id)).toEqual(frozen);

    // DRAFPIC and the co-applicant read it with its speakers; an analyst without them.
    for (const viewer of [app.drafpic, co!.head.viewer]) {
      const read = ok(
        await app.execute<{ candidature: { auditPlan: Plan } }>(READ, { id: c.id }, viewer),
      );
      expect(read.candidature.auditPlan.slots).toEqual(sent.slots);
    }
    const analyst = (await insertUser(app.dataSource, { role: "ANALYST" })).viewer;
    const anonymous = ok(
      await app.execute<{ candidature: { auditPlan: Plan } }>(READ, { id: c.id }, analyst),
    ).candidature.auditPlan;
    expect(anonymous.slots.every((s) => s.speakers === null)).toBe(true);
    expect(anonymous.note).toBe("Accueil au portail B.");
  });

  it("refuses adjustments that break the rules of the day, stale versions, other callers and other states", async () => {
    const c = await preparedCandidature(app, { kind: "NETWORK", auditDate: workingDayInMonths(3) });
    const open = await preparedCandidature(app, { state: "DOSSIER_OPEN" });
    const proposed = await propose(c);
    const slots = inputOf(proposed.slots);
    const last = slots.length - 1;
    const late = slots.map((s, i) => (i === last ? { ...s, start: "17:30", end: "18:15" } : s));
    const withoutFour = slots.filter((s) => s.criterionCode !== "4");
    const head = c.lead.head.viewer;
    const before = await state(c.id);
    const cases: [string, Record<string, unknown>, unknown, string, RegExp][] = [
      [
        UPDATE,
        { expectedVersion: 1, slots: late },
        head,
        "BAD_USER_INPUT",
        /La journée d'audit se terminerait à 18 h 15 : elle doit s'achever à 18 h au plus tard\./,
      ],
      [
        UPDATE,
        { expectedVersion: 1, slots: withoutFour },
        head,
        "BAD_USER_INPUT",
        /Le critère 4 est présenté une fois/,
      ],
      [
        UPDATE,
        { expectedVersion: 1, slots: slots.map((s, i) => (i === 0 ? { ...s, start: "8h30" } : s)) },
        head,
        "BAD_USER_INPUT",
        /Horaire invalide au temps n° 1/,
      ],
      [UPDATE, { expectedVersion: 7, slots }, head, "CONFLICT", /rechargez-le/],
      [PROPOSE, {}, head, "CONFLICT", /Le plan d'audit a été modifié entre-temps/],
      [UPDATE, { expectedVersion: 1, slots }, c.members[1]!.head.viewer, "FORBIDDEN", /droit/],
      [UPDATE, { expectedVersion: 1, slots }, app.drafpic, "FORBIDDEN", /droit/],
      [UPDATE, { expectedVersion: 1, slots }, c.lead.pilot.viewer, "FORBIDDEN", /droit/],
    ];
    for (const [query, input, viewer, code, message] of cases) {
      const result = refused(
        await app.execute(query, { input: { candidatureId: c.id, ...input } }, viewer as never),
      );
      expect({ code: result.code, message: result.message }).toEqual({
        code,
        message: expect.stringMatching(message),
      });
    }
    const detailed = refused(
      await app.execute(
        UPDATE,
        { input: { candidatureId: c.id, expectedVersion: 1, slots: late } },
        head,
      ),
    );
    expect(detailed.details?.problems).toEqual([
      "La journée d'audit se terminerait à 18 h 15 : elle doit s'achever à 18 h au plus tard.",
    ]);
    expect(await state(c.id)).toEqual(before);

    // Before the submission, neither proposed nor adjusted.
    const openBefore = await state(open.id);
    const notYet = refused(
      await app.execute(PROPOSE, { input: { candidatureId: open.id } }, open.lead.head.viewer),
    );
    expect(notYet).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "Le plan d'audit se prépare une fois le dossier déposé : la candidature est à l'état « Dossier ouvert ».",
    });
    expect(await state(open.id)).toEqual(openBefore);

    // Adjusting a plan never proposed.
    const fresh = await preparedCandidature(app);
    const none = refused(
      await app.execute(
        UPDATE,
        { input: { candidatureId: fresh.id, expectedVersion: 1, slots } },
        fresh.lead.head.viewer,
      ),
    );
    expect(none.code).toBe("INVALID_TRANSITION");
  });

  it("refuses sending after its due date, with a criterion nobody presents, or without an audit date", async () => {
    // The audit in ten days: the plan was due four days ago.
    const auditDate = onWorkingDay(inDays(10));
    const c = await preparedCandidature(app, {
      state: "PREPARATORY_VISIT_DONE",
      submittedOn: addDays(today(), -100),
      auditDate,
    });
    const head = c.lead.head.viewer;
    const proposed = await propose(c);
    let before = await state(c.id);
    const overdue = refused(
      await app.execute(SUBMIT, { input: { candidatureId: c.id, expectedVersion: 1 } }, head),
    );
    expect(overdue).toMatchObject({
      code: "DEADLINE_PASSED",
      message: `Le plan d'audit devait être transmis au plus tard le ${formatFrenchDate(auditPlanDueDate(auditDate))}, deux semaines avant l'audit du ${formatFrenchDate(auditDate)}.`,
    });
    expect(await state(c.id)).toEqual(before);

    // In time, but criterion 2 has lost its speakers.
    await forceCandidature(app, c.id, { auditDate: workingDayInMonths(2) });
    const silent = inputOf(proposed.slots).map((s) =>
      s.criterionCode === "2" ? { ...s, speakers: [] } : s,
    );
    const saved = ok(
      await app.execute<{ updateAuditPlan: Plan }>(
        UPDATE,
        { input: { candidatureId: c.id, expectedVersion: 1, slots: silent } },
        head,
      ),
    ).updateAuditPlan;
    const missing =
      "Chaque critère est présenté par des membres du groupe de pilotage : indiquez les intervenants du critère 2.";
    expect(saved.problems).toEqual([missing]);
    before = await state(c.id);
    const unspoken = refused(
      await app.execute(SUBMIT, { input: { candidatureId: c.id, expectedVersion: 2 } }, head),
    );
    expect(unspoken.code).toBe("BAD_USER_INPUT");
    expect(unspoken.details?.problems).toEqual([missing]);
    expect(await state(c.id)).toEqual(before);

    // No audit date.
    await forceCandidature(app, c.id, { auditDate: null });
    before = await state(c.id);
    const undated = refused(
      await app.execute(SUBMIT, { input: { candidatureId: c.id, expectedVersion: 2 } }, head),
    );
    expect(undated).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "La date de l'audit n'est pas encore fixée : le plan d'audit se transmet au plus tard deux semaines avant elle.",
    });
    expect(await state(c.id)).toEqual(before);
  });
});

describe("a change of the audit date", () => {
  it("gives a draft plan the new due date", async () => {
    const c = await preparedCandidature(app, {
      submittedOn: addDays(today(), -30),
      auditDate: workingDayInMonths(3),
    });
    await propose(c);
    const later = workingDayInMonths(4);
    ok(await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: later } }));
    const plan = ok(
      await app.execute<{ candidature: { auditPlan: Plan } }>(
        READ,
        { id: c.id },
        c.lead.head.viewer,
      ),
    ).candidature.auditPlan;
    expect(plan).toMatchObject({ auditDate: later, dueDate: auditPlanDueDate(later), version: 1 });
    const trail = await app.dataSource.query(
      "SELECT operation, changes FROM audit_log WHERE entity_type = 'AuditPlan' AND entity_id = $1 ORDER BY occurred_at",
      [plan.id],
    );
    expect(trail.at(-1)).toMatchObject({
      operation: "scheduleAudit",
      changes: { dueDate: { after: auditPlanDueDate(later) } },
    });
  });

  it("refuses a new date whose plan due date is past while the plan is not sent, and changes nothing", async () => {
    const c = await preparedCandidature(app, {
      state: "PREPARATORY_VISIT_DONE",
      submittedOn: addDays(today(), -120),
      auditDate: workingDayInMonths(2),
    });
    await propose(c);
    const soon = onWorkingDay(inDays(7));
    const before = await state(c.id);
    const result = refused(
      await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: soon } }),
    );
    expect(result.code).toBe("DEADLINE_PASSED");
    expect(result.message).toMatch(
      new RegExp(
        `le plan d'audit devrait être transmis au plus tard le ${formatFrenchDate(auditPlanDueDate(soon))}, deux semaines avant : cette date est passée et l'établissement ne pourrait plus le transmettre\\. L'audit peut avoir lieu au plus tôt le `,
      ),
    );
    expect(result.details).toMatchObject({ reason: "AUDIT_PLAN_DUE_PASSED" });
    expect(await state(c.id)).toEqual(before);
  });

  it("keeps a sent plan valid when the audit is postponed, even past its new due date", async () => {
    const auditDate = onWorkingDay(inDays(20));
    const c = await preparedCandidature(app, {
      state: "PREPARATORY_VISIT_DONE",
      submittedOn: addDays(today(), -120),
      auditDate,
    });
    const proposed = await propose(c);
    const sent = ok(
      await app.execute<{ submitAuditPlan: Plan }>(
        SUBMIT,
        { input: { candidatureId: c.id, expectedVersion: proposed.version } },
        c.lead.head.viewer,
      ),
    ).submitAuditPlan;
    // Time passes: the audit is now in five days; DRAFPIC postpones it by a few days.
    await forceCandidature(app, c.id, { auditDate: onWorkingDay(inDays(5)) });
    const postponed = onWorkingDay(inDays(9));
    ok(await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: postponed } }));
    const read = ok(
      await app.execute<{ candidature: { state: string; auditPlan: Plan } }>(READ, { id: c.id }),
    ).candidature;
    expect(read.state).toBe("AUDIT_PLAN_RECEIVED");
    expect(read.auditPlan).toMatchObject({
      submitted: true,
      submittedAt: sent.submittedAt,
      auditDate,
      dueDate: auditPlanDueDate(auditDate),
    });
  });
});
