import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO } from "graphql-scalars";
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** Columns shared by every entity: a UUID and the creation / last update instants. */
@ObjectType({ description: "Objet persistant identifié." })
export abstract class BaseEntity {
  @Field(() => ID, { description: "Identifiant unique (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure de création." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure de la dernière modification." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt!: Date;
}
