/**
 * The e-mail outbox (`mail_delivery`): an e-mail is recorded once under its dedup key, enqueued after
 * the commit, and sent by a job that first claims it.
 *
 * - Recording: `INSERT … ON CONFLICT (dedup_key) DO NOTHING`: two API instances scanning the same
 *   reminders record it once; only the instance whose insert won enqueues it.
 * - Claiming: `UPDATE … SET status = 'SENDING' WHERE id = $1 AND status IN ('PENDING','FAILED')`: of two
 *   jobs for one e-mail (a retry, a sweep), one gets the row; the other sends nothing.
 * - Sending: SENT with the server's Message-ID; a refusal or an unreachable server puts it back to
 *   FAILED (the job is retried by pg-boss, with backoff). A process that dies while talking to the SMTP
 *   server leaves it SENDING: it is never sent again automatically (at most once — the server may have
 *   accepted it); the sweep reports it in the log.
 */
import type { DataSource, EntityManager } from "typeorm";
import { log } from "../../common/logger";
import { QUEUES, type JobQueue } from "../../jobs/job-queue";
import type { Mailer } from "../../mail/mailer";
import { renderMail, type MailDataByTemplate, type MailTemplate } from "../../mail/templates";
import { MailDelivery } from "./notification.entity";

/** What the mail jobs need. */
export interface MailDeps {
  dataSource: DataSource;
  mailer: Mailer;
  /** Base URL of the platform (links in e-mails). */
  publicUrl: string;
}

/** An e-mail to record; `payload.path` (a portal path) becomes the link at sending time. */
export interface DeliveryDraft {
  dedupKey: string;
  template: MailTemplate;
  userId: string | null;
  toAddress: string;
  subject: string;
  payload: Record<string, unknown>;
}

export interface RecordedDelivery {
  id: string;
  dedupKey: string;
}

/** Records e-mails; returns only those this call inserted (the others were already recorded). */
export async function recordDeliveries(
  manager: EntityManager,
  drafts: readonly DeliveryDraft[],
): Promise<RecordedDelivery[]> {
  if (drafts.length === 0) return [];
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(MailDelivery)
    .values(
      drafts.map((d) => ({
        ...d,
        // TypeORM's deep-partial type cannot express a free-form jsonb object.
        payload: d.payload as never,
        status: "PENDING" as const,
        attempts: 0,
      })),
    )
    .orIgnore()
    .returning(["id", "dedupKey"])
    .execute();
  return (result.raw as { id: string; dedup_key: string }[]).map((r) => ({
    id: r.id,
    dedupKey: r.dedup_key,
  }));
}

/**
 * Enqueues one mail job per recorded e-mail (after the commit that recorded them). Without a queue,
 * or when the queue is unreachable, they stay PENDING for the sweep.
 */
export async function enqueueDeliveries(
  queue: JobQueue | null,
  deliveries: readonly RecordedDelivery[],
): Promise<void> {
  if (!queue || deliveries.length === 0) return;
  for (const d of deliveries) {
    try {
      await queue.send(QUEUES.mail, { deliveryId: d.id }, { singletonKey: d.dedupKey });
    } catch (error) {
      log("warn", "courriel enregistré mais non mis en file (le balayage le reprendra)", {
        delivery: d.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

const CLAIM = `UPDATE mail_delivery
                  SET status = 'SENDING', attempts = attempts + 1, claimed_at = now(), updated_at = now()
                WHERE id = $1 AND status IN ('PENDING', 'FAILED')
            RETURNING id`;

/**
 * Sends one recorded e-mail unless another job has claimed or sent it. `secrets` are merged into the
 * template's data and never stored (the password reset link). Throws when the server refuses it or
 * cannot be reached (the delivery is then FAILED and the job retried).
 */
export async function deliverMail(
  deps: MailDeps,
  deliveryId: string,
  secrets: Record<string, unknown> = {},
): Promise<"SENT" | "SKIPPED"> {
  const repo = deps.dataSource.getRepository(MailDelivery);
  const claimed = (await deps.dataSource.query(CLAIM, [deliveryId])) as [unknown[], number];
  if (claimed[1] === 0) return "SKIPPED";
  const delivery = await repo.findOneByOrFail({ id: deliveryId });
  const data = { ...delivery.payload, ...secrets } as Record<string, unknown>;
  if (typeof data.path === "string" && data.link === undefined) {
    data.link = `${deps.publicUrl}${data.path}`;
  }
  try {
    if (delivery.template === "PASSWORD_RESET" && typeof secrets.link !== "string") {
      throw new Error("Le lien de réinitialisation n'est pas conservé : il ne peut être renvoyé.");
    }
    const mail = renderMail(
      delivery.template,
      delivery.toAddress,
      data as unknown as MailDataByTemplate[typeof delivery.template],
    );
    const sent = await deps.mailer.send({
      ...mail,
      headers: { "X-LDM-Delivery": delivery.id },
    });
    await repo.update(
      { id: delivery.id },
      { status: "SENT", sentAt: new Date(), messageId: sent.messageId, lastError: null },
    );
    return "SENT";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.update({ id: delivery.id }, { status: "FAILED", lastError: message.slice(0, 500) });
    throw error;
  }
}

/** E-mails recorded more than this long ago and still PENDING are enqueued again by the sweep. */
export const SWEEP_PENDING_AFTER_MS = 60_000;
/** A delivery SENDING for longer than this: its process died while talking to the SMTP server. */
export const SENDING_STALE_AFTER_MS = 15 * 60_000;

/** Enqueues the forgotten PENDING e-mails; reports the ones left SENDING by a dead process. */
export async function sweepDeliveries(
  deps: MailDeps,
  queue: JobQueue,
): Promise<{ enqueued: number; stale: number }> {
  const pending = (await deps.dataSource.query(
    `SELECT id, dedup_key FROM mail_delivery
      WHERE status = 'PENDING' AND template <> 'PASSWORD_RESET'
        AND created_at < now() - make_interval(secs => $1)
      ORDER BY created_at LIMIT 500`,
    [SWEEP_PENDING_AFTER_MS / 1000],
  )) as { id: string; dedup_key: string }[];
  await enqueueDeliveries(
    queue,
    pending.map((p) => ({ id: p.id, dedupKey: p.dedup_key })),
  );
  const stale = (await deps.dataSource.query(
    `SELECT id FROM mail_delivery
      WHERE status = 'SENDING' AND claimed_at < now() - make_interval(secs => $1)`,
    [SENDING_STALE_AFTER_MS / 1000],
  )) as { id: string }[];
  if (stale.length > 0) {
    log("warn", "courriels dont l'envoi a été interrompu (non renvoyés automatiquement)", {
      deliveries: stale.map((s) => s.id),
    });
  }
  return { enqueued: pending.length, stale: stale.length };
}
