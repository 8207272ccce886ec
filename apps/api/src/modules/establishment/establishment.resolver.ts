import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { connectionType } from "../../common/pagination";
import { Academie, Departement } from "../academie/academie.entity";
import { Candidature } from "../candidature/candidature.entity";
import { canViewerRead } from "../candidature/candidature.service";
import { Establishment } from "./establishment.entity";
import {
  CreateEstablishmentInput,
  EstablishmentArgs,
  EstablishmentsArgs,
} from "./establishment.input";
import { createEstablishment, getEstablishment, listEstablishments } from "./establishment.service";

export const EstablishmentConnection = connectionType(
  Establishment,
  "Establishment",
  "établissements",
);

@Resolver(() => Establishment)
export class EstablishmentResolver {
  @Query(() => Establishment, { description: "Un établissement par son identifiant." })
  establishment(
    @Args(() => EstablishmentArgs) { id }: EstablishmentArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return getEstablishment(ctx, id);
  }

  @Query(() => EstablishmentConnection, {
    description: "Établissements, triés par nom, avec filtres et pagination par curseur.",
  })
  establishments(
    @Args(() => EstablishmentsArgs) args: EstablishmentsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return listEstablishments(ctx, args);
  }

  @Mutation(() => Establishment, {
    description: "Enregistre un établissement de la région académique (UAI vérifié).",
  })
  createEstablishment(
    @Arg("input", () => CreateEstablishmentInput, { description: "Données de l'opération." })
    input: CreateEstablishmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => createEstablishment(tx, input));
  }

  @FieldResolver(() => Academie, { description: "Académie de l'établissement." })
  async academie(@Root() e: Establishment, @Ctx() ctx: RequestContext): Promise<Academie> {
    const found = await ctx.loaders.academieByCode.load(e.academieCode);
    if (!found) throw new Error(`Académie ${e.academieCode} absente`);
    return found;
  }

  @FieldResolver(() => Departement, { description: "Département de l'établissement." })
  async departement(@Root() e: Establishment, @Ctx() ctx: RequestContext): Promise<Departement> {
    const found = await ctx.loaders.departementByCode.load(e.departementCode);
    if (!found) throw new Error(`Département ${e.departementCode} absent`);
    return found;
  }

  @FieldResolver(() => [Candidature], {
    description:
      "Candidatures dont l'établissement est candidat ou cocandidat (les plus récentes d'abord).",
  })
  async candidatures(@Root() e: Establishment, @Ctx() ctx: RequestContext): Promise<Candidature[]> {
    const memberships = await ctx.loaders.membershipsByEstablishmentId.load(e.id);
    const candidatures = await ctx.loaders.candidatureById.loadMany(
      memberships.map((m) => m.candidatureId),
    );
    const found = candidatures.filter((c): c is Candidature => c instanceof Candidature);
    const visible = await Promise.all(found.map((c) => canViewerRead(ctx, c)));
    return found
      .filter((_, i) => visible[i])
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }
}
