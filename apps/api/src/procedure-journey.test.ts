/**
 * Issue 12's "done when", over HTTP against the real database: a network candidature of a lycée of
 * Aix-Marseille and a lycée of Nice goes from its submission to its labels in the public registry —
 * preparatory visit with the inspecteurs référents, audit team with signed declarations (an unsigned
 * auditor reads nothing), audit plan proposed, adjusted and sent two weeks ahead, two auditors' drafts
 * that differ, the lead's consolidation, findings and commitments, the final report (its PDF parsed back
 * with pdftotext), a GRALM session (its Excel list read back with exceljs), the CAEN, one rector's
 * decision per académie, the BOEN publication — then through the label's five years: the mid-term
 * follow-up with the status of every commitment, and the renewal pre-filled from the frozen dossier with
 * its diff. Every party logs in with its own cookie; the steps' refusals met on the way are checked.
 *
 * The server's clock (`createServer(…, { clock })`) is moved forward between the steps so that the
 * dates are the procedure's: the dossier submitted more than two months before the audit, the audit on
 * a working day, the plan sent more than two weeks before it, the decision chain in order, the mid-term
 * follow-up at thirty months, the renewal a year before the label ends.
 *
 * The job queue (pg-boss) runs in this process with a real SMTP server: on the day the audit plan's J-7
 * reminder falls due, two scans record it once and the lead's head receives it exactly once. The same
 * guarantee with two instances scanning at the same moment, and with two API processes, is tested in
 * `jobs/jobs.test.ts` and `jobs/two-processes.test.ts`; it is not repeated here.
 */
import { randomUUID } from "node:crypto";
import {
  addDays,
  addMonths,
  auditPlanDueDate,
  compareIsoDates,
  daysBetween,
  dossierDueDate,
  formatFrenchDate,
  INDEPENDENCE_DECLARATION_VERSION,
  isWorkingDay,
  labelExpiryDate,
  midTermReviewDueDate,
  renewalStartDate,
  schoolYearOf,
  type IsoDate,
} from "@ldm/domain";
import { fixedClock, systemClock } from "./kernel/clock";
import type { JobQueue } from "./jobs/job-queue";
import { createJobs, type Jobs } from "./jobs/jobs";
import { createMailer } from "./mail/mailer";
import { hashPassword } from "./modules/identity/password";
import { readWorkbook, pdfText } from "./test/decision-fixtures";
import { insertUser, onWorkingDay } from "./test/fixtures";
import { Client, TEST_PASSWORD } from "./test/http-client";
import { preparedCandidature, type PreparedCandidature } from "./test/preparation-fixtures";
import { startSmtpServer, type TestSmtpServer } from "./test/smtp";
import { createTestApp, type TestApp } from "./test/test-app";

const LEAD_NAME = "Lycée professionnel Les Calanques";
const PARTNER_NAME = "Lycée polyvalent Riviera";
const TITLE = "de la mer et du littoral";

// --- the calendar of the procedure (from a working day two weeks ahead, whatever the day of the run) ---
const submittedOn = onWorkingDay(addDays(systemClock.today(), 14));
/** A working day a little more than two months after the submission. */
const auditDate = onWorkingDay(addDays(addMonths(submittedOn, 2), 14));
const planDue = auditPlanDueDate(auditDate);
const visitDay = onWorkingDay(addDays(submittedOn, 21));
const planSentOn = addDays(planDue, -3);
const reportOn = addDays(auditDate, 6);
const gralmOn = addDays(reportOn, 21);
const caenOn = addDays(gralmOn, 21);
const niceRectorOn = addDays(caenOn, 14);
const aixRectorOn = addDays(caenOn, 17);
const publishedOn = addDays(aixRectorOn, 14);

