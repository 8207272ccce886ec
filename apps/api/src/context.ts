/**
 * The per-request context: who calls (the viewer), the data source, this request's DataLoaders (so
 * relations are batched, never N+1), the clock, and control of the session cookie. Services take it first.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "@ldm/domain";
import { createLoaders, type Loaders } from "./loaders";
import type { AuthConfig } from "./modules/identity/auth.config";

/** What the API may do with the caller's session cookie. */
export interface SessionControl {
  /** Id of the session that authenticated this request, if any. */
  sessionId: string | null;
  set(token: string, maxAgeMs: number): void;
  clear(): void;
}

export interface RequestContext {
  dataSource: DataSource;
  loaders: Loaders;
  /** The authenticated caller, or null. */
  viewer: Viewer | null;
  /** Client address (for throttling and the logs). */
  ip: string | null;
  session: SessionControl;
  auth: AuthConfig;
  /** Name of the root field being executed (set by the global middleware; used by the audit trail). */
  operation: string | null;
  /** Today's date (YYYY-MM-DD, Europe/Paris): deadlines are civil dates in France. */
  today(): string;
  /** Runs `fn` in one transaction: a mutation writes all or nothing. */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export function parisToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const NO_SESSION: SessionControl = {
  sessionId: null,
  set: () => undefined,
  clear: () => undefined,
};

export function createContext(
  dataSource: DataSource,
  auth: AuthConfig,
  options: { viewer?: Viewer | null; ip?: string | null; session?: SessionControl } = {},
): RequestContext {
  return {
    dataSource,
    loaders: createLoaders(dataSource),
    viewer: options.viewer ?? null,
    ip: options.ip ?? null,
    session: options.session ?? NO_SESSION,
    auth,
    operation: null,
    today: () => parisToday(),
    transaction: (fn) => dataSource.transaction(fn),
  };
}
