/**
 * Use cases of candidatures. Every rule comes from @ldm/domain; this service loads, checks with the
 * domain, and writes inside the caller's transaction (the candidature row is locked first so that
 * concurrent changes to one candidature are serialised).
 */
import { In, type EntityManager } from "typeorm";
import {
  applyTransition,
  assertCanRemoveCoApplicant,
  assertValidMembership,
  assessReadiness,
  criteriaForCandidature,
  CURRENT_REFERENTIAL_VERSION,
  getCriterion,
  isEngagementComplete,
  isSchoolEditableState,
  requiresCommonStrategy,
  CANDIDATURE_STATE_LABELS,
  compareIsoDates,
  assertExpectationIds,
  assertQualeducFicheCodes,
  canBeMetByEuroscol,
  IMPROVEMENT_STEP_LABELS,
  canCreateCandidature,
  canEditCommonStrategy,
  canEditCriterionResponse,
  canManageCandidature,
  canManagePilots,
  canPerformTransition,
  canReadCandidature,
  canRunProcedure,
  isSchoolRole,
  AUDITOR_VISIBLE_STATES,
  type CandidatureAccessFacts,
  type CandidatureKind,
  type Readiness,
  type TransitionContext,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { paginateByTime, type Connection } from "../../common/pagination";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit/audit-trail";
import { AppUser } from "../identity/user.entity";
import { cleanRichText } from "../../common/rich-text";
import { Evidence } from "../evidence/evidence.entity";
import { loadDossierRows, readinessInputOf } from "../dossier/dossier-data";
import { freezeDossier } from "../dossier/dossier.service";
import { Establishment } from "../establishment/establishment.entity";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "./candidature.entity";
import type { AuditorAssignmentInput } from "../identity/identity.input";
import type {
  AddCoApplicantInput,
  AssignCriterionPilotInput,
  CandidaturesArgs,
  CreateIndividualCandidatureInput,
  CreateNetworkCandidatureInput,
  RecordEngagementInput,
  RemoveCoApplicantInput,
  RemoveCriterionPilotInput,
  ScheduleAuditInput,
  SetOptionalCriterionInput,
  TransitionCandidatureInput,
  UpdateCommonStrategyInput,
  UpdateCriterionResponseInput,
} from "./candidature.input";

const NARRATIVE_MAX = 50_000;

// ---------------------------------------------------------------------------------------------
// Loading and guards

/** Loads what the authorization rules need to know about a candidature. */
export async function accessFacts(
  manager: EntityManager,
  c: Candidature,
): Promise<CandidatureAccessFacts> {
  const members = await manager.getRepository(CoApplicant).findBy({ candidatureId: c.id });
  const auditors = await manager.getRepository(CandidatureAuditor).findBy({ candidatureId: c.id });
  const pilots = await manager.getRepository(CriterionPilot).findBy({ candidatureId: c.id });
  return factsOf(c, members, auditors, pilots);
}

export function factsOf(
  c: Candidature,
  members: CoApplicant[],
  auditors: CandidatureAuditor[],
  pilots: CriterionPilot[],
): CandidatureAccessFacts {
  return {
    state: c.state,
    memberEstablishmentIds: members.map((m) => m.establishmentId),
    leadEstablishmentId: members.find((m) => m.isLead)?.establishmentId ?? "",
    assignedAuditorIds: auditors.map((a) => a.userId),
    pilots: pilots.map((p) => ({
      userId: p.userId,
      establishmentId: p.establishmentId,
      criterionCode: p.criterionCode,
    })),
  };
}

/**
 * Locks the candidature row for the rest of the transaction and checks that the caller sees it (an unseen
 * candidature answers NOT_FOUND, exactly like a missing one).
 */
export async function lockCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  id: string,
  /** The object named in the NOT_FOUND answer when the candidature is hidden (a pilot, say). */
  reached: { what: string; id: string } = { what: "La candidature", id },
): Promise<{ c: Candidature; facts: CandidatureAccessFacts }> {
  const viewer = requireViewer(ctx);
  assertUuidOrNotFound("La candidature", id);
  const c = await manager
    .getRepository(Candidature)
    .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!c) throw notFound("La candidature", id);
  const facts = await accessFacts(manager, c);
  await authorizeVisible(ctx, canReadCandidature(viewer, facts), reached.what, reached.id);
  return { c, facts };
}

