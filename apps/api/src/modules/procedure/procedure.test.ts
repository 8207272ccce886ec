/**
 * The domain's date and team rules in the procedure's use cases: the audit date (working day, dossier
 * due two months before, postponement after the audit plan), the engagement documents' dates and the
 * audit team. Every refusal is coded, in French, and changes nothing.
 */
import {
  addDays,
  candidatureDeadlines,
  dossierDueDate,
  earliestAuditDate,
  formatFrenchDate,
  formatFrenchDateWithWeekday,
  isoWeekday,
  nextWorkingDay,
  publicHolidaysOf,
  type CandidatureState,
} from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import {
  CANDIDATURE_TABLES,
  inDays,
  inMonths,
  insertEstablishment,
  insertUser,
  onWorkingDay,
  rowCounts,
  today,
  workingDayInMonths,
} from "../../test/fixtures";
import type { Establishment } from "../establishment/establishment.entity";

const CREATE_INDIVIDUAL = `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`;
const CREATE_NETWORK = `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id auditDate deadlines { kind date } } }`;
const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;
const ASSIGN = `mutation($input: AuditorAssignmentInput!) { assignAuditor(input: $input) { id } }`;
const READ = `query($id: ID!) { candidature(id: $id) { auditDate deadlines { kind date } } }`;

/** Every table a procedure step writes, the audit trail included. */
const TABLES = [...CANDIDATURE_TABLES, "candidature_auditor", "audit_log"];

interface Scheduled {
  scheduleAudit: { id: string; auditDate: string; deadlines: { kind: string; date: string }[] };
}

/** The deadlines the domain computes for an audit date, as the GraphQL field lists them. */
function deadlinesOf(auditDate: string): { kind: string; date: string }[] {
  return candidatureDeadlines({ auditDate, publicationDate: null }).map((d) => ({
    kind: d.kind,
    date: d.date,
  }));
}

