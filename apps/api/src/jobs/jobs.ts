/**
 * The PostgreSQL-backed job queue (pg-boss 12), in the API's own database under its own schema
 * (`pgboss`), started by each API process and stopped on shutdown.
 *
 * Queues (job-queue.ts), each with pg-boss's `exclusive` policy: at most one job per singleton key
 * queued or running at a time, across every instance:
 * - `ldm.mail.send` (key: the e-mail's dedup key): sends one recorded e-mail; retried 5 times with
 *   exponential backoff from 30 s;
 * - `ldm.reminders.scan` (no key: one scan at a time): scheduled by cron (`REMINDER_SCAN_CRON`, Europe/
 *   Paris, default 07:00 every day; a deployment down at that time scans once when back), and enqueued
 *   when an API process starts;
 * - `ldm.mail.sweep` (every 5 minutes): re-enqueues e-mails recorded but never enqueued;
 * - `ldm.password-reset.send` (standard): creates and e-mails a reset link; its job (holding the
 *   typed address) is deleted an hour after it completes.
 *
 * pg-boss's cron runs each occurrence once whatever the number of instances; exclusivity and the
 * `mail_delivery` table's unique keys (modules/notification/mail-delivery.ts) make sure that several
 * instances scanning at the same moment still send a reminder once. With `workers: false` a process
 * only enqueues (a web-only instance beside worker instances).
 */
import type { DataSource } from "typeorm";
import { PgBoss, type Queue } from "pg-boss";
import { DEFAULT_REMINDER_OFFSETS, type IsoDate, type ReminderOffsets } from "@ldm/domain";
import { log } from "../common/logger";
import { systemClock, type Clock } from "../kernel/clock";
import type { Mailer } from "../mail/mailer";
import { deliverMail, sweepDeliveries } from "../modules/notification/mail-delivery";
import { sendPasswordResetLink } from "../modules/notification/password-reset.service";
import { scanReminders, type ScanResult } from "../modules/notification/reminder-scan";
import { QUEUES, type JobDataByQueue, type JobQueue, type QueueName } from "./job-queue";

/** pg-boss's own schema in the API's database. */
export const JOBS_SCHEMA = "pgboss";

export interface JobsOptions {
  mailer: Mailer;
  /** Base URL of the platform, for the links in e-mails. */
  publicUrl: string;
  /** Work the queues (default true); false: only enqueue. */
  workers?: boolean;
  /** Cron of the reminder scan (Europe/Paris); null: not scheduled by this process. */
  reminderScanCron?: string | null;
  /**
   * Enqueue a reminder scan when the workers start (what `index.ts` does): what became due since the
   * last scan goes out now rather than at the next cron occurrence; one scan at a time whatever the
   * number of instances starting, and nothing is sent twice.
   */
  scanAtStart?: boolean;
  passwordResetTtlMinutes?: number;
  reminderOffsets?: ReminderOffsets;
  /** "Today" of the reminder scan and "now" of the reset links (tests set it). */
  clock?: Clock;
  /** How often an idle worker looks for jobs, in seconds (default 2). */
  pollingIntervalSeconds?: number;
  /** Name of this instance in pg-boss's registry. */
  instanceName?: string;
}

export interface Jobs extends JobQueue {
  readonly boss: PgBoss;
  /** Installs or migrates the schema, creates the queues, schedules and starts the workers. */
  start(): Promise<void>;
  /** Stops the workers (waiting up to 10 s for running jobs), the schedules and the pool. */
  stop(): Promise<void>;
  /** Runs a reminder scan in this process now, as the daily job does. */
  runReminderScan(today?: IsoDate): Promise<ScanResult>;
}

const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  [QUEUES.mail]: {
    policy: "exclusive",
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
  },
  [QUEUES.reminderScan]: {
    policy: "exclusive",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 900,
  },
  [QUEUES.mailSweep]: { policy: "exclusive", retryLimit: 0, expireInSeconds: 300 },
  [QUEUES.passwordReset]: {
    policy: "standard",
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 120,
    retentionSeconds: 3600,
    deleteAfterSeconds: 3600,
  },
};

const SWEEP_CRON = "*/5 * * * *";
const PARIS = "Europe/Paris";

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function createJobs(dataSource: DataSource, options: JobsOptions): Jobs {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error("La file de travaux a besoin de l'URL de la base de données.");
  const workers = options.workers ?? true;
  const clock = options.clock ?? systemClock;
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    max: 4,
    application_name: "ldm-jobs",
    schedule: workers,
    supervise: workers,
    ...(options.instanceName ? { instanceName: options.instanceName } : {}),
  });
  boss.on("error", (error) => log("error", "file de travaux", { error: errorText(error) }));
  const mailDeps = { dataSource, mailer: options.mailer, publicUrl: options.publicUrl };
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  const queue: JobQueue = {
    send: (name, data, sendOptions) =>
      boss.send(name, data as object, {
        ...(sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      }),
  };
  const offsets = options.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS;
  const runReminderScan = (today?: IsoDate) =>
    scanReminders(dataSource, queue, today ?? clock.today(), offsets);

  async function startWorkers(): Promise<void> {
    await boss.work<JobDataByQueue["ldm.mail.send"]>(
      QUEUES.mail,
      { ...work, localConcurrency: 2 },
      async ([job]) => {
        if (job) await deliverMail(mailDeps, job.data.deliveryId);
      },
    );
    await boss.work<JobDataByQueue["ldm.reminders.scan"]>(
      QUEUES.reminderScan,
      work,
      async ([job]) => {
        const result = await runReminderScan(job?.data.today);
        log("info", "rappels : balayage des échéances", { ...result });
        return result;
      },
    );
    await boss.work(QUEUES.mailSweep, work, async () => {
      await sweepDeliveries(mailDeps, queue);
    });
    await boss.work<JobDataByQueue["ldm.password-reset.send"]>(
      QUEUES.passwordReset,
      work,
      async ([job]) => {
        if (!job) return;
        await sendPasswordResetLink(
          { ...mailDeps, clock, ttlMinutes: options.passwordResetTtlMinutes ?? 60 },
          job.data,
          job.id,
        );
      },
    );
  }

  return {
    boss,
    send: queue.send,
    runReminderScan,
    async start() {
      await boss.start();
      for (const [name, queueOptions] of Object.entries(QUEUE_OPTIONS)) {
        await boss.createQueue(name, queueOptions);
        // A queue created by an older version keeps its row: bring its options up to date.
        const { policy: _policy, ...current } = queueOptions;
        await boss.updateQueue(name, current);
      }
      if (!workers) return;
      if (options.reminderScanCron) {
        await boss.schedule(
          QUEUES.reminderScan,
          options.reminderScanCron,
          {},
          {
            tz: PARIS,
            missed: "once",
          },
        );
      }
      await boss.schedule(QUEUES.mailSweep, SWEEP_CRON, {}, { tz: PARIS });
      await startWorkers();
      if (options.scanAtStart) await queue.send(QUEUES.reminderScan, {});
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      options.mailer.close();
    },
  };
}
