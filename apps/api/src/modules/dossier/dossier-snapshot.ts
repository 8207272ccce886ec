/**
 * The frozen dossier: at submission, everything the school filed is copied into one immutable,
 * fingerprinted snapshot that the auditors and the exports read (a change afterwards does not touch it).
 */
import { createHash } from "node:crypto";
import { DOSSIER_SNAPSHOT_VERSION, dossierSnapshotSchema } from "@ldm/contracts";
import type { TransactionContext } from "../../context";
import { recordChange } from "../audit-trail/audit-trail";
import type { Candidature } from "../candidature/candidature.entity";
import { leadOptionalCriterionVariant } from "../candidature/candidature-criteria";
import { DossierSnapshot, EvidenceRevision } from "../evidence/evidence.entity";
import { loadDossierRows, valuesOf } from "./dossier-data";

/** Freezes the dossier as submitted (called inside the submission's transaction). */
export async function freezeDossier(
  ctx: TransactionContext,
  c: Candidature,
  submittedAt: Date,
): Promise<DossierSnapshot> {
  const rows = await loadDossierRows(ctx.manager, c);
  const revisions = await ctx.manager
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
    schemaVersion: DOSSIER_SNAPSHOT_VERSION,
    candidature: {
      id: c.id,
      kind: c.kind,
      awardType: c.awardType,
      referentialVersion: c.referentialVersion,
      labelTitle: c.labelTitle,
      optionalCriterionVariant: leadOptionalCriterionVariant(rows.members),
      auditDate: c.auditDate,
    },
    members: rows.members.map((m) => ({
      establishmentId: m.establishmentId,
      name: rows.establishments.find((e) => e.id === m.establishmentId)?.name ?? null,
      uai: rows.establishments.find((e) => e.id === m.establishmentId)?.uai ?? null,
      isLead: m.isLead,
      engagementLetterOn: m.engagementLetterOn,
      boardMinutesOn: m.boardMinutesOn,
      optionalCriterionVariant: m.optionalCriterionVariant,
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
          uploadedAt: r.createdAt.toISOString(),
        })),
    })),
  };
  // The contract is checked before anything is stored: a drift fails the submission, not a later read.
  const json = JSON.stringify(dossierSnapshotSchema.parse(JSON.parse(JSON.stringify(content))));
  const repo = ctx.manager.getRepository(DossierSnapshot);
  const snapshot = await repo.save(
    repo.create({
      candidatureId: c.id,
      submittedAt,
      sha256: createHash("sha256").update(json).digest("hex"),
      content: JSON.parse(json) as Record<string, unknown>,
    }),
  );
  await recordChange(ctx, "DossierSnapshot", snapshot.id, null, {
    sha256: snapshot.sha256,
    submittedAt,
  });
  return snapshot;
}
