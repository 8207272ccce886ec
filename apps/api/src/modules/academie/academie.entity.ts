import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from "typeorm";

/** An académie of the région académique PACA (reference data inserted by the migrations). */
@ObjectType({ description: "Académie de la région académique PACA (Aix-Marseille ou Nice)." })
@Entity({ name: "academie" })
export class Academie {
  @Field(() => String, { description: "Code de l'académie (AIX_MARSEILLE ou NICE)." })
  @PrimaryColumn({ type: "text" })
  code!: string;

  @Field(() => String, { description: "Nom de l'académie." })
  @Column({ type: "text" })
  name!: string;

  @OneToMany(() => Departement, (d) => d.academie)
  departements?: Departement[];
}

/** A département, attached to its académie. */
@ObjectType({ description: "Département de la région académique PACA." })
@Entity({ name: "departement" })
export class Departement {
  @Field(() => String, { description: "Code du département sur deux chiffres (ex. 13)." })
  @PrimaryColumn({ type: "text" })
  code!: string;

  @Field(() => String, { description: "Nom du département." })
  @Column({ type: "text" })
  name!: string;

  @Index()
  @Column({ name: "academie_code", type: "text" })
  academieCode!: string;

  @ManyToOne(() => Academie, (a) => a.departements, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "academie_code" })
  academie?: Academie;
}
