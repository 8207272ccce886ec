import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { AuditCommitment } from "../assessment/assessment.entity";
import { Candidature } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { CommitmentReview, MidTermReview, MidTermReviewAttendee } from "./follow-up.entity";
import { RecordMidTermReviewInput, StartRenewalInput } from "./follow-up.input";
import { RenewalDiff } from "./follow-up.type";
import { recordMidTermReview } from "./mid-term-review.service";
import { renewalDiffOf, startRenewal } from "./renewal.service";

@Resolver(() => MidTermReview)
export class MidTermReviewResolver {
  @Mutation(() => MidTermReview, {
    description:
      "Enregistre le suivi intermédiaire d'un label (DRAFPIC) : date, participants, constats, point sur chaque engagement ; la candidature passe à « Suivi intermédiaire effectué ».",
  })
  recordMidTermReview(
    @Arg("input", () => RecordMidTermReviewInput, { description: "Données de l'opération." })
    input: RecordMidTermReviewInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => recordMidTermReview(tx, input));
  }

  @FieldResolver(() => Candidature, { description: "Candidature labellisée suivie." })
  async candidature(@Root() r: MidTermReview, @Ctx() ctx: RequestContext): Promise<Candidature> {
    const found = await ctx.loaders.candidatureById.load(r.candidatureId);
    if (!found) throw new Error(`Candidature ${r.candidatureId} absente`);
    return found;
  }

  @FieldResolver(() => [MidTermReviewAttendee], { description: "Participants." })
  attendees(
    @Root() r: MidTermReview,
    @Ctx() ctx: RequestContext,
  ): Promise<MidTermReviewAttendee[]> {
    return ctx.loaders.midTermAttendeesByReviewId.load(r.id);
  }

  @FieldResolver(() => [CommitmentReview], {
    description: "Le point sur chaque engagement pris lors de l'audit (par échéance).",
  })
  commitments(@Root() r: MidTermReview, @Ctx() ctx: RequestContext): Promise<CommitmentReview[]> {
    return ctx.loaders.commitmentReviewsByReviewId.load(r.id);
  }
}

@Resolver(() => MidTermReviewAttendee)
export class MidTermReviewAttendeeResolver {
  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Inspecteur référent : l'établissement dont il est le référent.",
  })
  establishment(
    @Root() a: MidTermReviewAttendee,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment | null> | null {
    return a.establishmentId ? ctx.loaders.establishmentById.load(a.establishmentId) : null;
  }
}

@Resolver(() => CommitmentReview)
export class CommitmentReviewResolver {
  @FieldResolver(() => AuditCommitment, { description: "L'engagement pris lors de l'audit." })
  async commitment(
    @Root() r: CommitmentReview,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditCommitment> {
    const found = await ctx.loaders.auditCommitmentById.load(r.commitmentId);
    if (!found) throw new Error(`Engagement ${r.commitmentId} absent`);
    return found;
  }
}

@Resolver(() => Candidature)
export class CandidatureFollowUpResolver {
  @Mutation(() => Candidature, {
    description:
      "Engage le renouvellement du label d'un établissement (son chef ou la DRAFPIC) : une candidature de renouvellement préremplie à partir du dossier figé de la labellisation précédente, sous le référentiel en vigueur, chaque statut remis à zéro.",
  })
  startRenewal(
    @Arg("input", () => StartRenewalInput, { description: "Données de l'opération." })
    input: StartRenewalInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => startRenewal(tx, input));
  }

  @FieldResolver(() => MidTermReview, {
    nullable: true,
    description: "Suivi intermédiaire du label obtenu par cette candidature, s'il est enregistré.",
  })
  midTermReview(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<MidTermReview | null> {
    return ctx.loaders.midTermReviewByCandidatureId.load(c.id);
  }

  @FieldResolver(() => RenewalDiff, {
    nullable: true,
    description:
      "Renouvellement : ce qui a changé, par critère, depuis le dossier du dernier label (réponses, indicateurs, pièces), et les pièces de plus de trois années scolaires. Vide pour une première labellisation.",
  })
  async renewalDiff(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<RenewalDiff | null> {
    const diff = await renewalDiffOf(ctx, c);
    if (!diff) return null;
    const outdated = new Set(
      diff.criteria.flatMap((k) => k.evidence.filter((e) => e.outdated).map((e) => e.currentId)),
    );
    return {
      renewsCandidatureId: diff.renewsCandidatureId,
      changed: diff.criteria.some((k) => k.changed),
      outdatedEvidenceCount: outdated.size,
      criteria: diff.criteria.map((k) => ({
        ...k,
        responses: k.responses.map((r) => ({
          ...r,
          previousExpectationIds:
            diff.previousExpectations.get(`${r.establishmentId}:${k.criterionCode}`) ?? [],
        })),
      })),
    };
  }
}
