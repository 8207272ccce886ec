/**
 * The renewal of a label. `startRenewal` opens a RENEWAL candidature from the establishment's current
 * label (or one expired less than twelve months ago), through the candidature module's creation (the
 * same checks: who may create, one open candidature per establishment, first award or renewal), then
 * pre-fills it from the dossier frozen at the previous submission (`renewal-prefill.ts`), each member
 * keeping its criterion 9. `renewalDiffOf` compares the renewal with the previous dossier, per
 * criterion.
 */
import { In, type EntityManager } from "typeorm";
import {
  dossierSnapshotSchema,
  snapshotMemberVariant,
  type DossierSnapshotContent,
} from "@ldm/contracts";
import {
  canStartRenewal,
  carriedExpectationIds,
  criteriaForMemberVariants,
  decideRenewal,
  renewableLabel,
  renewalDiff,
  renewalMembers,
  type OptionalCriterionVariant,
  type RenewalCriterionDiff,
  type RenewalDossierFacts,
} from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { labelsOf } from "../candidature/candidature-integrity";
import {
  createIndividualCandidature,
  createNetworkCandidature,
} from "../candidature/candidature.service";
import { loadDossierRowsBatched } from "../dossier/dossier-data";
import { Establishment } from "../establishment/establishment.entity";
import { DossierSnapshot } from "../evidence/evidence.entity";
import { Label } from "../label/label.entity";
import type { StartRenewalInput } from "./follow-up.input";
import { prefillRenewal } from "./renewal-prefill";

/** The dossier frozen at the latest submission of a candidature, or null. */
async function frozenDossier(
  manager: EntityManager,
  candidatureId: string,
): Promise<DossierSnapshotContent | null> {
  const snapshot = await manager
    .getRepository(DossierSnapshot)
    .findOne({ where: { candidatureId }, order: { submittedAt: "DESC" } });
  return snapshot ? dossierSnapshotSchema.parse(snapshot.content) : null;
}

/**
 * Starts the renewal of an establishment's label: its head or DRAFPIC. Refused (CONFLICT, nothing
 * written) when the establishment has no label, when its last one ended more than twelve months ago,
 * when a renewal of that label is already engaged, or when an establishment of the renewal is in
 * another open candidature.
 */
export async function startRenewal(
  tx: TransactionContext,
  input: StartRenewalInput,
): Promise<Candidature> {
  const viewer = requireViewer(tx);
  assertUuidOrNotFound("L'établissement", input.establishmentId);
  await authorize(tx, canStartRenewal(viewer, input.establishmentId), "renouvellement du label");
  // Locked until the end: two renewals of one label are serialised (the second sees the first).
  const lead = await tx.manager
    .getRepository(Establishment)
    .findOne({ where: { id: input.establishmentId }, lock: { mode: "for_no_key_update" } });
  if (!lead) throw notFound("L'établissement", input.establishmentId);
  const today = tx.clock.today();
  const labels = await labelsOf(tx.manager, lead.id);
  const renewals =
    labels.length === 0
      ? []
      : await tx.manager.getRepository(Candidature).find({
          where: { renewsCandidatureId: In(labels.map((l) => l.candidatureId)) },
          select: { id: true, renewsCandidatureId: true, state: true },
        });
  const renewed = decideRenewal({
    establishmentName: lead.name,
    labels,
    today,
    renewals: renewals.map((r) => ({
      renewsCandidatureId: r.renewsCandidatureId!,
      state: r.state,
    })),
  });
  const previousId = renewed.candidatureId;
  const content = await frozenDossier(tx.manager, previousId);
  if (!content) {
    throw new AppError(
      "CONFLICT",
      "Le dossier de la candidature labellisée n'a pas été figé lors de son dépôt : le renouvellement ne peut pas en être prérempli (créez une candidature de renouvellement sans préremplissage).",
      { candidatureId: previousId, reason: "NO_FROZEN_DOSSIER" },
    );
  }

  const previousMembers = await tx.manager
    .getRepository(CoApplicant)
    .find({ where: { candidatureId: previousId }, order: { isLead: "DESC", createdAt: "ASC" } });
  const establishments = await tx.manager
    .getRepository(Establishment)
    .findBy({ id: In(previousMembers.map((p) => p.establishmentId)) });
  const facts = [];
  for (const p of previousMembers) {
    const own = await labelsOf(tx.manager, p.establishmentId);
    const renewable = renewableLabel(own, today);
    facts.push({
      establishmentId: p.establishmentId,
      name: establishments.find((e) => e.id === p.establishmentId)?.name ?? p.establishmentId,
      // Its label to renew is the one this candidature obtained.
      renewable: own.find((l) => l === renewable)?.candidatureId === previousId,
    });
  }
  const { kind, members } = renewalMembers({
    leadEstablishmentId: lead.id,
    previousMembers: facts,
    requestedCoApplicantIds: input.coApplicantEstablishmentIds ?? null,
  });
  const variantOf = (establishmentId: string): OptionalCriterionVariant | null => {
    const frozen = content.members.find((x) => x.establishmentId === establishmentId);
    return frozen ? snapshotMemberVariant(content, frozen) : null;
  };
  const label = await tx.manager
    .getRepository(Label)
    .findOneBy({ candidatureId: previousId, establishmentId: lead.id });
  const title = label && label.title.length <= 200 ? label.title : null;

  const created =
    kind === "INDIVIDUAL"
      ? await createIndividualCandidature(tx, {
          establishmentId: lead.id,
          awardType: "RENEWAL",
          labelTitle: title,
          optionalCriterionVariant: variantOf(lead.id),
        })
      : await createNetworkCandidature(tx, {
          members,
          awardType: "RENEWAL",
          labelTitle: title,
          optionalCriterionVariant: variantOf(lead.id),
        });
  // Each co-applicant keeps its own criterion 9.
  const memberRepo = tx.manager.getRepository(CoApplicant);
  for (const member of await memberRepo.findBy({ candidatureId: created.id, isLead: false })) {
    const variant = variantOf(member.establishmentId);
    if (variant === null) continue;
    await memberRepo.update({ id: member.id }, { optionalCriterionVariant: variant });
    await recordChange(tx, "CoApplicant", member.id, member, {
      ...member,
      optionalCriterionVariant: variant,
    });
  }
  await prefillRenewal(
    tx,
    created,
    content,
    members.map((x) => ({ ...x, variant: variantOf(x.establishmentId) })),
  );
  await tx.publish({
    type: "RenewalStarted",
    candidatureId: created.id,
    renewsCandidatureId: previousId,
    establishmentIds: members.map((x) => x.establishmentId),
    labelEndDate: renewed.expiresOn,
  });
  return tx.manager.getRepository(Candidature).findOneByOrFail({ id: created.id });
}

