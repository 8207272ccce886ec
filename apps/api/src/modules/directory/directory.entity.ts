/**
 * Imports of the national establishment directory (« Annuaire de l'éducation »): one row per import,
 * its counters updated as the file is read (a progress bar reads them), and its report — rejected rows
 * with their reasons, rows ignored by reason, establishments created or updated, mismatches between the
 * directory's `Lycee_des_metiers` flag and the platform's labels. The rules: `directory.ts` in
 * @ldm/domain.
 */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO } from "graphql-scalars";
import {
  DIRECTORY_IGNORE_REASON_LABELS,
  DIRECTORY_IMPORT_STATUS_LABELS,
  DIRECTORY_LABEL_MISMATCH_LABELS,
  DIRECTORY_UPSERT_OUTCOME_LABELS,
  type DirectoryIgnoreReason,
  type DirectoryImportStatus,
  type DirectoryLabelMismatch,
  type DirectoryUpsertOutcome,
} from "@ldm/domain";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import { enumOf } from "../../common/enums";
import { AppUser } from "../identity/user.entity";

export const DirectoryImportStatusEnum = enumOf(
  "DirectoryImportStatus",
  "État d'un import de l'annuaire de l'éducation.",
  DIRECTORY_IMPORT_STATUS_LABELS,
);
export const DirectoryIgnoreReasonEnum = enumOf(
  "DirectoryIgnoreReason",
  "Raison pour laquelle une ligne de l'annuaire est laissée de côté (hors du champ du label).",
  DIRECTORY_IGNORE_REASON_LABELS,
);
export const DirectoryUpsertOutcomeEnum = enumOf(
  "DirectoryUpsertOutcome",
  "Effet d'une ligne valide de l'annuaire sur l'établissement de même code UAI.",
  DIRECTORY_UPSERT_OUTCOME_LABELS,
);
export const DirectoryLabelMismatchEnum = enumOf(
  "DirectoryLabelMismatch",
  "Désaccord entre l'indicateur « Lycee_des_metiers » de l'annuaire et les labels de la plateforme.",
  DIRECTORY_LABEL_MISMATCH_LABELS,
);

/** A row of the file rejected: in the label's scope but invalid. */
@ObjectType({ description: "Ligne de l'annuaire rejetée, avec ses motifs." })
export class DirectoryRejectedRow {
  @Field(() => Int, {
    description: "Numéro de la ligne dans le fichier (l'en-tête est la ligne 1).",
  })
  line!: number;

  @Field(() => String, { nullable: true, description: "Code UAI lu (peut être invalide)." })
  uai!: string | null;

  @Field(() => String, { nullable: true, description: "Nom de l'établissement lu." })
  name!: string | null;

  @Field(() => [String], { description: "Motifs du rejet, en français." })
  reasons!: string[];
}

/** How many rows were left out for one reason. */
@ObjectType({ description: "Lignes de l'annuaire laissées de côté pour un même motif." })
export class DirectoryIgnoredRows {
  @Field(() => DirectoryIgnoreReasonEnum, { description: "Motif." })
  reason!: DirectoryIgnoreReason;

  @Field(() => String, { description: "Libellé du motif." })
  label!: string;

  @Field(() => Int, { description: "Nombre de lignes." })
  count!: number;
}

/** An establishment the import created or updated. */
@ObjectType({ description: "Établissement créé ou mis à jour par l'import." })
export class DirectoryChangedRow {
  @Field(() => Int, { description: "Numéro de la ligne dans le fichier." })
  line!: number;

  @Field(() => String, { description: "Code UAI." })
  uai!: string;

  @Field(() => String, { description: "Nom de l'établissement (selon l'annuaire)." })
  name!: string;

  @Field(() => ID, { description: "Établissement de la plateforme." })
  establishmentId!: string;

  @Field(() => DirectoryUpsertOutcomeEnum, { description: "Créé ou mis à jour." })
  outcome!: DirectoryUpsertOutcome;

  @Field(() => [String], {
    description: "Champs modifiés (name, kind, sector, city, academieCode, departementCode).",
  })
  changedFields!: string[];
}

/** A disagreement between the directory's flag and the platform's labels. */
@ObjectType({
  description:
    "Désaccord entre l'annuaire (« Lycee_des_metiers ») et les labels en vigueur sur la plateforme.",
})
export class DirectoryLabelMismatchRow {
  @Field(() => String, { description: "Code UAI." })
  uai!: string;

  @Field(() => String, { description: "Nom de l'établissement." })
  name!: string;

