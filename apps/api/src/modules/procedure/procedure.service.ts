/**
 * The procedure's use cases: each state change is gate → domain decision → writes → audit-trail entry →
 * domain event (see docs/architecture.md, « Ajouter un cas d'usage »).
 */
import {
  applyTransition,
  assertGenericTransition,
  assertAuditDate,
  assertAuditTeamReady,
  teamRoleForNewAuditor,
  assertEngagementDates,
  assessReadiness,
  isEngagementComplete,
  canApproveSubmission,
  canPerformTransition,
  canRunProcedure,
  type IsoDate,
  type Readiness,
  type TransitionContext,
  canJoinAuditTeam,
} from "@ldm/domain";
import { In } from "typeorm";
import { parisDate, type TransactionContext } from "../../context";
import { openCandidature } from "../candidature/candidature.gate";
import { touchCandidature, updateCandidature } from "../candidature/candidature.service";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, requireViewer } from "../../common/authz";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { AppUser } from "../identity/user.entity";
import { Establishment } from "../establishment/establishment.entity";
import { loadDossierRows, readinessInputOf } from "../dossier/dossier-data";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
} from "../candidature/candidature.entity";
import type { AuditorAssignmentInput } from "../identity/identity.input";
import type {
  RecordEngagementInput,
  ScheduleAuditInput,
  TransitionCandidatureInput,
} from "../candidature/candidature.input";
import type { ApproveSubmissionInput } from "../dossier/dossier.input";

export async function recordEngagement(
  ctx: TransactionContext,
  input: RecordEngagementInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "enregistrement de l'engagement");
  if (c.state !== "ENGAGEMENT") {
    throw new AppError(
      "INVALID_TRANSITION",
      "L'engagement ne s'enregistre que tant que le dossier n'est pas ouvert.",
      {
        state: c.state,
      },
    );
  }
  const member = gate.member(input.establishmentId);
  // Networks: one pair of documents per co-applicant, named in the refusal.
  const establishment =
    c.kind === "NETWORK"
      ? await ctx.manager.getRepository(Establishment).findOneBy({ id: member.establishmentId })
      : null;
  assertEngagementDates({
    engagementLetterOn: input.engagementLetterOn,
    boardMinutesOn: input.boardMinutesOn,
    today: ctx.clock.today(),
    ...(establishment ? { establishmentName: establishment.name } : {}),
  });
  const repo = ctx.manager.getRepository(CoApplicant);
  await repo.update(
    { id: member.id },
    { engagementLetterOn: input.engagementLetterOn, boardMinutesOn: input.boardMinutesOn },
  );
  await recordChange(
    ctx,
    "CoApplicant",
    member.id,
    member,
    await repo.findOneByOrFail({ id: member.id }),
  );
  return touchCandidature(ctx, c, null);
}

/**
 * Sets or changes the audit date. The domain decides (`assertAuditDate`): the states in which the date
 * may still change (`AUDIT_DATE_STATES`; after the audit plan was received, only a postponement,
 * `AUDIT_POSTPONE_ONLY_STATES`), a working day after today, the dossier due two months before the
 * audit, before or after its submission. The deadlines follow the new date (`candidatureDeadlines`).
 */
export async function scheduleAudit(
  ctx: TransactionContext,
  input: ScheduleAuditInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "programmation de l'audit");
  assertAuditDate({
    auditDate: input.auditDate,
    today: ctx.clock.today(),
    submittedOn: c.submittedAt ? parisDate(c.submittedAt) : null,
    state: c.state,
    currentAuditDate: c.auditDate,
  });
  const after = await updateCandidature(ctx, c, { auditDate: input.auditDate });
  await ctx.publish({
    type: "AuditScheduled",
    candidatureId: c.id,
    auditDate: input.auditDate,
    previousAuditDate: c.auditDate,
  });
  return after;
}

/** Readiness of a candidature's dossier, computed by the domain from what is stored. */
export async function readinessOf(ctx: TransactionContext, c: Candidature): Promise<Readiness> {
  return assessReadiness(readinessInputOf(await loadDossierRows(ctx.manager, c)));
}

/**
 * How a dedicated use case (GRALM proposal, CAEN opinion, rectors' decisions, BOEN publication…)
 * applies its step: the generic operation refuses those steps (`DEDICATED_TRANSITIONS`); the use case
 * gives the step's date for the history (the meeting's or the act's, not the day it is entered).
 */
export interface DedicatedStep {
  effectiveDate: IsoDate;
}

