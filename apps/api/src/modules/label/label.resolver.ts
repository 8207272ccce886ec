import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  effectiveLabelStatus,
  isLabelValid,
  LABEL_STATUS_LABELS,
  type LabelStatus,
} from "@ldm/domain";
import type { RequestContext } from "../../context";
import { connectionType } from "../../common/pagination";
import { Candidature } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { Label, LabelStatusEnum } from "./label.entity";
import { LabelsArgs, PublicLabelRegistryArgs } from "./label.input";
import { PublicLabel } from "./label.type";
import * as service from "./label.service";

export const LabelConnection = connectionType(Label, "Label", "labels");

@Resolver(() => Label)
export class LabelResolver {
  @Query(() => LabelConnection, {
    description:
      "Registre des labels, en vigueur et passés (les plus récemment publiés d'abord), avec filtres.",
  })
  labels(@Args(() => LabelsArgs) args: LabelsArgs, @Ctx() ctx: RequestContext) {
    return service.listLabels(ctx, args);
  }

  @Query(() => [PublicLabel], {
    description:
      "Registre public (sans authentification) : les établissements labellisés à ce jour, avec l'intitulé et la validité de leur label.",
  })
  publicLabelRegistry(
    @Args(() => PublicLabelRegistryArgs) args: PublicLabelRegistryArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return service.publicRegistry(ctx, args);
  }

  @FieldResolver(() => LabelStatusEnum, {
    description: "Statut aujourd'hui : en vigueur, expiré (échéance atteinte) ou remplacé.",
  })
  status(@Root() label: Label, @Ctx() ctx: RequestContext): LabelStatus {
    return effectiveLabelStatus(label, ctx.clock.today());
  }

  @FieldResolver(() => String, { description: "Libellé du statut." })
  statusLabel(@Root() label: Label, @Ctx() ctx: RequestContext): string {
    return LABEL_STATUS_LABELS[effectiveLabelStatus(label, ctx.clock.today())];
  }

  @FieldResolver(() => Boolean, { description: "Vrai si le label est valable aujourd'hui." })
  valid(@Root() label: Label, @Ctx() ctx: RequestContext): boolean {
    return isLabelValid(label, ctx.clock.today());
  }

  @FieldResolver(() => ID, { description: "Candidature qui a obtenu le label." })
  candidatureId(@Root() label: Label): string {
    return label.candidatureId;
  }

  @FieldResolver(() => Establishment, { description: "Établissement labellisé." })
  async establishment(@Root() label: Label, @Ctx() ctx: RequestContext): Promise<Establishment> {
    const found = await ctx.loaders.establishmentById.load(label.establishmentId);
    if (!found) throw new Error(`Établissement ${label.establishmentId} absent`);
    return found;
  }
}

@Resolver(() => Establishment)
export class EstablishmentLabelsResolver {
  @FieldResolver(() => [Label], {
    description: "Labels de l'établissement, en vigueur et passés, le plus récent d'abord.",
  })
  labels(@Root() e: Establishment, @Ctx() ctx: RequestContext): Promise<Label[]> {
    return ctx.loaders.labelsByEstablishmentId.load(e.id);
  }
}

@Resolver(() => Candidature)
export class CandidatureLabelsResolver {
  @FieldResolver(() => [Label], {
    description:
      "Labels créés par la publication au BOEN de cette candidature (un par établissement approuvé).",
  })
  labels(@Root() c: Candidature, @Ctx() ctx: RequestContext): Promise<Label[]> {
    return ctx.loaders.labelsByCandidatureId.load(c.id);
  }
}
