import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import type {
  AttainmentLevel,
  AuditTeamRole,
  AwardType,
  CandidatureKind,
  CandidatureState,
  OptionalCriterionVariant,
  TransitionName,
} from "@ldm/domain";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import {
  AttainmentLevelEnum,
  AuditTeamRoleEnum,
  AwardTypeEnum,
  CandidatureKindEnum,
  CandidatureStateEnum,
  CandidatureTransitionEnum,
  OptionalCriterionVariantEnum,
} from "../../common/enums";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";

/** A candidature for the label: one establishment, or a network of co-applicants. */
@ObjectType({
  description: "Candidature au label « Lycée des métiers » (individuelle ou en réseau).",
})
@Entity({ name: "candidature" })
@Index(["createdAt", "id"])
export class Candidature extends BaseEntity {
  @Field(() => CandidatureKindEnum, { description: "Candidature individuelle ou en réseau." })
  @Index()
  @Column({ type: "text" })
  kind!: CandidatureKind;

  @Field(() => AwardTypeEnum, { description: "Première labellisation ou renouvellement." })
  @Column({ name: "award_type", type: "text" })
  awardType!: AwardType;

  @Field(() => CandidatureStateEnum, { description: "État dans la procédure." })
  @Index()
  @Column({ type: "text" })
  state!: CandidatureState;

  @Field(() => String, {
    description:
      "Version du référentiel (cahier des charges) sous laquelle la candidature a été ouverte.",
  })
  @Column({ name: "referential_version", type: "text" })
  referentialVersion!: string;

  @Field(() => String, {
    nullable: true,
    description: "Intitulé du label envisagé, qui met en exergue un cœur de métier.",
  })
  @Column({ name: "label_title", type: "text", nullable: true })
  labelTitle!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Date programmée de l'audit." })
  @Column({ name: "audit_date", type: "date", nullable: true })
  auditDate!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date de publication du label au BOEN (début de validité).",
  })
  @Column({ name: "publication_date", type: "date", nullable: true })
  publicationDate!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Date et heure du dépôt du dossier.",
  })
  @Column({ name: "submitted_at", type: "timestamptz", precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Candidature précédente dont celle-ci est le renouvellement.",
  })
  @Index()
  @Column({ name: "renews_candidature_id", type: "uuid", nullable: true })
  renewsCandidatureId!: string | null;

  @ManyToOne(() => Candidature, { onDelete: "SET NULL" })
  @JoinColumn({ name: "renews_candidature_id" })
  renewsCandidature?: Candidature;
}

/** Columns of every row that belongs to one candidature (deleted with it). */
@ObjectType({ description: "Élément d'une candidature." })
export abstract class CandidaturePart extends BaseEntity {
  @Index()
  @Column({ name: "candidature_id", type: "uuid" })
  candidatureId!: string;

  @ManyToOne(() => Candidature, { onDelete: "CASCADE" })
  @JoinColumn({ name: "candidature_id" })
  candidature?: Candidature;
}

/** Columns of a candidature's row that concerns one of its establishments. */
@ObjectType({ description: "Élément d'une candidature propre à un établissement." })
export abstract class EstablishmentPart extends CandidaturePart {
  @Index()
  @Column({ name: "establishment_id", type: "uuid" })
  establishmentId!: string;

  @ManyToOne(() => Establishment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;
}

/** Membership of an establishment in a candidature; the lead is the « établissement porteur ». */
@ObjectType({
  description:
    "Établissement candidat ou cocandidat d'une candidature (avec l'indication du porteur).",
})
@Entity({ name: "co_applicant" })
@Unique("uq_co_applicant_member", ["candidatureId", "establishmentId"])
@Index("uq_co_applicant_lead", ["candidatureId"], { unique: true, where: "is_lead" })
@Check("ck_co_applicant_optional_criterion", "optional_criterion_variant IN ('A','B')")
export class CoApplicant extends EstablishmentPart {
  @Field(() => Boolean, { description: "Vrai pour l'établissement porteur de la candidature." })
  @Column({ name: "is_lead", type: "boolean", default: false })
  isLead!: boolean;

  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description:
      "Variante du critère régional optionnel n° 9 choisie par cet établissement (« au choix de l'établissement » : 9-a, 9-b, ou aucune si vide).",
  })
  @Column({ name: "optional_criterion_variant", type: "text", nullable: true })
  optionalCriterionVariant!: OptionalCriterionVariant | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date de réception de la lettre d'engagement de l'établissement.",
  })
  @Column({ name: "engagement_letter_on", type: "date", nullable: true })
  engagementLetterOn!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date du conseil d'administration qui a approuvé la candidature (procès-verbal).",
  })
  @Column({ name: "board_minutes_on", type: "date", nullable: true })
  boardMinutesOn!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Approbation du dépôt par le chef de cet établissement (candidature en réseau).",
  })
  @Column({ name: "submission_approved_at", type: "timestamptz", precision: 3, nullable: true })
  submissionApprovedAt!: Date | null;

  @Column({ name: "submission_approved_by", type: "uuid", nullable: true })
  submissionApprovedBy!: string | null;
}

