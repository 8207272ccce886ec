/**
 * In-app notifications from the procedure's events (after the commit), e-mails through the job queue
 * to a real SMTP server, `myNotifications`, `markNotificationRead` and its refusals, `myDeadlines`.
 */
import type { Viewer } from "@ldm/domain";
import {
  auditPlanDueDate,
  daysBetween,
  dossierDueDate,
  formatFrenchDate,
  formatFrenchDateWithWeekday,
} from "@ldm/domain";
import { createJobs, type Jobs } from "../../jobs/jobs";
import type { JobQueue } from "../../jobs/job-queue";
import { createMailer } from "../../mail/mailer";
import { insertEstablishment, insertUser, today, workingDayInMonths } from "../../test/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../../test/smtp";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { createContext } from "../../context";
import type { DomainEvent } from "../../kernel/events";
import { TEST_AUTH } from "../../test/test-app";
import { MailDelivery, Notification } from "./notification.entity";

const CREATE_NETWORK = `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { auditDate } }`;
const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state } }`;
const MINE = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title body candidatureId deadlineDate readAt createdAt } } } }`;
const MARK = `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { id readAt } }`;
const DEADLINES = `query($withinDays: Int!) { myDeadlines(withinDays: $withinDays) {
  key kind date daysLeft title candidatureId candidatureName parties } }`;

