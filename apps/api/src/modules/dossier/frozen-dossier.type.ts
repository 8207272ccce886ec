/**
 * The frozen dossier as GraphQL types: the same shape as the versioned contract of @ldm/contracts
 * (`DossierSnapshotContent`), so that auditors and scripts read typed fields, not JSON.
 */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import { snapshotMemberVariant, type DossierSnapshotContent } from "@ldm/contracts";
import {
  AwardTypeEnum,
  CandidatureKindEnum,
  IndicatorDirectionEnum,
  IndicatorKindEnum,
  OptionalCriterionVariantEnum,
} from "../../common/enums";

type Content = DossierSnapshotContent;

@ObjectType("FrozenCandidature", { description: "La candidature telle qu'elle était au dépôt." })
export class FrozenCandidature {
  @Field(() => ID, { description: "Identifiant de la candidature." })
  id!: string;
  @Field(() => CandidatureKindEnum, { description: "Individuelle ou en réseau." })
  kind!: Content["candidature"]["kind"];
  @Field(() => AwardTypeEnum, { description: "Première labellisation ou renouvellement." })
  awardType!: Content["candidature"]["awardType"];
  @Field(() => String, { description: "Version du référentiel du dossier." })
  referentialVersion!: string;
  @Field(() => String, { nullable: true, description: "Intitulé du label demandé." })
  labelTitle!: string | null;
  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description: "Variante du critère 9 retenue par la candidature (ou son porteur).",
  })
  optionalCriterionVariant!: "A" | "B" | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: "Date d'audit connue au dépôt." })
  auditDate!: string | null;
}

@ObjectType("FrozenMember", { description: "Un établissement de la candidature au dépôt." })
export class FrozenMember {
  @Field(() => ID, { description: "Identifiant de l'établissement." })
  establishmentId!: string;
  @Field(() => String, { nullable: true, description: "Nom de l'établissement." })
  name!: string | null;
  @Field(() => String, { nullable: true, description: "Code UAI." })
  uai!: string | null;
  @Field(() => Boolean, { description: "Établissement porteur." })
  isLead!: boolean;
  @Field(() => GraphQLLocalDate, { nullable: true, description: "Date de la lettre d'engagement." })
  engagementLetterOn!: string | null;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date du procès-verbal du conseil d'administration.",
  })
  boardMinutesOn!: string | null;
  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description:
      "Variante du critère 9 retenue par cet établissement (aucune si vide ; dans un dossier figé avant le choix par établissement, celle de la candidature).",
  })
  optionalCriterionVariant!: "A" | "B" | null;
}

@ObjectType("FrozenResponse", {
  description: "L'auto-évaluation d'un établissement sur un critère.",
})
export class FrozenResponse {
  @Field(() => ID, { description: "Identifiant de l'établissement." })
  establishmentId!: string;
  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;
  @Field(() => String, { description: "Présentation générale (texte enrichi)." })
  narrative!: string;
  @Field(() => String, { description: "Ce qui est prévu (texte enrichi)." })
  planned!: string;
  @Field(() => String, { description: "Ce qui est fait (texte enrichi)." })
  done!: string;
  @Field(() => String, { description: "Ce qui est mesuré (texte enrichi)." })
  measured!: string;
  @Field(() => String, { description: "Ce qui est amélioré (texte enrichi)." })
  improved!: string;
  @Field(() => String, { nullable: true, description: "Niveau d'atteinte auto-évalué." })
  selfAssessedLevel!: string | null;
  @Field(() => [String], { description: "Attendus traités." })
  addressedExpectationIds!: string[];
  @Field(() => [String], { description: "Fiches Qualéduc mobilisées." })
  qualeducFicheCodes!: string[];
  @Field(() => String, { nullable: true, description: "Titre de l'action emblématique." })
  emblematicActionTitle!: string | null;
  @Field(() => String, { nullable: true, description: "Description de l'action emblématique." })
  emblematicActionDescription!: string | null;
  @Field(() => Boolean, { description: "Critère validé de fait par le label Euroscol." })
  metByEuroscol!: boolean;
  @Field(() => [String], { description: "Pièces justificatives citées." })
  citedEvidenceIds!: string[];
}

@ObjectType("FrozenCommonStrategy", { description: "Une stratégie commune du réseau au dépôt." })
export class FrozenCommonStrategy {
  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;
  @Field(() => String, { description: "Texte (enrichi)." })
  text!: string;
}

@ObjectType("FrozenPilot", { description: "Un pilote de critère au dépôt." })
export class FrozenPilot {
  @Field(() => ID, { description: "Identifiant de l'établissement." })
  establishmentId!: string;
  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;
  @Field(() => ID, { description: "Identifiant du compte du pilote." })
  userId!: string;
}

