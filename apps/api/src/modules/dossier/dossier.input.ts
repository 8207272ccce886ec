import { Field, ID, InputType } from "type-graphql";
import type { IndicatorDirection, IndicatorKind } from "@ldm/domain";
import { IndicatorDirectionEnum, IndicatorKindEnum } from "../../common/enums";

@InputType({ description: "Création d'un indicateur suivi par un établissement." })
export class CreateIndicatorInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement qui suit l'indicateur." })
  establishmentId!: string;

  @Field(() => String, { description: "Intitulé." })
  name!: string;

  @Field(() => IndicatorKindEnum, { description: "Quantitatif ou qualitatif." })
  kind!: IndicatorKind;

  @Field(() => String, {
    nullable: true,
    description: "Unité (obligatoire pour un indicateur quantitatif).",
  })
  unit?: string | null;

  @Field(() => IndicatorDirectionEnum, {
    defaultValue: "NEUTRAL",
    description: "Sens de progression souhaité.",
  })
  direction!: IndicatorDirection;

  @Field(() => String, { nullable: true, description: "Cible visée." })
  target?: string | null;

  @Field(() => String, { description: "Source de la donnée." })
  source!: string;

  @Field(() => [String], { description: "Critères étayés (codes)." })
  criterionCodes!: string[];
}

@InputType({ description: "Modification d'un indicateur ; un champ absent reste inchangé." })
export class UpdateIndicatorInput {
  @Field(() => ID, { description: "Indicateur." })
  indicatorId!: string;

  @Field(() => String, { nullable: true, description: "Intitulé." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Unité." })
  unit?: string | null;

  @Field(() => IndicatorDirectionEnum, {
    nullable: true,
    description: "Sens de progression souhaité.",
  })
  direction?: IndicatorDirection | null;

  @Field(() => String, { nullable: true, description: "Cible visée." })
  target?: string | null;

  @Field(() => String, { nullable: true, description: "Source de la donnée." })
  source?: string | null;

  @Field(() => [String], { nullable: true, description: "Critères étayés (codes)." })
  criterionCodes?: string[] | null;
}

@InputType({ description: "Suppression d'un indicateur et de ses valeurs." })
export class DeleteIndicatorInput {
  @Field(() => ID, { description: "Indicateur." })
  indicatorId!: string;
}

@InputType({
  description: "Valeur d'un indicateur pour une année scolaire (remplace la valeur existante).",
})
export class SetIndicatorValueInput {
  @Field(() => ID, { description: "Indicateur." })
  indicatorId!: string;

  @Field(() => String, { description: "Année scolaire, ex. 2022-2023." })
  schoolYear!: string;

  @Field(() => Number, { nullable: true, description: "Valeur (indicateur quantitatif)." })
  numericValue?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Appréciation (indicateur qualitatif) ou commentaire.",
  })
  textValue?: string | null;
}

@InputType({ description: "Suppression de la valeur d'une année scolaire." })
export class RemoveIndicatorValueInput {
  @Field(() => ID, { description: "Indicateur." })
  indicatorId!: string;

  @Field(() => String, { description: "Année scolaire." })
  schoolYear!: string;
}

@InputType({ description: "Approbation du dépôt par le chef d'un établissement cocandidat." })
export class ApproveSubmissionInput {
  @Field(() => ID, { description: "Candidature en réseau." })
  candidatureId!: string;
}
