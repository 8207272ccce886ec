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
  type CandidatureKind,
  type Readiness,
  type TransitionContext,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { AppError, badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { decodeCursor, pageSize, toConnection, type Connection } from "../../common/pagination";
import { optionalText, requiredEmail, requiredText } from "../../common/text";
import { Establishment } from "../establishment/establishment.entity";
import {
  Candidature,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "./candidature.entity";
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

async function lockCandidature(manager: EntityManager, id: string): Promise<Candidature> {
  assertUuidOrNotFound("La candidature", id);
  const found = await manager
    .getRepository(Candidature)
    .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!found) throw notFound("La candidature", id);
  return found;
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

function assertSchoolEditable(c: Candidature): void {
  if (!isSchoolEditableState(c.state)) {
    throw new AppError(
      "CANDIDATURE_LOCKED",
      `La candidature n'est plus modifiable par l'établissement dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
}

async function assertMember(
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
  manager: EntityManager,
  kind: CandidatureKind,
  input: CreateIndividualCandidatureInput | CreateNetworkCandidatureInput,
  members: { establishmentId: string; isLead: boolean }[],
): Promise<Candidature> {
  assertValidMembership(kind, members);
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
  const memberRepo = manager.getRepository(CoApplicant);
  await memberRepo.save(
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
  return candidature;
}

export function createIndividualCandidature(
  _ctx: RequestContext,
  manager: EntityManager,
  input: CreateIndividualCandidatureInput,
): Promise<Candidature> {
  return createCandidature(manager, "INDIVIDUAL", input, [
    { establishmentId: input.establishmentId, isLead: true },
  ]);
}

export function createNetworkCandidature(
  _ctx: RequestContext,
  manager: EntityManager,
  input: CreateNetworkCandidatureInput,
): Promise<Candidature> {
  return createCandidature(
    manager,
    "NETWORK",
    input,
    input.members.map((m) => ({ ...m })),
  );
}

export async function addCoApplicant(
  _ctx: RequestContext,
  manager: EntityManager,
  input: AddCoApplicantInput,
): Promise<Candidature> {
  const c = await lockCandidature(manager, input.candidatureId);
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
  await repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: input.establishmentId,
      isLead: input.isLead,
      engagementLetterOn: null,
      boardMinutesOn: null,
    }),
  );
  return touch(manager, c);
}

export async function removeCoApplicant(
  _ctx: RequestContext,
  manager: EntityManager,
  input: RemoveCoApplicantInput,
): Promise<Candidature> {
  const c = await lockCandidature(manager, input.candidatureId);
  assertSchoolEditable(c);
  assertUuidOrNotFound("L'établissement", input.establishmentId);
  const members = await membersOf(manager, c.id);
  assertCanRemoveCoApplicant(
    c.kind,
    members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    input.establishmentId,
  );
  const where = { candidatureId: c.id, establishmentId: input.establishmentId };
  await manager.getRepository(CriterionResponse).delete(where);
  await manager.getRepository(CriterionPilot).delete(where);
  await manager.getRepository(CoApplicant).delete(where);
  return touch(manager, c);
}

async function touch(manager: EntityManager, c: Candidature): Promise<Candidature> {
  await manager.getRepository(Candidature).update({ id: c.id }, { updatedAt: new Date() });
  return manager.getRepository(Candidature).findOneByOrFail({ id: c.id });
}

// ---------------------------------------------------------------------------------------------
// Dossier content

export async function setOptionalCriterion(
  _ctx: RequestContext,
  manager: EntityManager,
  input: SetOptionalCriterionInput,
): Promise<Candidature> {
  const c = await lockCandidature(manager, input.candidatureId);
  assertSchoolEditable(c);
  await manager
    .getRepository(Candidature)
    .update({ id: c.id }, { optionalCriterionVariant: input.variant ?? null });
  return manager.getRepository(Candidature).findOneByOrFail({ id: c.id });
}

export async function updateCriterionResponse(
  _ctx: RequestContext,
  manager: EntityManager,
  input: UpdateCriterionResponseInput,
): Promise<CriterionResponse> {
  const c = await lockCandidature(manager, input.candidatureId);
  assertSchoolEditable(c);
  await assertMember(manager, c, input.establishmentId);
  const criterionCode = assertCandidatureCriterion(c, input.criterionCode);
  if (input.narrative.length > NARRATIVE_MAX) {
    throw badInput(`La réponse dépasse ${NARRATIVE_MAX} caractères.`);
  }
  const repo = manager.getRepository(CriterionResponse);
  const existing = await repo.findOne({
    where: { candidatureId: c.id, establishmentId: input.establishmentId, criterionCode },
  });
  if (!existing) {
    assertExpectedVersion(input.expectedVersion, 0, null);
    return repo.save(
      repo.create({
        candidatureId: c.id,
        establishmentId: input.establishmentId,
        criterionCode,
        narrative: input.narrative,
        version: 1,
      }),
    );
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { narrative: existing.narrative });
  await repo.update(
    { id: existing.id },
    { narrative: input.narrative, version: existing.version + 1 },
  );
  return repo.findOneByOrFail({ id: existing.id });
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

export async function updateCommonStrategy(
  _ctx: RequestContext,
  manager: EntityManager,
  input: UpdateCommonStrategyInput,
): Promise<CommonStrategy> {
  const c = await lockCandidature(manager, input.candidatureId);
  assertSchoolEditable(c);
  const code = getCriterion(c.referentialVersion, input.criterionCode.trim()).code;
  if (!requiresCommonStrategy(c.kind, code)) {
    throw badInput(
      c.kind === "NETWORK"
        ? `Le critère ${code} n'appelle pas de stratégie commune (seulement les critères 4, 5, 6 et 8).`
        : "Seule une candidature en réseau a des stratégies communes.",
      { criterionCode: code },
    );
  }
  if (input.text.length > NARRATIVE_MAX)
    throw badInput(`La stratégie dépasse ${NARRATIVE_MAX} caractères.`);
  const repo = manager.getRepository(CommonStrategy);
  const existing = await repo.findOne({ where: { candidatureId: c.id, criterionCode: code } });
  if (!existing) {
    assertExpectedVersion(input.expectedVersion, 0, null);
    return repo.save(
      repo.create({ candidatureId: c.id, criterionCode: code, text: input.text, version: 1 }),
    );
  }
  assertExpectedVersion(input.expectedVersion, existing.version, { text: existing.text });
  await repo.update({ id: existing.id }, { text: input.text, version: existing.version + 1 });
  return repo.findOneByOrFail({ id: existing.id });
}

export async function assignCriterionPilot(
  _ctx: RequestContext,
  manager: EntityManager,
  input: AssignCriterionPilotInput,
): Promise<CriterionPilot> {
  const c = await lockCandidature(manager, input.candidatureId);
  assertSchoolEditable(c);
  await assertMember(manager, c, input.establishmentId);
  const criterionCode = assertCandidatureCriterion(c, input.criterionCode);
  const email = requiredEmail(input.email);
  const repo = manager.getRepository(CriterionPilot);
  if (
    await repo.exists({
      where: { candidatureId: c.id, establishmentId: input.establishmentId, criterionCode, email },
    })
  ) {
    throw new AppError(
      "CONFLICT",
      `${email} pilote déjà le critère ${criterionCode} pour cet établissement.`,
    );
  }
  return repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: input.establishmentId,
      criterionCode,
      fullName: requiredText(input.fullName, "nom du pilote", 120),
      email,
      jobTitle: optionalText(input.jobTitle, "fonction", 120),
    }),
  );
}

