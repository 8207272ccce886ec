/** Indicators and their values, per school year. */
import {
  assertSchoolYear,
  assertSupportedCriteria,
  canEditSupportingItem,
  requireIndicatorShape,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { badInput, notFound } from "../../common/errors";
import { authorize, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { optionalText, requiredText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { openCandidature } from "../candidature/candidature.gate";
import { touchCandidature } from "../candidature/candidature.service";
import { Indicator, IndicatorValue } from "./indicator.entity";
import type {
  CreateIndicatorInput,
  DeleteIndicatorInput,
  RemoveIndicatorValueInput,
  SetIndicatorValueInput,
  UpdateIndicatorInput,
} from "./dossier.input";

/** Loads an indicator, then locks its candidature with the caller's visibility and edit rights. */
async function lockIndicator(ctx: TransactionContext, indicatorId: string) {
  assertUuidOrNotFound("L'indicateur", indicatorId);
  const indicator = await ctx.manager.getRepository(Indicator).findOneBy({ id: indicatorId });
  if (!indicator) throw notFound("L'indicateur", indicatorId);
  const gate = await openCandidature(ctx, indicator.candidatureId, {
    what: "L'indicateur",
    id: indicatorId,
  });
  const { candidature: c, facts } = gate;
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
  gate.assertSchoolEditable();
  return { indicator, c, facts, gate };
}

export async function createIndicator(
  ctx: TransactionContext,
  input: CreateIndicatorInput,
): Promise<Indicator> {
  const gate = await openCandidature(ctx, input.candidatureId);
  const { candidature: c, facts } = gate;
  gate.member(input.establishmentId);
  const criterionCodes = assertSupportedCriteria(c.referentialVersion, input.criterionCodes);
  await authorize(
    ctx,
    canEditSupportingItem(requireViewer(ctx), facts, input.establishmentId, criterionCodes),
    "indicateur",
  );
  gate.assertSchoolEditable();
  const unit = optionalText(input.unit, "unité", 40);
  requireIndicatorShape(input.kind, unit);
  const repo = ctx.manager.getRepository(Indicator);
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
  await recordChange(ctx, "Indicator", created.id, null, created);
  await touchCandidature(ctx, c, "indicateur");
  return created;
}

export async function updateIndicator(
  ctx: TransactionContext,
  input: UpdateIndicatorInput,
): Promise<Indicator> {
  const { indicator, c, facts } = await lockIndicator(ctx, input.indicatorId);
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
  const repo = ctx.manager.getRepository(Indicator);
  await repo.update({ id: indicator.id }, changes);
  const after = await repo.findOneByOrFail({ id: indicator.id });
  await recordChange(ctx, "Indicator", indicator.id, indicator, after);
  await touchCandidature(ctx, c, "indicateur");
  return after;
}

export async function deleteIndicator(
  ctx: TransactionContext,
  input: DeleteIndicatorInput,
): Promise<boolean> {
  const { indicator, c } = await lockIndicator(ctx, input.indicatorId);
  const values = await ctx.manager
    .getRepository(IndicatorValue)
    .findBy({ indicatorId: indicator.id });
  for (const v of values) await recordChange(ctx, "IndicatorValue", v.id, v, null);
  await ctx.manager.getRepository(Indicator).delete({ id: indicator.id });
  await recordChange(ctx, "Indicator", indicator.id, indicator, null);
  await touchCandidature(ctx, c, "indicateur");
  return true;
}

export async function setIndicatorValue(
  ctx: TransactionContext,
  input: SetIndicatorValueInput,
): Promise<Indicator> {
  const { indicator, c } = await lockIndicator(ctx, input.indicatorId);
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
  const repo = ctx.manager.getRepository(IndicatorValue);
  const existing = await repo.findOneBy({ indicatorId: indicator.id, schoolYear });
  if (existing) {
    await repo.update({ id: existing.id }, { numericValue, textValue });
    await recordChange(
      ctx,
      "IndicatorValue",
      existing.id,
      existing,
      await repo.findOneByOrFail({ id: existing.id }),
    );
  } else {
    const created = await repo.save(
      repo.create({ indicatorId: indicator.id, schoolYear, numericValue, textValue }),
    );
    await recordChange(ctx, "IndicatorValue", created.id, null, created);
  }
  await touchCandidature(ctx, c, "valeur d'indicateur");
  return indicator;
}

export async function removeIndicatorValue(
  ctx: TransactionContext,
  input: RemoveIndicatorValueInput,
): Promise<Indicator> {
  const { indicator, c } = await lockIndicator(ctx, input.indicatorId);
  const schoolYear = assertSchoolYear(input.schoolYear);
  const repo = ctx.manager.getRepository(IndicatorValue);
  const existing = await repo.findOneBy({ indicatorId: indicator.id, schoolYear });
  if (!existing) throw notFound("La valeur de l'année", schoolYear);
  await repo.delete({ id: existing.id });
  await recordChange(ctx, "IndicatorValue", existing.id, existing, null);
  await touchCandidature(ctx, c, "valeur d'indicateur");
  return indicator;
}