async function loadEstablishments(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, Establishment>> {
  for (const id of ids) assertUuidOrNotFound("L'établissement", id);
  const rows = await manager.getRepository(Establishment).findBy({ id: In(ids) });
  const map = new Map(rows.map((e) => [e.id, e]));
  for (const id of ids) if (!map.has(id)) throw notFound("L'établissement", id);
  return map;
}

function membersOf(manager: EntityManager, candidatureId: string): Promise<CoApplicant[]> {
  return manager
    .getRepository(CoApplicant)
    .find({ where: { candidatureId }, order: { createdAt: "ASC" } });
}

export function assertSchoolEditable(c: Candidature): void {
  if (!isSchoolEditableState(c.state)) {
    throw new AppError(
      "CANDIDATURE_LOCKED",
      `La candidature n'est plus modifiable par l'établissement dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
}

export async function assertMember(
  manager: EntityManager,
  c: Candidature,
  establishmentId: string,
): Promise<CoApplicant> {
  assertUuidOrNotFound("L'établissement", establishmentId);
  const member = await manager
    .getRepository(CoApplicant)
    .findOne({ where: { candidatureId: c.id, establishmentId } });
  if (!member) {
    throw new AppError(
      "NOT_FOUND",
      `L'établissement « ${establishmentId} » ne participe pas à cette candidature.`,
      {
        establishmentId,
      },
    );
  }
  return member;
}

/** Checks that the criterion exists in the referential and belongs to this candidature. */
function assertCandidatureCriterion(c: Candidature, code: string): string {
  const criterion = getCriterion(c.referentialVersion, code.trim());
  if (
    !criteriaForCandidature(c.referentialVersion, c.optionalCriterionVariant).some(
      (x) => x.code === criterion.code,
    )
  ) {
    throw badInput(
      `Le critère ${criterion.code} n'est pas retenu par cette candidature (choisissez d'abord la variante du critère 9).`,
      { criterionCode: criterion.code },
    );
  }
  return criterion.code;
}

// ---------------------------------------------------------------------------------------------
// Creation and membership

async function createCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  kind: CandidatureKind,
  input: CreateIndividualCandidatureInput | CreateNetworkCandidatureInput,
  members: { establishmentId: string; isLead: boolean }[],
): Promise<Candidature> {
  const viewer = requireViewer(ctx);
  assertValidMembership(kind, members);
  const lead = members.find((m) => m.isLead);
  await authorize(
    ctx,
    lead !== undefined && canCreateCandidature(viewer, lead.establishmentId),
    "création de candidature",
  );
  await loadEstablishments(
    manager,
    members.map((m) => m.establishmentId),
  );
  const repo = manager.getRepository(Candidature);
  const candidature = await repo.save(
    repo.create({
      kind,
      awardType: input.awardType,
      state: "ENGAGEMENT",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: optionalText(input.labelTitle, "intitulé du label"),
      optionalCriterionVariant: input.optionalCriterionVariant ?? null,
      auditDate: null,
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId: null,
    }),
  );
  await recordChange(ctx, manager, "Candidature", candidature.id, null, candidature);
  const memberRepo = manager.getRepository(CoApplicant);
  const saved = await memberRepo.save(
    members.map((m) =>
      memberRepo.create({
        candidatureId: candidature.id,
        establishmentId: m.establishmentId,
        isLead: m.isLead,
        engagementLetterOn: null,
        boardMinutesOn: null,
      }),
    ),
  );
  for (const m of saved) await recordChange(ctx, manager, "CoApplicant", m.id, null, m);
  return candidature;
}

export function createIndividualCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  input: CreateIndividualCandidatureInput,
): Promise<Candidature> {
  return createCandidature(ctx, manager, "INDIVIDUAL", input, [
    { establishmentId: input.establishmentId, isLead: true },
  ]);
}

export function createNetworkCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  input: CreateNetworkCandidatureInput,
): Promise<Candidature> {
  return createCandidature(
    ctx,
    manager,
    "NETWORK",
    input,
    input.members.map((m) => ({ ...m })),
  );
}

export async function addCoApplicant(
  ctx: RequestContext,
  manager: EntityManager,
  input: AddCoApplicantInput,
): Promise<Candidature> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "ajout de cocandidat");
  assertSchoolEditable(c);
  if (c.kind !== "NETWORK") {
    throw badInput(
      "Une candidature individuelle n'a pas d'établissement cocandidat : créez une candidature en réseau.",
    );
  }
  await loadEstablishments(manager, [input.establishmentId]);
  const members = await membersOf(manager, c.id);
  assertValidMembership("NETWORK", [
    ...members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    { establishmentId: input.establishmentId, isLead: input.isLead },
  ]);
  const repo = manager.getRepository(CoApplicant);
  const member = await repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: input.establishmentId,
      isLead: input.isLead,
      engagementLetterOn: null,
      boardMinutesOn: null,
    }),
  );
  await recordChange(ctx, manager, "CoApplicant", member.id, null, member);
  return touch(manager, c);
}

