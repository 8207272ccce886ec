/**
 * The audit's findings: improvement areas (*axes de progrès*), graded major or minor, and the
 * establishment's commitments (*engagements*) with their owner and deadline. Any signed auditor of the
 * team writes them during the audit phase; each has a client-generated id, each write is idempotent and
 * versioned (`offline-writes.ts`); removing one is a versioned write too (it can be restored).
 */
import {
  assertAuditPhase,
  assertCommitmentDeadline,
  canReadAuditReport,
  canWriteAuditAssessment,
  COMMITMENT_OWNER_MAX_LENGTH,
  criteriaForMemberVariants,
  FINDING_TEXT_MAX_LENGTH,
  IMPROVEMENT_SEVERITIES,
} from "@ldm/domain";
import { IsNull, type Repository } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { badInput } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { requireViewer } from "../../common/authz";
import { requiredText } from "../../common/text";
import { AuditCommitment, ImprovementArea, type AuditFinding } from "./assessment.entity";
import type {
  AuditFindingsArgs,
  RemoveAuditFindingInput,
  SaveAuditCommitmentInput,
  SaveImprovementAreaInput,
} from "./assessment.input";
import { AuditFindings } from "./assessment.type";
import { openAudit, readAudit, type AuditGate } from "./audit-access";
import { frozenDossierOf, gridMembersOf } from "./assessment.service";
import { applyVersionedWrite, reviveDates, type WriteOutcome } from "./offline-writes";

/** Checks a finding's scope: a member establishment, a criterion it (or the candidature) answers. */
async function scopeOf(
  tx: TransactionContext,
  gate: AuditGate,
  establishmentId: string | null | undefined,
  criterionCode: string | null | undefined,
): Promise<{ establishmentId: string | null; criterionCode: string | null }> {
  const c = gate.candidature;
  const member = establishmentId ? gate.member(establishmentId) : null;
  const code = criterionCode?.trim() || null;
  if (code !== null) {
    const frozen = await frozenDossierOf(tx.manager, c.id);
    const members = gridMembersOf(member ? [member] : gate.members, frozen);
    const codes = criteriaForMemberVariants(
      c.referentialVersion,
      members.map((m) => m.optionalCriterionVariant),
    ).map((k) => k.code as string);
    if (!codes.includes(code)) {
      throw badInput(
        `Le critère « ${code} » n'est pas évalué ${member ? "pour cet établissement" : "dans cette candidature"}.`,
        { criterionCode: code },
      );
    }
  }
  return { establishmentId: member?.establishmentId ?? null, criterionCode: code };
}

/** The finding of client id `id`, or null to create it (an id taken elsewhere is refused). */
async function currentFinding<E extends AuditFinding>(
  repo: Repository<E>,
  id: string,
  candidatureId: string,
): Promise<E | null> {
  assertUuidOrNotFound("Le constat", id);
  const row = await repo.findOneBy({ id } as never);
  if (row && row.candidatureId !== candidatureId) {
    throw badInput("Cet identifiant de constat est déjà utilisé : générez-en un autre.", { id });
  }
  return row;
}

function reviveFinding<E extends AuditFinding>(type: new () => E) {
  return (json: Record<string, unknown>): E =>
    Object.assign(new type(), reviveDates<E>(json, ["removedAt"]));
}

export async function saveImprovementArea(
  tx: TransactionContext,
  input: SaveImprovementAreaInput,
): Promise<WriteOutcome<ImprovementArea>> {
  const gate = await openAudit(tx, input.candidatureId, canWriteAuditAssessment, "axe de progrès");
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  const scope = await scopeOf(tx, gate, input.establishmentId, input.criterionCode);
  if (!IMPROVEMENT_SEVERITIES.includes(input.severity)) {
    throw badInput(`Gravité « ${String(input.severity)} » inconnue.`);
  }
  const description = requiredText(input.description, "axe de progrès", FINDING_TEXT_MAX_LENGTH);
  const repo = tx.manager.getRepository(ImprovementArea);
  const current = await currentFinding(repo, input.id, c.id);
  return applyVersionedWrite(tx, {
    writeId: input.writeId,
    baseVersion: input.baseVersion,
    candidatureId: c.id,
    targetType: "ImprovementArea",
    what: "cet axe de progrès",
    content: { id: input.id, ...scope, severity: input.severity, description },
    current,
    check: () => assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal }),
    async apply(row, version) {
      const values = {
        ...scope,
        severity: input.severity,
        description,
        version,
        removedAt: null,
        updatedBy: viewer.userId,
      };
      if (row) {
        await repo.update({ id: row.id }, values);
        return repo.findOneByOrFail({ id: row.id });
      }
      return repo.save(repo.create({ id: input.id, candidatureId: c.id, ...values }));
    },
    revive: reviveFinding(ImprovementArea),
  });
}

