/** GraphQL types of the audit that are not stored as such (views and answers of the use cases). */
import { Field, ID, ObjectType, type ClassType } from "type-graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import type {
  AttainmentLevel,
  AuditReportStatus,
  AuditStep,
  AuditTeamRole,
  AwardType,
  CandidatureKind,
  CandidatureState,
} from "@ldm/domain";
import {
  AttainmentLevelEnum,
  AuditReportStatusEnum,
  AuditStepEnum,
  AuditTeamRoleEnum,
  AwardTypeEnum,
  CandidatureKindEnum,
  CandidatureStateEnum,
} from "../../common/enums";
import { connectionType } from "../../common/pagination";
import {
  AssessmentEntry,
  AuditCommitment,
  AuditReport,
  ImprovementArea,
} from "./assessment.entity";

@ObjectType("AuditDeclaration", {
  description: "Texte de la déclaration d'indépendance et de confidentialité à signer.",
})
export class AuditDeclaration {
  @Field(() => String, { description: "Version du texte (à renvoyer à la signature)." })
  version!: string;

  @Field(() => String, {
    description: "Texte de la déclaration, nommant les établissements audités.",
  })
  text!: string;
}

/**
 * A candidature as its assigned auditor sees it before signing: what it is about, when, and what to do
 * next — never the dossier (which needs the signed declaration).
 */
@ObjectType("AuditAssignment", {
  description:
    "Affectation d'un auditeur à une candidature, visible avant la signature de la déclaration : établissements, date d'audit, rôle et prochaine étape.",
})
export class AuditAssignment {
  @Field(() => ID, { description: "Identifiant de l'affectation." })
  id!: string;

  @Field(() => ID, { description: "Candidature auditée." })
  candidatureId!: string;

  @Field(() => CandidatureStateEnum, { description: "État de la candidature." })
  state!: CandidatureState;

  @Field(() => CandidatureKindEnum, { description: "Candidature individuelle ou en réseau." })
  kind!: CandidatureKind;

  @Field(() => AwardTypeEnum, { description: "Première labellisation ou renouvellement." })
  awardType!: AwardType;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Date de l'audit." })
  auditDate!: string | null;

  @Field(() => AuditTeamRoleEnum, { description: "Rôle de l'auditeur dans l'équipe." })
  teamRole!: AuditTeamRole;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: "Signature de la déclaration (vide : à signer avant toute lecture du dossier).",
  })
  declarationSignedAt!: Date | null;

  @Field(() => AuditReportStatusEnum, {
    nullable: true,
    description: "État du rapport d'audit (vide : pas encore commencé).",
  })
  reportStatus!: AuditReportStatus | null;

  @Field(() => AuditStepEnum, { description: "Ce que l'auditeur a à faire ensuite." })
  nextStep!: AuditStep;

  @Field(() => String, { description: "La prochaine étape, en clair." })
  nextStepLabel!: string;

  /** Members' establishments, lead first (resolved by the resolver). */
  establishmentIds!: string[];
}

export const AuditAssignmentConnection = connectionType(
  AuditAssignment,
  "AuditAssignment",
  "affectations d'audit",
);

/** One line of the grid, with the school's self-assessment beside the auditors' and the team's. */
@ObjectType("AuditGridLine", {
  description:
    "Ligne de la grille d'évaluation : un critère dans son ensemble, ou l'un de ses attendus, pour un établissement ; l'auto-évaluation de l'établissement à côté des appréciations des auditeurs et de l'équipe.",
})
export class AuditGridLine {
  @Field(() => ID, { description: "Établissement évalué." })
  establishmentId!: string;

  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;

  @Field(() => String, { description: "Intitulé court du critère." })
  criterionTitle!: string;

  @Field(() => String, {
    nullable: true,
    description: "Attendu (vide : la ligne du critère dans son ensemble).",
  })
  expectationId!: string | null;

  @Field(() => String, { nullable: true, description: "Texte de l'attendu." })
  expectationText!: string | null;

  @Field(() => AttainmentLevelEnum, {
    nullable: true,
    description:
      "Niveau auto-évalué par l'établissement dans son dossier déposé (ligne du critère seulement).",
  })
  selfAssessedLevel!: AttainmentLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "L'établissement déclare traiter cet attendu dans son dossier déposé (lignes d'attendu).",
  })
  addressedBySchool!: boolean | null;

  @Field(() => AssessmentEntry, { nullable: true, description: "Mon brouillon (auditeur)." })
  myDraft!: AssessmentEntry | null;

  @Field(() => [AssessmentEntry], {
    description:
      "Brouillons des auditeurs que le lecteur peut voir (tous pour l'auditeur principal et la DRAFPIC), côte à côte.",
  })
  auditorDrafts!: AssessmentEntry[];

  @Field(() => AssessmentEntry, {
    nullable: true,
    description: "Évaluation consolidée de l'équipe (auditeur principal).",
  })
  team!: AssessmentEntry | null;

  @Field(() => Boolean, { description: "Les niveaux des brouillons diffèrent (à consolider)." })
  levelsDiffer!: boolean;

  @Field(() => AttainmentLevelEnum, {
    nullable: true,
    description: "Le niveau sur lequel s'accordent tous les brouillons qui en donnent un.",
  })
  unanimousLevel!: AttainmentLevel | null;
}

@ObjectType("AuditGrid", { description: "Grille d'évaluation d'une candidature." })
export class AuditGrid {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => String, { description: "Version du référentiel de la candidature." })
  referentialVersion!: string;

  @Field(() => Boolean, {
    description:
      "Le lecteur peut écrire dans sa grille maintenant (auditeur signé, phase d'audit).",
  })
  editable!: boolean;

  @Field(() => Boolean, {
    description:
      "Le lecteur consolide l'évaluation de l'équipe (auditeur principal, phase d'audit).",
  })
  consolidates!: boolean;

  @Field(() => [AuditGridLine], {
    description: "Lignes, par établissement, critère puis attendu.",
  })
  lines!: AuditGridLine[];
}

@ObjectType("AuditFindings", { description: "Axes de progrès et engagements d'une candidature." })
export class AuditFindings {
  @Field(() => [ImprovementArea], { description: "Axes de progrès." })
  improvementAreas!: ImprovementArea[];

  @Field(() => [AuditCommitment], { description: "Engagements." })
  commitments!: AuditCommitment[];
}

/** The answer to a versioned write: the row as the write left it. */
function writeResultType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  field: string,
  label: string,
) {
  @ObjectType(`${name}Write`, {
    description: `Résultat d'une écriture sur ${label} : la rejouer répond le même résultat.`,
  })
  class WriteResult {
    @Field(() => ID, { description: "Identifiant de l'écriture (généré par le client)." })
    writeId!: string;

    @Field(() => Boolean, {
      description: "Vrai quand l'écriture avait déjà été appliquée : rien n'a changé.",
    })
    replayed!: boolean;

    @Field(() => nodeType, { name: field, description: `État de ${label} après l'écriture.` })
    row!: T;
  }
  return WriteResult;
}

export const AssessmentEntryWrite = writeResultType(
  AssessmentEntry,
  "AssessmentEntry",
  "entry",
  "l'appréciation",
);
export const ImprovementAreaWrite = writeResultType(
  ImprovementArea,
  "ImprovementArea",
  "improvementArea",
  "l'axe de progrès",
);
export const AuditCommitmentWrite = writeResultType(
  AuditCommitment,
  "AuditCommitment",
  "commitment",
  "l'engagement",
);
export const AuditReportWrite = writeResultType(AuditReport, "AuditReport", "report", "le rapport");
