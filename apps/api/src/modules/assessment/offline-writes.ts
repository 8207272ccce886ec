/**
 * Writes from the audit team's tools, which the auditor portal replays after working offline. Each
 * carries a client-generated id and the version it was based on; the domain decides
 * (`decideVersionedWrite`): a replay (same id, same content) answers the result recorded the first time
 * and changes nothing; a write based on an older version is a CONFLICT answering the current value
 * (the portal then keeps the user's value, the other, or both).
 */
import { createHash } from "node:crypto";
import { decideVersionedWrite } from "@ldm/domain";
import type { ObjectLiteral } from "typeorm";
import type { TransactionContext } from "../../context";
import { AppError } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { requireViewer } from "../../common/authz";
import { recordChange } from "../audit-trail/audit-trail";
import { AssessmentWrite } from "./assessment.entity";

/** JSON with sorted keys: the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function contentSha256(content: unknown): string {
  return createHash("sha256").update(canonical(content)).digest("hex");
}

/** A row as plain JSON (dates as ISO strings), as stored for the replays and the conflicts. */
export function plain(row: ObjectLiteral): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/** Revives the date columns of a row stored as JSON. */
export function reviveDates<T extends ObjectLiteral>(
  json: Record<string, unknown>,
  dateKeys: string[],
): T {
  const row: Record<string, unknown> = { ...json };
  for (const key of [...dateKeys, "createdAt", "updatedAt"]) {
    const value = row[key];
    if (typeof value === "string") row[key] = new Date(value);
  }
  return row as T;
}

export interface VersionedRow extends ObjectLiteral {
  id: string;
  version: number;
}

export interface VersionedWrite<E extends VersionedRow> {
  writeId: string;
  baseVersion: number | null | undefined;
  candidatureId: string;
  /** Entity name, for the log and the audit trail (« AssessmentEntry »). */
  targetType: string;
  /** What is written, in French, for the conflict messages (« cette appréciation »). */
  what: string;
  /** Everything the write says (target and values), normalised: what « same content » compares. */
  content: Record<string, unknown>;
  /** The stored row the write targets, or null. */
  current: E | null;
  /** Checks that hold for a new write only (the phase of the audit, the referenced rows…). */
  check(): Promise<void> | void;
  /** Creates (current null) or updates the row to `version`; returns it as saved. */
  apply(current: E | null, version: number): Promise<E>;
  /** Rebuilds the answer of a replay from the stored JSON. */
  revive(json: Record<string, unknown>): E;
}

export interface WriteOutcome<E> {
  writeId: string;
  replayed: boolean;
  row: E;
}

/** Applies a versioned, idempotent write (see the file's comment). */
export async function applyVersionedWrite<E extends VersionedRow>(
  tx: TransactionContext,
  w: VersionedWrite<E>,
): Promise<WriteOutcome<E>> {
  const viewer = requireViewer(tx);
  assertUuidOrNotFound("L'écriture", w.writeId);
  const baseVersion = w.baseVersion ?? null;
  const sha256 = contentSha256({ targetType: w.targetType, baseVersion, ...w.content });
  const log = tx.manager.getRepository(AssessmentWrite);
  const previous = await log.findOneBy({ id: w.writeId });
  const decision = decideVersionedWrite({
    previous: previous
      ? {
          sameContent:
            previous.contentSha256 === sha256 &&
            previous.userId === viewer.userId &&
            previous.candidatureId === w.candidatureId,
        }
      : null,
    currentVersion: w.current?.version ?? null,
    baseVersion,
    what: w.what,
  });
  if (decision.kind === "REPLAY" && previous) {
    return { writeId: w.writeId, replayed: true, row: w.revive(previous.result) };
  }
  if (decision.kind === "CONFLICT") {
    throw new AppError("CONFLICT", decision.message, {
      reason: decision.reason,
      currentVersion: w.current?.version ?? null,
      current: w.current ? plain(w.current) : null,
    });
  }
  await w.check();
  const row = await w.apply(w.current, decision.kind === "UPDATE" ? decision.nextVersion : 1);
  await recordChange(tx, w.targetType, row.id, w.current, row);
  await log.save(
    log.create({
      id: w.writeId,
      candidatureId: w.candidatureId,
      userId: viewer.userId,
      targetType: w.targetType,
      targetId: row.id,
      contentSha256: sha256,
      result: plain(row),
      createdAt: tx.clock.now(),
    }),
  );
  return { writeId: w.writeId, replayed: false, row };
}