@ObjectType("FrozenIndicatorValue", { description: "Une valeur d'indicateur au dépôt." })
export class FrozenIndicatorValue {
  @Field(() => String, { description: "Année scolaire (AAAA-AAAA)." })
  schoolYear!: string;
  @Field(() => Float, { nullable: true, description: "Valeur numérique." })
  numericValue!: number | null;
  @Field(() => String, { nullable: true, description: "Appréciation (indicateur qualitatif)." })
  textValue!: string | null;
}

@ObjectType("FrozenIndicator", { description: "Un indicateur au dépôt, avec ses valeurs." })
export class FrozenIndicator {
  @Field(() => ID, { description: "Identifiant de l'indicateur." })
  id!: string;
  @Field(() => ID, { description: "Identifiant de l'établissement." })
  establishmentId!: string;
  @Field(() => String, { description: "Nom." })
  name!: string;
  @Field(() => IndicatorKindEnum, { description: "Quantitatif ou qualitatif." })
  kind!: "QUANTITATIVE" | "QUALITATIVE";
  @Field(() => String, { nullable: true, description: "Unité." })
  unit!: string | null;
  @Field(() => IndicatorDirectionEnum, { description: "Sens d'amélioration." })
  direction!: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";
  @Field(() => String, { nullable: true, description: "Cible, telle qu'écrite." })
  target!: string | null;
  @Field(() => String, { description: "Source des données." })
  source!: string;
  @Field(() => [String], { description: "Critères étayés." })
  criterionCodes!: string[];
  @Field(() => [FrozenIndicatorValue], { description: "Valeurs par année scolaire." })
  values!: FrozenIndicatorValue[];
}

@ObjectType("FrozenRevision", { description: "Une version du fichier d'une pièce, au dépôt." })
export class FrozenRevision {
  @Field(() => ID, { description: "Identifiant de la version." })
  id!: string;
  @Field(() => Int, { description: "Numéro de version." })
  revision!: number;
  @Field(() => String, { description: "Empreinte SHA-256 du fichier." })
  sha256!: string;
  @Field(() => String, { description: "Nom du fichier." })
  fileName!: string;
  @Field(() => String, { description: "Type de contenu détecté." })
  mediaType!: string;
  @Field(() => Int, { description: "Taille en octets." })
  sizeBytes!: number;
  @Field(() => GraphQLDateTimeISO, { description: "Date et heure de l'envoi du fichier." })
  uploadedAt!: Date;
}

@ObjectType("FrozenEvidence", { description: "Une pièce justificative au dépôt." })
export class FrozenEvidence {
  @Field(() => ID, { description: "Identifiant de la pièce." })
  id!: string;
  @Field(() => ID, { nullable: true, description: "Établissement auteur (aucun : pièce commune)." })
  establishmentId!: string | null;
  @Field(() => String, { description: "Titre." })
  title!: string;
  @Field(() => String, { description: "Nature de la pièce." })
  kind!: string;
  @Field(() => GraphQLLocalDate, { description: "Date du document." })
  effectiveDate!: string;
  @Field(() => [String], { description: "Critères étayés." })
  criterionCodes!: string[];
  @Field(() => Int, { description: "Version courante au dépôt." })
  currentRevision!: number;
  @Field(() => [FrozenRevision], { description: "Versions du fichier." })
  revisions!: FrozenRevision[];
}

@ObjectType("FrozenDossier", {
  description: "Le dossier déposé, figé : ce que l'établissement a transmis, lu par les auditeurs.",
})
export class FrozenDossier {
  @Field(() => Int, { description: "Version du contrat du dossier figé." })
  schemaVersion!: number;
  @Field(() => FrozenCandidature, { description: "La candidature." })
  candidature!: FrozenCandidature;
  @Field(() => [FrozenMember], { description: "Les établissements." })
  members!: FrozenMember[];
  @Field(() => [FrozenResponse], { description: "Les auto-évaluations par critère." })
  responses!: FrozenResponse[];
  @Field(() => [FrozenCommonStrategy], { description: "Les stratégies communes (réseau)." })
  commonStrategies!: FrozenCommonStrategy[];
  @Field(() => [FrozenPilot], { description: "Les pilotes de critère." })
  pilots!: FrozenPilot[];
  @Field(() => [FrozenIndicator], { description: "Les indicateurs et leurs valeurs." })
  indicators!: FrozenIndicator[];
  @Field(() => [FrozenEvidence], { description: "Les pièces justificatives." })
  evidence!: FrozenEvidence[];
}

/** The GraphQL value of validated content (dates of the revisions as instants). */
export function toFrozenDossier(content: Content): FrozenDossier {
  return {
    ...content,
    members: content.members.map((m) => ({
      ...m,
      optionalCriterionVariant: snapshotMemberVariant(content, m),
    })),
    evidence: content.evidence.map((e) => ({
      ...e,
      revisions: e.revisions.map((r) => ({ ...r, uploadedAt: new Date(r.uploadedAt) })),
    })),
  };
}
