/** Resolves the caller of a request from its session cookie or its API token. */
import { IsNull, MoreThan, type DataSource } from "typeorm";
import type { Viewer } from "@ldm/domain";
import { AppError } from "../../common/errors";
import type { AuthConfig } from "./auth.config";
import { hashToken, newToken } from "./tokens";
import { ApiToken, AppUser, UserSession } from "./user.entity";

export const API_TOKEN_PREFIX = "ldm_";
const TOUCH_EVERY_MS = 60_000;

function viewerOf(user: AppUser, readOnly: boolean): Viewer {
  return { userId: user.id, role: user.role, establishmentId: user.establishmentId, readOnly };
}

export async function viewerFromSession(
  ds: DataSource,
  auth: AuthConfig,
  token: string,
): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const now = new Date();
  const session = await ds.getRepository(UserSession).findOne({
    where: { tokenHash: hashToken(token), expiresAt: MoreThan(now) },
    relations: { user: true },
  });
  if (!session?.user || !session.user.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > auth.sessionIdleMinutes * 60_000) {
    await ds.getRepository(UserSession).delete({ id: session.id });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await ds.getRepository(UserSession).update({ id: session.id }, { lastSeenAt: now });
  }
  return { viewer: viewerOf(session.user, false), sessionId: session.id };
}

/** A bearer token that is unknown, revoked or expired is refused (never silently anonymous). */
export async function viewerFromApiToken(ds: DataSource, token: string): Promise<Viewer> {
  const found = await ds.getRepository(ApiToken).findOne({
    where: { tokenHash: hashToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    relations: { user: true },
  });
  if (!found?.user || !found.user.active) {
    throw new AppError("UNAUTHENTICATED", "Jeton d'API invalide, révoqué ou expiré.");
  }
  await ds.getRepository(ApiToken).update({ id: found.id }, { lastUsedAt: new Date() });
  return viewerOf(found.user, true);
}

/** Opens a new session (a new token at every login: no fixation). */
export async function openSession(
  ds: DataSource,
  auth: AuthConfig,
  userId: string,
  ip: string | null,
): Promise<{ token: string; maxAgeMs: number }> {
  const { token, hash } = newToken();
  const now = new Date();
  const maxAgeMs = auth.sessionAbsoluteHours * 3_600_000;
  await ds.getRepository(UserSession).insert({
    tokenHash: hash,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + maxAgeMs),
    ip,
  });
  return { token, maxAgeMs };
}

export async function endUserSessions(
  ds: DataSource | import("typeorm").EntityManager,
  userId: string,
): Promise<void> {
  await ds.getRepository(UserSession).delete({ userId });
}
