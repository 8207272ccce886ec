/** Indicators, submission approvals and the frozen dossier. */
import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import {
  assertSchoolYear,
  assertSupportedCriteria,
  canApproveSubmission,
  canEditSupportingItem,
  requireIndicatorShape,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { AppError, badInput, notFound } from "../../common/errors";
import { authorize, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { optionalText, requiredText } from "../../common/text";
import { recordChange } from "../audit/audit-trail";
import type { Candidature } from "../candidature/candidature.entity";
import { CoApplicant } from "../candidature/candidature.entity";
import {
  assertMember,
  assertSchoolEditable,
  lockCandidature,
} from "../candidature/candidature.service";
import { DossierSnapshot, EvidenceRevision } from "../evidence/evidence.entity";
import { loadDossierRows, valuesOf } from "./dossier-data";
import { Indicator, IndicatorValue } from "./indicator.entity";
import type {
  ApproveSubmissionInput,
  CreateIndicatorInput,
  DeleteIndicatorInput,
  RemoveIndicatorValueInput,
  SetIndicatorValueInput,
  UpdateIndicatorInput,
} from "./dossier.input";

/** Loads an indicator, then locks its candidature with the caller's visibility and edit rights. */
async function lockIndicator(ctx: RequestContext, manager: EntityManager, indicatorId: string) {
  assertUuidOrNotFound("L'indicateur", indicatorId);
  const indicator = await manager.getRepository(Indicator).findOneBy({ id: indicatorId });
  if (!indicator) throw notFound("L'indicateur", indicatorId);
  const { c, facts } = await lockCandidature(ctx, manager, indicator.candidatureId, {
    what: "L'indicateur",
    id: indicatorId,
  });
  await authorize(
    ctx,
    canEditSupportingItem(
      requireViewer(ctx),
      facts,
      indicator.establishmentId,
      indicator.criterionCodes,
    ),
    "indicateur",
  );
  assertSchoolEditable(c);
  return { indicator, c, facts };
}

export async function createIndicator(
  ctx: RequestContext,
  manager: EntityManager,
  input: CreateIndicatorInput,
): Promise<Indicator> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  await assertMember(manager, c, input.establishmentId);
  const criterionCodes = assertSupportedCriteria(c.referentialVersion, input.criterionCodes);
  await authorize(
    ctx,
    canEditSupportingItem(requireViewer(ctx), facts, input.establishmentId, criterionCodes),
    "indicateur",
  );
  assertSchoolEditable(c);
  const unit = optionalText(input.unit, "unité", 40);
  requireIndicatorShape(input.kind, unit);
  const repo = manager.getRepository(Indicator);
  const created = await repo.save(
    repo.create({
      candidatureId: c.id,
      establishmentId: input.establishmentId,
      name: requiredText(input.name, "intitulé de l'indicateur", 200),
      kind: input.kind,
      unit,
      direction: input.direction,
      target: optionalText(input.target, "cible", 200),
      source: requiredText(input.source, "source", 200),
      criterionCodes,
    }),
  );
  await recordChange(ctx, manager, "Indicator", created.id, null, created);
  return created;
}

export async function updateIndicator(
  ctx: RequestContext,
  manager: EntityManager,
  input: UpdateIndicatorInput,
): Promise<Indicator> {
  const { indicator, c, facts } = await lockIndicator(ctx, manager, input.indicatorId);
  const changes: Partial<Indicator> = {};
  if (input.name != null) changes.name = requiredText(input.name, "intitulé de l'indicateur", 200);
  if (input.unit !== undefined) changes.unit = optionalText(input.unit, "unité", 40);
  if (input.direction != null) changes.direction = input.direction;
  if (input.target !== undefined) changes.target = optionalText(input.target, "cible", 200);
  if (input.source != null) changes.source = requiredText(input.source, "source", 200);
  if (input.criterionCodes != null) {
    changes.criterionCodes = assertSupportedCriteria(c.referentialVersion, input.criterionCodes);
    await authorize(
      ctx,
      canEditSupportingItem(
        requireViewer(ctx),
        facts,
        indicator.establishmentId,
        changes.criterionCodes,
      ),
      "indicateur",
    );
  }
  requireIndicatorShape(indicator.kind, changes.unit !== undefined ? changes.unit : indicator.unit);
  const repo = manager.getRepository(Indicator);
  await repo.update({ id: indicator.id }, changes);
  const after = await repo.findOneByOrFail({ id: indicator.id });
  await recordChange(ctx, manager, "Indicator", indicator.id, indicator, after);
  return after;
}

export async function deleteIndicator(
  ctx: RequestContext,
  manager: EntityManager,
  input: DeleteIndicatorInput,
): Promise<boolean> {
  const { indicator } = await lockIndicator(ctx, manager, input.indicatorId);
  const values = await manager.getRepository(IndicatorValue).findBy({ indicatorId: indicator.id });
  for (const v of values) await recordChange(ctx, manager, "IndicatorValue", v.id, v, null);
  await manager.getRepository(Indicator).delete({ id: indicator.id });
  await recordChange(ctx, manager, "Indicator", indicator.id, indicator, null);
  return true;
}

export async function setIndicatorValue(
  ctx: RequestContext,
  manager: EntityManager,
  input: SetIndicatorValueInput,
): Promise<Indicator> {
  const { indicator } = await lockIndicator(ctx, manager, input.indicatorId);
  const schoolYear = assertSchoolYear(input.schoolYear);
  const numericValue = input.numericValue ?? null;
  const textValue = optionalText(input.textValue, "appréciation", 2000);
  if (numericValue !== null && !Number.isFinite(numericValue))
    throw badInput("La valeur doit être un nombre fini.");
  if (indicator.kind === "QUANTITATIVE" && numericValue === null) {
    throw badInput(`Un indicateur quantitatif attend une valeur numérique pour ${schoolYear}.`);
  }
  if (indicator.kind === "QUALITATIVE" && textValue === null) {
    throw badInput(`Un indicateur qualitatif attend une appréciation pour ${schoolYear}.`);
  }
  const repo = manager.getRepository(IndicatorValue);
  const existing = await repo.findOneBy({ indicatorId: indicator.id, schoolYear });
  if (existing) {
    await repo.update({ id: existing.id }, { numericValue, textValue });
    await recordChange(
      ctx,
      manager,
      "IndicatorValue",
      existing.id,
      existing,
      await repo.findOneByOrFail({ id: existing.id }),
    );
  } else {
    const created = await repo.save(
      repo.create({ indicatorId: indicator.id, schoolYear, numericValue, textValue }),
    );
    await recordChange(ctx, manager, "IndicatorValue", created.id, null, created);
  }
  return indicator;
}

export async function removeIndicatorValue(
  ctx: RequestContext,
  manager: EntityManager,
  input: RemoveIndicatorValueInput,
): Promise<Indicator> {
  const { indicator } = await lockIndicator(ctx, manager, input.indicatorId);
  const schoolYear = assertSchoolYear(input.schoolYear);
  const repo = manager.getRepository(IndicatorValue);
  const existing = await repo.findOneBy({ indicatorId: indicator.id, schoolYear });
  if (!existing) throw notFound("La valeur de l'année", schoolYear);
  await repo.delete({ id: existing.id });
  await recordChange(ctx, manager, "IndicatorValue", existing.id, existing, null);
  return indicator;
}

export async function approveSubmission(
  ctx: RequestContext,
  manager: EntityManager,
  input: ApproveSubmissionInput,
): Promise<Candidature> {
  const { c, facts } = await lockCandidature(ctx, manager, input.candidatureId);
  const viewer = requireViewer(ctx);
  if (c.kind !== "NETWORK")
    throw badInput("Seule une candidature en réseau demande l'approbation des cocandidats.");
  await authorize(ctx, canApproveSubmission(viewer, facts), "approbation du dépôt");
  assertSchoolEditable(c);
  const repo = manager.getRepository(CoApplicant);
  const member = await repo.findOneByOrFail({
    candidatureId: c.id,
    establishmentId: viewer.establishmentId!,
  });
  if (member.submissionApprovedAt)
    throw new AppError("CONFLICT", "Le dépôt est déjà approuvé pour cet établissement.");
  await repo.update(
    { id: member.id },
    { submissionApprovedAt: new Date(), submissionApprovedBy: viewer.userId },
  );
  await recordChange(
    ctx,
    manager,
    "CoApplicant",
    member.id,
    member,
    await repo.findOneByOrFail({ id: member.id }),
  );
  return c;
}

/** Freezes the dossier as submitted (called inside the submission's transaction). */
export async function freezeDossier(
  ctx: RequestContext,
  manager: EntityManager,
  c: Candidature,
  submittedAt: Date,
): Promise<DossierSnapshot> {
  const rows = await loadDossierRows(manager, c);
  const revisions = await manager
    .getRepository(EvidenceRevision)
    .createQueryBuilder("r")
    .where("r.evidence_id IN (:...ids)", {
      ids: rows.evidence.length
        ? rows.evidence.map((e) => e.id)
        : ["00000000-0000-0000-0000-000000000000"],
    })
    .orderBy("r.revision", "ASC")
    .getMany();
  const content = {
    candidature: {
      id: c.id,
      kind: c.kind,
      awardType: c.awardType,
      referentialVersion: c.referentialVersion,
      labelTitle: c.labelTitle,
      optionalCriterionVariant: c.optionalCriterionVariant,
      auditDate: c.auditDate,
    },
    members: rows.members.map((m) => ({
      establishmentId: m.establishmentId,
      name: rows.establishments.find((e) => e.id === m.establishmentId)?.name ?? null,
      uai: rows.establishments.find((e) => e.id === m.establishmentId)?.uai ?? null,
      isLead: m.isLead,
      engagementLetterOn: m.engagementLetterOn,
      boardMinutesOn: m.boardMinutesOn,
    })),
    responses: rows.responses.map(({ candidature: _c, establishment: _e, ...r }) => r),
    commonStrategies: rows.commonStrategies.map(({ candidature: _c, ...s }) => s),
    pilots: rows.pilots.map((p) => ({
      establishmentId: p.establishmentId,
      criterionCode: p.criterionCode,
      userId: p.userId,
    })),
    indicators: rows.indicators.map(({ candidature: _c, establishment: _e, ...i }) => ({
      ...i,
      values: valuesOf(rows.values, i.id),
    })),
    evidence: rows.evidence.map(({ candidature: _c, establishment: _e, ...e }) => ({
      ...e,
      revisions: revisions
        .filter((r) => r.evidenceId === e.id)
        .map((r) => ({
          id: r.id,
          revision: r.revision,
          sha256: r.sha256,
          fileName: r.fileName,
          mediaType: r.mediaType,
          sizeBytes: r.sizeBytes,
        })),
    })),
  };
  const json = JSON.stringify(content);
  const repo = manager.getRepository(DossierSnapshot);
  const snapshot = await repo.save(
    repo.create({
      candidatureId: c.id,
      submittedAt,
      sha256: createHash("sha256").update(json).digest("hex"),
      content: JSON.parse(json) as Record<string, unknown>,
    }),
  );
  await recordChange(ctx, manager, "DossierSnapshot", snapshot.id, null, {
    sha256: snapshot.sha256,
    submittedAt,
  });
  return snapshot;
}
