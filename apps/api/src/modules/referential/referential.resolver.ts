import { Arg, Query, Resolver } from "type-graphql";
import { CURRENT_REFERENTIAL_VERSION, getReferential, REFERENTIALS } from "@ldm/domain";
import { ReferentialType, toReferentialType } from "./referential.type";

@Resolver(() => ReferentialType)
export class ReferentialResolver {
  @Query(() => ReferentialType, {
    description:
      "Le référentiel du label dans une version donnée (la version en vigueur par défaut).",
  })
  referential(
    @Arg("version", () => String, {
      nullable: true,
      description: "Version ; vide pour la version en vigueur.",
    })
    version?: string | null,
  ): ReferentialType {
    return toReferentialType(getReferential(version ?? CURRENT_REFERENTIAL_VERSION));
  }

  @Query(() => [String], { description: "Versions connues du référentiel." })
  referentialVersions(): string[] {
    return REFERENTIALS.map((r) => r.version);
  }
}
