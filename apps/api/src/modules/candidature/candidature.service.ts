/**
 * Candidatures: creation, co-applicants, the optional criterion, reads. Every rule comes from @ldm/domain;
 * every change goes through the candidature gate (`candidature.gate.ts`) inside the caller's transaction.
 */
import { In, type EntityManager } from "typeorm";
import {
  assertCanRemoveCoApplicant,
  assertValidMembership,
  criteriaForCandidature,
  CURRENT_REFERENTIAL_VERSION,
  getCriterion,
  canCreateCandidature,
  canManageCandidature,
  canReadCandidature,
  isSchoolRole,
  AUDITOR_VISIBLE_STATES,
  type CandidatureKind,
} from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { accessFactsOf, openCandidature } from "./candidature.gate";
import { badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { paginateByTime, type Connection } from "../../common/pagination";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit/audit-trail";
import { Establishment } from "../establishment/establishment.entity";
import { Candidature, CoApplicant, CriterionPilot, CriterionResponse } from "./candidature.entity";
import type {
  AddCoApplicantInput,
  CandidaturesArgs,
  CreateIndividualCandidatureInput,
  CreateNetworkCandidatureInput,
  RemoveCoApplicantInput,
  SetOptionalCriterionInput,
} from "./candidature.input";

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

/** Checks that the criterion exists in the referential and belongs to this candidature. */
export function assertCandidatureCriterion(c: Candidature, code: string): string {
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

async function createCandidature(
  ctx: TransactionContext,
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
    ctx.manager,
    members.map((m) => m.establishmentId),
  );
  const repo = ctx.manager.getRepository(Candidature);
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
  await recordChange(ctx, "Candidature", candidature.id, null, candidature);
  const memberRepo = ctx.manager.getRepository(CoApplicant);
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
  for (const m of saved) await recordChange(ctx, "CoApplicant", m.id, null, m);
  return candidature;
}

export function createIndividualCandidature(
  ctx: TransactionContext,
  input: CreateIndividualCandidatureInput,
): Promise<Candidature> {
  return createCandidature(ctx, "INDIVIDUAL", input, [
    { establishmentId: input.establishmentId, isLead: true },
  ]);
}

export function createNetworkCandidature(
  ctx: TransactionContext,
  input: CreateNetworkCandidatureInput,
): Promise<Candidature> {
  return createCandidature(
    ctx,
    "NETWORK",
    input,
    input.members.map((m) => ({ ...m })),
  );
}

export async function addCoApplicant(
  ctx: TransactionContext,
  input: AddCoApplicantInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "ajout de cocandidat");
  gate.assertSchoolEditable();
  if (c.kind !== "NETWORK") {
    throw badInput(
      "Une candidature individuelle n'a pas d'établissement cocandidat : créez une candidature en réseau.",
    );
  }
  await loadEstablishments(ctx.manager, [input.establishmentId]);
  const members = gate.members;
  assertValidMembership("NETWORK", [
    ...members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    { establishmentId: input.establishmentId, isLead: input.isLead },
  ]);
  const repo = ctx.manager.getRepository(CoApplicant);
  const member = await repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: input.establishmentId,
      isLead: input.isLead,
      engagementLetterOn: null,
      boardMinutesOn: null,
    }),
  );
  await recordChange(ctx, "CoApplicant", member.id, null, member);
  return touchCandidature(ctx, c);
}

export async function removeCoApplicant(
  ctx: TransactionContext,
  input: RemoveCoApplicantInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "retrait de cocandidat");
  gate.assertSchoolEditable();
  assertUuidOrNotFound("L'établissement", input.establishmentId);
  const members = gate.members;
  assertCanRemoveCoApplicant(
    c.kind,
    members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    input.establishmentId,
  );
  const where = { candidatureId: c.id, establishmentId: input.establishmentId };
  for (const [type, repo] of [
    ["CriterionResponse", ctx.manager.getRepository(CriterionResponse)],
    ["CriterionPilot", ctx.manager.getRepository(CriterionPilot)],
    ["CoApplicant", ctx.manager.getRepository(CoApplicant)],
  ] as const) {
    const rows: { id: string }[] = await repo.findBy(where);
    for (const row of rows) await recordChange(ctx, type, row.id, row, null);
    await repo.delete(where);
  }
  return touchCandidature(ctx, c);
}

/**
 * Marks the candidature as changed (its `updatedAt`) after a change of its dossier, and tells the
 * procedure (co-applicants' approvals given before no longer hold).
 */
export async function touchCandidature(
  ctx: TransactionContext,
  c: Candidature,
  /** What changed in the dossier; null for a change of the procedure (auditors, engagement). */
  what: string | null = "dossier",
): Promise<Candidature> {
  const repo = ctx.manager.getRepository(Candidature);
  await repo.update({ id: c.id }, { updatedAt: ctx.clock.now() });
  if (what !== null) await ctx.publish({ type: "DossierChanged", candidatureId: c.id, what });
  return repo.findOneByOrFail({ id: c.id });
}

/** Updates the candidature row and records the change. */
/** Writes `changes` to the candidature and records them in the audit trail. */
export async function updateCandidature(
  ctx: TransactionContext,
  c: Candidature,
  changes: Partial<Candidature>,
): Promise<Candidature> {
  const repo = ctx.manager.getRepository(Candidature);
  await repo.update({ id: c.id }, changes);
  const after = await repo.findOneByOrFail({ id: c.id });
  await recordChange(ctx, "Candidature", c.id, c, after);
  return after;
}

export async function setOptionalCriterion(
  ctx: TransactionContext,
  input: SetOptionalCriterionInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  await authorize(ctx, canManageCandidature(requireViewer(ctx), facts), "critère 9");
  gate.assertSchoolEditable();
  return updateCandidature(ctx, c, { optionalCriterionVariant: input.variant ?? null });
}

export async function canViewerRead(ctx: RequestContext, c: Candidature): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (viewer.role === "DRAFPIC" || viewer.role === "ANALYST") return true;
  const [members, auditors, pilots] = await Promise.all([
    ctx.loaders.membersByCandidatureId.load(c.id),
    ctx.loaders.auditorsByCandidatureId.load(c.id),
    ctx.loaders.pilotsByCandidatureId.load(c.id),
  ]);
  return canReadCandidature(viewer, accessFactsOf(c, members, auditors, pilots));
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
