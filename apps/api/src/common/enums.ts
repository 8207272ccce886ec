/**
 * GraphQL enums built from the domain package's value lists and French labels, so that the schema
 * never re-declares a business value.
 */
import { registerEnumType } from "type-graphql";
import {
  ATTAINMENT_LEVEL_LABELS,
  AUDITOR_PROFILE_LABELS,
  ENGAGEMENT_DOCUMENT_LABELS,
  EVIDENCE_KIND_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_KIND_LABELS,
  TREND_LABELS,
  AWARD_TYPE_LABELS,
  ROLE_LABELS,
  CANDIDATURE_KIND_LABELS,
  CANDIDATURE_STATE_LABELS,
  DEADLINE_KIND_LABELS,
  SCHEDULE_SLOT_KIND_LABELS,
  ESTABLISHMENT_KIND_LABELS,
  ESTABLISHMENT_SECTOR_LABELS,
  TRANSITION_LABELS,
  EXPECTATION_SCOPE_LABELS,
  AUDIT_TEAM_ROLE_LABELS,
  AUDIT_STEP_LABELS,
  AUDIT_RECOMMENDATION_LABELS,
  AUDIT_REPORT_STATUS_LABELS,
  IMPROVEMENT_SEVERITY_LABELS,
} from "@ldm/domain";

export function enumOf<K extends string>(
  name: string,
  description: string,
  labels: Record<K, string>,
): Record<K, K> {
  const values = Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as Record<K, K>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      (Object.entries(labels) as [K, string][]).map(([k, label]) => [k, { description: label }]),
    ) as Record<K, { description: string }>,
  });
  return values;
}

export const EstablishmentKindEnum = enumOf(
  "EstablishmentKind",
  "Type d'établissement.",
  ESTABLISHMENT_KIND_LABELS,
);
export const EstablishmentSectorEnum = enumOf(
  "EstablishmentSector",
  "Secteur de l'établissement (public ou privé sous contrat).",
  ESTABLISHMENT_SECTOR_LABELS,
);
export const CandidatureKindEnum = enumOf(
  "CandidatureKind",
  "Candidature individuelle ou en réseau.",
  CANDIDATURE_KIND_LABELS,
);
export const AwardTypeEnum = enumOf(
  "AwardType",
  "Première labellisation ou renouvellement.",
  AWARD_TYPE_LABELS,
);
export const CandidatureStateEnum = enumOf(
  "CandidatureState",
  "État d'une candidature dans la procédure de labellisation.",
  CANDIDATURE_STATE_LABELS,
);
export const CandidatureTransitionEnum = enumOf(
  "CandidatureTransition",
  "Étape de la procédure qui fait passer une candidature d'un état au suivant.",
  TRANSITION_LABELS,
);
export const OptionalCriterionVariantEnum = enumOf(
  "OptionalCriterionVariant",
  "Variante du critère régional optionnel n° 9.",
  { A: "9-a : le numérique au service des métiers", B: "9-b : égalité filles-garçons" },
);
export const DeadlineKindEnum = enumOf(
  "DeadlineKind",
  "Nature d'une échéance de la procédure.",
  DEADLINE_KIND_LABELS,
);
export const ScheduleSlotKindEnum = enumOf(
  "ScheduleSlotKind",
  "Nature d'un temps de la journée d'audit.",
  SCHEDULE_SLOT_KIND_LABELS,
);
export const RoleEnum = enumOf("Role", "Rôle d'un utilisateur.", ROLE_LABELS);
export const AuditorProfileEnum = enumOf(
  "AuditorProfile",
  "Profil d'un auditeur.",
  AUDITOR_PROFILE_LABELS,
);
export const AttainmentLevelEnum = enumOf(
  "AttainmentLevel",
  "Niveau d'atteinte d'un critère (échelle commune à l'auto-évaluation et aux auditeurs).",
  ATTAINMENT_LEVEL_LABELS,
);
export const EvidenceKindEnum = enumOf(
  "EvidenceKind",
  "Nature d'une pièce justificative.",
  EVIDENCE_KIND_LABELS,
);
export const EngagementDocumentKindEnum = enumOf(
  "EngagementDocumentKind",
  "Document d'engagement d'un établissement.",
  ENGAGEMENT_DOCUMENT_LABELS,
);
export const IndicatorKindEnum = enumOf(
  "IndicatorKind",
  "Indicateur quantitatif ou qualitatif.",
  INDICATOR_KIND_LABELS,
);
export const IndicatorDirectionEnum = enumOf(
  "IndicatorDirection",
  "Sens de progression souhaité d'un indicateur.",
  INDICATOR_DIRECTION_LABELS,
);
export const TrendEnum = enumOf(
  "Trend",
  "Tendance d'un indicateur sur les années scolaires.",
  TREND_LABELS,
);
export const ExpectationScopeEnum = enumOf(
  "ExpectationScope",
  "À quelles candidatures un attendu s'applique.",
  EXPECTATION_SCOPE_LABELS,
);
export const AuditTeamRoleEnum = enumOf(
  "AuditTeamRole",
  "Rôle d'un auditeur dans l'équipe d'audit.",
  AUDIT_TEAM_ROLE_LABELS,
);
export const AuditStepEnum = enumOf(
  "AuditStep",
  "Ce qu'un auditeur a à faire ensuite sur une candidature.",
  AUDIT_STEP_LABELS,
);
export const AuditRecommendationEnum = enumOf(
  "AuditRecommendation",
  "Avis de l'équipe d'audit dans son rapport.",
  AUDIT_RECOMMENDATION_LABELS,
);
export const AuditReportStatusEnum = enumOf(
  "AuditReportStatus",
  "État du rapport d'audit.",
  AUDIT_REPORT_STATUS_LABELS,
);
export const ImprovementSeverityEnum = enumOf(
  "ImprovementSeverity",
  "Gravité d'un axe de progrès.",
  IMPROVEMENT_SEVERITY_LABELS,
);
