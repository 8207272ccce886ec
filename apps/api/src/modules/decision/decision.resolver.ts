import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import {
  academieOfDepartement,
  canReadGralmSessions,
  CAEN_OPINION_LABELS,
  GRALM_PROPOSAL_LABELS,
  RECTOR_OUTCOME_LABELS,
  rectorChainOutcome,
  type AcademieCode,
  type IsoDate,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { connectionType } from "../../common/pagination";
import { Candidature } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import {
  CaenOpinionRecord,
  GralmSession,
  GralmSessionItem,
  RectorDecision,
} from "./decision.entity";
import {
  CreateGralmSessionInput,
  GralmSessionArgs,
  GralmSessionCandidatureInput,
  GralmSessionsArgs,
  RecordBoenPublicationInput,
  RecordCaenOpinionInput,
  RecordGralmProposalInput,
  RecordRectorDecisionInput,
  UpdateGralmSessionInput,
} from "./decision.input";
import { GRALM_EXPORTS_PATH } from "./decision-routes";
import * as gralm from "./gralm.service";
import * as decisions from "./decision.service";

export const GralmSessionConnection = connectionType(
  GralmSession,
  "GralmSession",
  "sessions du GRALM",
);

const INPUT = { description: "Données de l'opération." };

async function candidatureOf(ctx: RequestContext, id: string): Promise<Candidature> {
  const found = await ctx.loaders.candidatureById.load(id);
  if (!found) throw new Error(`Candidature ${id} absente`);
  return found;
}

@Resolver(() => GralmSession)
export class GralmSessionResolver {
  // --- queries -------------------------------------------------------------------------------
  @Query(() => GralmSessionConnection, {
    description: "Sessions du GRALM, les plus récentes d'abord (DRAFPIC et analystes).",
  })
  gralmSessions(
    @Args(() => GralmSessionsArgs) args: GralmSessionsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return gralm.listGralmSessions(ctx, args);
  }

  @Query(() => GralmSession, { description: "Une session du GRALM (DRAFPIC et analystes)." })
  gralmSession(@Args(() => GralmSessionArgs) { id }: GralmSessionArgs, @Ctx() ctx: RequestContext) {
    return gralm.getGralmSession(ctx, id);
  }

  @Query(() => [Candidature], {
    description:
      "Candidatures dont le rapport d'audit est remis et qui attendent d'être inscrites à une session du GRALM.",
  })
  candidaturesAwaitingGralm(@Ctx() ctx: RequestContext) {
    return gralm.candidaturesAwaitingGralm(ctx);
  }

  // --- mutations (DRAFPIC) -------------------------------------------------------------------
  @Mutation(() => GralmSession, {
    description: "Crée une session du GRALM (date, membres présents).",
  })
  createGralmSession(
    @Arg("input", () => CreateGralmSessionInput, INPUT) input: CreateGralmSessionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => gralm.createGralmSession(tx, input));
  }

  @Mutation(() => GralmSession, {
    description:
      "Modifie une session du GRALM : membres présents et observations ; sa date tant qu'aucune proposition n'est enregistrée.",
  })
  updateGralmSession(
    @Arg("input", () => UpdateGralmSessionInput, INPUT) input: UpdateGralmSessionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => gralm.updateGralmSession(tx, input));
  }

  @Mutation(() => GralmSessionItem, {
    description:
      "Inscrit à l'ordre du jour d'une session une candidature dont le rapport d'audit est remis.",
  })
  addCandidatureToGralmSession(
    @Arg("input", () => GralmSessionCandidatureInput, INPUT) input: GralmSessionCandidatureInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => gralm.addCandidatureToGralmSession(tx, input));
  }

  @Mutation(() => GralmSession, {
    description:
      "Retire une candidature de l'ordre du jour, tant que sa proposition n'est pas enregistrée.",
  })
  removeCandidatureFromGralmSession(
    @Arg("input", () => GralmSessionCandidatureInput, INPUT) input: GralmSessionCandidatureInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => gralm.removeCandidatureFromGralmSession(tx, input));
  }

  @Mutation(() => GralmSessionItem, {
    description:
      "Enregistre la proposition de la session pour une candidature (favorable ou défavorable : étape « Proposé par le GRALM » ; ajournée : la candidature attend une session ultérieure).",
  })
  recordGralmProposal(
    @Arg("input", () => RecordGralmProposalInput, INPUT) input: RecordGralmProposalInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => gralm.recordGralmProposal(tx, input));
  }

  @Mutation(() => Candidature, {
    description: "Enregistre l'avis du (INTER-)CAEN sur une candidature proposée par le GRALM.",
  })
  recordCaenOpinion(
    @Arg("input", () => RecordCaenOpinionInput, INPUT) input: RecordCaenOpinionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => decisions.recordCaenOpinion(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Enregistre la décision du recteur d'une académie pour les établissements de la candidature qui en relèvent ; quand chaque académie a décidé, la candidature est approuvée (au moins un établissement) ou refusée.",
  })
  recordRectorDecision(
    @Arg("input", () => RecordRectorDecisionInput, INPUT) input: RecordRectorDecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => decisions.recordRectorDecision(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Enregistre la publication au BOEN : crée le label de chaque établissement approuvé (cinq ans à compter de la publication).",
  })
  recordBoenPublication(
    @Arg("input", () => RecordBoenPublicationInput, INPUT) input: RecordBoenPublicationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => decisions.recordBoenPublication(tx, input));
  }

  // --- fields --------------------------------------------------------------------------------
  @FieldResolver(() => [GralmSessionItem], {
    description: "Ordre du jour : les candidatures inscrites.",
  })
  items(@Root() s: GralmSession, @Ctx() ctx: RequestContext): Promise<GralmSessionItem[]> {
    return ctx.loaders.gralmItemsBySessionId.load(s.id);
  }

  @FieldResolver(() => String, {
    description: "Chemin de la liste des candidatures avec recommandations (fichier Excel).",
  })
  listUrl(@Root() s: GralmSession): string {
    return `${GRALM_EXPORTS_PATH}/${s.id}/liste.xlsx`;
  }

  @FieldResolver(() => String, { description: "Chemin du procès-verbal de la session (PDF)." })
  minutesUrl(@Root() s: GralmSession): string {
    return `${GRALM_EXPORTS_PATH}/${s.id}/proces-verbal.pdf`;
  }
}

