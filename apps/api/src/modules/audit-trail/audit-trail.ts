/**
 * The audit trail: every mutation records, inside its own transaction, who changed which object and how
 * (changed fields with their values before and after). The table refuses UPDATE and DELETE (trigger).
 */
import type { TransactionContext } from "../../context";
import { AuditLogEntry } from "./audit-log.entity";

/** Fields never copied into the trail. */
const SECRET_FIELDS = new Set(["passwordHash", "tokenHash"]);
const IGNORED_FIELDS = new Set([
  "createdAt",
  "updatedAt",
  "candidature",
  "establishment",
  "user",
  "academie",
  "departement",
]);

type Row = object | null | undefined;

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Field-by-field differences between two versions of a row. */
export function diffRows(
  before: Row,
  after: Row,
): Record<string, { before: unknown; after: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_FIELDS.has(key)) continue;
    const was = comparable(b[key]) ?? null;
    const now = comparable(a[key]) ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: "***", after: "***" }
      : { before: was, after: now };
  }
  return changes;
}

export async function recordChange(
  ctx: TransactionContext,
  entityType: string,
  entityId: string,
  before: Row,
  after: Row,
): Promise<void> {
  const changes = diffRows(before, after);
  const action = !before ? "CREATE" : !after ? "DELETE" : "UPDATE";
  if (action === "UPDATE" && Object.keys(changes).length === 0) return;
  await ctx.manager.getRepository(AuditLogEntry).insert({
    occurredAt: new Date(),
    actorUserId: ctx.viewer?.userId ?? null,
    actorRole: ctx.viewer?.role ?? null,
    operation: ctx.operation ?? "inconnue",
    entityType,
    entityId,
    action,
    // TypeORM's deep-partial type cannot express a free-form jsonb object.
    changes: changes as never,
  });
}
