/**
 * Domain events of the procedure and the bus that dispatches them. A use case publishes its events inside
 * its transaction; the bus runs the in-transaction handlers at once (a failure rolls everything back:
 * freezing the snapshot, withdrawing approvals…) and the after-commit handlers once the data is
 * durable (jobs, e-mails, removal of files nothing references any more). An after-commit handler's
 * failure is logged and never undoes the committed change.
 */
import type {
  AuditRecommendation,
  CaenOpinion,
  CandidatureState,
  CommitmentProgress,
  GralmProposal,
  IsoDate,
  RectorOutcome,
  TransitionName,
} from "@ldm/domain";
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
  /** Somebody asked for a password reset link (the address as typed, normalised; maybe no account). */
  PasswordResetRequested: { email: string; requestedAt: Date };
  /** DRAFPIC changed a candidature's audit team (auditors added, removed, or roles changed). */
  AuditTeamChanged: {
    candidatureId: string;
    addedUserIds: string[];
    removedUserIds: string[];
    /** The lead auditor after the change, when the change names one. */
    leadUserId?: string | null;
  };
  /** An auditor signed the declaration of independence and confidentiality (may now read the dossier). */
  AuditDeclarationSigned: { candidatureId: string; userId: string; textVersion: string };
  /**
   * The lead auditor finalised the audit report (RECORD_AUDIT if needed, then SUBMIT_REPORT, applied in
   * the same transaction): the report is immutable; the GRALM can take it up.
   */
  AuditReportFinalised: {
    candidatureId: string;
    reportId: string;
    recommendation: AuditRecommendation;
    finalisedAt: Date;
    finalisedBy: string;
    /** The commitments taken (their deadlines feed the reminders). */
    commitments: { id: string; dueOn: IsoDate }[];
  };
  /** DRAFPIC designated (or changed) an establishment's inspecteur référent (userId: null without account). */
  ReferentInspectorAssigned: {
    establishmentId: string;
    referentInspectorId: string;
    userId: string | null;
  };
  /** DRAFPIC planned (or moved) the preparatory visit of a submitted candidature. */
  PreparatoryVisitPlanned: {
    candidatureId: string;
    visitId: string;
    plannedOn: IsoDate;
    previousPlannedOn: IsoDate | null;
  };
  /** The preparatory visit was recorded as done (RECORD_PREPARATORY_VISIT applied in the same transaction). */
  PreparatoryVisitRecorded: {
    candidatureId: string;
    visitId: string;
    heldOn: IsoDate;
    /** Accounts among the attendees (DRAFPIC members, référents who have an account). */
    attendeeUserIds: string[];
  };
  /** The head sent the audit plan to DRAFPIC (RECEIVE_AUDIT_PLAN applied in the same transaction). */
  AuditPlanSubmitted: {
    candidatureId: string;
    auditPlanId: string;
    version: number;
    auditDate: IsoDate;
    dueDate: IsoDate;
    submittedAt: Date;
  };
  /** A GRALM session was created (its date and agenda follow). */
  GralmSessionCreated: { sessionId: string; sessionDate: IsoDate };
  /** The GRALM's proposal for a candidature was recorded (a postponement leaves it awaiting one). */
  GralmProposalRecorded: {
    sessionId: string;
    candidatureId: string;
    proposal: GralmProposal;
    sessionDate: IsoDate;
  };
  /** The (INTER-)CAEN's opinion on a candidature was recorded. */
  CaenOpinionRecorded: { candidatureId: string; opinion: CaenOpinion; opinionDate: IsoDate };
  /** One académie's rector decided for the candidature's establishments in that académie. */
  RectorDecisionRecorded: {
    candidatureId: string;
    academieCode: string;
    decidedOn: IsoDate;
    outcomes: { establishmentId: string; outcome: RectorOutcome }[];
    /** Every académie has decided (the candidature is then approved or refused). */
    complete: boolean;
  };
  /** A label was published in the BOEN for an establishment (one event per label). */
  LabelPublished: {
    labelId: string;
    candidatureId: string;
    establishmentId: string;
    title: string;
    startDate: IsoDate;
    endDate: IsoDate;
    midTermReviewDueDate: IsoDate;
  };
  /** DRAFPIC imported the national establishment directory (counts of the finished import). */
  DirectoryImported: {
    importId: string;
    created: number;
    updated: number;
    rejected: number;
    /** Disagreements between the directory's « Lycee_des_metiers » flag and the platform's labels. */
    labelMismatches: number;
  };
  /**
   * The mid-term follow-up of a label was recorded (RECORD_MID_TERM_REVIEW applied in the same
   * transaction): who came, and where each commitment of the audit stands (DONE and ABANDONED ones
   * are settled: no more reminders).
   */
  MidTermReviewRecorded: {
    candidatureId: string;
    reviewId: string;
    heldOn: IsoDate;
    /** Accounts among the attendees (DRAFPIC members, référents who have an account). */
    attendeeUserIds: string[];
    commitments: { commitmentId: string; progress: CommitmentProgress }[];
  };
  /**
   * A renewal candidature was started from a label, pre-filled from the previous dossier
   * (CandidatureCreated is published too).
   */
  RenewalStarted: {
    candidatureId: string;
    /** The candidature that obtained the renewed label. */
    renewsCandidatureId: string;
    establishmentIds: string[];
    /** The renewed label's end (exclusive). */
    labelEndDate: IsoDate;
  };
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
