/**
 * GRALM sessions: DRAFPIC creates a session (date, members present), puts on its agenda the
 * candidatures whose audit report is submitted, and records the session's proposal for each one with
 * its motivation. A favourable or unfavourable proposal applies RECORD_GRALM_PROPOSAL through the
 * procedure's transition; a postponement leaves the candidature awaiting a later session. The rules are
 * the domain's (`decision.ts`).
 */
import {
  assertCanAddToGralmSession,
  assertCanRemoveFromGralmSession,
  assertCanRescheduleGralmSession,
  canReadGralmSessions,
  canRecordDecisions,
  decideGralmProposal,
  formatFrenchDate,
  GRALM_PROPOSAL_LABELS,
  normalizeGralmMembers,
  optionalDecisionText,
} from "@ldm/domain";
import { In, MoreThan } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { paginateByTime, type Connection } from "../../common/pagination";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { openCandidature } from "../candidature/candidature.gate";
import { transitionCandidature } from "../procedure/procedure.service";
import { GralmSession, GralmSessionItem } from "./decision.entity";
import { decisionMembers, gralmHistory, postponements, reportSubmittedOn } from "./decision-facts";
import type {
  CreateGralmSessionInput,
  GralmSessionCandidatureInput,
  GralmSessionsArgs,
  RecordGralmProposalInput,
  UpdateGralmSessionInput,
} from "./decision.input";

const SESSION = "La session du GRALM";

async function authorizeRecording(tx: TransactionContext, what: string): Promise<void> {
  await authorize(tx, canRecordDecisions(requireViewer(tx)), what);
}

/** Loads and locks a session for the rest of the transaction (its agenda changes one at a time). */
async function lockSession(tx: TransactionContext, id: string): Promise<GralmSession> {
  assertUuidOrNotFound(SESSION, id);
  const session = await tx.manager
    .getRepository(GralmSession)
    .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!session) throw notFound(SESSION, id);
  return session;
}

export async function createGralmSession(
  tx: TransactionContext,
  input: CreateGralmSessionInput,
): Promise<GralmSession> {
  await authorizeRecording(tx, "création d'une session du GRALM");
  const repo = tx.manager.getRepository(GralmSession);
  const session = await repo.save(
    repo.create({
      sessionDate: input.sessionDate,
      members: normalizeGralmMembers(input.members),
      notes: optionalDecisionText(input.notes, "Les observations"),
    }),
  );
  await recordChange(tx, "GralmSession", session.id, null, session);
  await tx.publish({
    type: "GralmSessionCreated",
    sessionId: session.id,
    sessionDate: session.sessionDate,
  });
  return session;
}

export async function updateGralmSession(
  tx: TransactionContext,
  input: UpdateGralmSessionInput,
): Promise<GralmSession> {
  await authorizeRecording(tx, "modification d'une session du GRALM");
  const session = await lockSession(tx, input.sessionId);
  const changes: Partial<GralmSession> = {};
  if (input.members) changes.members = normalizeGralmMembers(input.members);
  if (input.notes !== null && input.notes !== undefined) {
    changes.notes = optionalDecisionText(input.notes, "Les observations");
  }
  if (input.sessionDate && input.sessionDate !== session.sessionDate) {
    const items = await tx.manager
      .getRepository(GralmSessionItem)
      .findBy({ sessionId: session.id });
    const candidatures = [];
    for (const item of items) {
      const members = await tx.manager
        .getRepository(CoApplicant)
        .findBy({ candidatureId: item.candidatureId });
      const [lead] = await decisionMembers(tx.manager, members);
      candidatures.push({
        name: lead?.establishmentName ?? item.candidatureId,
        reportSubmittedOn: await reportSubmittedOn(tx.manager, item.candidatureId),
        postponedAt: postponements(await gralmHistory(tx.manager, item.candidatureId)),
      });
    }
    assertCanRescheduleGralmSession({
      proposalsRecorded: items.filter((i) => i.proposal !== null).length,
      newDate: input.sessionDate,
      candidatures,
    });
    changes.sessionDate = input.sessionDate;
  }
  const repo = tx.manager.getRepository(GralmSession);
  await repo.update({ id: session.id }, changes);
  const after = await repo.findOneByOrFail({ id: session.id });
  await recordChange(tx, "GralmSession", session.id, session, after);
  return after;
}

export async function addCandidatureToGralmSession(
  tx: TransactionContext,
  input: GralmSessionCandidatureInput,
): Promise<GralmSessionItem> {
  await authorizeRecording(tx, "inscription à une session du GRALM");
  const session = await lockSession(tx, input.sessionId);
  const gate = await openCandidature(tx, input.candidatureId);
  const history = await gralmHistory(tx.manager, gate.candidature.id);
  assertCanAddToGralmSession({
    state: gate.candidature.state,
    sessionDate: session.sessionDate,
    reportSubmittedOn: await reportSubmittedOn(tx.manager, gate.candidature.id),
    postponedAt: postponements(history),
    pendingInSessionOn: history.find((h) => h.item.proposal === null)?.sessionDate ?? null,
  });
  const repo = tx.manager.getRepository(GralmSessionItem);
  const last = await repo.findOne({
    where: { sessionId: session.id },
    order: { position: "DESC" },
  });
  const item = await repo.save(
    repo.create({
      sessionId: session.id,
      candidatureId: gate.candidature.id,
      position: (last?.position ?? 0) + 1,
      proposal: null,
      motivation: null,
      proposedAt: null,
    }),
  );
  await recordChange(tx, "GralmSessionItem", item.id, null, item);
  return item;
}