export async function removeCoApplicant(
  ctx: RequestContext,
  manager: EntityManager,
  input: RemoveCoApplicantInput,
): Promise<Candidature> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "retrait de cocandidat");
  assertSchoolEditable(c);
  assertUuidOrNotFound("L'établissement", input.establishmentId);
  const members = await membersOf(manager, c.id);
  assertCanRemoveCoApplicant(
    c.kind,
    members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    input.establishmentId,
  );
  const where = { candidatureId: c.id, establishmentId: input.establishmentId };
  for (const [type, repo] of [
    ["CriterionResponse", manager.getRepository(CriterionResponse)],
    ["CriterionPilot", manager.getRepository(CriterionPilot)],
    ["CoApplicant", manager.getRepository(CoApplicant)],
  ] as const) {
    const rows: { id: string }[] = await repo.findBy(where);
    for (const row of rows) await recordChange(ctx, manager, type, row.id, row, null);
    await repo.delete(where);
  }
  return touch(manager, c);
}

async function touch(manager: EntityManager, c: Candidature): Promise<Candidature> {
  await manager.getRepository(Candidature).update({ id: c.id }, { updatedAt: new Date() });
  return manager.getRepository(Candidature).findOneByOrFail({ id: c.id });
}

/** Updates the candidature row and records the change. */
async function updateCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  c: Candidature,
  changes: Partial<Candidature>,
): Promise<Candidature> {
  const repo = manager.getRepository(Candidature);
  await repo.update({ id: c.id }, changes);
  const after = await repo.findOneByOrFail({ id: c.id });
  await recordChange(ctx, manager, "Candidature", c.id, c, after);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Dossier content

export async function setOptionalCriterion(
  ctx: RequestContext,
  manager: EntityManager,
  input: SetOptionalCriterionInput,
): Promise<Candidature> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "critère 9");
  assertSchoolEditable(c);
  return updateCandidature(ctx, manager, c, { optionalCriterionVariant: input.variant ?? null });
}

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
  ctx: RequestContext,
  manager: EntityManager,
  input: UpdateCriterionResponseInput,
): Promise<CriterionResponse> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await assertMember(manager, c, input.establishmentId);
  const criterionCode = assertCandidatureCriterion(c, input.criterionCode);
  await authorize(
    ctx,
    canEditCriterionResponse(requireViewer(ctx), facts, input.establishmentId, criterionCode),
    `réponse au critère ${criterionCode}`,
  );
  assertSchoolEditable(c);
  const changes = await responseChanges(manager, c, criterionCode, input);
  const repo = manager.getRepository(CriterionResponse);
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
    await recordChange(ctx, manager, "CriterionResponse", created.id, null, created);
    return created;
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { ...existing });
  await repo.update({ id: existing.id }, { ...changes, version: existing.version + 1 });
  const after = await repo.findOneByOrFail({ id: existing.id });
  await recordChange(ctx, manager, "CriterionResponse", existing.id, existing, after);
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
    changes.addressedExpectationIds = assertExpectationIds(
      criterion,
      input.addressedExpectationIds,
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
  ctx: RequestContext,
  manager: EntityManager,
  input: UpdateCommonStrategyInput,
): Promise<CommonStrategy> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
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
  assertSchoolEditable(c);
  const repo = manager.getRepository(CommonStrategy);
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
    await recordChange(ctx, manager, "CommonStrategy", created.id, null, created);
    return created;
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { text: existing.text });
  await repo.update(
    { id: existing.id },
    { text, version: existing.version + 1, updatedBy: ctx.viewer?.userId ?? null },
  );
  const after = await repo.findOneByOrFail({ id: existing.id });
  await recordChange(ctx, manager, "CommonStrategy", existing.id, existing, after);
  return after;
}

export async function assignCriterionPilot(
  ctx: RequestContext,
  manager: EntityManager,
  input: AssignCriterionPilotInput,
): Promise<CriterionPilot> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  const criterionCode = assertCandidatureCriterion(c, input.criterionCode);
  assertUuidOrNotFound("Le compte", input.userId);
  const user = await manager.getRepository(AppUser).findOneBy({ id: input.userId });
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
  await authorize(
    ctx,
    canManagePilots(requireViewer(ctx), facts, user.establishmentId),
    "désignation de pilote",
  );
  assertSchoolEditable(c);
  const repo = manager.getRepository(CriterionPilot);
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
  await recordChange(ctx, manager, "CriterionPilot", pilot.id, null, pilot);
  return pilot;
}

