import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type {
  AttainmentLevel,
  AuditRecommendation,
  AuditTeamRole,
  ImprovementSeverity,
} from "@ldm/domain";
import {
  AttainmentLevelEnum,
  AuditRecommendationEnum,
  AuditTeamRoleEnum,
  ImprovementSeverityEnum,
} from "../../common/enums";
import { PageArgs } from "../../common/pagination";

// --- The team -------------------------------------------------------------------------------

@InputType({ description: "Un auditeur de l'équipe d'audit et son rôle." })
export class AuditTeamMemberInput {
  @Field(() => ID, { description: "Compte de l'auditeur (un auditeur actif)." })
  userId!: string;

  @Field(() => AuditTeamRoleEnum, {
    defaultValue: "MEMBER",
    description: "Auditeur principal (un inspecteur, un seul) ou membre.",
  })
  teamRole!: AuditTeamRole;
}

@InputType({
  description:
    "Composition de l'équipe d'audit d'une candidature (remplace l'équipe : au moins un inspecteur, un seul auditeur principal, inspecteur).",
})
export class SetAuditTeamInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => [AuditTeamMemberInput], { description: "Les auditeurs de l'équipe." })
  members!: AuditTeamMemberInput[];
}

@InputType({ description: "Signature de la déclaration d'indépendance et de confidentialité." })
export class SignAuditDeclarationInput {
  @Field(() => ID, { description: "Candidature auditée." })
  candidatureId!: string;

  @Field(() => String, { description: "Version du texte lu et signé." })
  textVersion!: string;

  @Field(() => Boolean, {
    description:
      "Vrai : l'auditeur déclare n'avoir aucun conflit d'intérêts avec les établissements audités.",
  })
  noConflictOfInterest!: boolean;
}

@ArgsType()
export class AuditAssignmentsArgs extends PageArgs {}

@ArgsType()
export class AuditCandidatureArgs {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;
}

@ArgsType()
export class AuditFindingsArgs extends AuditCandidatureArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: "Inclure les constats retirés (pour synchroniser un poste hors ligne).",
  })
  includeRemoved!: boolean;
}

// --- Writes from the grid (idempotent, versioned) ------------------------------------------

@InputType({ description: "Ce que porte toute écriture de l'équipe d'audit." })
export abstract class VersionedWriteInput {
  @Field(() => ID, {
    description:
      "Identifiant de l'écriture (UUID généré par le client) : la rejouer ne change rien et répond le même résultat.",
  })
  writeId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Version sur laquelle se fonde l'écriture (vide pour une création) : plus ancienne que la version enregistrée, elle est refusée (CONFLICT, avec la valeur actuelle).",
  })
  baseVersion?: number | null;
}

@InputType({
  description:
    "Appréciation d'une ligne de la grille : un critère dans son ensemble, ou l'un de ses attendus, pour un établissement.",
})
export class SaveAssessmentEntryInput extends VersionedWriteInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, { description: "Établissement évalué." })
  establishmentId!: string;

  @Field(() => String, { description: "Code du critère (1 à 8, 9a ou 9b)." })
  criterionCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Attendu du critère (vide : le critère dans son ensemble).",
  })
  expectationId?: string | null;

  @Field(() => AttainmentLevelEnum, { nullable: true, description: "Niveau d'atteinte." })
  level?: AttainmentLevel | null;

  @Field(() => String, { defaultValue: "", description: "Commentaire (texte brut)." })
  comment!: string;

  @Field(() => String, { defaultValue: "", description: "Points forts (texte brut)." })
  strengths!: string;
}

@InputType({ description: "Axe de progrès (création ou modification)." })
export class SaveImprovementAreaInput extends VersionedWriteInput {
  @Field(() => ID, {
    description: "Identifiant de l'axe (UUID généré par le client à la création).",
  })
  id!: string;

  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Établissement concerné (vide : toute la candidature).",
  })
  establishmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Critère concerné (vide : aucun en particulier).",
  })
  criterionCode?: string | null;

  @Field(() => ImprovementSeverityEnum, { description: "Majeur (réserve) ou mineur." })
  severity!: ImprovementSeverity;

  @Field(() => String, { description: "Énoncé de l'axe de progrès." })
  description!: string;
}

@InputType({ description: "Engagement de l'établissement (création ou modification)." })
export class SaveAuditCommitmentInput extends VersionedWriteInput {
  @Field(() => ID, {
    description: "Identifiant de l'engagement (UUID généré par le client à la création).",
  })
  id!: string;

  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Établissement qui s'engage (vide : tous ceux de la candidature).",
  })
  establishmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Critère concerné (vide : aucun en particulier).",
  })
  criterionCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Axe de progrès auquel l'engagement répond." })
  improvementAreaId?: string | null;

  @Field(() => String, { description: "Énoncé de l'engagement." })
  description!: string;

  @Field(() => String, { description: "Porteur de l'engagement (fonction ou personne)." })
  owner!: string;

  @Field(() => GraphQLLocalDate, { description: "Échéance." })
  dueOn!: string;
}

@InputType({ description: "Retrait d'un axe de progrès ou d'un engagement (écriture versionnée)." })
export class RemoveAuditFindingInput extends VersionedWriteInput {
  @Field(() => ID, { description: "Identifiant du constat." })
  id!: string;

  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;
}

@InputType({ description: "Rédaction du rapport d'audit (auditeur principal)." })
export class SaveAuditReportInput extends VersionedWriteInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => AuditRecommendationEnum, {
    nullable: true,
    description: "Avis de l'équipe d'audit.",
  })
  recommendation?: AuditRecommendation | null;

  @Field(() => String, { defaultValue: "", description: "Synthèse du rapport (texte brut)." })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: "Proposition de modification de l'intitulé du label (vide : aucune).",
  })
  proposedLabelTitle?: string | null;
}

@InputType({
  description:
    "Finalisation du rapport d'audit par l'auditeur principal : l'audit est enregistré s'il ne l'est pas, le rapport est remis et devient immuable.",
})
export class FinaliseAuditReportInput extends VersionedWriteInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;
}
