import { Field, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO } from "graphql-scalars";
import type { AuditorProfile, Role } from "@ldm/domain";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { AuditorProfileEnum, RoleEnum } from "../../common/enums";
import { Establishment } from "../establishment/establishment.entity";

/** A person who logs in: school head or staff, DRAFPIC, auditor or analyst. */
@ObjectType("User", { description: "Compte d'un utilisateur de la plateforme." })
@Entity({ name: "app_user" })
export class AppUser extends BaseEntity {
  @Field(() => String, {
    nullable: true,
    description: "Adresse électronique (donnée personnelle).",
  })
  @Index({ unique: true })
  @Column({ type: "text" })
  email!: string;

  @Field(() => String, { nullable: true, description: "Nom et prénom (donnée personnelle)." })
  @Column({ name: "full_name", type: "text" })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "Téléphone (donnée personnelle)." })
  @Column({ type: "text", nullable: true })
  phone!: string | null;

  @Field(() => RoleEnum, { description: "Rôle." })
  @Index()
  @Column({ type: "text" })
  role!: Role;

  @Field(() => AuditorProfileEnum, {
    nullable: true,
    description: "Profil d'auditeur, le cas échéant.",
  })
  @Column({ name: "auditor_profile", type: "text", nullable: true })
  auditorProfile!: AuditorProfile | null;

  @Field(() => String, {
    nullable: true,
    description: "Fonction (ex. proviseure adjointe, professeur de lettres-histoire).",
  })
  @Column({ name: "job_title", type: "text", nullable: true })
  jobTitle!: string | null;

  @Index()
  @Column({ name: "establishment_id", type: "uuid", nullable: true })
  establishmentId!: string | null;

  @ManyToOne(() => Establishment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;

  /** argon2id hash; null for an account that cannot log in yet. */
  @Column({ name: "password_hash", type: "text", nullable: true })
  passwordHash!: string | null;

  @Field(() => Boolean, { description: "Faux pour un compte désactivé." })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: "Dernière connexion réussie." })
  @Column({ name: "last_login_at", type: "timestamptz", precision: 3, nullable: true })
  lastLoginAt!: Date | null;
}

/** A server-side web session (the cookie carries a random token; only its hash is stored). */
@Entity({ name: "user_session" })
export class UserSession {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index({ unique: true })
  @Column({ name: "token_hash", type: "text" })
  tokenHash!: string;

  @Index()
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  @Column({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt!: Date;

  @Column({ name: "last_seen_at", type: "timestamptz", precision: 3 })
  lastSeenAt!: Date;

  @Index()
  @Column({ name: "expires_at", type: "timestamptz", precision: 3 })
  expiresAt!: Date;

  @Column({ type: "text", nullable: true })
  ip!: string | null;
}

/** A personal, read-only API token for analysts and scripts (only its hash is stored). */
@ObjectType("ApiToken", { description: "Jeton d'API personnel, en lecture seule." })
@Entity({ name: "api_token" })
export class ApiToken extends BaseEntity {
  @Index()
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  @Field(() => String, { description: "Nom donné au jeton." })
  @Column({ type: "text" })
  name!: string;

  @Field(() => String, { description: "Début du jeton, pour le reconnaître." })
  @Column({ type: "text" })
  prefix!: string;

  @Index({ unique: true })
  @Column({ name: "token_hash", type: "text" })
  tokenHash!: string;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure d'expiration." })
  @Column({ name: "expires_at", type: "timestamptz", precision: 3 })
  expiresAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: "Date et heure de révocation." })
  @Column({ name: "revoked_at", type: "timestamptz", precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: "Dernière utilisation." })
  @Column({ name: "last_used_at", type: "timestamptz", precision: 3, nullable: true })
  lastUsedAt!: Date | null;
}

/** One failed login, keyed by account e-mail and by IP (throttling lives in PostgreSQL). */
@Entity({ name: "login_failure" })
@Index(["key", "occurredAt"])
export class LoginFailure {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  key!: string;

  @Column({ name: "occurred_at", type: "timestamptz", precision: 3 })
  occurredAt!: Date;
}

/** Authentication events and refused authorizations (append-only). */
@ObjectType("AuthEvent", { description: "Événement d'authentification ou refus d'autorisation." })
@Entity({ name: "auth_event" })
@Index(["occurredAt", "id"])
export class AuthEvent {
  @Field(() => String, { description: "Identifiant." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure." })
  @Column({ name: "occurred_at", type: "timestamptz", precision: 3 })
  occurredAt!: Date;

  @Field(() => String, {
    description:
      "Type d'événement (LOGIN_SUCCEEDED, LOGIN_FAILED, LOCKED_OUT, LOGOUT, ACCESS_DENIED…).",
  })
  @Index()
  @Column({ type: "text" })
  type!: string;

  @Field(() => String, { nullable: true, description: "Compte concerné." })
  @Index()
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Adresse électronique saisie (donnée personnelle).",
  })
  @Column({ type: "text", nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "Adresse IP d'origine." })
  @Column({ type: "text", nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: "Détail (opération refusée, motif…)." })
  @Column({ type: "text", nullable: true })
  detail!: string | null;
}