export async function removeCriterionPilot(
  ctx: RequestContext,
  manager: EntityManager,
  input: RemoveCriterionPilotInput,
): Promise<Candidature> {
  requireViewer(ctx);
  assertUuidOrNotFound("Le pilote", input.pilotId);
  const pilot = await manager.getRepository(CriterionPilot).findOneBy({ id: input.pilotId });
  if (!pilot) throw notFound("Le pilote", input.pilotId);
  const { c, facts } = await lockCandidature(ctx, manager, pilot.candidatureId, {
    what: "Le pilote",
    id: input.pilotId,
  });
  await authorize(
    ctx,
    canManagePilots(requireViewer(ctx), facts, pilot.establishmentId),
    "retrait de pilote",
  );
  assertSchoolEditable(c);
  await manager.getRepository(CriterionPilot).delete({ id: pilot.id });
  await recordChange(ctx, manager, "CriterionPilot", pilot.id, pilot, null);
  return touch(manager, c);
}

// ---------------------------------------------------------------------------------------------
// Procedure

export async function recordEngagement(
  ctx: RequestContext,
  manager: EntityManager,
  input: RecordEngagementInput,
): Promise<Candidature> {
  const { c } = await lockCandidature(ctx, manager, input.candidatureId);
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
  const member = await assertMember(manager, c, input.establishmentId);
  const repo = manager.getRepository(CoApplicant);
  await repo.update(
    { id: member.id },
    { engagementLetterOn: input.engagementLetterOn, boardMinutesOn: input.boardMinutesOn },
  );
  await recordChange(
    ctx,
    manager,
    "CoApplicant",
    member.id,
    member,
    await repo.findOneByOrFail({ id: member.id }),
  );
  return touch(manager, c);
}

const AUDIT_SCHEDULABLE = new Set([
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
]);

