/** In-app notifications: recording them (handlers, the reminder scan), listing and marking one's own. */
import type { EntityManager } from "typeorm";
import { canMarkNotificationRead, canReadNotification, type IsoDate } from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { paginateByTime, type Connection } from "../../common/pagination";
import type { MarkNotificationReadInput, NotificationsArgs } from "./notification.input";
import type { NotificationKind } from "./notification.kinds";
import { Notification } from "./notification.entity";

/** A notification to record for one user. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  candidatureId: string | null;
  deadlineDate?: IsoDate | null;
  /** Same key for the same user: recorded once (reminders). */
  dedupKey?: string | null;
}

/** Records notifications; one whose (user, dedup key) exists already is skipped. Returns the new ones. */
export async function recordNotifications(
  manager: EntityManager,
  drafts: readonly NotificationDraft[],
): Promise<{ id: string; userId: string }[]> {
  if (drafts.length === 0) return [];
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values(
      drafts.map((d) => ({
        userId: d.userId,
        kind: d.kind,
        title: d.title,
        body: d.body,
        candidatureId: d.candidatureId,
        deadlineDate: d.deadlineDate ?? null,
        dedupKey: d.dedupKey ?? null,
        readAt: null,
      })),
    )
    .orIgnore()
    .returning(["id", "userId"])
    .execute();
  return (result.raw as { id: string; user_id: string }[]).map((r) => ({
    id: r.id,
    userId: r.user_id,
  }));
}

/** The caller's notifications, newest first. */
export function myNotifications(
  ctx: RequestContext,
  args: NotificationsArgs,
): Promise<Connection<Notification>> {
  const viewer = requireViewer(ctx);
  const qb = ctx.dataSource
    .getRepository(Notification)
    .createQueryBuilder("n")
    .where("n.user_id = :me", { me: viewer.userId });
  if (args.unreadOnly) qb.andWhere("n.read_at IS NULL");
  return paginateByTime(qb, args, {
    column: "created_at",
    direction: "DESC",
    timeOf: (n) => n.createdAt,
  });
}

/**
 * Marks one of the caller's notifications read (again: unchanged). Somebody else's answers like a
 * missing one. Personal reading state: not recorded in the audit trail.
 */
export async function markNotificationRead(
  tx: TransactionContext,
  input: MarkNotificationReadInput,
): Promise<Notification> {
  const viewer = requireViewer(tx);
  assertUuidOrNotFound("La notification", input.notificationId);
  const repo = tx.manager.getRepository(Notification);
  const found = await repo.findOne({
    where: { id: input.notificationId },
    lock: { mode: "pessimistic_write" },
  });
  if (!found) throw notFound("La notification", input.notificationId);
  await authorizeVisible(
    tx,
    canReadNotification(viewer, found),
    "La notification",
    input.notificationId,
  );
  await authorize(tx, canMarkNotificationRead(viewer, found), "notification d'un autre compte");
  if (found.readAt === null) {
    await repo.update({ id: found.id }, { readAt: tx.clock.now() });
  }
  return repo.findOneByOrFail({ id: found.id });
}
