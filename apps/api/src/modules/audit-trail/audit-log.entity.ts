import { Field, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLJSONObject } from "graphql-scalars";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One mutation's effect on one object: who, when, what, and the changed fields (append-only). */
@ObjectType("AuditLogEntry", {
  description: "Trace d'une modification (journal d'audit, non modifiable).",
})
@Entity({ name: "audit_log" })
@Index(["occurredAt", "id"])
@Index(["entityType", "entityId"])
export class AuditLogEntry {
  @Field(() => String, { description: "Identifiant." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure." })
  @Column({ name: "occurred_at", type: "timestamptz", precision: 3 })
  occurredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "Compte auteur (vide pour une commande d'administration).",
  })
  @Index()
  @Column({ name: "actor_user_id", type: "uuid", nullable: true })
  actorUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Rôle de l'auteur au moment de l'opération.",
  })
  @Column({ name: "actor_role", type: "text", nullable: true })
  actorRole!: string | null;

  @Field(() => String, { description: "Opération GraphQL ou commande." })
  @Column({ type: "text" })
  operation!: string;

  @Field(() => String, { description: "Type d'objet modifié." })
  @Column({ name: "entity_type", type: "text" })
  entityType!: string;

  @Field(() => String, { description: "Identifiant de l'objet modifié." })
  @Column({ name: "entity_id", type: "text" })
  entityId!: string;

  @Field(() => String, { description: "CREATE, UPDATE ou DELETE." })
  @Column({ type: "text" })
  action!: string;

  @Field(() => GraphQLJSONObject, {
    description: "Champs modifiés : { champ: { before, after } }.",
  })
  @Column({ type: "jsonb" })
  changes!: Record<string, { before: unknown; after: unknown }>;
}
