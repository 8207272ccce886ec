/**
 * Everything the dossier rules need about one candidature, loaded either inside a transaction (for a
 * mutation's guard) or through the request's DataLoaders (for queries), then handed to the domain.
 */
import { In, type EntityManager } from "typeorm";
import type { ReadinessInput } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { Establishment } from "../establishment/establishment.entity";
import {
  Candidature,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../candidature/candidature.entity";
import { Evidence } from "../evidence/evidence.entity";
import { Indicator, IndicatorValue } from "./indicator.entity";

export interface DossierRows {
  candidature: Candidature;
  members: CoApplicant[];
  establishments: Establishment[];
  responses: CriterionResponse[];
  commonStrategies: CommonStrategy[];
  pilots: CriterionPilot[];
  indicators: Indicator[];
  values: IndicatorValue[];
  evidence: Evidence[];
}

/** Loads the rows inside a transaction (sequentially: one connection). */
export async function loadDossierRows(
  manager: EntityManager,
  c: Candidature,
): Promise<DossierRows> {
  const where = { candidatureId: c.id };
  const members = await manager
    .getRepository(CoApplicant)
    .find({ where, order: { isLead: "DESC", createdAt: "ASC" } });
  const establishments = await manager
    .getRepository(Establishment)
    .findBy({ id: In(members.map((m) => m.establishmentId)) });
  const responses = await manager.getRepository(CriterionResponse).findBy(where);
  const commonStrategies = await manager.getRepository(CommonStrategy).findBy(where);
  const pilots = await manager.getRepository(CriterionPilot).findBy(where);
  const indicators = await manager
    .getRepository(Indicator)
    .find({ where, order: { createdAt: "ASC" } });
  const values =
    indicators.length === 0
      ? []
      : await manager.getRepository(IndicatorValue).find({
          where: { indicatorId: In(indicators.map((i) => i.id)) },
          order: { schoolYear: "ASC" },
        });
  const evidence = await manager
    .getRepository(Evidence)
    .find({ where, order: { effectiveDate: "DESC" } });
  return {
    candidature: c,
    members,
    establishments,
    responses,
    commonStrategies,
    pilots,
    indicators,
    values,
    evidence,
  };
}

/** Loads the same rows through the request's DataLoaders (batched across a page of candidatures). */
export async function loadDossierRowsBatched(
  ctx: RequestContext,
  c: Candidature,
): Promise<DossierRows> {
  const l = ctx.loaders;
  const [members, responses, commonStrategies, pilots, indicators, evidence] = await Promise.all([
    l.membersByCandidatureId.load(c.id),
    l.responsesByCandidatureId.load(c.id),
    l.commonStrategiesByCandidatureId.load(c.id),
    l.pilotsByCandidatureId.load(c.id),
    l.indicatorsByCandidatureId.load(c.id),
    l.evidenceByCandidatureId.load(c.id),
  ]);
  const [establishments, values] = await Promise.all([
    l.establishmentById.loadMany(members.map((m) => m.establishmentId)),
    l.valuesByIndicatorId.loadMany(indicators.map((i) => i.id)),
  ]);
  return {
    candidature: c,
    members,
    establishments: establishments.filter((e): e is Establishment => e instanceof Establishment),
    responses,
    commonStrategies,
    pilots,
    indicators,
    values: values.flatMap((v) => (Array.isArray(v) ? v : [])),
    evidence,
  };
}

/** The domain's readiness input from the stored rows. */
export function readinessInputOf(rows: DossierRows): ReadinessInput {
  const c = rows.candidature;
  const names = new Map(rows.establishments.map((e) => [e.id, e.name]));
  return {
    referentialVersion: c.referentialVersion,
    kind: c.kind,
    labelTitle: c.labelTitle,
    // Every member gives its own criterion 9 below: no candidature-level fallback is needed.
    optionalCriterionVariant: null,
    members: rows.members.map((m) => ({
      establishmentId: m.establishmentId,
      establishmentName: names.get(m.establishmentId) ?? m.establishmentId,
      isLead: m.isLead,
      engagementLetterOn: m.engagementLetterOn,
      boardMinutesOn: m.boardMinutesOn,
      submissionApprovedAt: m.submissionApprovedAt,
      optionalCriterionVariant: m.optionalCriterionVariant,
    })),
    responses: rows.responses.map((r) => ({
      establishmentId: r.establishmentId,
      criterionCode: r.criterionCode,
      steps: { PLANNED: r.planned, DONE: r.done, MEASURED: r.measured, IMPROVED: r.improved },
      selfAssessedLevel: r.selfAssessedLevel,
      addressedExpectationIds: r.addressedExpectationIds,
      metByEuroscol: r.metByEuroscol,
    })),
    commonStrategies: rows.commonStrategies,
    pilots: rows.pilots,
    indicators: rows.indicators.map((i) => ({
      establishmentId: i.establishmentId,
      criteria: i.criterionCodes,
      schoolYears: rows.values
        .filter(
          (v) =>
            v.indicatorId === i.id &&
            (v.numericValue !== null || (v.textValue ?? "").trim() !== ""),
        )
        .map((v) => v.schoolYear),
    })),
    evidence: rows.evidence.map((e) => ({
      establishmentId: e.establishmentId,
      criteria: e.criterionCodes,
      kind: e.kind,
    })),
  };
}

/** The values of one indicator, in school-year order, as plain data (snapshot, export). */
export function valuesOf(
  values: readonly IndicatorValue[],
  indicatorId: string,
): { schoolYear: string; numericValue: number | null; textValue: string | null }[] {
  return values
    .filter((v) => v.indicatorId === indicatorId)
    .map((v) => ({
      schoolYear: v.schoolYear,
      numericValue: v.numericValue,
      textValue: v.textValue,
    }));
}