/** One establishment's answer on one criterion of a candidature. */
@ObjectType({ description: "Réponse d'un établissement sur un critère (auto-évaluation)." })
@Entity({ name: "criterion_response" })
@Unique("uq_criterion_response", ["candidatureId", "criterionCode", "establishmentId"])
export class CriterionResponse extends EstablishmentPart {
  @Field(() => String, { description: "Code du critère (1 à 8, 9a ou 9b)." })
  @Column({ name: "criterion_code", type: "text" })
  criterionCode!: string;

  @Field(() => String, {
    description: "Synthèse de la démarche sur le critère (texte enrichi, nettoyé).",
  })
  @Column({ type: "text", default: "" })
  narrative!: string;

  @Field(() => String, { description: "Ce qui est prévu (texte enrichi, nettoyé)." })
  @Column({ type: "text", default: "" })
  planned!: string;

  @Field(() => String, { description: "Ce qui est fait (texte enrichi, nettoyé)." })
  @Column({ type: "text", default: "" })
  done!: string;

  @Field(() => String, { description: "Ce qui est mesuré (texte enrichi, nettoyé)." })
  @Column({ type: "text", default: "" })
  measured!: string;

  @Field(() => String, { description: "Ce qui est amélioré (texte enrichi, nettoyé)." })
  @Column({ type: "text", default: "" })
  improved!: string;

  @Field(() => AttainmentLevelEnum, {
    nullable: true,
    description: "Niveau d'atteinte auto-évalué.",
  })
  @Column({ name: "self_assessed_level", type: "text", nullable: true })
  selfAssessedLevel!: AttainmentLevel | null;

  @Field(() => [String], { description: "Attendus du cahier des charges traités (identifiants)." })
  @Column({ name: "addressed_expectation_ids", type: "text", array: true, default: () => "'{}'" })
  addressedExpectationIds!: string[];

  @Field(() => [String], { description: "Fiches Qualéduc utilisées (codes)." })
  @Column({ name: "qualeduc_fiche_codes", type: "text", array: true, default: () => "'{}'" })
  qualeducFicheCodes!: string[];

  @Field(() => String, { nullable: true, description: "Action emblématique : intitulé." })
  @Column({ name: "emblematic_action_title", type: "text", nullable: true })
  emblematicActionTitle!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Action emblématique : description (texte enrichi, nettoyé).",
  })
  @Column({ name: "emblematic_action_description", type: "text", nullable: true })
  emblematicActionDescription!: string | null;

  @Field(() => Boolean, {
    description: "Critère 6 seulement : critère rempli de fait par le label Euroscol.",
  })
  @Column({ name: "met_by_euroscol", type: "boolean", default: false })
  metByEuroscol!: boolean;

  @Field(() => [String], {
    description: "Pièces justificatives citées par cette réponse (identifiants).",
  })
  @Column({ name: "cited_evidence_ids", type: "uuid", array: true, default: () => "'{}'" })
  citedEvidenceIds!: string[];

  @Field(() => Int, { description: "Numéro de version, incrémenté à chaque enregistrement." })
  @Column({ type: "integer", default: 1 })
  version!: number;
}

/** The network's common strategy on criterion 4, 5, 6 or 8. */
@ObjectType({
  description: "Stratégie commune d'une candidature en réseau (critères 4, 5, 6 et 8).",
})
@Entity({ name: "common_strategy" })
@Unique("uq_common_strategy", ["candidatureId", "criterionCode"])
@Check("ck_common_strategy_criterion", "criterion_code IN ('4','5','6','8')")
export class CommonStrategy extends CandidaturePart {
  @Field(() => String, { description: "Code du critère (4, 5, 6 ou 8)." })
  @Column({ name: "criterion_code", type: "text" })
  criterionCode!: string;