export async function transitionCandidature(
  ctx: TransactionContext,
  input: TransitionCandidatureInput,
  dedicated: DedicatedStep | null = null,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  await authorize(
    ctx,
    canPerformTransition(requireViewer(ctx), facts, input.transition),
    `étape ${input.transition}`,
  );
  if (!dedicated) assertGenericTransition(input.transition);
  const members = gate.members;
  const today = ctx.clock.today();
  const publicationDate =
    input.transition === "PUBLISH_LABEL" ? (input.publicationDate ?? null) : c.publicationDate;
  const readiness = input.transition === "SUBMIT_DOSSIER" ? await readinessOf(ctx, c) : null;
  const context: TransitionContext = {
    today,
    kind: c.kind,
    memberCount: members.length,
    engagementComplete: isEngagementComplete(
      members.map((m) => ({
        establishmentId: m.establishmentId,
        establishmentName: "",
        engagementLetterOn: m.engagementLetterOn,
        boardMinutesOn: m.boardMinutesOn,
      })),
    ),
    auditDate: c.auditDate,
    publicationDate,
    missingForSubmission: readiness?.missing ?? [],
  };
  const to = applyTransition(c.state, input.transition, context);
  if (input.transition === "RECORD_AUDIT") {
    // No audit is recorded without a complete team: an inspector, and one lead auditor (an inspector).
    const userIds = gate.auditors.map((a) => a.userId);
    const users =
      userIds.length === 0
        ? []
        : await ctx.manager.getRepository(AppUser).findBy({ id: In(userIds) });
    assertAuditTeamReady(
      gate.auditors.map((a) => ({
        userId: a.userId,
        profile: users.find((u) => u.id === a.userId)?.auditorProfile ?? null,
        teamRole: a.teamRole,
      })),
    );
  }
  const changes: Partial<Candidature> = { state: to };
  const now = ctx.clock.now();
  if (input.transition === "SUBMIT_DOSSIER") changes.submittedAt = now;
  if (input.transition === "PUBLISH_LABEL") changes.publicationDate = publicationDate;
  const after = await updateCandidature(ctx, c, changes);
  const effectiveDate =
    dedicated?.effectiveDate ??
    (input.transition === "PUBLISH_LABEL" && publicationDate ? publicationDate : today);
  const history = ctx.manager.getRepository(CandidatureTransitionRecord);
  const record = await history.save(
    history.create({
      candidatureId: c.id,
      transition: input.transition,
      fromState: c.state,
      toState: to,
      effectiveDate,
      comment: optionalText(input.comment, "commentaire", 2000),
    }),
  );
  await recordChange(ctx, "CandidatureTransition", record.id, null, record);
  await ctx.publish({
    type: "CandidatureTransitioned",
    candidatureId: c.id,
    transition: input.transition,
    from: c.state,
    to,
    effectiveDate,
  });
  if (input.transition === "SUBMIT_DOSSIER") {
    // In-transaction handler: the dossier is frozen in the same transaction as the submission.
    await ctx.publish({ type: "CandidatureSubmitted", candidatureId: c.id, submittedAt: now });
  }
  return after;
}

export async function assignAuditor(
  ctx: TransactionContext,
  input: AuditorAssignmentInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "affectation d'auditeur");
  assertUuidOrNotFound("Le compte", input.userId);
  const user = await ctx.manager.getRepository(AppUser).findOneBy({ id: input.userId });
  if (!user || !canJoinAuditTeam(user)) {
    throw badInput("Seul un compte d'auditeur actif peut être affecté à une candidature.", {
      userId: input.userId,
    });
  }
  const repo = ctx.manager.getRepository(CandidatureAuditor);
  if (await repo.exists({ where: { candidatureId: c.id, userId: user.id } })) {
    throw new AppError("CONFLICT", "Cet auditeur est déjà affecté à cette candidature.");
  }
  // The first inspector of a team without a lead becomes its lead auditor (setAuditTeam changes it).
  const teamRole = teamRoleForNewAuditor(gate.auditors, user.auditorProfile);
  const row = await repo.save(repo.create({ candidatureId: c.id, userId: user.id, teamRole }));
  await recordChange(ctx, "CandidatureAuditor", row.id, null, row);
  // In-transaction handlers check the team can change (report not final) and the auditor's day.
  await ctx.publish({
    type: "AuditTeamChanged",
    candidatureId: c.id,
    addedUserIds: [user.id],
    removedUserIds: [],
  });
  return touchCandidature(ctx, c, null);
}

export async function unassignAuditor(
  ctx: TransactionContext,
  input: AuditorAssignmentInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "retrait d'auditeur");
  assertUuidOrNotFound("Le compte", input.userId);
  const repo = ctx.manager.getRepository(CandidatureAuditor);
  const row = await repo.findOneBy({ candidatureId: c.id, userId: input.userId });
  if (!row) throw notFound("L'affectation de l'auditeur", input.userId);
  await repo.delete({ id: row.id });
  await recordChange(ctx, "CandidatureAuditor", row.id, row, null);
  await ctx.publish({
    type: "AuditTeamChanged",
    candidatureId: c.id,
    addedUserIds: [],
    removedUserIds: [row.userId],
  });
  return touchCandidature(ctx, c, null);
}

/** A co-applicant's head approves the submission of the network's dossier (as it stands now). */
export async function approveSubmission(
  ctx: TransactionContext,
  input: ApproveSubmissionInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  const viewer = requireViewer(ctx);
  if (c.kind !== "NETWORK")
    throw badInput("Seule une candidature en réseau demande l'approbation des cocandidats.");
  await authorize(ctx, canApproveSubmission(viewer, facts), "approbation du dépôt");
  gate.assertSchoolEditable();
  const repo = ctx.manager.getRepository(CoApplicant);
  const member = await repo.findOneByOrFail({
    candidatureId: c.id,
    establishmentId: viewer.establishmentId!,
  });
  if (member.submissionApprovedAt)
    throw new AppError("CONFLICT", "Le dépôt est déjà approuvé pour cet établissement.");
  await repo.update(
    { id: member.id },
    { submissionApprovedAt: ctx.clock.now(), submissionApprovedBy: viewer.userId },
  );
  await recordChange(
    ctx,
    "CoApplicant",
    member.id,
    member,
    await repo.findOneByOrFail({ id: member.id }),
  );
  return c;
}
