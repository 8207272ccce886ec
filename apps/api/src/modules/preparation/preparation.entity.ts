/**
 * Before the audit: each establishment's inspecteur référent, the preparatory visit of a candidature
 * (with who came) and its audit plan (a versioned JSON contract, `@ldm/contracts`' `audit-plan`).
 */
import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import { VISIT_ATTENDEE_KIND_LABELS, type VisitAttendeeKind } from "@ldm/domain";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { enumOf } from "../../common/enums";
import { CandidaturePart } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";

export const VisitAttendeeKindEnum = enumOf(
  "VisitAttendeeKind",
  "Qualité d'un participant à la visite préparatoire.",
  VISIT_ATTENDEE_KIND_LABELS,
);

/**
 * The inspecteur référent of an establishment: an inspector's account of the platform (`userId`), or
 * a person named without an account (`fullName`, `email`). Name and e-mail are personal data.
 */
@ObjectType({
  description:
    "Inspecteur référent d'un établissement : il peut accompagner la visite préparatoire et participe au suivi intermédiaire.",
})
@Entity({ name: "referent_inspector" })
@Check("ck_referent_inspector_identity", "(user_id IS NULL) <> (full_name IS NULL)")
@Check("ck_referent_inspector_email", "user_id IS NULL OR email IS NULL")
export class ReferentInspector extends BaseEntity {
  @Index({ unique: true })
  @Column({ name: "establishment_id", type: "uuid" })
  establishmentId!: string;

  @ManyToOne(() => Establishment, { onDelete: "CASCADE" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;

  /** The inspector's account (an auditor with the inspector profile), or null. */
  @Index()
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(() => AppUser, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  /** Name of a référent without an account (else the account's name is shown). */
  @Column({ name: "full_name", type: "text", nullable: true })
  fullName!: string | null;

  /** E-mail of a référent without an account. */
  @Column({ type: "text", nullable: true })
  email!: string | null;
}

/** The preparatory visit DRAFPIC makes once the dossier is submitted (one per candidature). */
@ObjectType({
  description:
    "Visite préparatoire à l'audit, organisée par la DRAFPIC une fois le dossier déposé.",
})
@Entity({ name: "preparatory_visit" })
@Unique("uq_preparatory_visit_candidature", ["candidatureId"])
export class PreparatoryVisit extends CandidaturePart {
  @Field(() => GraphQLLocalDate, { description: "Date prévue de la visite." })
  @Column({ name: "planned_on", type: "date" })
  plannedOn!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date à laquelle la visite a eu lieu (vide tant qu'elle n'est pas enregistrée).",
  })
  @Column({ name: "held_on", type: "date", nullable: true })
  heldOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Notes de la visite (constats, points à préparer pour l'audit).",
  })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure de l'enregistrement de la visite comme effectuée.",
  })
  @Column({ name: "recorded_at", type: "timestamptz", precision: 3, nullable: true })
  recordedAt!: Date | null;

  /** Account that recorded the visit as done. */
  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy!: string | null;
}

/** Someone expected at (while planned) or present at (once recorded) the preparatory visit. */
@ObjectType({ description: "Participant à la visite préparatoire (prévu, puis présent)." })
@Entity({ name: "preparatory_visit_attendee" })
@Check("ck_visit_attendee_kind", "kind IN ('DRAFPIC','REFERENT_INSPECTOR','OTHER')")
export class PreparatoryVisitAttendee extends BaseEntity {
  @Index()
  @Column({ name: "visit_id", type: "uuid" })
  visitId!: string;

  @ManyToOne(() => PreparatoryVisit, { onDelete: "CASCADE" })
  @JoinColumn({ name: "visit_id" })
  visit?: PreparatoryVisit;

  @Field(() => Int, { description: "Rang dans la liste des participants." })
  @Column({ type: "integer" })
  position!: number;

  @Field(() => VisitAttendeeKindEnum, { description: "Qualité du participant." })
  @Column({ type: "text" })
  kind!: VisitAttendeeKind;

  /** The account of a DRAFPIC member, or of an inspecteur référent who has one. */
  @Index()
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(() => AppUser, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  /** REFERENT_INSPECTOR: the member establishment whose référent came. */
  @Column({ name: "establishment_id", type: "uuid", nullable: true })
  establishmentId!: string | null;

  @ManyToOne(() => Establishment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;

  @Field(() => String, {
    nullable: true,
    description: "Nom du participant, tel qu'à la date de la visite (donnée personnelle).",
  })
  @Column({ name: "full_name", type: "text" })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "Fonction du participant." })
  @Column({ name: "job_title", type: "text", nullable: true })
  jobTitle!: string | null;
}

/**
 * The audit plan of a candidature: a draft the lead's head adjusts, then sends (RECEIVE_AUDIT_PLAN).
 * `content` follows `auditPlanContentSchema`; `version` counts the saves (optimistic concurrency).
 */
@ObjectType({
  description:
    "Plan d'audit : programme de la journée d'audit préparé par le chef de l'établissement porteur et transmis à la DRAFPIC au plus tard deux semaines avant l'audit.",
})
@Entity({ name: "audit_plan" })
@Unique("uq_audit_plan_candidature", ["candidatureId"])
export class AuditPlan extends CandidaturePart {
  @Field(() => Int, {
    description:
      "Numéro de version, incrémenté à chaque enregistrement : une modification fondée sur une version périmée est refusée (CONFLICT).",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  /** The plan itself (`@ldm/contracts` `auditPlanContentSchema`), exposed through typed fields. */
  @Column({ type: "jsonb" })
  content!: Record<string, unknown>;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "Date de l'audit à laquelle se rapporte la date limite (celle en vigueur pour un brouillon, celle de l'envoi pour un plan transmis).",
  })
  @Column({ name: "audit_date", type: "date", nullable: true })
  auditDate!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "Date limite d'envoi du plan (deux semaines avant l'audit) ; vide tant que la date de l'audit n'est pas fixée.",
  })
  @Column({ name: "due_date", type: "date", nullable: true })
  dueDate!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure de la transmission à la DRAFPIC (vide pour un brouillon).",
  })
  @Column({ name: "submitted_at", type: "timestamptz", precision: 3, nullable: true })
  submittedAt!: Date | null;

  /** Account that sent the plan. */
  @Column({ name: "submitted_by", type: "uuid", nullable: true })
  submittedBy!: string | null;

  /** Account that saved the current version. */
  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy!: string | null;
}
