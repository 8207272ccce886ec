import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type {
  AttainmentLevel,
  AwardType,
  CandidatureKind,
  CandidatureState,
  OptionalCriterionVariant,
  TransitionName,
} from "@ldm/domain";
import {
  AttainmentLevelEnum,
  AwardTypeEnum,
  CandidatureKindEnum,
  CandidatureStateEnum,
  CandidatureTransitionEnum,
  OptionalCriterionVariantEnum,
} from "../../common/enums";
import { PageArgs } from "../../common/pagination";

@InputType({ description: "Création d'une candidature individuelle." })
export class CreateIndividualCandidatureInput {
  @Field(() => ID, { description: "Établissement candidat." })
  establishmentId!: string;

  @Field(() => AwardTypeEnum, {
    defaultValue: "FIRST_AWARD",
    description: "Labellisation ou renouvellement.",
  })
  awardType!: AwardType;

  @Field(() => String, {
    nullable: true,
    description: "Intitulé du label envisagé (cœur de métier).",
  })
  labelTitle?: string | null;

  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description: "Variante du critère 9 retenue par l'établissement, le cas échéant.",
  })
  optionalCriterionVariant?: OptionalCriterionVariant | null;
}

@InputType({ description: "Établissement d'une candidature en réseau." })
export class NetworkMemberInput {
  @Field(() => ID, { description: "Établissement cocandidat." })
  establishmentId!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Vrai pour l'établissement porteur (un seul).",
  })
  isLead!: boolean;
}

@InputType({
  description:
    "Création d'une candidature en réseau (au moins deux établissements, un seul porteur).",
})
export class CreateNetworkCandidatureInput {
  @Field(() => [NetworkMemberInput], {
    description: "Établissements cocandidats, dont le porteur.",
  })
  members!: NetworkMemberInput[];

  @Field(() => AwardTypeEnum, {
    defaultValue: "FIRST_AWARD",
    description: "Labellisation ou renouvellement.",
  })
  awardType!: AwardType;

  @Field(() => String, {
    nullable: true,
    description: "Intitulé du label envisagé (cœur de métier).",
  })
  labelTitle?: string | null;

  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description:
      "Variante du critère 9 retenue par l'établissement porteur, le cas échéant (chaque cocandidat choisit ensuite la sienne).",
  })
  optionalCriterionVariant?: OptionalCriterionVariant | null;
}

@InputType({ description: "Ajout d'un établissement cocandidat à une candidature en réseau." })
export class AddCoApplicantInput {
  @Field(() => ID, { description: "Candidature en réseau." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement à ajouter." })
  establishmentId!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Vrai pour en faire le porteur (refusé s'il y en a déjà un).",
  })
  isLead!: boolean;
}

@InputType({ description: "Retrait d'un établissement cocandidat." })
export class RemoveCoApplicantInput {
  @Field(() => ID, { description: "Candidature en réseau." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement à retirer (pas le porteur)." })
  establishmentId!: string;
}

@InputType({
  description:
    "Choix, changement ou abandon du critère régional optionnel n° 9 par un établissement (au choix de chaque établissement, y compris dans un réseau).",
})
export class SetOptionalCriterionInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Établissement dont c'est le choix : obligatoire pour une candidature en réseau ; pour une candidature individuelle, son établissement par défaut.",
  })
  establishmentId?: string | null;

  @Field(() => OptionalCriterionVariantEnum, {
    nullable: true,
    description:
      "Variante A (9-a) ou B (9-b) ; vide pour ne pas retenir le critère 9. Les réponses déjà saisies sur une variante sont conservées.",
  })
  variant?: OptionalCriterionVariant | null;
}

