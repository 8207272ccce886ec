import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { dossierSnapshotSchema } from "@ldm/contracts";
import { FrozenDossier, toFrozenDossier } from "./frozen-dossier.type";
import { indicatorTrend, type Trend } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { TrendEnum } from "../../common/enums";
import { Candidature } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import {
  DossierSnapshot,
  EngagementDocument,
  Evidence,
  EvidenceRevision,
} from "../evidence/evidence.entity";
import * as service from "./dossier.service";
import * as procedure from "../procedure/procedure.service";
import {
  ApproveSubmissionInput,
  CreateIndicatorInput,
  DeleteIndicatorInput,
  RemoveIndicatorValueInput,
  SetIndicatorValueInput,
  UpdateIndicatorInput,
} from "./dossier.input";
import { Indicator, IndicatorValue } from "./indicator.entity";

const INPUT = { description: "Données de l'opération." };

@ObjectType({
  description: "Tendance d'un indicateur quantitatif entre sa première et sa dernière année.",
})
export class IndicatorTrend {
  @Field(() => TrendEnum, { description: "Hausse, baisse, stabilité ou données insuffisantes." })
  trend!: Trend;

  @Field(() => Boolean, {
    nullable: true,
    description: "Vrai si l'évolution va dans le sens souhaité.",
  })
  improving!: boolean | null;
}

@Resolver(() => Candidature)
export class CandidatureDossierResolver {
  @FieldResolver(() => [Indicator], { description: "Indicateurs suivis par les établissements." })
  indicators(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return ctx.loaders.indicatorsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [Evidence], {
    description: "Bibliothèque des pièces justificatives, les plus récentes d'abord.",
  })
  evidence(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<Evidence[]> {
    return ctx.loaders.evidenceByCandidatureId.load(c.id);
  }

  @FieldResolver(() => [EngagementDocument], {
    description: "Lettres d'engagement et procès-verbaux déposés.",
  })
  engagementDocuments(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<EngagementDocument[]> {
    return ctx.loaders.engagementDocumentsByCandidatureId.load(c.id);
  }

  @FieldResolver(() => DossierSnapshot, {
    nullable: true,
    description:
      "Version déposée et figée du dossier (celle que lisent les auditeurs), vide avant le dépôt.",
  })
  async submittedDossier(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
  ): Promise<DossierSnapshot | null> {
    return (await ctx.loaders.snapshotsByCandidatureId.load(c.id))[0] ?? null;
  }

  @Mutation(() => Indicator, { description: "Crée un indicateur suivi par un établissement." })
  createIndicator(
    @Arg("input", () => CreateIndicatorInput, INPUT) input: CreateIndicatorInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.createIndicator(tx, input));
  }

  @Mutation(() => Indicator, { description: "Modifie un indicateur." })
  updateIndicator(
    @Arg("input", () => UpdateIndicatorInput, INPUT) input: UpdateIndicatorInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.updateIndicator(tx, input));
  }

  @Mutation(() => Boolean, { description: "Supprime un indicateur et ses valeurs." })
  deleteIndicator(
    @Arg("input", () => DeleteIndicatorInput, INPUT) input: DeleteIndicatorInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.deleteIndicator(tx, input));
  }

  @Mutation(() => Indicator, {
    description: "Enregistre la valeur d'un indicateur pour une année scolaire.",
  })
  setIndicatorValue(
    @Arg("input", () => SetIndicatorValueInput, INPUT) input: SetIndicatorValueInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.setIndicatorValue(tx, input));
  }

  @Mutation(() => Indicator, { description: "Supprime la valeur d'une année scolaire." })
  removeIndicatorValue(
    @Arg("input", () => RemoveIndicatorValueInput, INPUT) input: RemoveIndicatorValueInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.removeIndicatorValue(tx, input));
  }

  @Mutation(() => Candidature, {
    description:
      "Approbation du dépôt par le chef d'un établissement cocandidat (candidature en réseau).",
  })
  approveSubmission(
    @Arg("input", () => ApproveSubmissionInput, INPUT) input: ApproveSubmissionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => procedure.approveSubmission(tx, input));
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [IndicatorValue], {
    description: "Valeurs par année scolaire, dans l'ordre.",
  })
  values(@Root() i: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorValue[]> {
    return ctx.loaders.valuesByIndicatorId.load(i.id);
  }

  @FieldResolver(() => IndicatorTrend, {
    description: "Tendance sur les années scolaires (indicateur quantitatif).",
  })
  async trend(@Root() i: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorTrend> {
    const values = await ctx.loaders.valuesByIndicatorId.load(i.id);
    return indicatorTrend(
      i.direction,
      values.map((v) => ({ schoolYear: v.schoolYear, value: v.numericValue })),
    );
  }

  @FieldResolver(() => Establishment, { description: "Établissement qui suit l'indicateur." })
  async establishment(@Root() i: Indicator, @Ctx() ctx: RequestContext): Promise<Establishment> {
    const found = await ctx.loaders.establishmentById.load(i.establishmentId);
    if (!found) throw new Error(`Établissement ${i.establishmentId} absent`);
    return found;
  }
}

@Resolver(() => Evidence)
export class EvidenceFieldsResolver {
  @FieldResolver(() => [EvidenceRevision], {
    description: "Versions du fichier, la plus récente d'abord.",
  })
  revisions(@Root() e: Evidence, @Ctx() ctx: RequestContext): Promise<EvidenceRevision[]> {
    return ctx.loaders.revisionsByEvidenceId.load(e.id);
  }

  @FieldResolver(() => EvidenceRevision, {
    nullable: true,
    description: "Version en vigueur du fichier.",
  })
  async currentFile(
    @Root() e: Evidence,
    @Ctx() ctx: RequestContext,
  ): Promise<EvidenceRevision | null> {
    return (
      (await ctx.loaders.revisionsByEvidenceId.load(e.id)).find(
        (r) => r.revision === e.currentRevision,
      ) ?? null
    );
  }

  @FieldResolver(() => Boolean, {
    description: "Vrai si au moins une réponse du dossier cite cette pièce.",
  })
  async cited(@Root() e: Evidence, @Ctx() ctx: RequestContext): Promise<boolean> {
    const responses = await ctx.loaders.responsesByCandidatureId.load(e.candidatureId);
    return responses.some((r) => r.citedEvidenceIds.includes(e.id));
  }

  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Établissement auteur de la pièce.",
  })
  async establishment(
    @Root() e: Evidence,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment | null> {
    return e.establishmentId ? ctx.loaders.establishmentById.load(e.establishmentId) : null;
  }

  @FieldResolver(() => String, {
    description: "Adresse de téléchargement du fichier en vigueur (authentifiée).",
  })
  downloadUrl(@Root() e: Evidence): string {
    return `/files/evidence/${e.id}`;
  }
}

@Resolver(() => DossierSnapshot)
export class DossierSnapshotResolver {
  @FieldResolver(() => FrozenDossier, {
    description: "Le dossier figé, typé (contrat versionné ; validé à l'écriture et à la lecture).",
  })
  dossier(@Root() s: DossierSnapshot): FrozenDossier {
    return toFrozenDossier(dossierSnapshotSchema.parse(s.content));
  }
}
