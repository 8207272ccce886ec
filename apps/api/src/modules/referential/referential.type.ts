import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type {
  Criterion,
  Expectation,
  ExpectationScope,
  QualeducFiche,
  Referential,
} from "@ldm/domain";
import { ExpectationScopeEnum, OptionalCriterionVariantEnum } from "../../common/enums";

@ObjectType("Expectation", { description: "Attendu du cahier des charges pour un critère." })
export class ExpectationType implements Expectation {
  @Field(() => String, { description: "Identifiant de l'attendu (ex. 4.3)." })
  id!: string;

  @Field(() => String, { description: "Texte de l'attendu." })
  text!: string;

  @Field(() => ExpectationScopeEnum, {
    description: "Toutes les candidatures, ou seulement les candidatures en réseau.",
  })
  scope!: ExpectationScope;
}

@ObjectType("QualeducFiche", { description: "Fiche Qualéduc d'auto-évaluation." })
export class QualeducFicheType implements QualeducFiche {
  @Field(() => String, { description: "Code de la fiche (ex. Q.3.2)." })
  code!: string;

  @Field(() => String, { description: "Intitulé de la fiche." })
  title!: string;
}

@ObjectType("Criterion", {
  description: "Critère du cahier des charges (8 nationaux et le critère régional 9-a / 9-b).",
})
export class CriterionType {
  @Field(() => String, { description: "Code du critère (1 à 8, 9a, 9b)." })
  code!: string;

  @Field(() => Int, { description: "Numéro du critère (1 à 9)." })
  number!: number;

  @Field(() => String, { description: "Intitulé complet." })
  title!: string;

  @Field(() => String, { description: "Intitulé court." })
  shortTitle!: string;

  @Field(() => Boolean, { description: "Vrai pour le critère régional optionnel." })
  optional!: boolean;

  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description: "Variante du critère 9, le cas échéant.",
  })
  variant!: string | null;

  @Field(() => Boolean, {
    description: "Vrai si une candidature en réseau doit y bâtir une stratégie commune.",
  })
  networkCommonStrategy!: boolean;

  @Field(() => [ExpectationType], {
    description:
      "Attendus du cahier des charges (chacun avec sa portée : toutes les candidatures, ou les candidatures en réseau seulement).",
  })
  expectations!: ExpectationType[];

  @Field(() => String, {
    nullable: true,
    description:
      "Règle du cahier des charges par laquelle le label Euroscol remplit ce critère de fait (critère 6 seulement) : une règle, pas un attendu à cocher.",
  })
  metByEuroscolNote!: string | null;

  @Field(() => [QualeducFicheType], { description: "Fiches Qualéduc correspondantes." })
  qualeducFiches!: QualeducFicheType[];
}

@ObjectType("Referential", { description: "Version du référentiel du label (cahier des charges)." })
export class ReferentialType {
  @Field(() => String, { description: "Identifiant de version." })
  version!: string;

  @Field(() => String, { description: "Titre." })
  title!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de publication." })
  publishedOn!: string;

  @Field(() => [CriterionType], { description: "Critères." })
  criteria!: CriterionType[];

  @Field(() => [QualeducFicheType], { description: "Fiches Qualéduc." })
  qualeducFiches!: QualeducFicheType[];
}

export function toCriterionType(
  referential: Pick<Referential, "qualeducFiches">,
  c: Criterion,
): CriterionType {
  return {
    ...c,
    qualeducFiches: c.qualeducFicheCodes
      .map((code) => referential.qualeducFiches.find((f) => f.code === code))
      .filter((f): f is QualeducFiche => f !== undefined),
  };
}

export function toReferentialType(r: Referential): ReferentialType {
  return { ...r, criteria: r.criteria.map((c) => toCriterionType(r, c)) };
}
