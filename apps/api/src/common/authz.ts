/**
 * Enforcement of the domain's authorization rules. A refusal is logged; an object the caller may not see
 * answers exactly like a missing one (NOT_FOUND), so nothing leaks about it.
 */
import type { Viewer } from "@ldm/domain";
import type { RequestContext } from "../context";
import { AppError, notFound } from "./errors";
import { recordAuthEvent } from "../modules/identity/auth-event";

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer)
    throw new AppError("UNAUTHENTICATED", "Authentification requise : connectez-vous.");
  return ctx.viewer;
}

async function logDenial(ctx: RequestContext, detail: string): Promise<void> {
  await recordAuthEvent(ctx.dataSource, {
    type: "ACCESS_DENIED",
    userId: ctx.viewer?.userId ?? null,
    ip: ctx.ip,
    detail: `${ctx.operation ?? "?"} : ${detail}`,
  });
}

/** Throws FORBIDDEN (logged) unless `allowed`. */
export async function authorize(
  ctx: RequestContext,
  allowed: boolean,
  detail: string,
): Promise<void> {
  if (allowed) return;
  await logDenial(ctx, detail);
  throw new AppError("FORBIDDEN", "Vous n'avez pas le droit d'effectuer cette opération.");
}

/** Throws NOT_FOUND (logged) unless `visible`: an unseen object answers like a missing one. */
export async function authorizeVisible(
  ctx: RequestContext,
  visible: boolean,
  what: string,
  id: string,
): Promise<void> {
  if (visible) return;
  await logDenial(ctx, `${what} ${id} non visible`);
  throw notFound(what, id);
}