describe("procedure rules", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  /** What a refused call must leave untouched: row counts and the candidature's row. */
  async function snapshot(candidatureId: string): Promise<unknown> {
    return {
      counts: await rowCounts(app.dataSource, TABLES),
      row: await app.dataSource.query(
        `SELECT state, audit_date::text, updated_at FROM candidature WHERE id = $1`,
        [candidatureId],
      ),
      members: await app.dataSource.query(
        `SELECT establishment_id, engagement_letter_on::text, board_minutes_on::text, updated_at
           FROM co_applicant WHERE candidature_id = $1 ORDER BY establishment_id`,
        [candidatureId],
      ),
    };
  }

  /** A fresh individual candidature (in ENGAGEMENT) of a fresh establishment. */
  async function individual(): Promise<{ id: string; establishment: Establishment }> {
    const establishment = await insertEstablishment(app.dataSource);
    const { id } = ok(
      await app.execute<{ createIndividualCandidature: { id: string } }>(CREATE_INDIVIDUAL, {
        input: { establishmentId: establishment.id },
      }),
    ).createIndividualCandidature;
    return { id, establishment };
  }

  /** Moves a candidature straight to `state` (the steps before are not what these tests are about). */
  async function force(
    id: string,
    state: CandidatureState,
    facts: { submittedOn?: string | null; auditDate?: string | null } = {},
  ): Promise<void> {
    await app.dataSource.query(
      `UPDATE candidature SET state = $2, submitted_at = $3, audit_date = $4 WHERE id = $1`,
      [
        id,
        state,
        facts.submittedOn ? `${facts.submittedOn}T10:00:00Z` : null,
        facts.auditDate ?? null,
      ],
    );
  }

  describe("scheduleAudit", () => {
    it("refuses a Saturday, naming the day and the next working day, and changes nothing", async () => {
      const c = await individual();
      let saturday = inMonths(4);
      while (isoWeekday(saturday) !== 6) saturday = addDays(saturday, 1);
      const before = await snapshot(c.id);
      const result = refused(
        await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: saturday } }),
      );
      expect(result.code).toBe("BAD_USER_INPUT");
      expect(result.message).toBe(
        `L'audit doit avoir lieu un jour ouvré : le ${formatFrenchDateWithWeekday(saturday)} est un samedi. Jour ouvré suivant : le ${formatFrenchDateWithWeekday(nextWorkingDay(saturday))}.`,
      );
      expect(result.details).toMatchObject({ reason: "NOT_A_WORKING_DAY" });
      expect(await snapshot(c.id)).toEqual(before);
    });

    it("refuses a public holiday (lundi de Pentecôte), and changes nothing", async () => {
      const c = await individual();
      const year = Number(today().slice(0, 4)) + 1;
      const whitMonday = publicHolidaysOf(year).find((h) => h.key === "WHIT_MONDAY")!.date;
      const before = await snapshot(c.id);
      const result = refused(
        await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: whitMonday } }),
      );
      expect(result.code).toBe("BAD_USER_INPUT");
      expect(result.message).toBe(
        `L'audit doit avoir lieu un jour ouvré : le ${formatFrenchDateWithWeekday(whitMonday)} est férié (lundi de Pentecôte). Jour ouvré suivant : le ${formatFrenchDateWithWeekday(addDays(whitMonday, 1))}.`,
      );
      expect(await snapshot(c.id)).toEqual(before);
    });

    it("refuses, for an open dossier, an audit whose dossier due date has passed, giving the earliest date", async () => {
      const c = await individual();
      ok(
        await app.execute(ENGAGE, {
          input: {
            candidatureId: c.id,
            establishmentId: c.establishment.id,
            engagementLetterOn: today(),
            boardMinutesOn: inDays(-10),
          },
        }),
      );
      ok(
        await app.execute(TRANSITION, {
          input: { candidatureId: c.id, transition: "OPEN_DOSSIER" },
        }),
      );
      const auditDate = onWorkingDay(inDays(30));
      const before = await snapshot(c.id);
      const result = refused(
        await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate } }),
      );
      const earliest = earliestAuditDate({ today: today(), submittedOn: null });
      expect(result.code).toBe("DEADLINE_PASSED");
      expect(result.message).toBe(
        `Pour un audit le ${formatFrenchDateWithWeekday(auditDate)}, le dossier aurait dû être déposé au plus tard le ${formatFrenchDate(dossierDueDate(auditDate))}, deux mois avant : cette date est passée. L'audit peut avoir lieu au plus tôt le ${formatFrenchDateWithWeekday(earliest)}.`,
      );
      expect(await snapshot(c.id)).toEqual(before);

      // The earliest date it gives is accepted, and the deadlines follow it.
      const scheduled = ok(
        await app.execute<Scheduled>(SCHEDULE, {
          input: { candidatureId: c.id, auditDate: earliest },
        }),
      ).scheduleAudit;
      expect(scheduled.auditDate).toBe(earliest);
      expect(scheduled.deadlines).toEqual(deadlinesOf(earliest));
    });

    it("refuses a date too close to the submission, and changes nothing", async () => {
      const c = await individual();
      const submittedOn = inDays(-10);
      const current = workingDayInMonths(2);
      await force(c.id, "SUBMITTED", { submittedOn, auditDate: current });
      const auditDate = onWorkingDay(inDays(30));
      const before = await snapshot(c.id);
      const result = refused(
        await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate } }),
      );
      const earliest = earliestAuditDate({ today: today(), submittedOn });
      expect(result.code).toBe("DEADLINE_PASSED");
      expect(result.message).toBe(
        `Le dossier a été déposé le ${formatFrenchDate(submittedOn)} : un audit le ${formatFrenchDateWithWeekday(auditDate)} est trop proche, le dossier devant être déposé deux mois avant l'audit (au plus tard le ${formatFrenchDate(dossierDueDate(auditDate))}). L'audit peut avoir lieu au plus tôt le ${formatFrenchDateWithWeekday(earliest)}.`,
      );
      expect(result.details).toMatchObject({ reason: "TOO_CLOSE_TO_SUBMISSION", submittedOn });
      expect(await snapshot(c.id)).toEqual(before);
    });

    it("postpones the audit after the audit plan was received, recomputing the deadlines; never brings it forward", async () => {
      const c = await individual();
      const current = onWorkingDay(inDays(20));
      await force(c.id, "AUDIT_PLAN_RECEIVED", { submittedOn: inDays(-60), auditDate: current });

      const before = await snapshot(c.id);
      const earlier = onWorkingDay(inDays(10));
      const forward = refused(
        await app.execute(SCHEDULE, { input: { candidatureId: c.id, auditDate: earlier } }),
      );
      expect(forward.code).toBe("INVALID_TRANSITION");
      expect(forward.message).toBe(
        `Le plan d'audit a été reçu : l'audit prévu le ${formatFrenchDateWithWeekday(current)} ne peut plus qu'être reporté à une date ultérieure.`,
      );
      expect(await snapshot(c.id)).toEqual(before);

      const postponed = workingDayInMonths(3);
      const data = ok(
        await app.execute<Scheduled>(SCHEDULE, {
          input: { candidatureId: c.id, auditDate: postponed },
        }),
      ).scheduleAudit;
      expect(data.auditDate).toBe(postponed);
      expect(data.deadlines).toEqual(deadlinesOf(postponed));
      expect(data.deadlines).toContainEqual({
        kind: "DOSSIER_DUE",
        date: dossierDueDate(postponed),
      });
      const read = ok(
        await app.execute<{ candidature: { auditDate: string; deadlines: unknown[] } }>(READ, {
          id: c.id,
        }),
      ).candidature;
      expect(read).toEqual({ auditDate: postponed, deadlines: deadlinesOf(postponed) });
      const [trail] = (await app.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Candidature' AND entity_id = $1`,
        [c.id],
      )) as { n: number }[];
      expect(trail?.n).toBe(2); // creation, then the new date
    });

    it("refuses any change once the audit is done", async () => {
      const c = await individual();
      await force(c.id, "AUDITED", { submittedOn: inDays(-90), auditDate: inDays(-1) });
      const before = await snapshot(c.id);
      const result = refused(
        await app.execute(SCHEDULE, {
          input: { candidatureId: c.id, auditDate: workingDayInMonths(3) },
        }),
      );
      expect(result.code).toBe("INVALID_TRANSITION");
      expect(result.message).toBe(
        "La date de l'audit ne peut plus être fixée ni modifiée dans l'état « Audit réalisé ».",
      );
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  describe("recordEngagement", () => {
    it("refuses a letter dated in the future, and board minutes after the letter (naming the co-applicant)", async () => {
      const c = await individual();
      const before = await snapshot(c.id);
      const future = refused(
        await app.execute(ENGAGE, {
          input: {
            candidatureId: c.id,
            establishmentId: c.establishment.id,
            engagementLetterOn: inDays(3),
            boardMinutesOn: inDays(-3),
          },
        }),
      );
      expect(future.code).toBe("BAD_USER_INPUT");
      expect(future.message).toBe(
        `La lettre d'engagement ne peut pas être datée du ${formatFrenchDate(inDays(3))}, après aujourd'hui (${formatFrenchDate(today())}).`,
      );
      expect(await snapshot(c.id)).toEqual(before);

      const lead = await insertEstablishment(app.dataSource);
      const partner = await insertEstablishment(app.dataSource, {
        name: "Lycée professionnel du Port",
      });
      const network = ok(
        await app.execute<{ createNetworkCandidature: { id: string } }>(CREATE_NETWORK, {
          input: {
            members: [
              { establishmentId: lead.id, isLead: true },
              { establishmentId: partner.id, isLead: false },
            ],
          },
        }),
      ).createNetworkCandidature;
      const networkBefore = await snapshot(network.id);
      const letter = inDays(-20);
      const minutes = inDays(-5);
      const late = refused(
        await app.execute(ENGAGE, {
          input: {
            candidatureId: network.id,
            establishmentId: partner.id,
            engagementLetterOn: letter,
            boardMinutesOn: minutes,
          },
        }),
      );
      expect(late.code).toBe("BAD_USER_INPUT");
      expect(late.message).toBe(
        `Le procès-verbal du conseil d'administration de Lycée professionnel du Port (${formatFrenchDate(minutes)}) ne peut pas être postérieur à la lettre d'engagement (${formatFrenchDate(letter)}) : le conseil d'administration approuve la candidature avant l'envoi de la lettre, qui est jointe à son procès-verbal.`,
      );
      expect(await snapshot(network.id)).toEqual(networkBefore);

      // The board first, then the letter: recorded.
      ok(
        await app.execute(ENGAGE, {
          input: {
            candidatureId: network.id,
            establishmentId: partner.id,
            engagementLetterOn: minutes,
            boardMinutesOn: letter,
          },
        }),
      );
    });
  });

  describe("RECORD_AUDIT", () => {
    it("records no audit without a team holding an inspector, and changes nothing", async () => {
      const c = await individual();
      await force(c.id, "AUDIT_PLAN_RECEIVED", { submittedOn: inDays(-70), auditDate: today() });
      const record = () =>
        app.execute(TRANSITION, { input: { candidatureId: c.id, transition: "RECORD_AUDIT" } });

      const before = await snapshot(c.id);
      const nobody = refused(await record());
      expect(nobody.code).toBe("INVALID_TRANSITION");
      expect(nobody.message).toBe(
        "L'audit ne peut pas être enregistré : l'équipe d'audit n'a aucun auditeur.",
      );
      expect(await snapshot(c.id)).toEqual(before);

      const cee = await insertUser(app.dataSource, { role: "AUDITOR", auditorProfile: "CEE" });
      const ipe = await insertUser(app.dataSource, { role: "AUDITOR", auditorProfile: "IPE" });
      for (const auditor of [cee, ipe]) {
        ok(await app.execute(ASSIGN, { input: { candidatureId: c.id, userId: auditor.user.id } }));
      }
      const withTeam = await snapshot(c.id);
      const noInspector = refused(await record());
      expect(noInspector.code).toBe("INVALID_TRANSITION");
      expect(noInspector.message).toBe(
        "L'audit ne peut pas être enregistré : l'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
      );
      expect(await snapshot(c.id)).toEqual(withTeam);

      const inspector = await insertUser(app.dataSource, {
        role: "AUDITOR",
        auditorProfile: "INSPECTOR",
      });
      ok(await app.execute(ASSIGN, { input: { candidatureId: c.id, userId: inspector.user.id } }));
      const audited = ok(
        await app.execute<{ transitionCandidature: { state: string } }>(TRANSITION, {
          input: { candidatureId: c.id, transition: "RECORD_AUDIT" },
        }),
      );
      expect(audited.transitionCandidature.state).toBe("AUDITED");
    });
  });
});
