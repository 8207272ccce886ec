/**
 * Candidatures: creation, co-applicants, the optional criterion, reads. Every rule comes from @ldm/domain;
 * every change goes through the candidature gate (`candidature.gate.ts`) inside the caller's transaction.
 */
import { In, type EntityManager } from "typeorm";
import {
  assertCanRemoveCoApplicant,
  assertValidMembership,
  CURRENT_REFERENTIAL_VERSION,
  canChooseOptionalCriterion,
  canCreateCandidature,
  canManageCandidature,
  canReadCandidature,
  isSchoolRole,
  AUDITOR_VISIBLE_STATES,
  type CandidatureKind,
  canReadEveryCandidature,
  readsAssignedCandidatures,
} from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { accessFactsOf, openCandidature } from "./candidature.gate";
import { assertNoOtherOpenCandidature, decideAwardType } from "./candidature-integrity";
import { badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { paginateByTime, type Connection } from "../../common/pagination";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
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
  // Locked (in a stable order) until the end of the transaction: two candidatures cannot both take
  // an establishment that has none open.
  const rows = await manager.getRepository(Establishment).find({
    where: { id: In(ids) },
    order: { id: "ASC" },
    lock: { mode: "for_no_key_update" },
  });
  const map = new Map(rows.map((e) => [e.id, e]));
  for (const id of ids) if (!map.has(id)) throw notFound("L'établissement", id);
  return map;
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
  const establishments = await loadEstablishments(
    ctx.manager,
    members.map((m) => m.establishmentId),
  );
  // One open candidature per establishment; a first award or a renewal, as their labels say.
  await assertNoOtherOpenCandidature(ctx.manager, [...establishments.values()]);
  const renewsCandidatureId = await decideAwardType(ctx.manager, {
    awardType: input.awardType,
    // assertValidMembership: exactly one lead.
    lead: establishments.get(lead?.establishmentId ?? "")!,
    establishments: [...establishments.values()],
    today: ctx.clock.today(),
  });
  const repo = ctx.manager.getRepository(Candidature);
  const candidature = await repo.save(
    repo.create({
      kind,
      awardType: input.awardType,
      state: "ENGAGEMENT",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: optionalText(input.labelTitle, "intitulé du label"),
      auditDate: null,
      publicationDate: null,
      submittedAt: null,
      renewsCandidatureId,
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
        // The creator chooses for the lead only: each co-applicant's head chooses its own.
        optionalCriterionVariant: m.isLead ? (input.optionalCriterionVariant ?? null) : null,
        engagementLetterOn: null,
        boardMinutesOn: null,
      }),
    ),
  );
  for (const m of saved) await recordChange(ctx, "CoApplicant", m.id, null, m);
  await ctx.publish({ type: "CandidatureCreated", candidatureId: candidature.id });
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
  const establishment = (await loadEstablishments(ctx.manager, [input.establishmentId])).get(
    input.establishmentId,
  )!;
  const members = gate.members;
  assertValidMembership("NETWORK", [
    ...members.map((m) => ({ establishmentId: m.establishmentId, isLead: m.isLead })),
    { establishmentId: input.establishmentId, isLead: input.isLead },
  ]);
  await assertNoOtherOpenCandidature(ctx.manager, [establishment], c.id);
  if (c.awardType === "FIRST_AWARD") {
    await decideAwardType(ctx.manager, {
      awardType: c.awardType,
      lead: establishment,
      establishments: [establishment],
      today: ctx.clock.today(),
    });
  }
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

/**
 * An establishment chooses, changes or drops its criterion 9 (« au choix de l'établissement »): in a
 * network each co-applicant for itself, so the establishment is required there. Answers already given
 * on a variant are kept (they count again if the variant is chosen again).
 */
export async function setOptionalCriterion(
  ctx: TransactionContext,
  input: SetOptionalCriterionInput,
): Promise<Candidature> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  const establishmentId =
    input.establishmentId ?? (c.kind === "INDIVIDUAL" ? facts.leadEstablishmentId : null);
  if (!establishmentId) {
    throw badInput(
      "Dans une candidature en réseau, chaque établissement choisit son critère 9 : indiquez l'établissement concerné.",
    );
  }
  const member = gate.member(establishmentId);
  await authorize(
    ctx,
    canChooseOptionalCriterion(requireViewer(ctx), facts, establishmentId),
    "critère 9",
  );
  gate.assertSchoolEditable();
  const variant = input.variant ?? null;
  if (variant === member.optionalCriterionVariant) return c;
  const repo = ctx.manager.getRepository(CoApplicant);
  await repo.update({ id: member.id }, { optionalCriterionVariant: variant });
  await recordChange(
    ctx,
    "CoApplicant",
    member.id,
    member,
    await repo.findOneByOrFail({ id: member.id }),
  );
  return touchCandidature(ctx, c, "critère 9");
}

export async function canViewerRead(ctx: RequestContext, c: Candidature): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (canReadEveryCandidature(viewer)) return true;
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
  } else if (readsAssignedCandidatures(viewer)) {
    qb.andWhere(
      // Assigned, and the declaration of independence signed (canReadCandidature).
      "EXISTS (SELECT 1 FROM candidature_auditor v WHERE v.candidature_id = c.id AND v.user_id = :viewerId AND v.declaration_signed_at IS NOT NULL)",
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
