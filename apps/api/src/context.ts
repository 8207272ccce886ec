/**
 * The request context, the one thing every service takes first: who calls (the viewer), the clock, the
 * data source and — inside a use case — the transaction, the file storage, this request's DataLoaders
 * and the event bus. Services take the context and their input only.
 *
 * `ctx.transaction(fn)` runs `fn` with a `TransactionContext`: its `manager` is bound to one PostgreSQL
 * transaction and `publish` hands domain events to the bus, which runs their in-transaction handlers at
 * once. After the commit, the DataLoaders are renewed (answers read after a mutation are current) and the
 * after-commit handlers run.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "@ldm/domain";
import { createLoaders, type Loaders } from "./loaders";
import type { AuthConfig } from "./modules/identity/auth.config";
import type { FileStorage } from "./storage/file-storage";
import { systemClock, type Clock } from "./kernel/clock";
import { EventBus, type DomainEvent } from "./kernel/events";

export { parisDate } from "./kernel/clock";

/** What the API may do with the caller's session cookie. */
export interface SessionControl {
  /** Id of the session that authenticated this request, if any. */
  sessionId: string | null;
  set(token: string, maxAgeMs: number): void;
  clear(): void;
}

/** The bus of the application: handlers get the transaction's context, or the request's after commit. */
export type AppEventBus = EventBus<TransactionContext, RequestContext>;

export interface RequestContext {
  dataSource: DataSource;
  /** The pool's manager outside a transaction; the transaction's inside `transaction(fn)`. */
  manager: EntityManager;
  /** This request's DataLoaders (renewed after every committed transaction). */
  loaders: Loaders;
  /** The authenticated caller, or null. */
  viewer: Viewer | null;
  /** Client address (for throttling and the logs). */
  ip: string | null;
  session: SessionControl;
  auth: AuthConfig;
  /** Name of the root field being executed (set by the global middleware; used by the audit trail). */
  operation: string | null;
  /** "Now" and "today" (Europe/Paris): deadlines are civil dates in France. */
  clock: Clock;
  /** Where evidence files live (null where no file storage is configured, e.g. some tests). */
  storage: FileStorage | null;
  events: AppEventBus;
  /** Runs `fn` in one transaction: a use case writes all or nothing. Nested calls join the outer one. */
  transaction<T>(fn: (tx: TransactionContext) => Promise<T>): Promise<T>;
}

export interface TransactionContext extends RequestContext {
  /**
   * Publishes a domain event: its in-transaction handlers run now, in this transaction (their failure
   * refuses the whole use case); its after-commit handlers run once the transaction has committed.
   */
  publish(event: DomainEvent): Promise<void>;
}

export interface ContextOptions {
  viewer?: Viewer | null;
  ip?: string | null;
  session?: SessionControl;
  clock?: Clock;
  storage?: FileStorage | null;
  /** The application's bus (`createAppEventBus()`): required, so that no use case runs without its handlers. */
  events: AppEventBus;
}

const NO_SESSION: SessionControl = {
  sessionId: null,
  set: () => undefined,
  clear: () => undefined,
};

/** A bus with no handler (contexts built outside the server: scripts, some tests). */
export function emptyEventBus(): AppEventBus {
  return new EventBus<TransactionContext, RequestContext>();
}

export function createContext(
  dataSource: DataSource,
  auth: AuthConfig,
  options: ContextOptions,
): RequestContext {
  const ctx: RequestContext = {
    dataSource,
    manager: dataSource.manager,
    loaders: createLoaders(dataSource),
    viewer: options.viewer ?? null,
    ip: options.ip ?? null,
    session: options.session ?? NO_SESSION,
    auth,
    operation: null,
    clock: options.clock ?? systemClock,
    storage: options.storage ?? null,
    events: options.events,
    // A method on `this`: Apollo Server hands resolvers a shallow copy of the context, whose
    // `operation` and `loaders` are the ones to use.
    transaction(fn) {
      return runTransaction(this, fn);
    },
  };
  return ctx;
}

async function runTransaction<T>(
  ctx: RequestContext,
  fn: (tx: TransactionContext) => Promise<T>,
): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await ctx.dataSource.transaction(async (manager) => {
    const tx: TransactionContext = Object.create(ctx) as TransactionContext;
    tx.manager = manager;
    tx.publish = async (event) => {
      events.push(event);
      await ctx.events.dispatchInTransaction(tx, event);
    };
    // A use case called from another one joins its transaction.
    tx.transaction = (inner) => inner(tx);
    return fn(tx);
  });
  // Answers resolved after this point (the mutation's payload, the next aliased mutation) see the
  // committed data, not what the loaders cached before.
  ctx.loaders = createLoaders(ctx.dataSource);
  await ctx.events.dispatchAfterCommit(ctx, events);
  return result;
}
