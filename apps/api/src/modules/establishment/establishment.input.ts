import { ArgsType, Field, ID, InputType } from "type-graphql";
import type { EstablishmentKind, EstablishmentSector } from "@ldm/domain";
import { EstablishmentKindEnum, EstablishmentSectorEnum } from "../../common/enums";
import { PageArgs } from "../../common/pagination";

@InputType({ description: "Données d'un nouvel établissement." })
export class CreateEstablishmentInput {
  @Field(() => String, { description: "Code UAI (7 chiffres et la lettre clé)." })
  uai!: string;

  @Field(() => String, { description: "Nom de l'établissement." })
  name!: string;

  @Field(() => EstablishmentKindEnum, { description: "Type d'établissement." })
  kind!: EstablishmentKind;

  @Field(() => EstablishmentSectorEnum, { description: "Secteur." })
  sector!: EstablishmentSector;

  @Field(() => String, { description: "Commune." })
  city!: string;

  @Field(() => String, {
    description: "Code du département (ex. 13 ou 013) ; l'académie s'en déduit.",
  })
  departementCode!: string;
}

@InputType({ description: "Filtres de la liste des établissements." })
export class EstablishmentFilter {
  @Field(() => String, { nullable: true, description: "Code de l'académie." })
  academieCode?: string | null;

  @Field(() => String, { nullable: true, description: "Code du département." })
  departementCode?: string | null;

  @Field(() => EstablishmentKindEnum, { nullable: true, description: "Type d'établissement." })
  kind?: EstablishmentKind | null;

  @Field(() => String, {
    nullable: true,
    description: "Recherche dans le nom, l'UAI et la commune.",
  })
  search?: string | null;
}

@ArgsType()
export class EstablishmentsArgs extends PageArgs {
  @Field(() => EstablishmentFilter, { nullable: true, description: "Filtres." })
  filter?: EstablishmentFilter | null;
}

@ArgsType()
export class EstablishmentArgs {
  @Field(() => ID, { description: "Identifiant de l'établissement." })
  id!: string;
}
