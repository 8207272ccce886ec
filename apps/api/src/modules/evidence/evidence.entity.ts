import { Field, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import type { EngagementDocumentKind, EvidenceKind } from "@ldm/domain";
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { EngagementDocumentKindEnum, EvidenceKindEnum } from "../../common/enums";
import { CandidaturePart, EstablishmentPart } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";

/** A piece of evidence of the dossier's library; its file lives in revisions. */
@ObjectType({ description: "Pièce justificative de la bibliothèque du dossier." })
@Entity({ name: "evidence" })
export class Evidence extends CandidaturePart {
  @Index()
  @Column({ name: "establishment_id", type: "uuid", nullable: true })
  establishmentId!: string | null;

  @ManyToOne(() => Establishment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "establishment_id" })
  establishment?: Establishment;

  @Field(() => String, { description: "Titre de la pièce." })
  @Column({ type: "text" })
  title!: string;

  @Field(() => EvidenceKindEnum, { description: "Nature de la pièce." })
  @Column({ type: "text" })
  kind!: EvidenceKind;

  @Field(() => GraphQLLocalDate, { description: "Date propre de la pièce (pas la date de dépôt)." })
  @Column({ name: "effective_date", type: "date" })
  effectiveDate!: string;

  @Field(() => [String], { description: "Critères étayés par la pièce." })
  @Column({ name: "criterion_codes", type: "text", array: true })
  criterionCodes!: string[];

  @Field(() => Int, { description: "Numéro de la révision en vigueur." })
  @Column({ name: "current_revision", type: "integer", default: 1 })
  currentRevision!: number;
}

/** One uploaded file of an evidence; a new file adds a revision and keeps the history. */
@ObjectType({ description: "Version d'un fichier de pièce justificative." })
@Entity({ name: "evidence_revision" })
@Unique("uq_evidence_revision", ["evidenceId", "revision"])
export class EvidenceRevision extends BaseEntity {
  @Index()
  @Column({ name: "evidence_id", type: "uuid" })
  evidenceId!: string;

  @ManyToOne(() => Evidence, { onDelete: "CASCADE" })
  @JoinColumn({ name: "evidence_id" })
  evidence?: Evidence;

  @Field(() => Int, { description: "Numéro de révision (1, 2, …)." })
  @Column({ type: "integer" })
  revision!: number;

  @Field(() => String, { description: "Empreinte SHA-256 du contenu (hexadécimal)." })
  @Index()
  @Column({ type: "text" })
  sha256!: string;

  @Field(() => String, { description: "Nom du fichier (nettoyé)." })
  @Column({ name: "file_name", type: "text" })
  fileName!: string;

  @Field(() => String, { description: "Type détecté à partir du contenu (type MIME)." })
  @Column({ name: "media_type", type: "text" })
  mediaType!: string;

  @Field(() => Int, { description: "Taille en octets." })
  @Column({ name: "size_bytes", type: "integer" })
  sizeBytes!: number;

  @Column({ name: "uploaded_by", type: "uuid", nullable: true })
  uploadedBy!: string | null;
}

/** An engagement letter or board minutes of one establishment of a candidature. */
@ObjectType({
  description:
    "Lettre d'engagement ou procès-verbal du conseil d'administration d'un établissement.",
})
@Entity({ name: "engagement_document" })
export class EngagementDocument extends EstablishmentPart {
  @Field(() => EngagementDocumentKindEnum, { description: "Nature du document." })
  @Column({ type: "text" })
  kind!: EngagementDocumentKind;

  @Field(() => String, { description: "Empreinte SHA-256 du contenu." })
  @Index()
  @Column({ type: "text" })
  sha256!: string;

  @Field(() => String, { description: "Nom du fichier (nettoyé)." })
  @Column({ name: "file_name", type: "text" })
  fileName!: string;

  @Field(() => String, { description: "Type détecté à partir du contenu." })
  @Column({ name: "media_type", type: "text" })
  mediaType!: string;

  @Field(() => Int, { description: "Taille en octets." })
  @Column({ name: "size_bytes", type: "integer" })
  sizeBytes!: number;

  @Column({ name: "uploaded_by", type: "uuid", nullable: true })
  uploadedBy!: string | null;
}

/** The frozen dossier at submission: what the auditors read; never changed afterwards. */
@ObjectType({ description: "Version déposée (figée) du dossier, lue par les auditeurs." })
@Entity({ name: "dossier_snapshot" })
export class DossierSnapshot extends CandidaturePart {
  @Field(() => GraphQLDateTimeISO, { description: "Date et heure du dépôt." })
  @Column({ name: "submitted_at", type: "timestamptz", precision: 3 })
  submittedAt!: Date;

  @Field(() => String, { description: "Empreinte SHA-256 du contenu figé." })
  @Column({ type: "text" })
  sha256!: string;

  /** The frozen dossier (JSON), exposed through a typed resolver. */
  @Column({ type: "jsonb" })
  content!: Record<string, unknown>;
}
