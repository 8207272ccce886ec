/**
 * What the audit team writes: each auditor's draft grid and the team's consolidated assessment (one
 * table, `assessment_entry`), the findings (improvement areas, commitments) and the report. Every row
 * carries a version: a write based on an older one is a CONFLICT. `assessment_write` remembers each
 * write's client-generated id, so that a write replayed by an offline client changes nothing and answers
 * the same result. The rules: `assessment.ts`, `audit-report.ts` and `audit-team.ts` in @ldm/domain.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import type {
  AttainmentLevel,
  AuditRecommendation,
  AuditReportStatus,
  ImprovementSeverity,
} from "@ldm/domain";
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from "typeorm";
import {
  AttainmentLevelEnum,
  AuditRecommendationEnum,
  AuditReportStatusEnum,
  ImprovementSeverityEnum,
} from "../../common/enums";
import { Candidature, CandidaturePart, EstablishmentPart } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";

/**
 * One line of the grid as assessed by one auditor (their draft) or by the team (consolidated by the lead
 * auditor; `auditorId` null). A line is a criterion as a whole (`expectationId` '') or one of its
 * expectations, for one establishment.
 */
@ObjectType("AssessmentEntry", {
  description:
    "Appréciation d'une ligne de la grille d'évaluation : brouillon d'un auditeur, ou évaluation consolidée de l'équipe.",
})
@Entity({ name: "assessment_entry" })
@Index(
  "uq_assessment_entry_draft",
  ["candidatureId", "establishmentId", "criterionCode", "expectationId", "auditorId"],
  { unique: true, where: "auditor_id IS NOT NULL" },
)
@Index(
  "uq_assessment_entry_team",
  ["candidatureId", "establishmentId", "criterionCode", "expectationId"],
  { unique: true, where: "auditor_id IS NULL" },
)
@Check("ck_assessment_entry_level", "level IN ('NOT_MET','PARTIALLY_MET','MET','EXCEEDED')")
export class AssessmentEntry extends EstablishmentPart {
  @Field(() => String, { description: "Code du critère (1 à 8, 9a ou 9b)." })
  @Column({ name: "criterion_code", type: "text" })
  criterionCode!: string;

  /** '' for the criterion as a whole (exposed as null). */
  @Column({ name: "expectation_id", type: "text", default: "" })
  expectationId!: string;

