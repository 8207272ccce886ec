/**
 * The dossier's answers: each establishment's self-evaluation per criterion, the network's common
 * strategies (optimistic versions) and the criterion pilots.
 */
import { In, type EntityManager } from "typeorm";
import {
  getCriterion,
  requiresCommonStrategy,
  assertExpectationIds,
  assertQualeducFicheCodes,
  canBeMetByEuroscol,
  IMPROVEMENT_STEP_LABELS,
  canEditCommonStrategy,
  canEditCriterionResponse,
  canManagePilots,
  isSchoolRole,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { openCandidature } from "../candidature/candidature.gate";
import { assertMemberCriterion } from "../candidature/candidature-criteria";
import { touchCandidature } from "../candidature/candidature.service";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, requireViewer } from "../../common/authz";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { AppUser } from "../identity/user.entity";
import { cleanRichText } from "../../common/rich-text";
import { Evidence } from "../evidence/evidence.entity";
import {
  Candidature,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../candidature/candidature.entity";
import type {
  AssignCriterionPilotInput,
  RemoveCriterionPilotInput,
  UpdateCommonStrategyInput,
  UpdateCriterionResponseInput,
} from "../candidature/candidature.input";

const NARRATIVE_MAX = 50_000;

/** Refuses a save based on a stale version, with the current state so nothing is silently lost. */
function assertExpectedVersion(
  expected: number | null | undefined,
  current: number,
  currentValue: Record<string, unknown> | null,
): void {
  if (expected === null || expected === undefined || expected === current) return;
  throw new AppError(
    "CONFLICT",
    `Ce contenu a été modifié entre-temps (version ${current}, votre modification se fondait sur la version ${expected}). Rechargez-le et fusionnez vos changements.`,
    { currentVersion: current, ...(currentValue ?? {}) },
  );
}

export async function updateCriterionResponse(
  ctx: TransactionContext,
  input: UpdateCriterionResponseInput,
): Promise<CriterionResponse> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  const member = gate.member(input.establishmentId);
  const criterionCode = assertMemberCriterion(c, member, input.criterionCode).code;
  await authorize(
    ctx,
    canEditCriterionResponse(requireViewer(ctx), facts, input.establishmentId, criterionCode),
    `réponse au critère ${criterionCode}`,
  );
  gate.assertSchoolEditable();
  const changes = await responseChanges(ctx.manager, c, criterionCode, input);
  const repo = ctx.manager.getRepository(CriterionResponse);
  const existing = await repo.findOne({
    where: { candidatureId: c.id, establishmentId: input.establishmentId, criterionCode },
  });
  if (!existing) {
    assertExpectedVersion(input.expectedVersion, 0, null);
    const created = await repo.save(
      repo.create({
        candidatureId: c.id,
        establishmentId: input.establishmentId,
        criterionCode,
        ...changes,
        version: 1,
      }),
    );
    await recordChange(ctx, "CriterionResponse", created.id, null, created);
    await touchCandidature(ctx, c, `réponse au critère ${created.criterionCode}`);
    return created;
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { ...existing });
  await repo.update({ id: existing.id }, { ...changes, version: existing.version + 1 });
  const after = await repo.findOneByOrFail({ id: existing.id });
  await recordChange(ctx, "CriterionResponse", existing.id, existing, after);
  await touchCandidature(ctx, c, `réponse au critère ${after.criterionCode}`);
  return after;
}

/** Validates and cleans the fields of a self-evaluation update (absent fields stay unchanged). */
async function responseChanges(
  manager: EntityManager,
  c: Candidature,
  criterionCode: string,
  input: UpdateCriterionResponseInput,
): Promise<Partial<CriterionResponse>> {
  const changes: Partial<CriterionResponse> = {};
  const texts = [
    ["narrative", "synthèse"],
    ["planned", IMPROVEMENT_STEP_LABELS.PLANNED],
    ["done", IMPROVEMENT_STEP_LABELS.DONE],
    ["measured", IMPROVEMENT_STEP_LABELS.MEASURED],
    ["improved", IMPROVEMENT_STEP_LABELS.IMPROVED],
  ] as const;
  for (const [field, label] of texts) {
    const value = input[field];
    if (value !== undefined && value !== null)
      changes[field] = cleanRichText(value, label, NARRATIVE_MAX);
  }
  if (input.selfAssessedLevel !== undefined) changes.selfAssessedLevel = input.selfAssessedLevel;
  const criterion = getCriterion(c.referentialVersion, criterionCode);
  if (input.addressedExpectationIds) {
    // An individual candidature is refused the network-only expectations (BAD_USER_INPUT).
    changes.addressedExpectationIds = assertExpectationIds(
      criterion,
      input.addressedExpectationIds,
      c.kind,
    );
  }
  if (input.qualeducFicheCodes) {
    changes.qualeducFicheCodes = assertQualeducFicheCodes(
      c.referentialVersion,
      input.qualeducFicheCodes,
    );
  }
  if (input.emblematicActionTitle !== undefined) {
    changes.emblematicActionTitle = optionalText(
      input.emblematicActionTitle,
      "action emblématique",
      200,
    );
  }
  if (input.emblematicActionDescription !== undefined) {
    changes.emblematicActionDescription =
      input.emblematicActionDescription === null
        ? null
        : cleanRichText(
            input.emblematicActionDescription,
            "description de l'action emblématique",
            NARRATIVE_MAX,
          );
  }
  if (input.metByEuroscol !== undefined && input.metByEuroscol !== null) {
    if (input.metByEuroscol && !canBeMetByEuroscol(c.referentialVersion, criterionCode)) {
      throw badInput(
        "Seul le critère 6 (ouverture internationale) peut être rempli par le label Euroscol.",
      );
    }
    changes.metByEuroscol = input.metByEuroscol;
  }
  if (input.citedEvidenceIds) {
    const ids = [...new Set(input.citedEvidenceIds)];
    for (const id of ids) assertUuidOrNotFound("La pièce justificative", id);
    const found =
      ids.length === 0
        ? []
        : await manager.getRepository(Evidence).findBy({ id: In(ids), candidatureId: c.id });
    const missing = ids.filter((id) => !found.some((e) => e.id === id));
    if (missing.length > 0) throw notFound("La pièce justificative", missing[0]!);
    changes.citedEvidenceIds = ids;
  }
  return changes;
}

