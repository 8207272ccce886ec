/**
 * The procedure's use cases: each state change is gate → domain decision → writes → audit-trail entry →
 * domain event (see docs/architecture.md, « Ajouter un cas d'usage »).
 */
import {
  applyTransition,
  assessReadiness,
  isEngagementComplete,
  CANDIDATURE_STATE_LABELS,
  compareIsoDates,
  canApproveSubmission,
  canPerformTransition,
  canRunProcedure,
  type Readiness,
  type TransitionContext,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { openCandidature } from "../candidature/candidature.gate";
import { touchCandidature, updateCandidature } from "../candidature/candidature.service";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, requireViewer } from "../../common/authz";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit/audit-trail";
import { AppUser } from "../identity/user.entity";
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

const AUDIT_SCHEDULABLE = new Set([
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
]);

export async function scheduleAudit(
  ctx: TransactionContext,
  input: ScheduleAuditInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "programmation de l'audit");
  if (!AUDIT_SCHEDULABLE.has(c.state)) {
    throw new AppError(
      "INVALID_TRANSITION",
      `La date d'audit ne peut plus être programmée dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
  if (compareIsoDates(input.auditDate, ctx.clock.today()) <= 0) {
    throw badInput("La date d'audit doit être postérieure à aujourd'hui.", {
      auditDate: input.auditDate,
    });
  }
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

export async function transitionCandidature(
  ctx: TransactionContext,
  input: TransitionCandidatureInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  await authorize(
    ctx,
    canPerformTransition(requireViewer(ctx), facts, input.transition),
    `étape ${input.transition}`,
  );
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
  const changes: Partial<Candidature> = { state: to };
  const now = ctx.clock.now();
  if (input.transition === "SUBMIT_DOSSIER") changes.submittedAt = now;
  if (input.transition === "PUBLISH_LABEL") changes.publicationDate = publicationDate;
  const after = await updateCandidature(ctx, c, changes);
  const effectiveDate =
    input.transition === "PUBLISH_LABEL" && publicationDate ? publicationDate : today;
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
  if (!user || user.role !== "AUDITOR" || !user.active) {
    throw badInput("Seul un compte d'auditeur actif peut être affecté à une candidature.", {
      userId: input.userId,
    });
  }
  const repo = ctx.manager.getRepository(CandidatureAuditor);
  if (await repo.exists({ where: { candidatureId: c.id, userId: user.id } })) {
    throw new AppError("CONFLICT", "Cet auditeur est déjà affecté à cette candidature.");
  }
  const row = await repo.save(repo.create({ candidatureId: c.id, userId: user.id }));
  await recordChange(ctx, "CandidatureAuditor", row.id, null, row);
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