  /** The auditor whose draft this is; null for the team's consolidated assessment. */
  @Index()
  @Column({ name: "auditor_id", type: "uuid", nullable: true })
  auditorId!: string | null;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "auditor_id" })
  auditor?: AppUser;

  @Field(() => AttainmentLevelEnum, {
    nullable: true,
    description: "Niveau d'atteinte sur l'échelle à quatre niveaux (vide : pas encore évalué).",
  })
  @Column({ type: "text", nullable: true })
  level!: AttainmentLevel | null;

  @Field(() => String, { description: "Commentaire (texte brut)." })
  @Column({ type: "text", default: "" })
  comment!: string;

  @Field(() => String, { description: "Points forts relevés (texte brut)." })
  @Column({ type: "text", default: "" })
  strengths!: string;

  @Field(() => Int, {
    description:
      "Numéro de version : une écriture fondée sur une version périmée est refusée (CONFLICT).",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  /** Account that wrote the current version. */
  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy!: string | null;
}

/** Columns shared by the findings: a client-generated id, an optional scope, a version, a soft delete. */
@ObjectType("AuditFinding", { description: "Constat de l'équipe d'audit." })
export abstract class AuditFinding extends CandidaturePart {
  /** The establishment concerned; null for the whole candidature (the network). */
  @Index()
  @Column({ name: "establishment_id", type: "uuid", nullable: true })
  establishmentId!: string | null;

  @ManyToOne(() => Establishment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;

  @Field(() => String, {
    nullable: true,
    description: "Critère concerné (vide : la démarche dans son ensemble).",
  })
  @Column({ name: "criterion_code", type: "text", nullable: true })
  criterionCode!: string | null;

  @Field(() => String, { description: "Énoncé (texte brut)." })
  @Column({ type: "text" })
  description!: string;

  @Field(() => Int, {
    description:
      "Numéro de version : une écriture fondée sur une version périmée est refusée (CONFLICT).",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description:
      "Date et heure du retrait (vide : en vigueur). Un retrait est une écriture versionnée.",
  })
  @Column({ name: "removed_at", type: "timestamptz", precision: 3, nullable: true })
  removedAt!: Date | null;

  /** Account that wrote the current version. */
  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy!: string | null;
}

/** An improvement area (axe de progrès) named by the auditors, graded major or minor. */
@ObjectType("ImprovementArea", {
  description: "Axe de progrès relevé par l'équipe d'audit, majeur (réserve) ou mineur.",
})
@Entity({ name: "improvement_area" })
@Check("ck_improvement_area_severity", "severity IN ('MAJOR','MINOR')")
export class ImprovementArea extends AuditFinding {
  @Field(() => ImprovementSeverityEnum, { description: "Majeur (une réserve) ou mineur." })
  @Column({ type: "text" })
  severity!: ImprovementSeverity;
}

/** A commitment (engagement) the establishment takes at the audit, with its owner and deadline. */
@ObjectType("AuditCommitment", {
  description:
    "Engagement pris par l'établissement lors de l'audit, avec son porteur et son échéance.",
})
@Entity({ name: "audit_commitment" })
export class AuditCommitment extends AuditFinding {
  @Field(() => String, {
    nullable: true,
    description:
      "Porteur de l'engagement (fonction ou personne ; donnée personnelle, vide pour les analystes).",
  })
  @Column({ type: "text" })
  owner!: string;

  @Field(() => GraphQLLocalDate, { description: "Échéance de l'engagement." })
  @Column({ name: "due_on", type: "date" })
  dueOn!: string;

  @Field(() => String, {
    nullable: true,
    description: "Axe de progrès auquel l'engagement répond, le cas échéant.",
  })
  @Index()
  @Column({ name: "improvement_area_id", type: "uuid", nullable: true })
  improvementAreaId!: string | null;

  @ManyToOne(() => ImprovementArea, { onDelete: "SET NULL" })
  @JoinColumn({ name: "improvement_area_id" })
  improvementArea?: ImprovementArea;
}

/** The audit report: drafted by the lead auditor, finalised once (then immutable). */
@ObjectType("AuditReport", {
  description:
    "Rapport d'audit de l'équipe : avis, synthèse, proposition d'intitulé ; immuable une fois finalisé.",
})
@Entity({ name: "audit_report" })
@Unique("uq_audit_report_candidature", ["candidatureId"])
@Check("ck_audit_report_status", "status IN ('DRAFT','FINAL')")
@Check(
  "ck_audit_report_recommendation",
  "recommendation IN ('FAVOURABLE','FAVOURABLE_WITH_RESERVATIONS','UNFAVOURABLE','POSTPONED')",
)
export class AuditReport extends CandidaturePart {
  @Field(() => AuditReportStatusEnum, { description: "En cours de rédaction ou finalisé." })
  @Column({ type: "text", default: "DRAFT" })
  status!: AuditReportStatus;

  @Field(() => AuditRecommendationEnum, {
    nullable: true,
    description: "Avis de l'équipe d'audit (vide : pas encore choisi).",
  })
  @Column({ type: "text", nullable: true })
  recommendation!: AuditRecommendation | null;

  @Field(() => String, { description: "Synthèse du rapport (texte brut)." })
  @Column({ type: "text", default: "" })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Proposition de modification de l'intitulé du label, notée lors de l'audit (vide : aucune).",
  })
  @Column({ name: "proposed_label_title", type: "text", nullable: true })
  proposedLabelTitle!: string | null;

  @Field(() => Int, {
    description:
      "Numéro de version : une écriture fondée sur une version périmée est refusée (CONFLICT).",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure de finalisation.",
  })
  @Column({ name: "finalised_at", type: "timestamptz", precision: 3, nullable: true })
  finalisedAt!: Date | null;

  /** The lead auditor who finalised it. */
  @Column({ name: "finalised_by", type: "uuid", nullable: true })
  finalisedBy!: string | null;

  /** Account that wrote the current version. */
  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy!: string | null;
}

/**
 * A write applied from the audit team's tools, under its client-generated id: replaying it (same id,
 * same content) answers `result` again and changes nothing.
 */
@Entity({ name: "assessment_write" })
export class AssessmentWrite {
  /** The client-generated id of the write. */
  @PrimaryColumn({ type: "uuid" })
  id!: string;

  @Index()
  @Column({ name: "candidature_id", type: "uuid" })
  candidatureId!: string;

  @ManyToOne(() => Candidature, { onDelete: "CASCADE" })
  @JoinColumn({ name: "candidature_id" })
  candidature?: Candidature;

  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  /** Entry, improvement area, commitment or report. */
  @Column({ name: "target_type", type: "text" })
  targetType!: string;

  @Column({ name: "target_id", type: "uuid" })
  targetId!: string;

  /** SHA-256 of the write's content (its target and values, not its id). */
  @Column({ name: "content_sha256", type: "text" })
  contentSha256!: string;

  /** The row as the write left it: the answer to a replay. */
  @Column({ type: "jsonb" })
  result!: Record<string, unknown>;

  @Column({ name: "created_at", type: "timestamptz", precision: 3, default: () => "now()" })
  createdAt!: Date;
}