  @Field(() => ID, { description: "Établissement de la plateforme." })
  establishmentId!: string;

  @Field(() => DirectoryLabelMismatchEnum, { description: "Nature du désaccord." })
  kind!: DirectoryLabelMismatch;

  @Field(() => String, { description: "Le désaccord, en français." })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: "Intitulé du label en vigueur sur la plateforme, s'il y en a un.",
  })
  labelTitle!: string | null;
}

/** The report kept with an import (its lists are cut at `REPORT_LIST_MAX` items; counters are exact). */
export interface DirectoryImportReport {
  rejected: DirectoryRejectedRow[];
  ignored: Partial<Record<DirectoryIgnoreReason, number>>;
  changes: DirectoryChangedRow[];
  mismatches: DirectoryLabelMismatchRow[];
}

/** One import of the directory's export, by DRAFPIC. */
@ObjectType({
  description:
    "Import de l'annuaire de l'éducation : avancement, compteurs et compte rendu (lignes rejetées, établissements créés ou mis à jour, désaccords avec les labels).",
})
@Entity({ name: "directory_import" })
@Check("ck_directory_import_status", "status IN ('RUNNING','SUCCEEDED','FAILED')")
@Index("uq_directory_import_running", ["status"], { unique: true, where: "status = 'RUNNING'" })
@Index("idx_directory_import_created", ["createdAt", "id"])
export class DirectoryImport extends BaseEntity {
  @Field(() => String, { description: "Nom du fichier envoyé." })
  @Column({ name: "file_name", type: "text" })
  fileName!: string;

  @Field(() => DirectoryImportStatusEnum, { description: "En cours, terminé ou interrompu." })
  @Column({ type: "text", default: "RUNNING" })
  status!: DirectoryImportStatus;

  /** The DRAFPIC member who sent the file. */
  @Column({ name: "imported_by", type: "uuid", nullable: true })
  importedBy!: string | null;

  @ManyToOne(() => AppUser, { onDelete: "SET NULL" })
  @JoinColumn({ name: "imported_by" })
  importer?: AppUser;

  @Field(() => String, {
    nullable: true,
    description: "Empreinte SHA-256 du fichier (connue une fois le fichier reçu).",
  })
  @Column({ type: "text", nullable: true })
  sha256!: string | null;

  @Field(() => Int, { nullable: true, description: "Taille du fichier, en octets." })
  @Column({ name: "total_bytes", type: "integer", nullable: true })
  totalBytes!: number | null;

  @Field(() => Int, { description: "Octets du fichier déjà lus." })
  @Column({ name: "bytes_read", type: "integer", default: 0 })
  bytesRead!: number;

  @Field(() => Int, { description: "Lignes de données lues (en-tête exclu)." })
  @Column({ name: "rows_read", type: "integer", default: 0 })
  rowsRead!: number;

  @Field(() => Int, { description: "Établissements créés." })
  @Column({ name: "created_count", type: "integer", default: 0 })
  createdCount!: number;

  @Field(() => Int, { description: "Établissements mis à jour." })
  @Column({ name: "updated_count", type: "integer", default: 0 })
  updatedCount!: number;

  @Field(() => Int, { description: "Établissements déjà à jour (rien n'est écrit)." })
  @Column({ name: "unchanged_count", type: "integer", default: 0 })
  unchangedCount!: number;

  @Field(() => Int, { description: "Lignes rejetées (dans le champ du label, mais invalides)." })
  @Column({ name: "rejected_count", type: "integer", default: 0 })
  rejectedCount!: number;

  @Field(() => Int, {
    description: "Lignes laissées de côté (hors PACA, pas un lycée professionnel…).",
  })
  @Column({ name: "ignored_count", type: "integer", default: 0 })
  ignoredCount!: number;

  @Field(() => Int, { description: "Désaccords entre l'annuaire et les labels de la plateforme." })
  @Column({ name: "mismatch_count", type: "integer", default: 0 })
  mismatchCount!: number;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: "Fin de l'import." })
  @Column({ name: "finished_at", type: "timestamptz", precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Cause de l'interruption d'un import, en français.",
  })
  @Column({ name: "error_message", type: "text", nullable: true })
  errorMessage!: string | null;

  /** The report (`DirectoryImportReport`), exposed through typed fields. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  report!: Partial<DirectoryImportReport>;
}

/** The share of the file read, for a progress bar. */
export function progressOf(i: DirectoryImport): number | null {
  if (i.status === "SUCCEEDED") return 1;
  if (!i.totalBytes) return null;
  return Math.min(1, i.bytesRead / i.totalBytes);
}
