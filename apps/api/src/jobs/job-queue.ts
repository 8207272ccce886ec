/**
 * The job queue as the rest of the API sees it: queue names, what each job carries, and `send`. The
 * PostgreSQL-backed implementation (pg-boss) is in `jobs.ts`; modules depend on this file only.
 */

/** Every queue (pg-boss queue names: letters, digits, `.`, `-`, `_`). */
export const QUEUES = {
  /** Sends one recorded e-mail (`mail_delivery`), once. */
  mail: "ldm.mail.send",
  /** The daily scan of every party's deadlines: records and enqueues the reminders due. */
  reminderScan: "ldm.reminders.scan",
  /** Enqueues e-mails recorded but never enqueued (a crash after the commit, a process without queue). */
  mailSweep: "ldm.mail.sweep",
  /** Creates a password reset link and e-mails it (the token lives only in that job's memory). */
  passwordReset: "ldm.password-reset.send",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What a job of each queue carries. */
export interface JobDataByQueue {
  "ldm.mail.send": { deliveryId: string };
  "ldm.reminders.scan": { today?: string };
  "ldm.mail.sweep": Record<string, never>;
  "ldm.password-reset.send": { email: string; requestedAt: string };
}

export interface SendOptions {
  /**
   * At most one job with this key is queued or running at a time in its queue (pg-boss `exclusive`
   * policy): a second `send` with it answers null.
   */
  singletonKey?: string;
}

export interface JobQueue {
  /** Enqueues a job; the job's id, or null when a job with its singleton key is already waiting. */
  send<Q extends QueueName>(
    queue: Q,
    data: JobDataByQueue[Q],
    options?: SendOptions,
  ): Promise<string | null>;
}