export async function removeCriterionPilot(
  _ctx: RequestContext,
  manager: EntityManager,
  input: RemoveCriterionPilotInput,
): Promise<Candidature> {
  assertUuidOrNotFound("Le pilote", input.pilotId);
  const pilot = await manager.getRepository(CriterionPilot).findOneBy({ id: input.pilotId });
  if (!pilot) throw notFound("Le pilote", input.pilotId);
  const c = await lockCandidature(manager, pilot.candidatureId);
  assertSchoolEditable(c);
  await manager.getRepository(CriterionPilot).delete({ id: pilot.id });
  return touch(manager, c);
}

// ---------------------------------------------------------------------------------------------
// Procedure

export async function recordEngagement(
  _ctx: RequestContext,
  manager: EntityManager,
  input: RecordEngagementInput,
): Promise<Candidature> {
  const c = await lockCandidature(manager, input.candidatureId);
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
  await manager
    .getRepository(CoApplicant)
    .update(
      { id: member.id },
      { engagementLetterOn: input.engagementLetterOn, boardMinutesOn: input.boardMinutesOn },
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
  const c = await lockCandidature(manager, input.candidatureId);
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
  await manager.getRepository(Candidature).update({ id: c.id }, { auditDate: input.auditDate });
  return manager.getRepository(Candidature).findOneByOrFail({ id: c.id });
}

/** Readiness of a candidature's dossier, computed by the domain from what is stored. */
export async function readinessOf(manager: EntityManager, c: Candidature): Promise<Readiness> {
  const members = await membersOf(manager, c.id);
  const establishments = await manager
    .getRepository(Establishment)
    .findBy({ id: In(members.map((m) => m.establishmentId)) });
  const names = new Map(establishments.map((e) => [e.id, e.name]));
  // Sequential: the queries share the transaction's single connection.
  const responses = await manager.getRepository(CriterionResponse).findBy({ candidatureId: c.id });
  const commonStrategies = await manager
    .getRepository(CommonStrategy)
    .findBy({ candidatureId: c.id });
  const pilots = await manager.getRepository(CriterionPilot).findBy({ candidatureId: c.id });
  return assessReadiness({
    referentialVersion: c.referentialVersion,
    kind: c.kind,
    optionalCriterionVariant: c.optionalCriterionVariant,
    members: members.map((m) => ({
      establishmentId: m.establishmentId,
      establishmentName: names.get(m.establishmentId) ?? m.establishmentId,
      engagementLetterOn: m.engagementLetterOn,
      boardMinutesOn: m.boardMinutesOn,
    })),
    responses,
    commonStrategies,
    pilots,
  });
}

export async function transitionCandidature(
  ctx: RequestContext,
  manager: EntityManager,
  input: TransitionCandidatureInput,
): Promise<Candidature> {
  const c = await lockCandidature(manager, input.candidatureId);
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
  await manager.getRepository(Candidature).update({ id: c.id }, changes);
  const history = manager.getRepository(CandidatureTransitionRecord);
  await history.save(
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
  return manager.getRepository(Candidature).findOneByOrFail({ id: c.id });
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function getCandidature(ctx: RequestContext, id: string): Promise<Candidature> {
  assertUuidOrNotFound("La candidature", id);
  const found = await ctx.loaders.candidatureById.load(id);
  if (!found) throw notFound("La candidature", id);
  return found;
}

export async function listCandidatures(
  ctx: RequestContext,
  args: CandidaturesArgs,
): Promise<Connection<Candidature>> {
  const limit = pageSize(args.first);
  const f = args.filter ?? {};
  const qb = ctx.dataSource.getRepository(Candidature).createQueryBuilder("c");
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
  const totalCount = await qb.getCount();
  if (args.after) {
    const [createdAt, id] = decodeCursor(args.after, 2) as [string, string];
    if (Number.isNaN(Date.parse(createdAt))) throw badInput("Curseur de pagination invalide.");
    qb.andWhere("(c.created_at, c.id) < (:createdAt, :id)", { createdAt, id });
  }
  const rows = await qb
    .orderBy("c.created_at", "DESC")
    .addOrderBy("c.id", "DESC")
    .take(limit + 1)
    .getMany();
  for (const row of rows) ctx.loaders.candidatureById.prime(row.id, row);
  return toConnection(rows, limit, totalCount, (c) => [c.createdAt.toISOString(), c.id]);
}