interface Node {
  id: string;
  kind: string;
  title: string;
  body: string;
  candidatureId: string | null;
  readAt: string | null;
}
type Mine = {
  myNotifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

describe("notifications", () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  let head: Viewer;
  let partnerHead: Viewer;
  let staff: Viewer;
  let analyst: Viewer;
  const emails: Record<string, string> = {};
  let candidatureId: string;
  let auditDate: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The server's after-commit handlers enqueue into the job runner created just below.
    let target: JobQueue | null = null;
    const queue: JobQueue = { send: (q, d, o) => target!.send(q, d, o) };
    app = await createTestApp({ jobs: queue });
    jobs = createJobs(app.dataSource, {
      mailer: createMailer({ smtp: { url: smtp.url }, from: "ne-pas-repondre@ldm.test" }),
      publicUrl: "https://label.example.fr",
      pollingIntervalSeconds: 0.5,
    });
    await jobs.start();
    target = jobs;
    const lead = await insertEstablishment(app.dataSource, { name: "Lycée professionnel du Port" });
    const partner = await insertEstablishment(app.dataSource, { name: "Lycée Les Oliviers" });
    const make = async (role: Viewer["role"], establishmentId: string | null, email: string) => {
      const { viewer } = await insertUser(app.dataSource, { role, establishmentId, email });
      emails[viewer.userId] = email;
      return viewer;
    };
    head = await make("SCHOOL_HEAD", lead.id, "ce.port@ac-test.fr");
    partnerHead = await make("SCHOOL_HEAD", partner.id, "ce.oliviers@ac-test.fr");
    staff = await make("SCHOOL_STAFF", lead.id, "pilote.port@ac-test.fr");
    analyst = await make("ANALYST", null, "analyste@ac-test.fr");
    candidatureId = ok(
      await app.execute<{ createNetworkCandidature: { id: string } }>(CREATE_NETWORK, {
        input: {
          members: [
            { establishmentId: lead.id, isLead: true },
            { establishmentId: partner.id, isLead: false },
          ],
          labelTitle: "Métiers de la mer",
        },
      }),
    ).createNetworkCandidature.id;
    auditDate = workingDayInMonths(4);
    ok(await app.execute(SCHEDULE, { input: { candidatureId, auditDate } }));
    for (const establishmentId of [lead.id, partner.id]) {
      ok(
        await app.execute(ENGAGE, {
          input: {
            candidatureId,
            establishmentId,
            engagementLetterOn: today(),
            boardMinutesOn: today(),
          },
        }),
      );
    }
    ok(await app.execute(TRANSITION, { input: { candidatureId, transition: "OPEN_DOSSIER" } }));
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await app?.close();
  });

  const mine = async (viewer: Viewer | null, vars: Record<string, unknown> = {}) =>
    app.execute<Mine>(MINE, vars, viewer);

  it("tells each step to the schools' accounts, not to its author, newest first", async () => {
    const data = ok(await mine(head)).myNotifications;
    expect(data.totalCount).toBe(3);
    expect(data.edges.map((e) => [e.node.kind, e.node.title, e.node.candidatureId])).toEqual([
      ["CANDIDATURE_TRANSITIONED", "Dossier ouvert", candidatureId],
      ["AUDIT_SCHEDULED", "Date d'audit fixée", candidatureId],
      ["CANDIDATURE_CREATED", "Nouvelle candidature", candidatureId],
    ]);
    expect(data.edges[1]!.node.body).toBe(
      `L'audit de la candidature réseau porté par Lycée professionnel du Port (2 établissements) aura lieu le ${formatFrenchDateWithWeekday(auditDate)}. Le dossier est à déposer au plus tard le ${formatFrenchDate(dossierDueDate(auditDate))} et le plan d'audit à envoyer au plus tard le ${formatFrenchDate(auditPlanDueDate(auditDate))}.`,
    );
    expect(data.edges[0]!.node.body).toContain("« Ouvrir le dossier en ligne »");
    expect(ok(await mine(partnerHead)).myNotifications.totalCount).toBe(3);
    expect(ok(await mine(staff)).myNotifications.totalCount).toBe(3);
    expect(ok(await mine(app.drafpic)).myNotifications.totalCount).toBe(0); // the author
    expect(ok(await mine(analyst)).myNotifications.totalCount).toBe(0);
  });

  it("e-mails the heads (not the steering team) through the job queue, once each", async () => {
    const received = await smtp.waitFor(4);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received).toHaveLength(4);
    expect(received.map((m) => [m.to[0], m.parsed.subject]).sort()).toEqual(
      [
        [emails[head.userId], "Label « Lycée des métiers » : Date d'audit fixée"],
        [emails[head.userId], "Label « Lycée des métiers » : Dossier ouvert"],
        [emails[partnerHead.userId], "Label « Lycée des métiers » : Date d'audit fixée"],
        [emails[partnerHead.userId], "Label « Lycée des métiers » : Dossier ouvert"],
      ].sort(),
    );
    expect(received[0]!.parsed.text).toContain(
      `https://label.example.fr/candidatures/${candidatureId}`,
    );
    const deliveries = await app.dataSource.getRepository(MailDelivery).find();
    expect(deliveries.every((d) => d.status === "SENT" && d.template === "NOTIFICATION")).toBe(
      true,
    );
  });

  it("pages the notifications and counts the unread ones; marks one read, twice harmlessly", async () => {
    const first = ok(await mine(head, { first: 2 })).myNotifications;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = ok(
      await mine(head, { first: 2, after: first.pageInfo.endCursor }),
    ).myNotifications;
    expect(rest.edges.map((e) => e.node.kind)).toEqual(["CANDIDATURE_CREATED"]);
    const target = first.edges[0]!.node;
    const marked = ok(
      await app.execute<{ markNotificationRead: { id: string; readAt: string } }>(
        MARK,
        { input: { notificationId: target.id } },
        head,
      ),
    ).markNotificationRead;
    expect(marked.id).toBe(target.id);
    expect(Date.parse(marked.readAt)).not.toBeNaN();
    const again = ok(
      await app.execute<{ markNotificationRead: { readAt: string } }>(
        MARK,
        { input: { notificationId: target.id } },
        head,
      ),
    ).markNotificationRead;
    expect(again.readAt).toBe(marked.readAt);
    const unread = ok(await mine(head, { unreadOnly: true })).myNotifications;
    expect(unread.totalCount).toBe(2);
    expect(unread.edges.map((e) => e.node.id)).not.toContain(target.id);
  });

  it("refuses to mark somebody else's notification (as if missing), anonymously, with a token", async () => {
    const theirs = ok(await mine(partnerHead)).myNotifications.edges[0]!.node;
    const readState = () =>
      app.dataSource
        .getRepository(Notification)
        .find({ order: { id: "ASC" } })
        .then((rows) => rows.map((n) => [n.id, n.readAt?.toISOString() ?? null]));
    const before = await readState();
    const missing = "00000000-0000-4000-8000-000000000000";
    const other = refused(await app.execute(MARK, { input: { notificationId: theirs.id } }, head));
    const absent = refused(await app.execute(MARK, { input: { notificationId: missing } }, head));
    expect(other).toEqual({
      code: "NOT_FOUND",
      message: `La notification « ${theirs.id} » est introuvable.`,
      details: { id: theirs.id },
    });
    expect(absent.code).toBe("NOT_FOUND");
    expect(
      refused(await app.execute(MARK, { input: { notificationId: "pas-un-uuid" } }, head)).code,
    ).toBe("NOT_FOUND");
    expect(
      refused(await app.execute(MARK, { input: { notificationId: theirs.id } }, null)).code,
    ).toBe("UNAUTHENTICATED");
    expect(
      refused(
        await app.execute(
          MARK,
          { input: { notificationId: theirs.id } },
          { ...partnerHead, readOnly: true },
        ),
      ).code,
    ).toBe("FORBIDDEN");
    expect(refused(await mine(null)).code).toBe("UNAUTHENTICATED");
    expect(await readState()).toEqual(before);
  });

  it("lists the deadlines that concern the caller (the dossier: the heads only)", async () => {
    type D = {
      myDeadlines: {
        kind: string;
        date: string;
        daysLeft: number;
        parties: string[];
        candidatureName: string;
      }[];
    };
    const due = dossierDueDate(auditDate);
    const mineAsHead = ok(await app.execute<D>(DEADLINES, { withinDays: 365 }, head)).myDeadlines;
    expect(mineAsHead).toEqual([
      {
        key: `${candidatureId}:DOSSIER_DUE:${due}`,
        kind: "DOSSIER_DUE",
        date: due,
        daysLeft: daysBetween(today(), due),
        title: "Date limite de dépôt du dossier",
        candidatureId,
        candidatureName: "réseau porté par Lycée professionnel du Port (2 établissements)",
        parties: ["SCHOOL_HEADS"],
      },
    ]);
    expect(
      ok(await app.execute<D>(DEADLINES, { withinDays: 365 }, partnerHead)).myDeadlines,
    ).toHaveLength(1);
    expect(ok(await app.execute<D>(DEADLINES, { withinDays: 365 }, staff)).myDeadlines).toEqual([]);
    expect(ok(await app.execute<D>(DEADLINES, { withinDays: 365 }, analyst)).myDeadlines).toEqual(
      [],
    );
    expect(ok(await app.execute<D>(DEADLINES, { withinDays: 1 }, head)).myDeadlines).toEqual([]);
    expect(refused(await app.execute(DEADLINES, { withinDays: 0 }, head))).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "L'horizon des échéances va de 1 à 1830 jours.",
    });
    expect(refused(await app.execute(DEADLINES, { withinDays: 30 }, null)).code).toBe(
      "UNAUTHENTICATED",
    );
  });
});