/** The previous dossier as the diff reads it. */
function previousFacts(content: DossierSnapshotContent): RenewalDossierFacts {
  return {
    responses: content.responses,
    indicators: content.indicators,
    evidence: content.evidence.map((e) => ({
      id: e.id,
      establishmentId: e.establishmentId,
      title: e.title,
      effectiveDate: e.effectiveDate,
      criterionCodes: e.criterionCodes,
      sha256:
        (e.revisions.find((r) => r.revision === e.currentRevision) ?? e.revisions.at(-1))?.sha256 ??
        null,
    })),
  };
}

export interface RenewalDiffResult {
  renewsCandidatureId: string;
  criteria: RenewalCriterionDiff[];
  /**
   * The expectations ticked in the previous dossier that are still expectations of the renewal's
   * criterion, by `establishmentId:criterionCode` (offered to tick again: the ticks are reset).
   */
  previousExpectations: Map<string, string[]>;
}

/**
 * What changed in a renewal since the previous label, per criterion of the renewal (null for a first
 * award, or when the previous dossier was never frozen). Read through the request's DataLoaders.
 */
export async function renewalDiffOf(
  ctx: RequestContext,
  c: Candidature,
): Promise<RenewalDiffResult | null> {
  if (c.awardType !== "RENEWAL" || !c.renewsCandidatureId) return null;
  const [snapshot] = await ctx.loaders.snapshotsByCandidatureId.load(c.renewsCandidatureId);
  if (!snapshot) return null;
  const content = dossierSnapshotSchema.parse(snapshot.content);
  const rows = await loadDossierRowsBatched(ctx, c);
  const [revisions, origins] = await Promise.all([
    ctx.loaders.revisionsByEvidenceId.loadMany(rows.evidence.map((e) => e.id)),
    ctx.loaders.renewalOriginsByCandidatureId.load(c.id),
  ]);
  const current: RenewalDossierFacts = {
    responses: rows.responses,
    indicators: rows.indicators.map((i) => ({
      ...i,
      values: rows.values.filter((v) => v.indicatorId === i.id),
    })),
    evidence: rows.evidence.map((e, index) => {
      const list = revisions[index];
      const file = Array.isArray(list)
        ? list.find((r) => r.revision === e.currentRevision)
        : undefined;
      return { ...e, sha256: file?.sha256 ?? null };
    }),
  };
  const criteria = criteriaForMemberVariants(
    c.referentialVersion,
    rows.members.map((m) => m.optionalCriterionVariant),
  ).map((k) => k.code as string);
  const previousExpectations = new Map<string, string[]>();
  for (const r of content.responses) {
    previousExpectations.set(
      `${r.establishmentId}:${r.criterionCode}`,
      carriedExpectationIds(
        c.referentialVersion,
        c.kind,
        r.criterionCode,
        r.addressedExpectationIds,
      ),
    );
  }
  return {
    renewsCandidatureId: c.renewsCandidatureId,
    previousExpectations,
    criteria: renewalDiff({
      previous: previousFacts(content),
      current,
      origins: new Map(
        origins.map((o) => [o.indicatorId ?? o.evidenceId ?? "", o.previousId] as const),
      ),
      criterionCodes: criteria,
      establishmentIds: rows.members.map((m) => m.establishmentId),
      today: ctx.clock.today(),
    }),
  };
}
