/**
 * The one way an HTTP request becomes a request context (GraphQL, file uploads and downloads, exports):
 * the caller is a bearer API token (read-only; an invalid one is refused with UNAUTHENTICATED), else the
 * signed session cookie, else nobody.
 */
import type express from "express";
import type { DataSource } from "typeorm";
import {
  createContext,
  type AppEventBus,
  type RequestContext,
  type SessionControl,
} from "../context";
import type { Clock } from "../kernel/clock";
import { SESSION_COOKIE, type AuthConfig } from "../modules/identity/auth.config";
import { viewerFromApiToken, viewerFromSession } from "../modules/identity/session.service";
import type { FileStorage } from "../storage/file-storage";

/** What every HTTP surface needs to build its contexts. */
export interface HttpDeps {
  dataSource: DataSource;
  auth: AuthConfig;
  storage: FileStorage | null;
  events: AppEventBus;
  clock?: Clock;
}

const BEARER = /^Bearer\s+/i;

/**
 * The context of `req`. With `res`, the context may set or clear the session cookie (login, logout); a
 * cookie whose session has ended is cleared.
 */
export async function contextOfRequest(
  deps: HttpDeps,
  req: express.Request,
  res?: express.Response,
): Promise<RequestContext> {
  const cookieOptions = {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: req.secure,
    signed: true,
    path: "/",
  };
  const session: SessionControl = {
    sessionId: null,
    set: (token, maxAgeMs) =>
      res?.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: maxAgeMs }),
    clear: () => res?.clearCookie(SESSION_COOKIE, cookieOptions),
  };
  let viewer = null;
  const authorization = req.headers.authorization;
  if (authorization && BEARER.test(authorization)) {
    viewer = await viewerFromApiToken(deps.dataSource, authorization.replace(BEARER, "").trim());
  } else {
    const cookies = req.signedCookies as Record<string, unknown> | undefined;
    const token = cookies?.[SESSION_COOKIE];
    if (typeof token === "string" && token.length > 0) {
      const found = await viewerFromSession(deps.dataSource, deps.auth, token);
      if (found) {
        viewer = found.viewer;
        session.sessionId = found.sessionId;
      } else session.clear();
    }
  }
  return createContext(deps.dataSource, deps.auth, {
    viewer,
    ip: req.ip ?? null,
    session,
    storage: deps.storage,
    events: deps.events,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
}