  @Field(() => String, { description: "Texte de la stratégie commune." })
  @Column({ type: "text", default: "" })
  text!: string;

  @Field(() => Int, {
    description:
      "Numéro de version : un enregistrement fondé sur une version périmée est refusé (CONFLICT).",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  /** Account that saved the current version (shown to the other co-applicants). */
  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedBy!: string | null;
}

/** A member of the steering team (a user of a member establishment) in charge of one criterion. */
@ObjectType({ description: "Pilote d'un critère pour un établissement (équipe de pilotage)." })
@Entity({ name: "criterion_pilot" })
@Unique("uq_criterion_pilot_user", ["candidatureId", "establishmentId", "criterionCode", "userId"])
export class CriterionPilot extends EstablishmentPart {
  @Field(() => String, { description: "Code du critère piloté." })
  @Column({ name: "criterion_code", type: "text" })
  criterionCode!: string;

  @Index()
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;
}

/**
 * An auditor of a candidature's audit team, assigned by DRAFPIC: their role in the team (one lead
 * auditor, an inspector) and their declaration of independence and confidentiality (until it is signed,
 * the auditor reads nothing of the candidature). The rules: `audit-team.ts` in @ldm/domain; the use
 * cases: `modules/assessment/`.
 */
@ObjectType("AuditTeamMember", {
  description:
    "Auditeur de l'équipe d'audit d'une candidature : son rôle et sa déclaration d'indépendance et de confidentialité.",
})
@Entity({ name: "candidature_auditor" })
@Unique("uq_candidature_auditor", ["candidatureId", "userId"])
@Index("uq_candidature_auditor_lead", ["candidatureId"], {
  unique: true,
  where: "team_role = 'LEAD'",
})
@Check("ck_candidature_auditor_team_role", "team_role IN ('LEAD','MEMBER')")
export class CandidatureAuditor extends CandidaturePart {
  @Index()
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: AppUser;

  @Field(() => AuditTeamRoleEnum, {
    description: "Auditeur principal (un inspecteur, un seul par équipe) ou membre de l'équipe.",
  })
  @Column({ name: "team_role", type: "text", default: "MEMBER" })
  teamRole!: AuditTeamRole;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description:
      "Date et heure de signature de la déclaration d'indépendance et de confidentialité (vide : non signée, l'auditeur ne lit rien du dossier).",
  })
  @Column({ name: "declaration_signed_at", type: "timestamptz", precision: 3, nullable: true })
  declarationSignedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Version du texte de la déclaration signée.",
  })
  @Column({ name: "declaration_text_version", type: "text", nullable: true })
  declarationTextVersion!: string | null;

  @Field(() => [String], {
    description:
      "Établissements avec lesquels l'auditeur a déclaré n'avoir aucun conflit d'intérêts (identifiants).",
  })
  @Column({
    name: "declared_establishment_ids",
    type: "uuid",
    array: true,
    default: () => "'{}'",
  })
  declaredEstablishmentIds!: string[];
}

/** One step of the procedure applied to a candidature (its history). */
@ObjectType({ description: "Étape franchie par une candidature (historique de la procédure)." })
@Entity({ name: "candidature_transition" })
export class CandidatureTransitionRecord extends CandidaturePart {
  @Field(() => CandidatureTransitionEnum, { description: "Étape franchie." })
  @Column({ type: "text" })
  transition!: TransitionName;

  @Field(() => CandidatureStateEnum, { description: "État avant l'étape." })
  @Column({ name: "from_state", type: "text" })
  fromState!: CandidatureState;

  @Field(() => CandidatureStateEnum, { description: "État après l'étape." })
  @Column({ name: "to_state", type: "text" })
  toState!: CandidatureState;

  @Field(() => GraphQLLocalDate, { description: "Date effective de l'étape." })
  @Column({ name: "effective_date", type: "date" })
  effectiveDate!: string;

  @Field(() => String, { nullable: true, description: "Commentaire libre." })
  @Column({ type: "text", nullable: true })
  comment!: string | null;
}