@InputType({
  description:
    "Enregistrement de l'auto-évaluation d'un établissement sur un critère ; un champ absent reste inchangé.",
})
export class UpdateCriterionResponseInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement (candidat ou cocandidat)." })
  establishmentId!: string;

  @Field(() => String, { description: "Code du critère (1 à 8, 9a ou 9b)." })
  criterionCode!: string;

  @Field(() => String, { nullable: true, description: "Synthèse (texte enrichi)." })
  narrative?: string | null;

  @Field(() => String, { nullable: true, description: "Ce qui est prévu (texte enrichi)." })
  planned?: string | null;

  @Field(() => String, { nullable: true, description: "Ce qui est fait (texte enrichi)." })
  done?: string | null;

  @Field(() => String, { nullable: true, description: "Ce qui est mesuré (texte enrichi)." })
  measured?: string | null;

  @Field(() => String, { nullable: true, description: "Ce qui est amélioré (texte enrichi)." })
  improved?: string | null;

  @Field(() => AttainmentLevelEnum, {
    nullable: true,
    description: "Niveau d'atteinte auto-évalué.",
  })
  selfAssessedLevel?: AttainmentLevel | null;

  @Field(() => [String], {
    nullable: true,
    description: "Attendus traités (identifiants, ex. 4.1).",
  })
  addressedExpectationIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Fiches Qualéduc utilisées (codes)." })
  qualeducFicheCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Action emblématique : intitulé (vide pour la retirer).",
  })
  emblematicActionTitle?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Action emblématique : description (texte enrichi).",
  })
  emblematicActionDescription?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Critère 6 : rempli de fait par le label Euroscol.",
  })
  metByEuroscol?: boolean | null;

  @Field(() => [ID], { nullable: true, description: "Pièces justificatives citées." })
  citedEvidenceIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Version sur laquelle la modification se fonde (refus CONFLICT si elle est périmée).",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "Enregistrement d'une stratégie commune de réseau." })
export class UpdateCommonStrategyInput {
  @Field(() => ID, { description: "Candidature en réseau." })
  candidatureId!: string;

  @Field(() => String, { description: "Code du critère (4, 5, 6 ou 8)." })
  criterionCode!: string;

  @Field(() => String, { description: "Texte de la stratégie commune." })
  text!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Version sur laquelle la modification se fonde (refus CONFLICT si elle est périmée).",
  })
  expectedVersion?: number | null;
}

@InputType({
  description:
    "Désignation d'un pilote de critère (un compte d'un établissement de la candidature).",
})
export class AssignCriterionPilotInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => String, { description: "Code du critère piloté." })
  criterionCode!: string;

  @Field(() => ID, {
    description: "Compte du pilote (chef d'établissement ou membre de l'équipe de pilotage).",
  })
  userId!: string;
}

@InputType({ description: "Retrait d'un pilote de critère." })
export class RemoveCriterionPilotInput {
  @Field(() => ID, { description: "Identifiant du pilote." })
  pilotId!: string;
}

@InputType({
  description:
    "Réception de la lettre d'engagement et du procès-verbal du conseil d'administration d'un établissement.",
})
export class RecordEngagementInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement." })
  establishmentId!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de réception de la lettre d'engagement." })
  engagementLetterOn!: string;

  @Field(() => GraphQLLocalDate, {
    description: "Date du conseil d'administration ayant approuvé la candidature.",
  })
  boardMinutesOn!: string;
}

@InputType({ description: "Programmation de la date d'audit." })
export class ScheduleAuditInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de l'audit." })
  auditDate!: string;
}

@InputType({ description: "Passage d'une candidature à l'étape suivante de la procédure." })
export class TransitionCandidatureInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => CandidatureTransitionEnum, { description: "Étape à franchir." })
  transition!: TransitionName;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date de publication au BOEN (obligatoire pour PUBLISH_LABEL).",
  })
  publicationDate?: string | null;

  @Field(() => String, { nullable: true, description: "Commentaire consigné dans l'historique." })
  comment?: string | null;
}

@InputType({ description: "Filtres de la liste des candidatures." })
export class CandidatureFilter {
  @Field(() => [CandidatureStateEnum], { nullable: true, description: "États retenus." })
  states?: CandidatureState[] | null;

  @Field(() => CandidatureKindEnum, { nullable: true, description: "Individuelle ou en réseau." })
  kind?: CandidatureKind | null;

  @Field(() => AwardTypeEnum, { nullable: true, description: "Labellisation ou renouvellement." })
  awardType?: AwardType | null;

  @Field(() => String, { nullable: true, description: "Académie d'un des établissements." })
  academieCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Établissement candidat ou cocandidat." })
  establishmentId?: string | null;
}

@ArgsType()
export class CandidaturesArgs extends PageArgs {
  @Field(() => CandidatureFilter, { nullable: true, description: "Filtres." })
  filter?: CandidatureFilter | null;
}

@ArgsType()
export class CandidatureArgs {
  @Field(() => ID, { description: "Identifiant de la candidature." })
  id!: string;
}