export async function saveAuditCommitment(
  tx: TransactionContext,
  input: SaveAuditCommitmentInput,
): Promise<WriteOutcome<AuditCommitment>> {
  const gate = await openAudit(tx, input.candidatureId, canWriteAuditAssessment, "engagement");
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  const scope = await scopeOf(tx, gate, input.establishmentId, input.criterionCode);
  const description = requiredText(input.description, "engagement", FINDING_TEXT_MAX_LENGTH);
  const owner = requiredText(input.owner, "porteur de l'engagement", COMMITMENT_OWNER_MAX_LENGTH);
  assertCommitmentDeadline({ dueOn: input.dueOn, auditDate: c.auditDate, today: tx.clock.today() });
  const improvementAreaId = input.improvementAreaId ?? null;
  if (improvementAreaId !== null) {
    assertUuidOrNotFound("L'axe de progrès", improvementAreaId);
    const area = await tx.manager
      .getRepository(ImprovementArea)
      .findOneBy({ id: improvementAreaId, candidatureId: c.id, removedAt: IsNull() });
    if (!area) {
      throw badInput(
        "L'axe de progrès auquel l'engagement répond n'existe pas dans cette candidature.",
        {
          improvementAreaId,
        },
      );
    }
  }
  const repo = tx.manager.getRepository(AuditCommitment);
  const current = await currentFinding(repo, input.id, c.id);
  return applyVersionedWrite(tx, {
    writeId: input.writeId,
    baseVersion: input.baseVersion,
    candidatureId: c.id,
    targetType: "AuditCommitment",
    what: "cet engagement",
    content: { id: input.id, ...scope, improvementAreaId, description, owner, dueOn: input.dueOn },
    current,
    check: () => assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal }),
    async apply(row, version) {
      const values = {
        ...scope,
        improvementAreaId,
        description,
        owner,
        dueOn: input.dueOn,
        version,
        removedAt: null,
        updatedBy: viewer.userId,
      };
      if (row) {
        await repo.update({ id: row.id }, values);
        return repo.findOneByOrFail({ id: row.id });
      }
      return repo.save(repo.create({ id: input.id, candidatureId: c.id, ...values }));
    },
    revive: reviveFinding(AuditCommitment),
  });
}

async function removeFinding<E extends AuditFinding>(
  tx: TransactionContext,
  input: RemoveAuditFindingInput,
  type: new () => E,
  targetType: string,
  what: string,
): Promise<WriteOutcome<E>> {
  const gate = await openAudit(tx, input.candidatureId, canWriteAuditAssessment, what);
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  const repo = tx.manager.getRepository(type);
  const current = await currentFinding(repo, input.id, c.id);
  return applyVersionedWrite(tx, {
    writeId: input.writeId,
    // A removal is based on the version the user saw (never a creation).
    baseVersion: input.baseVersion ?? 0,
    candidatureId: c.id,
    targetType,
    what,
    content: { id: input.id, removed: true },
    current,
    check: () => assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal }),
    async apply(row, version) {
      await repo.update(
        { id: row!.id } as never,
        {
          version,
          removedAt: tx.clock.now(),
          updatedBy: viewer.userId,
        } as never,
      );
      return repo.findOneByOrFail({ id: row!.id } as never);
    },
    revive: reviveFinding(type),
  });
}

export function removeImprovementArea(
  tx: TransactionContext,
  input: RemoveAuditFindingInput,
): Promise<WriteOutcome<ImprovementArea>> {
  return removeFinding(tx, input, ImprovementArea, "ImprovementArea", "cet axe de progrès");
}

export function removeAuditCommitment(
  tx: TransactionContext,
  input: RemoveAuditFindingInput,
): Promise<WriteOutcome<AuditCommitment>> {
  return removeFinding(tx, input, AuditCommitment, "AuditCommitment", "cet engagement");
}

/** The findings, as the report's readers see them (the team while drafting; the school once final). */
export async function auditFindings(
  ctx: RequestContext,
  args: AuditFindingsArgs,
): Promise<AuditFindings> {
  const { candidature: c } = await readAudit(
    ctx,
    args.candidatureId,
    canReadAuditReport,
    "constats d'audit",
  );
  return findingsOf(ctx, c.id, args.includeRemoved);
}

export async function findingsOf(
  ctx: Pick<RequestContext, "manager">,
  candidatureId: string,
  includeRemoved = false,
): Promise<AuditFindings> {
  const where = { candidatureId, ...(includeRemoved ? {} : { removedAt: IsNull() }) };
  const [improvementAreas, commitments] = await Promise.all([
    ctx.manager
      .getRepository(ImprovementArea)
      .find({ where, order: { severity: "ASC", createdAt: "ASC" } }),
    ctx.manager
      .getRepository(AuditCommitment)
      .find({ where, order: { dueOn: "ASC", createdAt: "ASC" } }),
  ]);
  return Object.assign(new AuditFindings(), { improvementAreas, commitments });
}
