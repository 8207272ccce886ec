import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { Candidature } from "../candidature/candidature.entity";
import { AppUser } from "../identity/user.entity";
import { NotificationKindEnum, type NotificationKind } from "./notification.kinds";
import type { MailTemplate } from "../../mail/templates";

/** A message shown to one user in the platform (a step of the procedure, a reminder…). */
@ObjectType("Notification", {
  description: "Notification adressée à un utilisateur sur la plateforme.",
})
@Entity({ name: "notification" })
@Index("ix_notification_inbox", ["userId", "createdAt", "id"])
@Unique("uq_notification_dedup", ["userId", "dedupKey"])
export class Notification extends BaseEntity {
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  @Field(() => NotificationKindEnum, { description: "Nature de la notification." })
  @Column({ type: "text" })
  kind!: NotificationKind;

  @Field(() => String, { description: "Titre court." })
  @Column({ type: "text" })
  title!: string;

  @Field(() => String, { description: "Texte de la notification." })
  @Column({ type: "text" })
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Candidature concernée (à ouvrir avec la requête `candidature`).",
  })
  @Index()
  @Column({ name: "candidature_id", type: "uuid", nullable: true })
  candidatureId!: string | null;

  @ManyToOne(() => Candidature, { onDelete: "CASCADE" })
  @JoinColumn({ name: "candidature_id" })
  candidature?: Candidature;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Échéance rappelée (rappels seulement).",
  })
  @Column({ name: "deadline_date", type: "date", nullable: true })
  deadlineDate!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure de lecture (vide : non lue).",
  })
  @Column({ name: "read_at", type: "timestamptz", precision: 3, nullable: true })
  readAt!: Date | null;

  /** Identity of what is notified (a reminder: its deadline and offset): never twice to one user. */
  @Column({ name: "dedup_key", type: "text", nullable: true })
  dedupKey!: string | null;
}

export type MailDeliveryStatus = "PENDING" | "SENDING" | "SENT" | "FAILED";

/**
 * One e-mail to send, and what became of it: the outbox of the mail jobs and the record of what was
 * sent. `dedupKey` is unique (a reminder: recipient, deadline and offset), so one e-mail is recorded
 * once however many API instances scan; a job claims it (PENDING or FAILED → SENDING) in one statement
 * before talking to the SMTP server, so a retried or duplicated job never sends it twice.
 */
@Entity({ name: "mail_delivery" })
@Index("ix_mail_delivery_status", ["status", "createdAt"])
@Check("ck_mail_delivery_status", "status IN ('PENDING','SENDING','SENT','FAILED')")
export class MailDelivery extends BaseEntity {
  @Index({ unique: true })
  @Column({ name: "dedup_key", type: "text" })
  dedupKey!: string;

  /** Template of the e-mail (REMINDER, NOTIFICATION, PASSWORD_RESET). */
  @Column({ type: "text" })
  template!: MailTemplate;

  @Index()
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(() => AppUser, { onDelete: "SET NULL" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  /** Recipient's address (personal data) when the e-mail was recorded. */
  @Column({ name: "to_address", type: "text" })
  toAddress!: string;

  @Column({ type: "text" })
  subject!: string;

  /** What the template needs (never a secret: a reset link's token is not kept). */
  @Column({ type: "jsonb" })
  payload!: Record<string, unknown>;

  @Column({ type: "text", default: "PENDING" })
  status!: MailDeliveryStatus;

  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;

  @Column({ name: "claimed_at", type: "timestamptz", precision: 3, nullable: true })
  claimedAt!: Date | null;

  @Column({ name: "sent_at", type: "timestamptz", precision: 3, nullable: true })
  sentAt!: Date | null;

  /** Message-ID accepted by the SMTP server (`<journal-…>` when only logged). */
  @Column({ name: "message_id", type: "text", nullable: true })
  messageId!: string | null;
}

/** A password reset link: only the SHA-256 of its token is stored; used once, before it expires. */
@Entity({ name: "password_reset_token" })
export class PasswordResetToken {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index()
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  @Index({ unique: true })
  @Column({ name: "token_hash", type: "text" })
  tokenHash!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "timestamptz", precision: 3 })
  expiresAt!: Date;

  /** When it was used. */
  @Column({ name: "used_at", type: "timestamptz", precision: 3, nullable: true })
  usedAt!: Date | null;

  /** Replaced by a newer link before being used. */
  @Column({ type: "boolean", default: false })
  revoked!: boolean;
}

/**
 * One password reset request, keyed by the SHA-256 of the address and by the IP (throttling lives in
 * PostgreSQL, shared by every API instance).
 */
@Entity({ name: "password_reset_request" })
@Index("ix_password_reset_request_key", ["key", "requestedAt"])
export class PasswordResetRequest {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  key!: string;

  @Column({ name: "requested_at", type: "timestamptz", precision: 3 })
  requestedAt!: Date;
}
