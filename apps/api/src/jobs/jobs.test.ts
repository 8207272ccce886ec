/**
 * The job queue with two API instances on one database: two pg-boss instances (each with its own
 * connection pool and its own mailer, as two `node dist/index.js` would have) work the same queues, scan
 * the same reminders at the same moment, and a real SMTP server (smtp-server, parsed by mailparser)
 * receives each reminder exactly once.
 */
import { CURRENT_REFERENTIAL_VERSION, type IsoDate } from "@ldm/domain";
import type { DataSource } from "typeorm";
import { createDataSource } from "../db/data-source";
import { fixedClock } from "../kernel/clock";
import { createMailer } from "../mail/mailer";
import { Candidature, CoApplicant } from "../modules/candidature/candidature.entity";
import { MailDelivery, Notification } from "../modules/notification/notification.entity";
import { sweepDeliveries } from "../modules/notification/mail-delivery";
import { insertEstablishment, insertUser } from "../test/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../test/smtp";
import { createTestApp, type TestApp } from "../test/test-app";
import { QUEUES } from "./job-queue";
import { createJobs, JOBS_SCHEMA, type Jobs } from "./jobs";

const PUBLIC_URL = "https://label.example.fr";
/** The audit on Tuesday 18 May 2027: the dossier is due on 18 March, 7 days after TODAY. */
const AUDIT_DATE: IsoDate = "2027-05-18";
const TODAY: IsoDate = "2027-03-11";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("jobs: two API instances, one database", () => {
  let app: TestApp;
  let second: DataSource;
  let smtp: TestSmtpServer;
  let a: Jobs;
  let b: Jobs;
  let candidatureId: string;
  let heads: { id: string; email: string }[];

  function runner(ds: DataSource, name: string): Jobs {
    return createJobs(ds, {
      mailer: createMailer({
        smtp: { url: smtp.url },
        from: "Label LdM <ne-pas-repondre@ldm.test>",
      }),
      publicUrl: PUBLIC_URL,
      clock: fixedClock(TODAY),
      pollingIntervalSeconds: 0.5,
      instanceName: name,
      reminderScanCron: "0 7 * * *",
    });
  }

  beforeAll(async () => {
    app = await createTestApp();
    second = createDataSource({
      url: (app.dataSource.options as { url: string }).url,
      poolSize: 3,
    });
    await second.initialize();
    smtp = await startSmtpServer();
    const lead = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Les Calanques",
    });
    const partner = await insertEstablishment(app.dataSource, { departementCode: "06" });
    heads = [];
    for (const e of [lead, partner]) {
      const head = await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: e.id,
        fullName: `Proviseure ${e.name}`,
        email: `ce.${e.uai.toLowerCase()}@ac-test.fr`,
      });
      heads.push({ id: head.user.id, email: head.user.email });
      await insertUser(app.dataSource, { role: "SCHOOL_STAFF", establishmentId: e.id });
    }
    const repo = app.dataSource.getRepository(Candidature);
    const c = await repo.save(
      repo.create({
        kind: "NETWORK",
        awardType: "FIRST_AWARD",
        state: "DOSSIER_OPEN",
        referentialVersion: CURRENT_REFERENTIAL_VERSION,
        labelTitle: "Métiers de la mer",
        auditDate: AUDIT_DATE,
        publicationDate: null,
        submittedAt: null,
        renewsCandidatureId: null,
      }),
    );
    candidatureId = c.id;
    for (const [i, e] of [lead, partner].entries()) {
      await app.dataSource.getRepository(CoApplicant).save({
        candidatureId: c.id,
        establishmentId: e.id,
        isLead: i === 0,
        optionalCriterionVariant: null,
        engagementLetterOn: null,
        boardMinutesOn: null,
        submissionApprovedAt: null,
        submissionApprovedBy: null,
      });
    }
    a = runner(app.dataSource, "api-a");
    b = runner(second, "api-b");
    // Both install (or find) pg-boss's schema at the same moment.
    await Promise.all([a.start(), b.start()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await second?.destroy();
    await app?.close();
  });

  it("installs pg-boss in its own schema, with the queues", async () => {
    const [row] = (await app.dataSource.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1",
      [JOBS_SCHEMA],
    )) as { n: number }[];
    expect(row!.n).toBeGreaterThan(3);
    const queues = (await a.boss.getQueues())
      .filter((q) => q.name.startsWith("ldm."))
      .map((q) => [q.name, q.policy])
      .sort();
    expect(queues).toEqual([
      ["ldm.mail.send", "exclusive"],
      ["ldm.mail.sweep", "exclusive"],
      ["ldm.password-reset.send", "standard"],
      ["ldm.reminders.scan", "exclusive"],
    ]);
    expect((await a.boss.getSchedules()).map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual([
      ["ldm.mail.sweep", "*/5 * * * *", "Europe/Paris"],
      ["ldm.reminders.scan", "0 7 * * *", "Europe/Paris"],
    ]);
  });

  it("sends each reminder exactly once though both instances scan at the same moment, twice", async () => {
    const scans = await Promise.all([
      a.runReminderScan(),
      b.runReminderScan(),
      a.runReminderScan(),
      b.runReminderScan(),
    ]);
    // And through the queue, from both instances (one scan job at a time: the second may be refused).
    const queued = await Promise.all([
      a.send(QUEUES.reminderScan, {}),
      b.send(QUEUES.reminderScan, {}),
    ]);
    expect(scans.map((s) => s.due)).toEqual([2, 2, 2, 2]);
    expect(scans.reduce((n, s) => n + s.recorded, 0)).toBe(2);

    const received = await smtp.waitFor(2);
    await sleep(4000); // time for any duplicate to arrive (workers poll every 0.5 s)
    expect(smtp.received).toHaveLength(2);
    expect(received.map((m) => m.to[0]).sort()).toEqual(heads.map((h) => h.email).sort());
    const mail = received[0]!.parsed;
    expect(mail.subject).toBe(
      "Rappel : date limite de dépôt du dossier le 18 mars 2027 (dans 7 jours)",
    );
    expect(mail.text).toContain("Bonjour Proviseure");
    expect(mail.text).toContain(
      "Candidature au label « Lycée des métiers » : réseau porté par Lycée professionnel Les Calanques (2 établissements).",
    );
    expect(mail.text).toContain(`${PUBLIC_URL}/candidatures/${candidatureId}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/candidatures/${candidatureId}"`);
    expect(mail.html).toContain("« Lycée des métiers »");

    const deliveries = await app.dataSource.getRepository(MailDelivery).find();
    expect(deliveries.map((d) => [d.status, d.attempts, d.template])).toEqual([
      ["SENT", 1, "REMINDER"],
      ["SENT", 1, "REMINDER"],
    ]);
    expect(deliveries.map((d) => d.dedupKey).sort()).toEqual(
      heads.map((h) => `reminder:${h.id}:${candidatureId}:DOSSIER_DUE:2027-03-18:J-7`).sort(),
    );
    const notifications = await app.dataSource.getRepository(Notification).find();
    expect(notifications.map((n) => [n.userId, n.kind, n.deadlineDate]).sort()).toEqual(
      heads.map((h) => [h.id, "REMINDER", "2027-03-18"]).sort(),
    );
    console.log(
      `Deux instances : ${scans.length} balayages simultanés + ${queued.filter(Boolean).length} en file, ${scans.reduce((n, s) => n + s.due, 0)} rappels dus au total, ${deliveries.length} enregistrés, ${smtp.received.length} courriels reçus par le serveur SMTP (un par destinataire).`,
    );
  }, 60_000);

  it("never sends again: a new scan, a duplicated job, a retry after a crash in the middle of a send", async () => {
    const before = smtp.received.length;
    expect(await a.runReminderScan()).toEqual({ due: 2, recorded: 0 });
    const [sent] = await app.dataSource.getRepository(MailDelivery).find();
    // A second job for an e-mail already sent (a retry after a crash before pg-boss recorded success).
    expect(
      await b.send(QUEUES.mail, { deliveryId: sent!.id }, { singletonKey: "replay-1" }),
    ).not.toBeNull();
    // An e-mail whose process died while talking to the SMTP server: left SENDING, never re-sent.
    await app.dataSource.query(
      "UPDATE mail_delivery SET status = 'SENDING', claimed_at = now() - interval '1 hour' WHERE id <> $1",
      [sent!.id],
    );
    const [stuck] = await app.dataSource
      .getRepository(MailDelivery)
      .find({ where: { status: "SENDING" } });
    expect(
      await a.send(QUEUES.mail, { deliveryId: stuck!.id }, { singletonKey: "replay-2" }),
    ).not.toBeNull();
    await sleep(3000);
    expect(smtp.received).toHaveLength(before);
    expect(
      await sweepDeliveries(
        {
          dataSource: app.dataSource,
          mailer: createMailer({ smtp: null, from: "x" }),
          publicUrl: PUBLIC_URL,
        },
        a,
      ),
    ).toEqual({ enqueued: 0, stale: 1 });
  }, 30_000);

  it("refuses a second waiting job with the same singleton key (pg-boss exclusive policy)", async () => {
    await a.boss.offWork(QUEUES.mail);
    await b.boss.offWork(QUEUES.mail);
    const first = await a.send(
      QUEUES.mail,
      { deliveryId: "00000000-0000-4000-8000-000000000000" },
      { singletonKey: "k" },
    );
    const again = await b.send(
      QUEUES.mail,
      { deliveryId: "00000000-0000-4000-8000-000000000000" },
      { singletonKey: "k" },
    );
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    await a.boss.deleteAllJobs(QUEUES.mail);
  });
});