export async function scheduleAudit(
  ctx: RequestContext,
  manager: EntityManager,
  input: ScheduleAuditInput,
): Promise<Candidature> {
  const { c } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "programmation de l'audit");
  if (!AUDIT_SCHEDULABLE.has(c.state)) {
    throw new AppError(
      "INVALID_TRANSITION",
      `La date d'audit ne peut plus être programmée dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
  if (compareIsoDates(input.auditDate, ctx.today()) <= 0) {
    throw badInput("La date d'audit doit être postérieure à aujourd'hui.", {
      auditDate: input.auditDate,
    });
  }
  return updateCandidature(ctx, manager, c, { auditDate: input.auditDate });
}

/** Readiness of a candidature's dossier, computed by the domain from what is stored. */
export async function readinessOf(manager: EntityManager, c: Candidature): Promise<Readiness> {
  return assessReadiness(readinessInputOf(await loadDossierRows(manager, c)));
}

export async function transitionCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  input: TransitionCandidatureInput,
): Promise<Candidature> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(
    ctx,
    canPerformTransition(requireViewer(ctx), facts, input.transition),
    `étape ${input.transition}`,
  );
  const members = await membersOf(manager, c.id);
  const today = ctx.today();
  const publicationDate =
    input.transition === "PUBLISH_LABEL" ? (input.publicationDate ?? null) : c.publicationDate;
  const readiness = input.transition === "SUBMIT_DOSSIER" ? await readinessOf(manager, c) : null;
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
  if (input.transition === "SUBMIT_DOSSIER") changes.submittedAt = new Date();
  if (input.transition === "PUBLISH_LABEL") changes.publicationDate = publicationDate;
  const after = await updateCandidature(ctx, manager, c, changes);
  if (input.transition === "SUBMIT_DOSSIER")
    await freezeDossier(ctx, manager, after, changes.submittedAt!);
  const history = manager.getRepository(CandidatureTransitionRecord);
  const record = await history.save(
    history.create({
      candidatureId: c.id,
      transition: input.transition,
      fromState: c.state,
      toState: to,
      effectiveDate:
        input.transition === "PUBLISH_LABEL" && publicationDate ? publicationDate : today,
      comment: optionalText(input.comment, "commentaire", 2000),
    }),
  );
  await recordChange(ctx, manager, "CandidatureTransition", record.id, null, record);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Auditors (a minimal assignment by DRAFPIC; audit teams come with the audit work)

export async function assignAuditor(
  ctx: RequestContext,
  manager: EntityManager,
  input: AuditorAssignmentInput,
): Promise<Candidature> {
  const { c } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "affectation d'auditeur");
  assertUuidOrNotFound("Le compte", input.userId);
  const user = await manager.getRepository(AppUser).findOneBy({ id: input.userId });
  if (!user || user.role !== "AUDITOR" || !user.active) {
    throw badInput("Seul un compte d'auditeur actif peut être affecté à une candidature.", {
      userId: input.userId,
    });
  }
  const repo = manager.getRepository(CandidatureAuditor);
  if (await repo.exists({ where: { candidatureId: c.id, userId: user.id } })) {
    throw new AppError("CONFLICT", "Cet auditeur est déjà affecté à cette candidature.");
  }
  const row = await repo.save(repo.create({ candidatureId: c.id, userId: user.id }));
  await recordChange(ctx, manager, "CandidatureAuditor", row.id, null, row);
  return touch(manager, c);
}

export async function unassignAuditor(
  ctx: RequestContext,
  manager: EntityManager,
  input: AuditorAssignmentInput,
): Promise<Candidature> {
  const { c } = await lockCandidature(ctx, manager, input.candidatureId);
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "retrait d'auditeur");
  assertUuidOrNotFound("Le compte", input.userId);
  const repo = manager.getRepository(CandidatureAuditor);
  const row = await repo.findOneBy({ candidatureId: c.id, userId: input.userId });
  if (!row) throw notFound("L'affectation de l'auditeur", input.userId);
  await repo.delete({ id: row.id });
  await recordChange(ctx, manager, "CandidatureAuditor", row.id, row, null);
  return touch(manager, c);
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function canViewerRead(ctx: RequestContext, c: Candidature): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (viewer.role === "DRAFPIC" || viewer.role === "ANALYST") return true;
  const [members, auditors, pilots] = await Promise.all([
    ctx.loaders.membersByCandidatureId.load(c.id),
    ctx.loaders.auditorsByCandidatureId.load(c.id),
    ctx.loaders.pilotsByCandidatureId.load(c.id),
  ]);
  return canReadCandidature(viewer, factsOf(c, members, auditors, pilots));
}

export async function getCandidature(ctx: RequestContext, id: string): Promise<Candidature> {
  requireViewer(ctx);
  assertUuidOrNotFound("La candidature", id);
  const found = await ctx.loaders.candidatureById.load(id);
  if (!found) throw notFound("La candidature", id);
  await authorizeVisible(ctx, await canViewerRead(ctx, found), "La candidature", id);
  return found;
}

export async function listCandidatures(
  ctx: RequestContext,
  args: CandidaturesArgs,
): Promise<Connection<Candidature>> {
  const viewer = requireViewer(ctx);
  const f = args.filter ?? {};
  const qb = ctx.dataSource.getRepository(Candidature).createQueryBuilder("c");
  // Visibility, in SQL, mirroring canReadCandidature.
  if (isSchoolRole(viewer.role)) {
    qb.andWhere(
      "EXISTS (SELECT 1 FROM co_applicant v WHERE v.candidature_id = c.id AND v.establishment_id = :viewerEstablishment)",
      {
        viewerEstablishment: viewer.establishmentId,
      },
    );
  } else if (viewer.role === "AUDITOR") {
    qb.andWhere(
      "EXISTS (SELECT 1 FROM candidature_auditor v WHERE v.candidature_id = c.id AND v.user_id = :viewerId)",
      {
        viewerId: viewer.userId,
      },
    );
    qb.andWhere("c.state IN (:...auditorStates)", { auditorStates: AUDITOR_VISIBLE_STATES });
  }
  if (f.states && f.states.length > 0) qb.andWhere("c.state IN (:...states)", { states: f.states });
  if (f.kind) qb.andWhere("c.kind = :kind", { kind: f.kind });
  if (f.awardType) qb.andWhere("c.award_type = :awardType", { awardType: f.awardType });
  if (f.establishmentId) {
    assertUuidOrNotFound("L'établissement", f.establishmentId);
    qb.andWhere(
      "EXISTS (SELECT 1 FROM co_applicant m WHERE m.candidature_id = c.id AND m.establishment_id = :eid)",
      {
        eid: f.establishmentId,
      },
    );
  }
  if (f.academieCode) {
    qb.andWhere(
      "EXISTS (SELECT 1 FROM co_applicant m JOIN establishment e ON e.id = m.establishment_id WHERE m.candidature_id = c.id AND e.academie_code = :academie)",
      { academie: f.academieCode },
    );
  }
  const page = await paginateByTime(qb, args, {
    column: "created_at",
    direction: "DESC",
    timeOf: (c) => c.createdAt,
  });
  for (const edge of page.edges) ctx.loaders.candidatureById.prime(edge.node.id, edge.node);
  return page;
}