const clock = fixedClock(new Date(`${submittedOn}T08:00:00Z`));
/** Moves the server's clock forward to 10:00 (Paris, winter time) on `day`. */
function travelTo(day: IsoDate): void {
  const target = new Date(`${day}T09:00:00Z`).getTime();
  const now = clock.now().getTime();
  if (target < now) throw new Error(`Le temps ne recule pas : ${day} est passé.`);
  clock.advance(target - now);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- operations ---------------------------------------------------------------------------------
const STATE = `query($id: ID!) { candidature(id: $id) { state } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state submittedAt } }`;
const SET_REFERENT = `mutation($input: SetReferentInspectorInput!) { setReferentInspector(input: $input) {
  id referentInspector { fullName hasAccount } } }`;
const VISIT_FIELDS = `plannedOn heldOn done notes attendees { kind fullName jobTitle establishment { id } }
  candidature { state }`;
const SET_TEAM = `mutation($input: SetAuditTeamInput!) { setAuditTeam(input: $input) {
  auditTeam { teamRole profile declarationSigned user { id } } } }`;
const SIGN = `mutation($input: SignAuditDeclarationInput!) { signAuditDeclaration(input: $input) {
  declarationSignedAt nextStep } }`;
const GRID = `query($id: ID!) { auditGrid(candidatureId: $id) { editable consolidates lines {
  establishmentId criterionCode expectationId selfAssessedLevel levelsDiffer unanimousLevel
  auditorDrafts { level auditor { id } } team { level } } } }`;
const SAVE_DRAFT = `mutation($input: SaveAssessmentEntryInput!) { saveAssessmentDraft(input: $input) {
  replayed entry { id level version } } }`;
const SAVE_TEAM = `mutation($input: SaveAssessmentEntryInput!) { saveTeamAssessment(input: $input) {
  replayed entry { level isTeamAssessment } } }`;
const SAVE_AREA = `mutation($input: SaveImprovementAreaInput!) { saveImprovementArea(input: $input) {
  improvementArea { id severity } } }`;
const SAVE_COMMITMENT = `mutation($input: SaveAuditCommitmentInput!) { saveAuditCommitment(input: $input) {
  commitment { id owner dueOn } } }`;
const SAVE_REPORT = `mutation($input: SaveAuditReportInput!) { saveAuditReport(input: $input) {
  report { status version } } }`;
const FINALISE = `mutation($input: FinaliseAuditReportInput!) { finaliseAuditReport(input: $input) {
  report { status version finalisedAt pdfUrl } } }`;
const PLAN_FIELDS = `version submitted dueDate problems note
  slots { kind start end criterionCode title speakers } candidature { state }`;

interface Slot {
  kind: string;
  start: string;
  end: string;
  criterionCode: string | null;
  title: string;
  speakers: string[] | null;
}
interface Plan {
  version: number;
  submitted: boolean;
  dueDate: string;
  problems: string[];
  note: string | null;
  slots: Slot[];
  candidature: { state: string };
}
interface GridLine {
  establishmentId: string;
  criterionCode: string;
  expectationId: string | null;
  selfAssessedLevel: string | null;
  levelsDiffer: boolean;
  unanimousLevel: string | null;
  auditorDrafts: { level: string | null; auditor: { id: string } }[];
  team: { level: string | null } | null;
}

describe("the procedure's journey over HTTP: from the submission to the renewal", () => {
  let app: TestApp;
  let url: string;
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  /** The server's after-commit handlers enqueue into the job queue, created once the database is. */
  const queue: JobQueue = { send: (name, data, options) => jobs.send(name, data, options) };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp({ clock, jobs: queue });
    url = await app.listen();
    jobs = createJobs(app.dataSource, {
      mailer: createMailer({
        smtp: { url: smtp.url },
        from: "Label LdM <ne-pas-repondre@ldm.test>",
      }),
      publicUrl: "https://label.example.fr",
      clock,
      reminderScanCron: null,
      pollingIntervalSeconds: 0.5,
      instanceName: "procedure-journey",
    });
    await jobs.start();
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await smtp?.close();
  });

  /** A client logged in as `userId` (its password set for the occasion), with a real login. */
  async function loggedIn(user: { id: string; email: string }): Promise<Client> {
    await app.dataSource.query("UPDATE app_user SET password_hash = $2 WHERE id = $1", [
      user.id,
      await hashPassword(TEST_PASSWORD),
    ]);
    const client = new Client(url);
    await client.login(user.email);
    return client;
  }

  it("labels a network of Aix-Marseille and Nice, follows it up and renews it, each step on its day", async () => {
    // The calendar keeps the guide's rules: the dossier two months before an audit on a working day,
    // the plan two weeks before it.
    expect(compareIsoDates(submittedOn, dossierDueDate(auditDate))).toBeLessThanOrEqual(0);
    expect(isWorkingDay(auditDate)).toBe(true);
    expect(daysBetween(planSentOn, auditDate)).toBeGreaterThanOrEqual(14);

    // --- the people ---------------------------------------------------------------------------------
    // A complete network dossier, ready to be submitted (written to the tables: the school's half is
    // `dossier-journey.test.ts`); Les Calanques (13, Aix-Marseille) leads, Riviera (06, Nice) joins.
    const c: PreparedCandidature = await preparedCandidature(app, {
      kind: "NETWORK",
      state: "DOSSIER_OPEN",
      names: [LEAD_NAME, PARTNER_NAME],
    });
    const [lead, partner] = c.members as [
      PreparedCandidature["members"][0],
      PreparedCandidature["members"][0],
    ];
    expect([lead.establishment.academieCode, partner.establishment.academieCode]).toEqual([
      "AIX_MARSEILLE",
      "NICE",
    ]);
    const head = await loggedIn(lead.head.user);
    const partnerHead = await loggedIn(partner.head.user);
    const drafpicUser = (
      await insertUser(app.dataSource, { role: "DRAFPIC", fullName: "Claire Martin" })
    ).user;
    const drafpic = await loggedIn(drafpicUser);
    const inspector = (
      await insertUser(app.dataSource, {
        role: "AUDITOR",
        auditorProfile: "INSPECTOR",
        fullName: "Inès Garnier",
      })
    ).user;
    const cee = (
      await insertUser(app.dataSource, {
        role: "AUDITOR",
        auditorProfile: "CEE",
        fullName: "Marc Olivier",
      })
    ).user;
    const referentUser = (
      await insertUser(app.dataSource, {
        role: "AUDITOR",
        auditorProfile: "INSPECTOR",
        fullName: "Paul Arnaud",
      })
    ).user;
    const leadAuditor = await loggedIn(inspector);
    const ceeAuditor = await loggedIn(cee);
    const state = async () =>
      (await drafpic.ok<{ candidature: { state: string } }>(STATE, { id: c.id })).candidature.state;

    // --- submission: DRAFPIC fixes the audit, the lead's head submits more than two months before -----
    travelTo(submittedOn);
    await drafpic.ok(
      `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { auditDate } }`,
      { input: { candidatureId: c.id, auditDate } },
    );
    const submitted = await head.ok<{
      transitionCandidature: { state: string; submittedAt: string };
    }>(TRANSITION, { input: { candidatureId: c.id, transition: "SUBMIT_DOSSIER" } });
    expect(submitted.transitionCandidature.state).toBe("SUBMITTED");
    expect(submitted.transitionCandidature.submittedAt.slice(0, 10)).toBe(submittedOn);
    // The proof of filing, dated by the server's clock.
    const receipt = await head.download(`/exports/candidatures/${c.id}/accuse-de-depot.pdf`);
    expect(receipt.status).toBe(200);
    expect(pdfText(receipt.bytes)).toContain(formatFrenchDate(submittedOn));

    // --- inspecteurs référents: an inspector's account for Aix-Marseille, a named person for Nice ----
    travelTo(addDays(submittedOn, 1));
    const referents = [
      await drafpic.ok<{ setReferentInspector: { referentInspector: { hasAccount: boolean } } }>(
        SET_REFERENT,
        { input: { establishmentId: lead.establishment.id, userId: referentUser.id } },
      ),
      await drafpic.ok<{ setReferentInspector: { referentInspector: { hasAccount: boolean } } }>(
        SET_REFERENT,
        {
          input: {
            establishmentId: partner.establishment.id,
            fullName: "Sophie Lemaire",
            email: "sophie.lemaire@ac-nice.fr",
          },
        },
      ),
    ];
    expect(referents.map((r) => r.setReferentInspector.referentInspector.hasAccount)).toEqual([
      true,
      false,
    ]);

    // --- the preparatory visit, planned then recorded with both référents ---------------------------
    const planned = await drafpic.ok<{
      planPreparatoryVisit: { plannedOn: string; done: boolean };
    }>(
      `mutation($input: PlanPreparatoryVisitInput!) { planPreparatoryVisit(input: $input) { ${VISIT_FIELDS} } }`,
      {
        input: {
          candidatureId: c.id,
          plannedOn: visitDay,
          attendees: [
            { kind: "DRAFPIC", userId: drafpicUser.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: lead.establishment.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: partner.establishment.id },
          ],
          notes: "Visite des deux plateaux techniques.",
        },
      },
    );
    expect(planned.planPreparatoryVisit).toMatchObject({ plannedOn: visitDay, done: false });

    // --- the audit team: the lead inspector and a CEE; nothing is read before the declaration ----------
    const team = await drafpic.ok<{
      setAuditTeam: {
        auditTeam: { teamRole: string; profile: string; declarationSigned: boolean }[];
      };
    }>(SET_TEAM, {
      input: {
        candidatureId: c.id,
        members: [
          { userId: inspector.id, teamRole: "LEAD" },
          { userId: cee.id, teamRole: "MEMBER" },
        ],
      },
    });
    expect(
      team.setAuditTeam.auditTeam.map((m) => [m.teamRole, m.profile, m.declarationSigned]).sort(),
    ).toEqual([
      ["LEAD", "INSPECTOR", false],
      ["MEMBER", "CEE", false],
    ]);
    const assignments = await ceeAuditor.ok<{
      myAuditAssignments: { edges: { node: { candidatureId: string; nextStep: string } }[] };
    }>(`{ myAuditAssignments(first: 5) { edges { node { candidatureId nextStep } } } }`);
    expect(assignments.myAuditAssignments.edges.map((e) => e.node)).toEqual([
      { candidatureId: c.id, nextStep: "SIGN_DECLARATION" },
    ]);
    const unsigned = await ceeAuditor.refused(GRID, { id: c.id });
    expect(unsigned).toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "DECLARATION_REQUIRED" },
    });
    expect(unsigned.message).toMatch(/^Signez d'abord la déclaration d'indépendance/);
    // Nor the dossier's export: the candidature is not visible to it (404, as a missing one).
    expect((await ceeAuditor.download(`/exports/candidatures/${c.id}/dossier.pdf`)).status).toBe(
      404,
    );
    travelTo(addDays(submittedOn, 2));
    for (const auditor of [leadAuditor, ceeAuditor]) {
      const signed = await auditor.ok<{ signAuditDeclaration: { declarationSignedAt: string } }>(
        SIGN,
        {
          input: {
            candidatureId: c.id,
            textVersion: INDEPENDENCE_DECLARATION_VERSION,
            noConflictOfInterest: true,
          },
        },
      );
      expect(signed.signAuditDeclaration.declarationSignedAt.slice(0, 10)).toBe(
        addDays(submittedOn, 2),
      );
    }

    travelTo(visitDay);
    const visit = await drafpic.ok<{
      recordPreparatoryVisit: {
        heldOn: string;
        done: boolean;
        attendees: { kind: string; fullName: string; establishment: { id: string } | null }[];
        candidature: { state: string };
      };
    }>(
      `mutation($input: RecordPreparatoryVisitInput!) { recordPreparatoryVisit(input: $input) { ${VISIT_FIELDS} } }`,
      {
        input: {
          candidatureId: c.id,
          heldOn: visitDay,
          attendees: [
            { kind: "DRAFPIC", userId: drafpicUser.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: lead.establishment.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: partner.establishment.id },
            { kind: "OTHER", fullName: "Luc Ferrand", jobTitle: "DDFPT" },
          ],
        },
      },
    );
    expect(visit.recordPreparatoryVisit).toMatchObject({
      heldOn: visitDay,
      done: true,
      notes: "Visite des deux plateaux techniques.",
      candidature: { state: "PREPARATORY_VISIT_DONE" },
    });
    expect(
      visit.recordPreparatoryVisit.attendees.map((a) => [a.kind, a.fullName, a.establishment?.id]),
    ).toEqual([
      ["DRAFPIC", "Claire Martin", undefined],
      ["REFERENT_INSPECTOR", "Paul Arnaud", lead.establishment.id],
      ["REFERENT_INSPECTOR", "Sophie Lemaire", partner.establishment.id],
      ["OTHER", "Luc Ferrand", undefined],
    ]);

    // --- the audit plan: proposed by the generator, adjusted by the lead's head ---------------------
    travelTo(addDays(visitDay, 1));
    const proposed = (
      await head.ok<{ proposeAuditPlan: Plan }>(
        `mutation($input: ProposeAuditPlanInput!) { proposeAuditPlan(input: $input) { ${PLAN_FIELDS} } }`,
        { input: { candidatureId: c.id } },
      )
    ).proposeAuditPlan;
    expect(proposed).toMatchObject({
      version: 1,
      submitted: false,
      dueDate: planDue,
      problems: [],
    });
    const presentation = proposed.slots.find((s) => s.criterionCode === "4");
    expect(presentation?.speakers).toEqual([
      `${lead.pilot.user.fullName}, DDFPT (${LEAD_NAME})`,
      `${partner.pilot.user.fullName}, DDFPT (${PARTNER_NAME})`,
    ]);
    const adjusted = (
      await head.ok<{ updateAuditPlan: Plan }>(
        `mutation($input: UpdateAuditPlanInput!) { updateAuditPlan(input: $input) { ${PLAN_FIELDS} } }`,
        {
          input: {
            candidatureId: c.id,
            expectedVersion: 1,
            note: "Accueil au portail B, parking visiteurs.",
            slots: proposed.slots.map((s) => ({
              ...s,
              speakers:
                s.criterionCode === "4"
                  ? ["Mme Durand, proviseure adjointe", ...(s.speakers ?? [])]
                  : (s.speakers ?? []),
            })),
          },
        },
      )
    ).updateAuditPlan;
    expect(adjusted).toMatchObject({ version: 2, problems: [] });
    expect(adjusted.slots.find((s) => s.criterionCode === "4")?.speakers?.[0]).toBe(
      "Mme Durand, proviseure adjointe",
    );

    // --- the plan's J-7 reminder: recorded once by two scans, received once by the lead's head --------
    travelTo(addDays(planDue, -7));
    const scans = [await jobs.runReminderScan(), await jobs.runReminderScan()];
    expect(scans).toEqual([
      { due: 1, recorded: 1 },
      { due: 1, recorded: 0 },
    ]);
    const subject = `Rappel : date limite d'envoi du plan d'audit le ${formatFrenchDate(planDue)} (dans 7 jours)`;
    const reminders = () => smtp.received.filter((m) => m.parsed.subject?.startsWith("Rappel"));
    for (let i = 0; i < 150 && reminders().length === 0; i++) await sleep(100);
    await sleep(2000); // time for a duplicate, if any (the workers poll every 0.5 s)
    const received = reminders();
    expect(received.map((m) => [m.to, m.parsed.subject])).toEqual([
      [[lead.head.user.email], subject],
    ]);
    expect(received[0]!.parsed.text).toContain(`https://label.example.fr/candidatures/${c.id}`);
    const inApp = await head.ok<{
      myNotifications: { edges: { node: { kind: string; title: string } }[] };
    }>(`{ myNotifications(first: 50) { edges { node { kind title } } } }`);
    expect(inApp.myNotifications.edges.filter((e) => e.node.kind === "REMINDER")).toEqual([
      { node: { kind: "REMINDER", title: subject } },
    ]);

    // --- the plan is sent more than two weeks before the audit ----------------------------------------
    travelTo(planSentOn);
    const sent = (
      await head.ok<{ submitAuditPlan: Plan }>(
        `mutation($input: SubmitAuditPlanInput!) { submitAuditPlan(input: $input) { ${PLAN_FIELDS} } }`,
        { input: { candidatureId: c.id, expectedVersion: 2 } },
      )
    ).submitAuditPlan;
    expect(sent).toMatchObject({
      submitted: true,
      note: "Accueil au portail B, parking visiteurs.",
      candidature: { state: "AUDIT_PLAN_RECEIVED" },
    });

    // --- the audit day: two drafts that differ, the lead's consolidation ------------------------------
    travelTo(auditDate);
    const draft = (
      auditor: Client,
      establishmentId: string,
      criterionCode: string,
      level: string,
      comment = "",
    ) =>
      auditor.ok<{ saveAssessmentDraft: { replayed: boolean; entry: { version: number } } }>(
        SAVE_DRAFT,
        {
          input: {
            writeId: randomUUID(),
            candidatureId: c.id,
            establishmentId,
            criterionCode,
            level,
            comment,
            strengths: "",
          },
        },
      );
    for (const code of ["1", "2", "3", "4"]) {
      await draft(leadAuditor, lead.establishment.id, code, code === "4" ? "PARTIALLY_MET" : "MET");
      await draft(
        ceeAuditor,
        lead.establishment.id,
        code,
        code === "4" ? "NOT_MET" : "MET",
        code === "4" ? "Aucune convention signée avec les entreprises du port." : "",
      );
    }
    // A write replayed after working offline changes nothing and answers the same.
    const writeId = randomUUID();
    const offline = {
      writeId,
      candidatureId: c.id,
      establishmentId: partner.establishment.id,
      criterionCode: "7",
      level: "EXCEEDED",
      comment: "Ouverture internationale remarquable (Erasmus+).",
      strengths: "Mobilités des apprentis.",
    };
    const first = await ceeAuditor.ok<{
      saveAssessmentDraft: { replayed: boolean; entry: { id: string; version: number } };
    }>(SAVE_DRAFT, { input: offline });
    const replay = await ceeAuditor.ok<{
      saveAssessmentDraft: { replayed: boolean; entry: { id: string; version: number } };
    }>(SAVE_DRAFT, { input: offline });
    expect(replay.saveAssessmentDraft).toEqual({ ...first.saveAssessmentDraft, replayed: true });

    const grid = (
      await leadAuditor.ok<{ auditGrid: { consolidates: boolean; lines: GridLine[] } }>(GRID, {
        id: c.id,
      })
    ).auditGrid;
    expect(grid.consolidates).toBe(true);
    const line = (establishmentId: string, code: string) =>
      grid.lines.find(
        (l) =>
          l.establishmentId === establishmentId &&
          l.criterionCode === code &&
          l.expectationId === null,
      )!;
    expect(line(lead.establishment.id, "4")).toMatchObject({
      selfAssessedLevel: "MET",
      levelsDiffer: true,
      unanimousLevel: null,
    });
    expect(
      line(lead.establishment.id, "4")
        .auditorDrafts.map((d) => [d.auditor.id, d.level])
        .sort(),
    ).toEqual(
      [
        [inspector.id, "PARTIALLY_MET"],
        [cee.id, "NOT_MET"],
      ].sort(),
    );
    expect(line(lead.establishment.id, "1")).toMatchObject({
      levelsDiffer: false,
      unanimousLevel: "MET",
    });
    // The lead auditor consolidates every criterion of both establishments.
    const criterionLines = grid.lines.filter((l) => l.expectationId === null);
    expect(new Set(criterionLines.map((l) => l.establishmentId))).toEqual(
      new Set([lead.establishment.id, partner.establishment.id]),
    );
    for (const l of criterionLines) {
      const level =
        l.establishmentId === lead.establishment.id && l.criterionCode === "4"
          ? "PARTIALLY_MET"
          : l.establishmentId === partner.establishment.id && l.criterionCode === "7"
            ? "EXCEEDED"
            : "MET";
      const saved = await leadAuditor.ok<{
        saveTeamAssessment: { entry: { level: string; isTeamAssessment: boolean } };
      }>(SAVE_TEAM, {
        input: {
          writeId: randomUUID(),
          candidatureId: c.id,
          establishmentId: l.establishmentId,
          criterionCode: l.criterionCode,
          level,
          comment: "",
          strengths: "",
        },
      });
      expect(saved.saveTeamAssessment.entry).toEqual({ level, isTeamAssessment: true });
    }
    const consolidated = (
      await drafpic.ok<{ auditGrid: { lines: GridLine[] } }>(GRID, {
        id: c.id,
      })
    ).auditGrid.lines.filter((l) => l.expectationId === null);
    expect(consolidated.every((l) => l.team?.level)).toBe(true);

    // --- findings: a MAJOR and a MINOR improvement area, and their commitments ---------------------
    const major = randomUUID();
    const minor = randomUUID();
    const areas: [string, string, string, string, string][] = [
      [
        major,
        lead.establishment.id,
        "4",
        "MAJOR",
        "Formaliser les partenariats avec les entreprises du port par des conventions.",
      ],
      [
        minor,
        partner.establishment.id,
        "6",
        "MINOR",
        "Diffuser le bilan annuel du conseil pédagogique aux familles.",
      ],
    ];
    for (const [id, establishmentId, criterionCode, severity, description] of areas) {
      await ceeAuditor.ok(SAVE_AREA, {
        input: {
          writeId: randomUUID(),
          id,
          candidatureId: c.id,
          establishmentId,
          criterionCode,
          severity,
          description,
        },
      });
    }
    const commitments = [
      {
        improvementAreaId: major,
        establishmentId: lead.establishment.id,
        criterionCode: "4",
        description: "Signer trois conventions de partenariat avec les entreprises portuaires.",
        owner: "Proviseure du lycée Les Calanques",
        dueOn: addMonths(auditDate, 12),
      },
      {
        improvementAreaId: minor,
        establishmentId: partner.establishment.id,
        criterionCode: "6",
        description: "Publier le bilan du conseil pédagogique sur l'ENT.",
        owner: "DDFPT du lycée Riviera",
        dueOn: addMonths(auditDate, 6),
      },
    ];
    const commitmentIds: string[] = [];
    for (const k of commitments) {
      const saved = await leadAuditor.ok<{
        saveAuditCommitment: { commitment: { id: string; owner: string; dueOn: string } };
      }>(SAVE_COMMITMENT, {
        input: { writeId: randomUUID(), id: randomUUID(), candidatureId: c.id, ...k },
      });
      expect(saved.saveAuditCommitment.commitment).toMatchObject({
        owner: k.owner,
        dueOn: k.dueOn,
      });
      commitmentIds.push(saved.saveAuditCommitment.commitment.id);
    }

    // --- the report: a favourable opinion with a major area open is refused, then finalised ---------
    const report = async (recommendation: string, baseVersion: number | null) =>
      (
        await leadAuditor.ok<{ saveAuditReport: { report: { version: number } } }>(SAVE_REPORT, {
          input: {
            writeId: randomUUID(),
            baseVersion,
            candidatureId: c.id,
            recommendation,
            summary:
              "Le réseau conduit une démarche qualité partagée entre ses deux lycées.\n\nLes partenariats économiques restent à formaliser.",
            proposedLabelTitle: TITLE,
          },
        })
      ).saveAuditReport.report.version;
    let version = await report("FAVOURABLE", null);
    travelTo(reportOn);
    const favourable = await leadAuditor.refused(FINALISE, {
      input: { writeId: randomUUID(), baseVersion: version, candidatureId: c.id },
    });
    expect(favourable.code).toBe("INVALID_TRANSITION");
    expect(favourable.message).toContain("un axe de progrès majeur reste ouvert");
    expect(await state()).toBe("AUDIT_PLAN_RECEIVED");
    version = await report("FAVOURABLE_WITH_RESERVATIONS", version);
    const final = await leadAuditor.ok<{
      finaliseAuditReport: { report: { status: string; finalisedAt: string; pdfUrl: string } };
    }>(FINALISE, { input: { writeId: randomUUID(), baseVersion: version, candidatureId: c.id } });
    expect(final.finaliseAuditReport.report).toMatchObject({ status: "FINAL" });
    expect(final.finaliseAuditReport.report.finalisedAt.slice(0, 10)).toBe(reportOn);
    expect(await state()).toBe("REPORT_SUBMITTED");
    // Final: the school reads it, and its PDF, in French.
    const reportPdf = await partnerHead.download(final.finaliseAuditReport.report.pdfUrl);
    expect(reportPdf.status).toBe(200);
    expect(reportPdf.type).toMatch(/application\/pdf/);
    const reportText = pdfText(reportPdf.bytes);
    for (const expected of [
      "Rapport d'audit",
      "Avis favorable avec réserves",
      `« ${TITLE} »`,
      "Formaliser les partenariats avec les entreprises du port par des conventions.",
      "Majeur",
      "Mineur",
      "Signer trois conventions de partenariat avec les entreprises portuaires.",
      LEAD_NAME,
      PARTNER_NAME,
    ]) {
      expect(reportText).toContain(expected);
    }

    // --- the GRALM session, its Excel list ------------------------------------------------------------
    travelTo(addDays(reportOn, 7));
    const early = await drafpic.refused(
      `mutation($input: RecordCaenOpinionInput!) { recordCaenOpinion(input: $input) { state } }`,
      { input: { candidatureId: c.id, opinionDate: addDays(reportOn, 7), opinion: "FAVOURABLE" } },
    );
    expect(early).toMatchObject({ code: "INVALID_TRANSITION", details: { reason: "TOO_EARLY" } });
    const { createGralmSession: session } = await drafpic.ok<{
      createGralmSession: { id: string; listUrl: string; minutesUrl: string };
    }>(
      `mutation($input: CreateGralmSessionInput!) { createGralmSession(input: $input) { id listUrl minutesUrl } }`,
      {
        input: {
          sessionDate: gralmOn,
          members: [
            { fullName: "Claire Martin", role: "DRAFPIC" },
            { fullName: "Inès Belkacem", role: "IA-IPR, académie de Nice" },
            { fullName: "Jean Rossi", role: "IEN-ET, académie d'Aix-Marseille" },
          ],
        },
      },
    );
    await drafpic.ok(
      `mutation($input: GralmSessionCandidatureInput!) { addCandidatureToGralmSession(input: $input) { id } }`,
      { input: { sessionId: session.id, candidatureId: c.id } },
    );
    travelTo(gralmOn);
    await drafpic.ok(
      `mutation($input: RecordGralmProposalInput!) { recordGralmProposal(input: $input) { id } }`,
      {
        input: {
          sessionId: session.id,
          candidatureId: c.id,
          proposal: "FAVOURABLE",
          motivation: "Réserve levée par l'engagement de conventions portuaires sous un an.",
        },
      },
    );
    expect(await state()).toBe("GRALM_PROPOSED");
    const list = await drafpic.get(session.listUrl);
    expect(list.status).toBe(200);
    const row = (await readWorkbook(list)).getWorksheet("Candidatures")!.getRow(2);
    expect(String(row.getCell(2).value)).toContain(LEAD_NAME);
    expect(String(row.getCell(2).value)).toContain(PARTNER_NAME);
    expect(row.getCell(3).value).toBe("Aix-Marseille, Nice");
    expect(row.getCell(7).value).toBe("Avis favorable avec réserves");
    expect(row.getCell(8).value).toBe("Proposition favorable");
    expect(row.getCell(9).value).toBe(
      "Réserve levée par l'engagement de conventions portuaires sous un an.",
    );

    // Its minutes carry the title the auditors proposed.
    const minutes = await drafpic.download(session.minutesUrl);
    expect(minutes.status).toBe(200);
    const minutesText = pdfText(minutes.bytes);
    expect(minutesText).toContain("Intitulé proposé par les auditeurs");
    expect(minutesText).toContain(TITLE);

    // --- the CAEN, then one rector per académie -------------------------------------------------------
    const step = async (mutation: string, input: Record<string, unknown>) =>
      (
        await drafpic.ok<Record<string, { state: string }>>(
          `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { state } }`,
          { input },
        )
      )[mutation]!.state;
    travelTo(caenOn);
    expect(
      await step("recordCaenOpinion", {
        candidatureId: c.id,
        opinionDate: caenOn,
        opinion: "FAVOURABLE",
      }),
    ).toBe("CAEN_CONSULTED");
    travelTo(niceRectorOn);
    // Each rector decides for the establishments of the académie only.
    const wrongRector = await drafpic.refused(
      `mutation($input: RecordRectorDecisionInput!) { recordRectorDecision(input: $input) { state } }`,
      {
        input: {
          candidatureId: c.id,
          academieCode: "AIX_MARSEILLE",
          decidedOn: niceRectorOn,
          outcomes: [{ establishmentId: partner.establishment.id, outcome: "APPROVED" }],
        },
      },
    );
    expect(wrongRector.code).toBe("BAD_USER_INPUT");
    expect(
      await step("recordRectorDecision", {
        candidatureId: c.id,
        academieCode: "NICE",
        decidedOn: niceRectorOn,
        outcomes: [{ establishmentId: partner.establishment.id, outcome: "APPROVED" }],
      }),
    ).toBe("CAEN_CONSULTED");
    // No BOEN publication while Aix-Marseille's rector has not decided.
    const tooSoon = await drafpic.refused(
      `mutation($input: RecordBoenPublicationInput!) { recordBoenPublication(input: $input) { state } }`,
      { input: { candidatureId: c.id, publicationDate: niceRectorOn } },
    );
    expect(tooSoon).toMatchObject({
      code: "INVALID_TRANSITION",
      details: { reason: "TOO_EARLY" },
    });
    travelTo(aixRectorOn);
    expect(
      await step("recordRectorDecision", {
        candidatureId: c.id,
        academieCode: "AIX_MARSEILLE",
        decidedOn: aixRectorOn,
        outcomes: [{ establishmentId: lead.establishment.id, outcome: "APPROVED" }],
      }),
    ).toBe("RECTOR_APPROVED");

    // --- the BOEN publication, with the title the auditors proposed --------------------------------
    travelTo(addDays(publishedOn, 3));
    expect(
      await step("recordBoenPublication", {
        candidatureId: c.id,
        publicationDate: publishedOn,
        boenReference: "BO n° 30 du 22 juillet",
        labelTitle: TITLE,
      }),
    ).toBe("LABELLED");

    // --- the labels, with their dates, in the registry and the public registry ---------------------
    const title = `Lycée des métiers ${TITLE}`;
    const { labels } = await drafpic.ok<{
      labels: {
        edges: {
          node: {
            candidatureId: string;
            title: string;
            startDate: string;
            endDate: string;
            midTermReviewDueDate: string;
            valid: boolean;
            establishment: { id: string };
          };
        }[];
      };
    }>(`{ labels(first: 10, filter: { status: CURRENT }) { edges { node {
      candidatureId title startDate endDate midTermReviewDueDate valid establishment { id } } } } }`);
    expect(
      labels.edges
        .map((e) => e.node)
        .sort((a, b) => a.establishment.id.localeCompare(b.establishment.id)),
    ).toEqual(
      [lead, partner]
        .map((m) => ({
          candidatureId: c.id,
          title,
          startDate: publishedOn,
          endDate: labelExpiryDate(publishedOn),
          midTermReviewDueDate: midTermReviewDueDate(publishedOn),
          valid: true,
          establishment: { id: m.establishment.id },
        }))
        .sort((a, b) => a.establishment.id.localeCompare(b.establishment.id)),
    );
    // Five years: the same day (the 28th for a 29 February) five years later.
    expect(labelExpiryDate(publishedOn).slice(0, 4)).toBe(
      String(Number(publishedOn.slice(0, 4)) + 5),
    );
    const anonymous = new Client(url);
    const { publicLabelRegistry } = await anonymous.ok<{
      publicLabelRegistry: {
        uai: string;
        establishmentName: string;
        academieName: string;
        title: string;
        startDate: string;
        endDate: string;
      }[];
    }>(`{ publicLabelRegistry { uai establishmentName academieName title startDate endDate } }`);
    expect(publicLabelRegistry.sort((a, b) => a.uai.localeCompare(b.uai))).toEqual(
      [
        { ...lead.establishment, academie: "Aix-Marseille" },
        { ...partner.establishment, academie: "Nice" },
      ]
        .map((e) => ({
          uai: e.uai,
          establishmentName: e.name,
          academieName: e.academie,
          title,
          startDate: publishedOn,
          endDate: labelExpiryDate(publishedOn),
        }))
        .sort((a, b) => a.uai.localeCompare(b.uai)),
    );
    const page = await anonymous.get("/registre");
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const expected of [LEAD_NAME, PARTNER_NAME, title, formatFrenchDate(publishedOn)]) {
      expect(html).toContain(expected.replace(/'/g, "&#39;"));
    }

    // --- the history: each step on its day ---------------------------------------------------------
    const { candidature } = await drafpic.ok<{
      candidature: { history: { transition: string; effectiveDate: string }[] };
    }>(`query($id: ID!) { candidature(id: $id) { history { transition effectiveDate } } }`, {
      id: c.id,
    });
    expect(candidature.history.map((h) => [h.transition, h.effectiveDate])).toEqual([
      ["SUBMIT_DOSSIER", submittedOn],
      ["RECORD_PREPARATORY_VISIT", visitDay],
      ["RECEIVE_AUDIT_PLAN", planSentOn],
      ["RECORD_AUDIT", reportOn],
      ["SUBMIT_REPORT", reportOn],
      ["RECORD_GRALM_PROPOSAL", gralmOn],
      ["RECORD_CAEN_OPINION", caenOn],
      ["RECORD_RECTOR_APPROVAL", aixRectorOn],
      ["PUBLISH_LABEL", publishedOn],
    ]);

    // --- the mid-term follow-up: the référents came, every commitment has its status ---------------
    const midTermOn = onWorkingDay(addDays(midTermReviewDueDate(publishedOn), -10));
    travelTo(midTermOn);
    const [portCommitment, boardCommitment] = commitmentIds as [string, string];
    const { recordMidTermReview: review } = await drafpic.ok<{
      recordMidTermReview: {
        heldOn: string;
        candidature: { state: string };
        attendees: { kind: string; fullName: string }[];
        commitments: { progress: string; comment: string | null; commitment: { id: string } }[];
      };
    }>(
      `mutation($input: RecordMidTermReviewInput!) { recordMidTermReview(input: $input) {
        heldOn candidature { state } attendees { kind fullName }
        commitments { progress comment commitment { id } } } }`,
      {
        input: {
          candidatureId: c.id,
          heldOn: midTermOn,
          attendees: [
            { kind: "DRAFPIC", userId: drafpicUser.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: lead.establishment.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: partner.establishment.id },
          ],
          findings:
            "Trois conventions portuaires signées ; le bilan aux familles reste à diffuser.",
          commitments: [
            { commitmentId: portCommitment, progress: "DONE" },
            {
              commitmentId: boardCommitment,
              progress: "IN_PROGRESS",
              comment: "Bilan rédigé, publication sur l'ENT à la rentrée.",
            },
          ],
        },
      },
    );
    expect(review).toMatchObject({
      heldOn: midTermOn,
      candidature: { state: "MID_TERM_REVIEWED" },
    });
    expect(review.attendees.map((a) => [a.kind, a.fullName])).toEqual([
      ["DRAFPIC", "Claire Martin"],
      ["REFERENT_INSPECTOR", "Paul Arnaud"],
      ["REFERENT_INSPECTOR", "Sophie Lemaire"],
    ]);
    expect(
      Object.fromEntries(review.commitments.map((k) => [k.commitment.id, [k.progress, k.comment]])),
    ).toEqual({
      [portCommitment]: ["DONE", null],
      [boardCommitment]: ["IN_PROGRESS", "Bilan rédigé, publication sur l'ENT à la rentrée."],
    });
    // The co-applicant's head reads it; both labels still stand in the public registry.
    const followed = await partnerHead.ok<{
      candidature: { midTermReview: { findings: string; commitments: { progress: string }[] } };
    }>(
      `query($id: ID!) { candidature(id: $id) { midTermReview { findings commitments { progress } } } }`,
      { id: c.id },
    );
    expect(followed.candidature.midTermReview.findings).toMatch(/^Trois conventions portuaires/);
    expect(
      (await anonymous.ok<{ publicLabelRegistry: unknown[] }>(`{ publicLabelRegistry { uai } }`))
        .publicLabelRegistry,
    ).toHaveLength(2);

    // --- the renewal, a year before the end: pre-filled from the frozen dossier, with its diff -----
    const renewalOn = renewalStartDate(publishedOn);
    travelTo(renewalOn);
    const { startRenewal: renewal } = await head.ok<{
      startRenewal: {
        id: string;
        kind: string;
        awardType: string;
        state: string;
        renewsCandidatureId: string;
        members: { establishment: { id: string } }[];
        responses: {
          establishment: { id: string };
          criterionCode: string;
          improved: string;
          selfAssessedLevel: string | null;
        }[];
        evidence: { title: string; effectiveDate: string }[];
        indicators: { id: string; establishment: { id: string } }[];
      };
    }>(
      `mutation($input: StartRenewalInput!) { startRenewal(input: $input) {
        id kind awardType state renewsCandidatureId members { establishment { id } }
        responses { establishment { id } criterionCode improved selfAssessedLevel }
        evidence { title effectiveDate } indicators { id establishment { id } } } }`,
      { input: { establishmentId: lead.establishment.id } },
    );
    expect(renewal).toMatchObject({
      kind: "NETWORK",
      awardType: "RENEWAL",
      state: "ENGAGEMENT",
      renewsCandidatureId: c.id,
    });
    expect(renewal.members.map((m) => m.establishment.id).sort()).toEqual(
      [lead.establishment.id, partner.establishment.id].sort(),
    );
    // Every answer carried over, its self-assessment reset; the evidence and indicators too.
    expect(renewal.responses.length).toBeGreaterThanOrEqual(16);
    expect(renewal.responses.every((r) => r.improved === "<p>Amélioré.</p>")).toBe(true);
    expect(renewal.responses.every((r) => r.selfAssessedLevel === null)).toBe(true);
    expect(renewal.evidence.map((e) => [e.title, e.effectiveDate]).sort()).toEqual(
      [LEAD_NAME, PARTNER_NAME].map((n) => [`Tableau de bord qualité (${n})`, "2025-06-30"]).sort(),
    );
    // The lead's head rewrites what criterion 4 improved and adds a school year to its indicator.
    await head.ok(
      `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { version } }`,
      {
        input: {
          candidatureId: renewal.id,
          establishmentId: lead.establishment.id,
          criterionCode: "4",
          improved: "<p>Trois conventions portuaires signées depuis l'audit.</p>",
        },
      },
    );
    const leadIndicator = renewal.indicators.find(
      (i) => i.establishment.id === lead.establishment.id,
    )!;
    await head.ok(
      `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id } }`,
      {
        input: {
          indicatorId: leadIndicator.id,
          schoolYear: schoolYearOf(midTermOn),
          numericValue: 82,
        },
      },
    );
    const { candidature: renewed } = await head.ok<{
      candidature: {
        renewalDiff: {
          renewsCandidatureId: string;
          changed: boolean;
          outdatedEvidenceCount: number;
          criteria: {
            criterionCode: string;
            changed: boolean;
            responses: { establishmentId: string; change: string; changedFields: string[] }[];
            indicators: { currentId: string | null; change: string; changedFields: string[] }[];
            evidence: { title: string; outdated: boolean }[];
          }[];
        };
      };
    }>(
      `query($id: ID!) { candidature(id: $id) { renewalDiff { renewsCandidatureId changed outdatedEvidenceCount
        criteria { criterionCode changed responses { establishmentId change changedFields }
          indicators { currentId change changedFields } evidence { title outdated } } } } }`,
      { id: renewal.id },
    );
    const diff = renewed.renewalDiff;
    expect(diff).toMatchObject({ renewsCandidatureId: c.id, changed: true });
    // Evidence of 2024-2025 is older than three school years by then.
    expect(diff.outdatedEvidenceCount).toBe(2);
    const four = diff.criteria.find((k) => k.criterionCode === "4")!;
    expect(four.changed).toBe(true);
    expect(four.responses).toContainEqual({
      establishmentId: lead.establishment.id,
      change: "CHANGED",
      changedFields: ["improved"],
    });
    expect(four.responses).toContainEqual({
      establishmentId: partner.establishment.id,
      change: "UNCHANGED",
      changedFields: [],
    });
    expect(four.indicators).toContainEqual({
      currentId: leadIndicator.id,
      change: "CHANGED",
      changedFields: ["values"],
    });
    expect(four.evidence.every((e) => e.outdated)).toBe(true);
    // Criterion 1 changed only through the indicator (it supports every criterion).
    const one = diff.criteria.find((k) => k.criterionCode === "1")!;
    expect(one.changed).toBe(true);
    expect(one.responses.every((r) => r.change === "UNCHANGED")).toBe(true);
  }, 180_000);
});