@Resolver(() => GralmSessionItem)
export class GralmSessionItemResolver {
  @FieldResolver(() => Candidature, { description: "Candidature inscrite." })
  candidature(@Root() item: GralmSessionItem, @Ctx() ctx: RequestContext): Promise<Candidature> {
    return candidatureOf(ctx, item.candidatureId);
  }

  @FieldResolver(() => GraphQLLocalDate, { description: "Date de la session." })
  async sessionDate(@Root() item: GralmSessionItem, @Ctx() ctx: RequestContext): Promise<IsoDate> {
    const session = await ctx.loaders.gralmSessionById.load(item.sessionId);
    if (!session) throw new Error(`Session ${item.sessionId} absente`);
    return session.sessionDate;
  }

  @FieldResolver(() => GralmSession, {
    nullable: true,
    description:
      "La session (son ordre du jour et ses membres) : pour la DRAFPIC et les analystes, vide pour les autres.",
  })
  session(
    @Root() item: GralmSessionItem,
    @Ctx() ctx: RequestContext,
  ): Promise<GralmSession | null> {
    if (!ctx.viewer || !canReadGralmSessions(ctx.viewer)) return Promise.resolve(null);
    return ctx.loaders.gralmSessionById.load(item.sessionId);
  }

  @FieldResolver(() => String, { nullable: true, description: "Libellé de la proposition." })
  proposalLabel(@Root() item: GralmSessionItem): string | null {
    return item.proposal ? GRALM_PROPOSAL_LABELS[item.proposal] : null;
  }
}

@Resolver(() => CaenOpinionRecord)
export class CaenOpinionResolver {
  @FieldResolver(() => String, { description: "Libellé de l'avis." })
  opinionLabel(@Root() o: CaenOpinionRecord): string {
    return CAEN_OPINION_LABELS[o.opinion];
  }
}

@Resolver(() => RectorDecision)
export class RectorDecisionResolver {
  @FieldResolver(() => Establishment, { description: "Établissement concerné." })
  async establishment(
    @Root() d: RectorDecision,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment> {
    const found = await ctx.loaders.establishmentById.load(d.establishmentId);
    if (!found) throw new Error(`Établissement ${d.establishmentId} absent`);
    return found;
  }

  @FieldResolver(() => String, { description: "Libellé de la décision." })
  outcomeLabel(@Root() d: RectorDecision): string {
    return RECTOR_OUTCOME_LABELS[d.outcome];
  }
}

/** The decision chain, read from a candidature (by whoever reads the candidature). */
@Resolver(() => Candidature)
export class CandidatureDecisionResolver {
  @FieldResolver(() => [GralmSessionItem], {
    description: "Passages de la candidature devant le GRALM (propositions et motivations).",
  })
  gralmProposals(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<GralmSessionItem[]> {
    return ctx.loaders.gralmItemsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => CaenOpinionRecord, { nullable: true, description: "Avis du (INTER-)CAEN." })
  caenOpinion(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<CaenOpinionRecord | null> {
    return ctx.loaders.caenOpinionByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [RectorDecision], {
    description: "Décisions des recteurs, une par établissement (par le recteur de son académie).",
  })
  rectorDecisions(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<RectorDecision[]> {
    return ctx.loaders.rectorDecisionsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [String], {
    description:
      "Académies (AIX_MARSEILLE, NICE) dont le recteur n'a pas encore décidé, une fois l'avis du CAEN rendu.",
  })
  async academiesAwaitingRector(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<string[]> {
    if (c.state !== "CAEN_CONSULTED") return [];
    const [members, decided] = await Promise.all([
      ctx.loaders.membersByCandidatureId.load(c.id),
      ctx.loaders.rectorDecisionsByCandidatureId.load(c.id),
    ]);
    const establishments = await ctx.loaders.establishmentById.loadMany(
      members.map((m) => m.establishmentId),
    );
    const decisionMembers = establishments.flatMap((e) =>
      e && !(e instanceof Error)
        ? [
            {
              establishmentId: e.id,
              establishmentName: e.name,
              academieCode: academieOfDepartement(e.departementCode).code,
            },
          ]
        : [],
    );
    return rectorChainOutcome(
      decisionMembers,
      decided.map((d) => ({
        establishmentId: d.establishmentId,
        academieCode: d.academieCode as AcademieCode,
        outcome: d.outcome,
        decidedOn: d.decidedOn,
      })),
    ).awaiting;
  }
}
