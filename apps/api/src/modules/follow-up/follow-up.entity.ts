/**
 * The label's five years: the mid-term follow-up (*suivi intermédiaire*) of a labelled candidature — who
 * came, the findings, where each commitment of the audit stands — and, for a renewal pre-filled from the
 * previous dossier, where each copied indicator or evidence came from (so that the renewal's diff pairs
 * them even once renamed). The rules: `follow-up.ts` and `renewal.ts` in @ldm/domain.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import {
  COMMITMENT_PROGRESS_LABELS,
  type CommitmentProgress,
  type VisitAttendeeKind,
} from "@ldm/domain";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { enumOf } from "../../common/enums";
import { AuditCommitment } from "../assessment/assessment.entity";
import { CandidaturePart } from "../candidature/candidature.entity";
import { Indicator } from "../dossier/indicator.entity";
import { Establishment } from "../establishment/establishment.entity";
import { Evidence } from "../evidence/evidence.entity";
import { AppUser } from "../identity/user.entity";
import { VisitAttendeeKindEnum } from "../preparation/preparation.entity";

export const CommitmentProgressEnum = enumOf(
  "CommitmentProgress",
  "Où en est un engagement pris lors de l'audit, au suivi intermédiaire.",
  COMMITMENT_PROGRESS_LABELS,
);

/** The mid-term follow-up of a labelled candidature (one per candidature). */
@ObjectType({
  description:
    "Suivi intermédiaire du label, à mi-parcours de ses cinq ans : date, participants (DRAFPIC, inspecteurs référents), constats et point sur chaque engagement de l'audit.",
})
@Entity({ name: "mid_term_review" })
@Unique("uq_mid_term_review_candidature", ["candidatureId"])
export class MidTermReview extends CandidaturePart {
  @Field(() => GraphQLLocalDate, { description: "Date du suivi intermédiaire." })
  @Column({ name: "held_on", type: "date" })
  heldOn!: string;

  @Field(() => String, { description: "Constats du suivi intermédiaire (texte brut)." })
  @Column({ type: "text" })
  findings!: string;

  @Field(() => GraphQLDateTimeISO, { description: "Date et heure de l'enregistrement." })
  @Column({ name: "recorded_at", type: "timestamptz", precision: 3 })
  recordedAt!: Date;

  /** The DRAFPIC member who recorded it. */
  @Column({ name: "recorded_by", type: "uuid", nullable: true })
  recordedBy!: string | null;
}

/** Someone who came to the mid-term follow-up. */
@ObjectType({ description: "Participant au suivi intermédiaire." })
@Entity({ name: "mid_term_review_attendee" })
@Check("ck_mid_term_attendee_kind", "kind IN ('DRAFPIC','REFERENT_INSPECTOR','OTHER')")
export class MidTermReviewAttendee extends BaseEntity {
  @Index()
  @Column({ name: "review_id", type: "uuid" })
  reviewId!: string;

  @ManyToOne(() => MidTermReview, { onDelete: "CASCADE" })
  @JoinColumn({ name: "review_id" })
  review?: MidTermReview;

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
    description: "Nom du participant, tel qu'au jour du suivi (donnée personnelle).",
  })
  @Column({ name: "full_name", type: "text" })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "Fonction du participant." })
  @Column({ name: "job_title", type: "text", nullable: true })
  jobTitle!: string | null;
}

/** Where one commitment of the audit stands at the mid-term follow-up. */
@ObjectType({
  description: "Point sur un engagement pris lors de l'audit, au suivi intermédiaire.",
})
@Entity({ name: "commitment_review" })
@Unique("uq_commitment_review", ["reviewId", "commitmentId"])
@Check(
  "ck_commitment_review_progress",
  "progress IN ('DONE','IN_PROGRESS','NOT_STARTED','ABANDONED')",
)
export class CommitmentReview extends BaseEntity {
  @Index()
  @Column({ name: "review_id", type: "uuid" })
  reviewId!: string;

  @ManyToOne(() => MidTermReview, { onDelete: "CASCADE" })
  @JoinColumn({ name: "review_id" })
  review?: MidTermReview;

  @Index()
  @Column({ name: "commitment_id", type: "uuid" })
  commitmentId!: string;

  @ManyToOne(() => AuditCommitment, { onDelete: "CASCADE" })
  @JoinColumn({ name: "commitment_id" })
  commitment?: AuditCommitment;

  /** Order of the commitments (their deadlines). */
  @Column({ type: "integer" })
  position!: number;

  @Field(() => CommitmentProgressEnum, {
    description: "Réalisé, en cours, non engagé ou abandonné.",
  })
  @Column({ type: "text" })
  progress!: CommitmentProgress;

  @Field(() => String, {
    nullable: true,
    description: "Commentaire (obligatoire pour un engagement qui n'est pas réalisé).",
  })
  @Column({ type: "text", nullable: true })
  comment!: string | null;
}

/**
 * Where an indicator or an evidence of a renewal was copied from: its id in the dossier frozen at the
 * previous submission. Deleted with the copy (which then reads « removed » in the renewal's diff).
 */
@Entity({ name: "renewal_origin" })
@Check("ck_renewal_origin_item", "(indicator_id IS NULL) <> (evidence_id IS NULL)")
export class RenewalOrigin extends CandidaturePart {
  @Index({ unique: true, where: "indicator_id IS NOT NULL" })
  @Column({ name: "indicator_id", type: "uuid", nullable: true })
  indicatorId!: string | null;

  @ManyToOne(() => Indicator, { onDelete: "CASCADE" })
  @JoinColumn({ name: "indicator_id" })
  indicator?: Indicator;

  @Index({ unique: true, where: "evidence_id IS NOT NULL" })
  @Column({ name: "evidence_id", type: "uuid", nullable: true })
  evidenceId!: string | null;

  @ManyToOne(() => Evidence, { onDelete: "CASCADE" })
  @JoinColumn({ name: "evidence_id" })
  evidence?: Evidence;

  /** The item's id in the previous frozen dossier. */
  @Column({ name: "previous_id", type: "text" })
  previousId!: string;
}
