import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { Academie, Departement } from "./academie.entity";

@Resolver(() => Academie)
export class AcademieResolver {
  @Query(() => [Academie], { description: "Les académies de la région académique PACA." })
  academies(@Ctx() ctx: RequestContext): Promise<Academie[]> {
    return ctx.dataSource.getRepository(Academie).find({ order: { name: "ASC" } });
  }

  @FieldResolver(() => [Departement], { description: "Départements de l'académie." })
  departements(@Root() a: Academie, @Ctx() ctx: RequestContext): Promise<Departement[]> {
    return ctx.loaders.departementsByAcademieCode.load(a.code);
  }
}
