/**
 * Domain events of the procedure and the bus that dispatches them. A use case publishes its events inside
 * its transaction; the bus runs the in-transaction handlers at once (a failure rolls everything back:
 * freezing the snapshot, withdrawing approvals…) and the after-commit handlers once the data is
 * durable (jobs, e-mails, removal of files nothing references any more). An after-commit handler's
 * failure is logged and never undoes the committed change.
 */
import type { CandidatureState, IsoDate, TransitionName } from "@ldm/domain";
import { log } from "../common/logger";

/** Every event, by type. Add a new one here: the bus and the handlers are typed from this map. */
export interface DomainEventMap {
  /** A candidature was created (individual or network). */
  CandidatureCreated: { candidatureId: string };
  /** A candidature changed state through a transition of the lifecycle. */
  CandidatureTransitioned: {
    candidatureId: string;
    transition: TransitionName;
    from: CandidatureState;
    to: CandidatureState;
    effectiveDate: IsoDate;
  };
  /** The dossier was submitted: the snapshot must be frozen in the same transaction. */
  CandidatureSubmitted: { candidatureId: string; submittedAt: Date };
  /** The audit date was set or changed (postponed). */
  AuditScheduled: {
    candidatureId: string;
    auditDate: IsoDate;
    previousAuditDate: IsoDate | null;
  };
  /** Something the co-applicants approved changed (their approvals no longer hold). */
  DossierChanged: { candidatureId: string; what: string };
  /** Stored file contents that may no longer be referenced (removed after the commit if so). */
  FilesReleased: { sha256: string[] };
}

export type DomainEventType = keyof DomainEventMap;
export type DomainEvent = {
  [K in DomainEventType]: { type: K } & DomainEventMap[K];
}[DomainEventType];
export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;

type Handler<C, K extends DomainEventType> = (ctx: C, event: EventOf<K>) => Promise<void>;
type AnyHandler<C> = (ctx: C, event: DomainEvent) => Promise<void>;

/** Wraps a handler of one event type into a handler of any event (called only for its own type). */
function erase<C, K extends DomainEventType>(handler: Handler<C, K>): AnyHandler<C> {
  return (ctx, event) => handler(ctx, event as EventOf<K>);
}

/**
 * Handlers by event type. In-transaction handlers receive the transaction's context (`TxCtx`),
 * after-commit handlers the request's (`Ctx`).
 */
export class EventBus<TxCtx, Ctx> {
  private readonly inTransaction = new Map<DomainEventType, AnyHandler<TxCtx>[]>();
  private readonly afterCommit = new Map<DomainEventType, AnyHandler<Ctx>[]>();

  /** Runs `handler` inside the publishing transaction, before the commit. */
  onInTransaction<K extends DomainEventType>(type: K, handler: Handler<TxCtx, K>): this {
    this.inTransaction.set(type, [...(this.inTransaction.get(type) ?? []), erase(handler)]);
    return this;
  }

  /** Runs `handler` once the publishing transaction has committed. */
  onAfterCommit<K extends DomainEventType>(type: K, handler: Handler<Ctx, K>): this {
    this.afterCommit.set(type, [...(this.afterCommit.get(type) ?? []), erase(handler)]);
    return this;
  }

  /** Runs the in-transaction handlers of `event`, in the order they were registered. */
  async dispatchInTransaction(ctx: TxCtx, event: DomainEvent): Promise<void> {
    for (const handler of this.inTransaction.get(event.type) ?? []) await handler(ctx, event);
  }

  /** Runs the after-commit handlers; a failure is logged, never thrown (the change is committed). */
  async dispatchAfterCommit(ctx: Ctx, events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.afterCommit.get(event.type) ?? []) {
        try {
          await handler(ctx, event);
        } catch (error) {
          log("error", "traitement après validation en échec", {
            event: event.type,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
        }
      }
    }
  }
}