async function itemOf(
  tx: TransactionContext,
  session: GralmSession,
  candidatureId: string,
): Promise<GralmSessionItem> {
  const item = await tx.manager
    .getRepository(GralmSessionItem)
    .findOneBy({ sessionId: session.id, candidatureId });
  if (!item) {
    throw new AppError(
      "NOT_FOUND",
      `La candidature « ${candidatureId} » n'est pas inscrite à la session du GRALM du ${formatFrenchDate(session.sessionDate)}.`,
      { candidatureId, sessionId: session.id },
    );
  }
  return item;
}

export async function removeCandidatureFromGralmSession(
  tx: TransactionContext,
  input: GralmSessionCandidatureInput,
): Promise<GralmSession> {
  await authorizeRecording(tx, "retrait d'une session du GRALM");
  const session = await lockSession(tx, input.sessionId);
  const gate = await openCandidature(tx, input.candidatureId);
  const item = await itemOf(tx, session, gate.candidature.id);
  assertCanRemoveFromGralmSession(item);
  const repo = tx.manager.getRepository(GralmSessionItem);
  await repo.delete({ id: item.id });
  // The agenda keeps its numbering without gaps.
  const following = await repo.find({
    where: { sessionId: session.id, position: MoreThan(item.position) },
    order: { position: "ASC" },
  });
  for (const f of following) await repo.update({ id: f.id }, { position: f.position - 1 });
  await recordChange(tx, "GralmSessionItem", item.id, item, null);
  return session;
}

export async function recordGralmProposal(
  tx: TransactionContext,
  input: RecordGralmProposalInput,
): Promise<GralmSessionItem> {
  await authorizeRecording(tx, "proposition du GRALM");
  const session = await lockSession(tx, input.sessionId);
  const gate = await openCandidature(tx, input.candidatureId);
  const item = await itemOf(tx, session, gate.candidature.id);
  const decision = decideGralmProposal({
    state: gate.candidature.state,
    sessionDate: session.sessionDate,
    today: tx.clock.today(),
    proposal: input.proposal,
    motivation: input.motivation,
    recorded: item.proposal,
  });
  const repo = tx.manager.getRepository(GralmSessionItem);
  await repo.update(
    { id: item.id },
    { proposal: input.proposal, motivation: decision.motivation, proposedAt: tx.clock.now() },
  );
  const after = await repo.findOneByOrFail({ id: item.id });
  await recordChange(tx, "GralmSessionItem", item.id, item, after);
  if (decision.transition) {
    await transitionCandidature(
      tx,
      {
        candidatureId: gate.candidature.id,
        transition: decision.transition,
        comment: `${GRALM_PROPOSAL_LABELS[input.proposal]} du GRALM (session du ${formatFrenchDate(session.sessionDate)}).`,
      },
      { effectiveDate: session.sessionDate },
    );
  }
  await tx.publish({
    type: "GralmProposalRecorded",
    sessionId: session.id,
    candidatureId: gate.candidature.id,
    proposal: input.proposal,
    sessionDate: session.sessionDate,
  });
  return after;
}

// --- reads -------------------------------------------------------------------------------------

async function authorizeReading(ctx: RequestContext): Promise<void> {
  await authorize(ctx, canReadGralmSessions(requireViewer(ctx)), "sessions du GRALM");
}

export async function getGralmSession(ctx: RequestContext, id: string): Promise<GralmSession> {
  await authorizeReading(ctx);
  assertUuidOrNotFound(SESSION, id);
  const session = await ctx.manager.getRepository(GralmSession).findOneBy({ id });
  if (!session) throw notFound(SESSION, id);
  return session;
}

/** Sessions, the latest first. */
export async function listGralmSessions(
  ctx: RequestContext,
  args: GralmSessionsArgs,
): Promise<Connection<GralmSession>> {
  await authorizeReading(ctx);
  const qb = ctx.manager.getRepository(GralmSession).createQueryBuilder("s");
  return paginateByTime(qb, args, {
    column: "session_date",
    direction: "DESC",
    timeOf: (s) => new Date(`${s.sessionDate}T00:00:00Z`),
  });
}

/** Candidatures whose audit report is submitted and that await a place on a GRALM agenda. */
export async function candidaturesAwaitingGralm(ctx: RequestContext): Promise<Candidature[]> {
  await authorizeReading(ctx);
  const waiting = await ctx.manager
    .getRepository(Candidature)
    .find({ where: { state: "REPORT_SUBMITTED" }, order: { createdAt: "ASC" } });
  if (waiting.length === 0) return [];
  const pending = await ctx.manager.getRepository(GralmSessionItem).find({
    where: { candidatureId: In(waiting.map((c) => c.id)) },
    select: { id: true, candidatureId: true, proposal: true },
  });
  const onAgenda = new Set(pending.filter((p) => p.proposal === null).map((p) => p.candidatureId));
  return waiting.filter((c) => !onAgenda.has(c.id));
}
