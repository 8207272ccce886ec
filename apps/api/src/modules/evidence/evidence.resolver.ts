/**
 * Metadata of the evidence library over GraphQL (the files themselves go through `/files/evidence`):
 * changing an evidence's title, kind, date or criteria, and deleting it.
 */
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { assertSupportedCriteria, canEditSupportingItem, isIsoDate } from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { badInput, notFound } from "../../common/errors";
import { authorize, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { requiredText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { CriterionResponse } from "../candidature/candidature.entity";
import { openCandidature } from "../candidature/candidature.gate";
import { touchCandidature } from "../candidature/candidature.service";
import { Evidence, EvidenceRevision } from "./evidence.entity";
import { DeleteEvidenceInput, UpdateEvidenceInput } from "./evidence.input";

const INPUT = { description: "Données de l'opération." };
const WHAT = "La pièce justificative";

/**
 * Loads an evidence and locks its candidature (an unseen one answers NOT_FOUND about the evidence), then
 * checks that the candidature is still editable and that the caller may edit every criterion the
 * evidence supports, and those it will support (`criteriaOf`, validated against the referential).
 */
async function lockEvidence(
  ctx: TransactionContext,
  evidenceId: string,
  criteriaOf: (referentialVersion: string) => string[] = () => [],
) {
  assertUuidOrNotFound(WHAT, evidenceId);
  const found = await ctx.manager.getRepository(Evidence).findOneBy({ id: evidenceId });
  if (!found) throw notFound(WHAT, evidenceId);
  const gate = await openCandidature(ctx, found.candidatureId, { what: WHAT, id: evidenceId });
  const { candidature: c, facts } = gate;
  // Read again under the lock: it may have changed or gone meanwhile.
  const evidence = await ctx.manager.getRepository(Evidence).findOneBy({ id: evidenceId });
  if (!evidence) throw notFound(WHAT, evidenceId);
  const criterionCodes = criteriaOf(c.referentialVersion);
  const touched = [...new Set([...evidence.criterionCodes, ...criterionCodes])];
  await authorize(
    ctx,
    canEditSupportingItem(requireViewer(ctx), facts, evidence.establishmentId ?? "", touched),
    `pièce justificative (critères ${touched.join(", ")})`,
  );
  gate.assertSchoolEditable();
  return { evidence, criterionCodes, gate };
}

/** True when an optional input field was given (GraphQL sends null or leaves it out otherwise). */
function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

export async function updateEvidence(
  ctx: TransactionContext,
  input: UpdateEvidenceInput,
): Promise<Evidence> {
  const codes = input.criterionCodes;
  const { evidence, criterionCodes, gate } = await lockEvidence(ctx, input.evidenceId, (v) =>
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
  const repo = ctx.manager.getRepository(Evidence);
  await repo.update({ id: evidence.id }, changes);
  const after = await repo.findOneByOrFail({ id: evidence.id });
  await recordChange(ctx, "Evidence", evidence.id, evidence, after);
  await touchCandidature(ctx, gate.candidature, "pièce justificative");
  return after;
}

/** Deletes an evidence and its revisions; their files are released after the commit. */
export async function deleteEvidence(
  ctx: TransactionContext,
  input: DeleteEvidenceInput,
): Promise<void> {
  const { evidence, gate } = await lockEvidence(ctx, input.evidenceId);
  const citing = await ctx.manager
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
  const revisions = await ctx.manager
    .getRepository(EvidenceRevision)
    .findBy({ evidenceId: evidence.id });
  for (const r of revisions) await recordChange(ctx, "EvidenceRevision", r.id, r, null);
  await ctx.manager.getRepository(EvidenceRevision).delete({ evidenceId: evidence.id });
  await ctx.manager.getRepository(Evidence).delete({ id: evidence.id });
  await recordChange(ctx, "Evidence", evidence.id, evidence, null);
  await touchCandidature(ctx, gate.candidature, "pièce justificative");
  // Removed after the commit if nothing else references them.
  await ctx.publish({
    type: "FilesReleased",
    sha256: [...new Set(revisions.map((r) => r.sha256))],
  });
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
    return ctx.transaction((tx) => updateEvidence(tx, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Supprime une pièce justificative et toutes ses versions ; refusé tant qu'une réponse du dossier la cite. Ses fichiers sont effacés s'ils ne servent plus ailleurs.",
  })
  async deleteEvidence(
    @Arg("input", () => DeleteEvidenceInput, INPUT) input: DeleteEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await ctx.transaction((tx) => deleteEvidence(tx, input));
    return true;
  }
}
