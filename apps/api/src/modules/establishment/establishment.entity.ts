import { Field, ObjectType } from "type-graphql";
import type { EstablishmentKind, EstablishmentSector } from "@ldm/domain";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { EstablishmentKindEnum, EstablishmentSectorEnum } from "../../common/enums";
import { Academie, Departement } from "../academie/academie.entity";

/** A vocational high school that can apply for the label (alone or in a network). */
@ObjectType({ description: "Établissement (lycée professionnel, lycée polyvalent ou EREA)." })
@Entity({ name: "establishment" })
export class Establishment extends BaseEntity {
  @Field(() => String, { description: "Code UAI (7 chiffres et une lettre clé)." })
  @Index({ unique: true })
  @Column({ type: "text" })
  uai!: string;

  @Field(() => String, { description: "Nom de l'établissement." })
  @Index()
  @Column({ type: "text" })
  name!: string;

  @Field(() => EstablishmentKindEnum, { description: "Type d'établissement." })
  @Index()
  @Column({ type: "text" })
  kind!: EstablishmentKind;

  @Field(() => EstablishmentSectorEnum, { description: "Secteur : public ou privé sous contrat." })
  @Column({ type: "text" })
  sector!: EstablishmentSector;

  @Field(() => String, { description: "Commune." })
  @Column({ type: "text" })
  city!: string;

  @Field(() => String, { description: "Code de l'académie." })
  @Index()
  @Column({ name: "academie_code", type: "text" })
  academieCode!: string;

  @ManyToOne(() => Academie, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "academie_code" })
  academie?: Academie;

  @Field(() => String, { description: "Code du département." })
  @Index()
  @Column({ name: "departement_code", type: "text" })
  departementCode!: string;

  @ManyToOne(() => Departement, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "departement_code" })
  departement?: Departement;
}
