/**
 * The decision chain after the GRALM: the (INTER-)CAEN's opinion, the rectors' decisions (one act per
 * académie of the candidature, an outcome per establishment) and the BOEN publication, which creates the
 * labels. Each use case: gate → authorization → the domain decides (`decision.ts`) → writes and audit
 * trail → the procedure's transition (history, CandidatureTransitioned) → its own event.
 */
import {
  CAEN_OPINION_LABELS,
  canRecordDecisions,
  decideBoenPublication,
  decideCaenOpinion,
  decideRectorDecision,
  formatFrenchDate,
  optionalDecisionText,
  RECTOR_OUTCOME_LABELS,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import type { Candidature } from "../candidature/candidature.entity";
import { openCandidature } from "../candidature/candidature.gate";
import { transitionCandidature } from "../procedure/procedure.service";
import { publishLabels } from "../label/label.service";
import { CaenOpinionRecord, RectorDecision } from "./decision.entity";
import {
  caenOpinionOf,
  decisionMembers,
  gralmHistory,
  proposingSessionDate,
  rectorDecisionsOf,
} from "./decision-facts";
import type {
  RecordBoenPublicationInput,
  RecordCaenOpinionInput,
  RecordRectorDecisionInput,
} from "./decision.input";

export async function recordCaenOpinion(
  tx: TransactionContext,
  input: RecordCaenOpinionInput,
): Promise<Candidature> {
  const gate = await openCandidature(tx, input.candidatureId);
  await authorize(tx, canRecordDecisions(requireViewer(tx)), "avis du CAEN");
  const c = gate.candidature;
  const recorded = await caenOpinionOf(tx.manager, c.id);
  decideCaenOpinion({
    state: c.state,
    opinionDate: input.opinionDate,
    today: tx.clock.today(),
    gralmSessionDate: proposingSessionDate(await gralmHistory(tx.manager, c.id)),
    recordedOn: recorded?.opinionDate ?? null,
  });
  const repo = tx.manager.getRepository(CaenOpinionRecord);
  const opinion = await repo.save(
    repo.create({
      candidatureId: c.id,
      opinionDate: input.opinionDate,
      opinion: input.opinion,
      comment: optionalDecisionText(input.comment, "Le commentaire"),
    }),
  );
  await recordChange(tx, "CaenOpinion", opinion.id, null, opinion);
  const after = await transitionCandidature(
    tx,
    {
      candidatureId: c.id,
      transition: "RECORD_CAEN_OPINION",
      comment: `${CAEN_OPINION_LABELS[input.opinion]} du CAEN (séance du ${formatFrenchDate(input.opinionDate)}).`,
    },
    { effectiveDate: input.opinionDate },
  );
  await tx.publish({
    type: "CaenOpinionRecorded",
    candidatureId: c.id,
    opinion: input.opinion,
    opinionDate: input.opinionDate,
  });
  return after;
}

/**
 * Records one académie's rector's decision for the candidature's establishments in that académie. Once
 * every académie has decided, the candidature is approved (one establishment approved at least: only
 * the approved ones will be labelled) or refused.
 */
export async function recordRectorDecision(
  tx: TransactionContext,
  input: RecordRectorDecisionInput,
): Promise<Candidature> {
  const gate = await openCandidature(tx, input.candidatureId);
  await authorize(tx, canRecordDecisions(requireViewer(tx)), "décision du recteur");
  const c = gate.candidature;
  const members = await decisionMembers(tx.manager, gate.members);
  const { facts: recorded } = await rectorDecisionsOf(tx.manager, c.id);
  const comment = optionalDecisionText(input.comment, "Le commentaire");
  const { decisions, outcome } = decideRectorDecision({
    state: c.state,
    today: tx.clock.today(),
    caenOpinionDate: (await caenOpinionOf(tx.manager, c.id))?.opinionDate ?? null,
    academieCode: input.academieCode,
    decidedOn: input.decidedOn,
    members,
    recorded,
    outcomes: input.outcomes,
  });
  const repo = tx.manager.getRepository(RectorDecision);
  for (const d of decisions) {
    const row = await repo.save(
      repo.create({
        candidatureId: c.id,
        establishmentId: d.establishmentId,
        academieCode: d.academieCode,
        decidedOn: d.decidedOn,
        outcome: d.outcome,
        comment,
      }),
    );
    await recordChange(tx, "RectorDecision", row.id, null, row);
  }
  let after: Candidature = c;
  if (outcome.transition && outcome.lastDecidedOn) {
    const summary = members
      .map((m) => {
        const d = [...recorded, ...decisions].find((x) => x.establishmentId === m.establishmentId);
        return `${m.establishmentName} : ${d ? RECTOR_OUTCOME_LABELS[d.outcome].toLowerCase() : "?"}`;
      })
      .join(" ; ");
    after = await transitionCandidature(
      tx,
      {
        candidatureId: c.id,
        transition: outcome.transition,
        comment: optionalText(`Décision du recteur — ${summary}.`, "commentaire", 2000),
      },
      { effectiveDate: outcome.lastDecidedOn },
    );
  }
  await tx.publish({
    type: "RectorDecisionRecorded",
    candidatureId: c.id,
    academieCode: decisions[0]?.academieCode ?? input.academieCode,
    decidedOn: input.decidedOn,
    outcomes: decisions.map((d) => ({ establishmentId: d.establishmentId, outcome: d.outcome })),
    complete: outcome.complete,
  });
  return after;
}

/**
 * Records the BOEN publication: the labels of the approved establishments (title, five years from the
 * publication, mid-term follow-up due date), then PUBLISH_LABEL with the publication date.
 */
export async function recordBoenPublication(
  tx: TransactionContext,
  input: RecordBoenPublicationInput,
): Promise<Candidature> {
  const gate = await openCandidature(tx, input.candidatureId);
  await authorize(tx, canRecordDecisions(requireViewer(tx)), "publication au BOEN");
  const c = gate.candidature;
  const { facts } = await rectorDecisionsOf(tx.manager, c.id);
  const intitule = input.labelTitle?.trim() ? input.labelTitle : c.labelTitle;
  const { labels } = decideBoenPublication({
    state: c.state,
    publicationDate: input.publicationDate,
    today: tx.clock.today(),
    intitule,
    decisions: facts,
  });
  await publishLabels(tx, {
    candidatureId: c.id,
    labels,
    boenReference: optionalText(input.boenReference, "référence du BOEN", 200),
  });
  return transitionCandidature(
    tx,
    {
      candidatureId: c.id,
      transition: "PUBLISH_LABEL",
      publicationDate: input.publicationDate,
      comment: `Publication au BOEN${input.boenReference?.trim() ? ` (${input.boenReference.trim()})` : ""} : ${labels[0]?.title ?? ""}.`,
    },
    { effectiveDate: input.publicationDate },
  );
}
