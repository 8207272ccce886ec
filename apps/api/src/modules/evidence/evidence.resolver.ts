/**
 * Metadata of the evidence library over GraphQL (the files themselves go through `/files/evidence`):
 * changing an evidence's title, kind, date or criteria, and deleting it.
 */
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { assertSupportedCriteria, canEditSupportingItem, isIsoDate } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { badInput, notFound } from "../../common/errors";
import { authorize, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { log } from "../../common/logger";
import { requiredText } from "../../common/text";
import { recordChange } from "../audit/audit-trail";
import { CriterionResponse } from "../candidature/candidature.entity";
import { assertSchoolEditable, lockCandidature } from "../candidature/candidature.service";
import { Evidence, EvidenceRevision } from "./evidence.entity";
import { DeleteEvidenceInput, UpdateEvidenceInput } from "./evidence.input";
import { fileStorageOf, releaseQuietly } from "./evidence-files";

const INPUT = { description: "Données de l'opération." };
const WHAT = "La pièce justificative";

/**
 * Loads an evidence and locks its candidature (an unseen one answers NOT_FOUND about the evidence), then
 * checks that the candidature is still editable and that the caller may edit every criterion the
 * evidence supports, and those it will support (`criteriaOf`, validated against the referential).
 */
async function lockEvidence(
  ctx: RequestContext,
  manager: EntityManager,
  evidenceId: string,
  criteriaOf: (referentialVersion: string) => string[] = () => [],
) {
  assertUuidOrNotFound(WHAT, evidenceId);
  const found = await manager.getRepository(Evidence).findOneBy({ id: evidenceId });
  if (!found) throw notFound(WHAT, evidenceId);
  const { c, facts } = await lockCandidature(ctx, manager, found.candidatureId, {
    what: WHAT,
    id: evidenceId,
  });
  // Read again under the lock: it may have changed or gone meanwhile.
  const evidence = await manager.getRepository(Evidence).findOneBy({ id: evidenceId });
  if (!evidence) throw notFound(WHAT, evidenceId);
  const criterionCodes = criteriaOf(c.referentialVersion);
  const touched = [...new Set([...evidence.criterionCodes, ...criterionCodes])];
  await authorize(
    ctx,
    canEditSupportingItem(requireViewer(ctx), facts, evidence.establishmentId ?? "", touched),
    `pièce justificative (critères ${touched.join(", ")})`,
  );
  assertSchoolEditable(c);
  return { evidence, criterionCodes };
}

/** True when an optional input field was given (GraphQL sends null or leaves it out otherwise). */
function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

export async function updateEvidence(
  ctx: RequestContext,
  manager: EntityManager,
  input: UpdateEvidenceInput,
): Promise<Evidence> {
  const codes = input.criterionCodes;
  const { evidence, criterionCodes } = await lockEvidence(ctx, manager, input.evidenceId, (v) =>
    given(codes) ? assertSupportedCriteria(v, codes) : [],
  );
  const changes: Partial<Evidence> = {};
  if (given(input.title)) changes.title = requiredText(input.title, "titre de la pièce", 200);
  if (given(input.kind)) changes.kind = input.kind;
  if (given(input.effectiveDate)) {
    if (!isIsoDate(input.effectiveDate)) {
      throw badInput(
        `La date « ${input.effectiveDate} » est invalide : le format attendu est AAAA-MM-JJ.`,
      );
    }
    changes.effectiveDate = input.effectiveDate;
  }
  if (given(codes)) changes.criterionCodes = criterionCodes;
  if (Object.keys(changes).length === 0) return evidence;
  const repo = manager.getRepository(Evidence);
  await repo.update({ id: evidence.id }, changes);
  const after = await repo.findOneByOrFail({ id: evidence.id });
  await recordChange(ctx, manager, "Evidence", evidence.id, evidence, after);
  return after;
}

/** Deletes an evidence and its revisions; returns the content addresses its files had. */
export async function deleteEvidence(
  ctx: RequestContext,
  manager: EntityManager,
  input: DeleteEvidenceInput,
): Promise<string[]> {
  const { evidence } = await lockEvidence(ctx, manager, input.evidenceId);
  const citing = await manager
    .getRepository(CriterionResponse)
    .createQueryBuilder("r")
    .where("r.candidature_id = :candidatureId", { candidatureId: evidence.candidatureId })
    .andWhere(":evidenceId = ANY(r.cited_evidence_ids)", { evidenceId: evidence.id })
    .orderBy("r.criterion_code", "ASC")
    .getMany();
  if (citing.length > 0) {
    const codes = [...new Set(citing.map((r) => r.criterionCode))];
    throw badInput(
      `La pièce « ${evidence.title} » est citée par la réponse au${codes.length > 1 ? "x" : ""} critère${codes.length > 1 ? "s" : ""} ${codes.join(", ")} : retirez-la d'abord de ${codes.length > 1 ? "ces réponses" : "cette réponse"}.`,
      { criterionCodes: codes },
    );
  }
  const revisions = await manager
    .getRepository(EvidenceRevision)
    .findBy({ evidenceId: evidence.id });
  for (const r of revisions) await recordChange(ctx, manager, "EvidenceRevision", r.id, r, null);
  await manager.getRepository(EvidenceRevision).delete({ evidenceId: evidence.id });
  await manager.getRepository(Evidence).delete({ id: evidence.id });
  await recordChange(ctx, manager, "Evidence", evidence.id, evidence, null);
  return [...new Set(revisions.map((r) => r.sha256))];
}

@Resolver()
export class EvidenceResolver {
  @Mutation(() => Evidence, {
    description:
      "Modifie le titre, la nature, la date ou les critères d'une pièce justificative (le fichier se remplace par un nouvel envoi, qui en ajoute une version).",
  })
  updateEvidence(
    @Arg("input", () => UpdateEvidenceInput, INPUT) input: UpdateEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Evidence> {
    return ctx.transaction((tx) => updateEvidence(ctx, tx, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Supprime une pièce justificative et toutes ses versions ; refusé tant qu'une réponse du dossier la cite. Ses fichiers sont effacés s'ils ne servent plus ailleurs.",
  })
  async deleteEvidence(
    @Arg("input", () => DeleteEvidenceInput, INPUT) input: DeleteEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    const addresses = await ctx.transaction((tx) => deleteEvidence(ctx, tx, input));
    // After the commit only: a rolled-back deletion must still find its files.
    const storage = fileStorageOf(ctx.dataSource);
    if (!storage) {
      log("warn", "pièce supprimée sans stockage de fichiers configuré", { addresses });
      return true;
    }
    for (const sha256 of addresses) await releaseQuietly(ctx.dataSource, storage, sha256);
    return true;
  }
}