describe("notifications without a job queue", () => {
  it("are recorded; their e-mails wait, then a process with a queue sweeps and sends them", async () => {
    const app = await createTestApp();
    const smtp = await startSmtpServer();
    try {
      const lead = await insertEstablishment(app.dataSource);
      const { viewer: head } = await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: lead.id,
        email: "ce.sans-file@ac-test.fr",
      });
      const id = ok(
        await app.execute<{ createIndividualCandidature: { id: string } }>(
          `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
          { input: { establishmentId: lead.id } },
        ),
      ).createIndividualCandidature.id;
      ok(
        await app.execute(SCHEDULE, {
          input: { candidatureId: id, auditDate: workingDayInMonths(4) },
        }),
      );
      expect(ok(await app.execute<Mine>(MINE, {}, head)).myNotifications.totalCount).toBe(2);
      const [pending] = await app.dataSource.getRepository(MailDelivery).find();
      expect(pending).toMatchObject({ status: "PENDING", toAddress: "ce.sans-file@ac-test.fr" });
      // Recorded more than a minute ago: the sweep (every 5 minutes) enqueues it.
      await app.dataSource.query(
        "UPDATE mail_delivery SET created_at = now() - interval '2 minutes'",
      );
      const jobs = createJobs(app.dataSource, {
        mailer: createMailer({ smtp: { url: smtp.url }, from: "ne-pas-repondre@ldm.test" }),
        publicUrl: "https://label.example.fr",
        pollingIntervalSeconds: 0.5,
      });
      await jobs.start();
      try {
        await jobs.send("ldm.mail.sweep", {});
        const [mail] = await smtp.waitFor(1);
        expect(mail!.parsed.subject).toBe("Label « Lycée des métiers » : Date d'audit fixée");
      } finally {
        await jobs.stop();
      }
    } finally {
      await smtp.close();
      await app.close();
    }
  }, 60_000);
});

describe("notifications of the other modules' events", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  /** Publishes `event` in a committed transaction as DRAFPIC; returns who was notified, with what. */
  async function publish(event: DomainEvent) {
    const before = new Set(
      (await app.dataSource.getRepository(Notification).find()).map((n) => n.id),
    );
    const ctx = createContext(app.dataSource, TEST_AUTH, {
      viewer: app.drafpic,
      events: app.server.events,
    });
    await ctx.transaction((tx) => tx.publish(event));
    return (await app.dataSource.getRepository(Notification).find())
      .filter((n) => !before.has(n.id))
      .map((n) => ({ userId: n.userId, kind: n.kind, title: n.title, body: n.body }));
  }

  it("tell the auditors added to a team, the visit with the référents, a label to its establishment", async () => {
    const a = await insertEstablishment(app.dataSource, { name: "Lycée Alpha" });
    const b = await insertEstablishment(app.dataSource, { name: "Lycée Bêta" });
    const headA = (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: a.id }))
      .viewer;
    const headB = (await insertUser(app.dataSource, { role: "SCHOOL_HEAD", establishmentId: b.id }))
      .viewer;
    const auditor = (await insertUser(app.dataSource, { role: "AUDITOR" })).viewer;
    const referent = (await insertUser(app.dataSource, { role: "AUDITOR" })).viewer;
    const colleague = (await insertUser(app.dataSource, { role: "DRAFPIC" })).viewer;
    const id = ok(
      await app.execute<{ createNetworkCandidature: { id: string } }>(CREATE_NETWORK, {
        input: {
          members: [
            { establishmentId: a.id, isLead: true },
            { establishmentId: b.id, isLead: false },
          ],
        },
      }),
    ).createNetworkCandidature.id;
    await app.dataSource.query(
      "INSERT INTO candidature_auditor (candidature_id, user_id) VALUES ($1, $2)",
      [id, auditor.userId],
    );
    await app.dataSource.query(
      "INSERT INTO referent_inspector (establishment_id, user_id) VALUES ($1, $2)",
      [a.id, referent.userId],
    );

    const team = await publish({
      type: "AuditTeamChanged",
      candidatureId: id,
      addedUserIds: [auditor.userId],
      removedUserIds: [],
    });
    expect(team).toEqual([
      {
        userId: auditor.userId,
        kind: "AUDIT_TEAM_JOINED",
        title: "Affectation à une équipe d'audit",
        body: "Vous faites partie de l'équipe d'audit de la candidature réseau porté par Lycée Alpha (2 établissements). Avant de lire le dossier, signez la déclaration d'indépendance et de confidentialité.",
      },
    ]);

    const visit = await publish({
      type: "PreparatoryVisitPlanned",
      candidatureId: id,
      visitId: id,
      plannedOn: "2027-02-02",
      previousPlannedOn: null,
    });
    expect(visit.map((n) => n.userId).sort()).toEqual(
      [headA.userId, headB.userId, referent.userId, colleague.userId].sort(),
    );
    expect(visit[0]!.body).toBe(
      "La visite préparatoire de la DRAFPIC pour la candidature réseau porté par Lycée Alpha (2 établissements) est prévue le mardi 2 février 2027. L'inspecteur référent de l'établissement peut y participer.",
    );

    const label = await publish({
      type: "LabelPublished",
      labelId: id,
      candidatureId: id,
      establishmentId: b.id,
      title: "Lycée des métiers de la mer",
      startDate: "2027-07-01",
      endDate: "2032-07-01",
      midTermReviewDueDate: "2030-01-01",
    });
    expect(label).toEqual([
      {
        userId: headB.userId,
        kind: "LABEL_PUBLISHED",
        title: "Label publié au BOEN",
        body: "Le label « Lycée des métiers de la mer » est publié au BOEN : il est valable du 1er juillet 2027 au 1er juillet 2032. Le suivi intermédiaire est attendu vers le 1er janvier 2030.",
      },
    ]);
  });
});
