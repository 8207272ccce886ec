import { Field, ObjectType } from "type-graphql";
import type { IndicatorDirection, IndicatorKind } from "@ldm/domain";
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { IndicatorDirectionEnum, IndicatorKindEnum } from "../../common/enums";
import { EstablishmentPart } from "../candidature/candidature.entity";

/** An indicator followed by one establishment of a candidature, supporting one or more criteria. */
@ObjectType({ description: "Indicateur (quantitatif ou qualitatif) suivi par un établissement." })
@Entity({ name: "indicator" })
export class Indicator extends EstablishmentPart {
  @Field(() => String, { description: "Intitulé de l'indicateur." })
  @Column({ type: "text" })
  name!: string;

  @Field(() => IndicatorKindEnum, { description: "Quantitatif ou qualitatif." })
  @Column({ type: "text" })
  kind!: IndicatorKind;

  @Field(() => String, {
    nullable: true,
    description: "Unité (indicateur quantitatif), ex. « % », « élèves ».",
  })
  @Column({ type: "text", nullable: true })
  unit!: string | null;

  @Field(() => IndicatorDirectionEnum, { description: "Sens de progression souhaité." })
  @Column({ type: "text", default: "NEUTRAL" })
  direction!: IndicatorDirection;

  @Field(() => String, { nullable: true, description: "Cible visée (valeur ou formulation)." })
  @Column({ type: "text", nullable: true })
  target!: string | null;

  @Field(() => String, { description: "Source de la donnée (ex. « Pronote », « InserJeunes »)." })
  @Column({ type: "text" })
  source!: string;

  @Field(() => [String], { description: "Critères étayés par l'indicateur." })
  @Column({ name: "criterion_codes", type: "text", array: true })
  criterionCodes!: string[];
}

/** The value of an indicator for one school year. */
@ObjectType({ description: "Valeur d'un indicateur pour une année scolaire." })
@Entity({ name: "indicator_value" })
@Unique("uq_indicator_value_year", ["indicatorId", "schoolYear"])
export class IndicatorValue extends BaseEntity {
  @Index()
  @Column({ name: "indicator_id", type: "uuid" })
  indicatorId!: string;

  @ManyToOne(() => Indicator, { onDelete: "CASCADE" })
  @JoinColumn({ name: "indicator_id" })
  indicator?: Indicator;

  @Field(() => String, { description: "Année scolaire (ex. 2022-2023)." })
  @Column({ name: "school_year", type: "text" })
  schoolYear!: string;

  @Field(() => Number, { nullable: true, description: "Valeur (indicateur quantitatif)." })
  @Column({ name: "numeric_value", type: "double precision", nullable: true })
  numericValue!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Appréciation (indicateur qualitatif) ou commentaire.",
  })
  @Column({ name: "text_value", type: "text", nullable: true })
  textValue!: string | null;
}