export async function updateCommonStrategy(
  ctx: TransactionContext,
  input: UpdateCommonStrategyInput,
): Promise<CommonStrategy> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  const code = getCriterion(c.referentialVersion, input.criterionCode.trim()).code;
  if (!requiresCommonStrategy(c.kind, code)) {
    throw badInput(
      c.kind === "NETWORK"
        ? `Le critère ${code} n'appelle pas de stratégie commune (seulement les critères 4, 5, 6 et 8).`
        : "Seule une candidature en réseau a des stratégies communes.",
      { criterionCode: code },
    );
  }
  await authorize(
    ctx,
    canEditCommonStrategy(requireViewer(ctx), facts, code),
    `stratégie commune ${code}`,
  );
  gate.assertSchoolEditable();
  const repo = ctx.manager.getRepository(CommonStrategy);
  const existing = await repo.findOne({ where: { candidatureId: c.id, criterionCode: code } });
  const text = cleanRichText(input.text, `stratégie commune ${code}`, NARRATIVE_MAX);
  if (!existing) {
    assertExpectedVersion(input.expectedVersion, 0, null);
    const created = await repo.save(
      repo.create({
        candidatureId: c.id,
        criterionCode: code,
        text,
        version: 1,
        updatedBy: ctx.viewer?.userId ?? null,
      }),
    );
    await recordChange(ctx, "CommonStrategy", created.id, null, created);
    return created;
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { text: existing.text });
  await repo.update(
    { id: existing.id },
    { text, version: existing.version + 1, updatedBy: ctx.viewer?.userId ?? null },
  );
  const after = await repo.findOneByOrFail({ id: existing.id });
  await recordChange(ctx, "CommonStrategy", existing.id, existing, after);
  await touchCandidature(ctx, c, `stratégie commune du critère ${after.criterionCode}`);
  return after;
}

export async function assignCriterionPilot(
  ctx: TransactionContext,
  input: AssignCriterionPilotInput,
): Promise<CriterionPilot> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  getCriterion(c.referentialVersion, input.criterionCode.trim());
  assertUuidOrNotFound("Le compte", input.userId);
  const user = await ctx.manager.getRepository(AppUser).findOneBy({ id: input.userId });
  if (
    !user ||
    !user.active ||
    !isSchoolRole(user.role) ||
    !user.establishmentId ||
    !facts.memberEstablishmentIds.includes(user.establishmentId)
  ) {
    throw badInput("Le pilote doit être un compte actif d'un établissement de la candidature.", {
      userId: input.userId,
    });
  }
  // The pilot's establishment answers the criterion (its criterion 9 variant included).
  const criterionCode = assertMemberCriterion(
    c,
    gate.member(user.establishmentId),
    input.criterionCode,
  ).code;
  await authorize(
    ctx,
    canManagePilots(requireViewer(ctx), facts, user.establishmentId),
    "désignation de pilote",
  );
  gate.assertSchoolEditable();
  const repo = ctx.manager.getRepository(CriterionPilot);
  const where = {
    candidatureId: c.id,
    establishmentId: user.establishmentId,
    criterionCode,
    userId: user.id,
  };
  if (await repo.exists({ where })) {
    throw new AppError(
      "CONFLICT",
      `Ce compte pilote déjà le critère ${criterionCode} pour cet établissement.`,
    );
  }
  const pilot = await repo.save(repo.create(where));
  await recordChange(ctx, "CriterionPilot", pilot.id, null, pilot);
  return pilot;
}

export async function removeCriterionPilot(
  ctx: TransactionContext,
  input: RemoveCriterionPilotInput,
): Promise<Candidature> {
  requireViewer(ctx);
  assertUuidOrNotFound("Le pilote", input.pilotId);
  const pilot = await ctx.manager.getRepository(CriterionPilot).findOneBy({ id: input.pilotId });
  if (!pilot) throw notFound("Le pilote", input.pilotId);
  const gate = await openCandidature(ctx, pilot.candidatureId, {
    what: "Le pilote",
    id: input.pilotId,
  });
  const { candidature: c, facts } = gate;
  await authorize(
    ctx,
    canManagePilots(requireViewer(ctx), facts, pilot.establishmentId),
    "retrait de pilote",
  );
  gate.assertSchoolEditable();
  await ctx.manager.getRepository(CriterionPilot).delete({ id: pilot.id });
  await recordChange(ctx, "CriterionPilot", pilot.id, pilot, null);
  return touchCandidature(ctx, c);
}
