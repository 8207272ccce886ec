import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import {
  CAEN_OPINION_LABELS,
  GRALM_PROPOSAL_LABELS,
  RECTOR_OUTCOME_LABELS,
  type CaenOpinion,
  type GralmMember,
  type GralmProposal,
  type RectorOutcome,
} from "@ldm/domain";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { enumOf } from "../../common/enums";
import { Academie } from "../academie/academie.entity";
import { CandidaturePart, EstablishmentPart } from "../candidature/candidature.entity";

export const GralmProposalEnum = enumOf(
  "GralmProposal",
  "Proposition du GRALM pour une candidature.",
  GRALM_PROPOSAL_LABELS,
);
export const CaenOpinionEnum = enumOf(
  "CaenOpinion",
  "Avis du (INTER-)CAEN sur une candidature.",
  CAEN_OPINION_LABELS,
);
export const RectorOutcomeEnum = enumOf(
  "RectorOutcome",
  "Décision du recteur pour un établissement.",
  RECTOR_OUTCOME_LABELS,
);

/** A member present at a GRALM session: a name and a role (not an account of the platform). */
@ObjectType({ description: "Membre présent à une session du GRALM." })
export class GralmSessionMember implements GralmMember {
  @Field(() => String, {
    nullable: true,
    description: "Nom du membre (donnée personnelle : masquée aux analystes).",
  })
  fullName!: string;

  @Field(() => String, {
    description: "Fonction ou qualité du membre (ex. « IEN-ET », « DRAFPIC »).",
  })
  role!: string;
}

/** A meeting of the regional group GRALM, whose agenda lists the candidatures it examines. */
@ObjectType({
  description:
    "Session du groupe de région académique « Lycée des métiers » (GRALM), qui propose les candidatures au recteur.",
})
@Entity({ name: "gralm_session" })
@Index("idx_gralm_session_date", ["sessionDate", "id"])
export class GralmSession extends BaseEntity {
  @Field(() => GraphQLLocalDate, { description: "Date de la session." })
  @Column({ name: "session_date", type: "date" })
  sessionDate!: string;

  @Field(() => [GralmSessionMember], { description: "Membres présents (noms et fonctions)." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  members!: GralmMember[];

  @Field(() => String, {
    nullable: true,
    description: "Observations générales consignées au procès-verbal.",
  })
  @Column({ type: "text", nullable: true })
  notes!: string | null;
}

/** A candidature on the agenda of a GRALM session, with the proposal the session made for it. */
@ObjectType({
  description: "Candidature inscrite à une session du GRALM, avec la proposition de la session.",
})
@Entity({ name: "gralm_session_item" })
@Unique("uq_gralm_session_item", ["sessionId", "candidatureId"])
@Index("uq_gralm_session_item_pending", ["candidatureId"], {
  unique: true,
  where: "proposal IS NULL",
})
@Check("ck_gralm_session_item_proposal", "proposal IN ('FAVOURABLE','UNFAVOURABLE','POSTPONED')")
@Check(
  "ck_gralm_session_item_motivation",
  "(proposal IS NULL) = (motivation IS NULL AND proposed_at IS NULL)",
)
export class GralmSessionItem extends CandidaturePart {
  @Index()
  @Column({ name: "session_id", type: "uuid" })
  sessionId!: string;

  @ManyToOne(() => GralmSession, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id" })
  session?: GralmSession;

  @Field(() => Int, { description: "Rang de la candidature dans l'ordre du jour (à partir de 1)." })
  @Column({ type: "integer" })
  position!: number;

  @Field(() => GralmProposalEnum, {
    nullable: true,
    description: "Proposition de la session (vide tant qu'elle n'est pas enregistrée).",
  })
  @Column({ type: "text", nullable: true })
  proposal!: GralmProposal | null;

  @Field(() => String, { nullable: true, description: "Motivation de la proposition." })
  @Column({ type: "text", nullable: true })
  motivation!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure d'enregistrement de la proposition.",
  })
  @Column({ name: "proposed_at", type: "timestamptz", precision: 3, nullable: true })
  proposedAt!: Date | null;
}

/** The (INTER-)CAEN's opinion on a candidature. */
@ObjectType({ description: "Avis du conseil académique de l'éducation nationale (INTER-CAEN)." })
@Entity({ name: "caen_opinion" })
@Unique("uq_caen_opinion_candidature", ["candidatureId"])
@Check("ck_caen_opinion", "opinion IN ('FAVOURABLE','UNFAVOURABLE')")
export class CaenOpinionRecord extends CandidaturePart {
  @Field(() => GraphQLLocalDate, { description: "Date de la séance qui a rendu l'avis." })
  @Column({ name: "opinion_date", type: "date" })
  opinionDate!: string;

  @Field(() => CaenOpinionEnum, { description: "Avis favorable ou défavorable." })
  @Column({ type: "text" })
  opinion!: CaenOpinion;

  @Field(() => String, { nullable: true, description: "Commentaire." })
  @Column({ type: "text", nullable: true })
  comment!: string | null;
}

/** The decision of the rector of an establishment's académie on its label. */
@ObjectType({
  description:
    "Décision du recteur de l'académie de l'établissement (une décision par établissement, prise par le recteur de son académie).",
})
@Entity({ name: "rector_decision" })
@Unique("uq_rector_decision_establishment", ["candidatureId", "establishmentId"])
@Check("ck_rector_decision_outcome", "outcome IN ('APPROVED','REFUSED')")
export class RectorDecision extends EstablishmentPart {
  @Field(() => String, {
    description: "Académie dont le recteur a décidé (AIX_MARSEILLE ou NICE).",
  })
  @Index()
  @Column({ name: "academie_code", type: "text" })
  academieCode!: string;

  @ManyToOne(() => Academie, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "academie_code" })
  academie?: Academie;

  @Field(() => GraphQLLocalDate, { description: "Date de la décision." })
  @Column({ name: "decided_on", type: "date" })
  decidedOn!: string;

  @Field(() => RectorOutcomeEnum, { description: "Label accordé ou refusé." })
  @Column({ type: "text" })
  outcome!: RectorOutcome;

  @Field(() => String, { nullable: true, description: "Commentaire ou motivation de la décision." })
  @Column({ type: "text", nullable: true })
  comment!: string | null;
}
