import "reflect-metadata";
import path from "node:path";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { AcademieResolver } from "./modules/academie/academie.resolver";
import {
  CandidatureResolver,
  CoApplicantResolver,
  CommonStrategyResolver,
  CriterionPilotResolver,
  CriterionResponseResolver,
} from "./modules/candidature/candidature.resolver";
import { EstablishmentResolver } from "./modules/establishment/establishment.resolver";
import { ReferentialResolver } from "./modules/referential/referential.resolver";
import { ScheduleResolver } from "./modules/schedule/schedule.resolver";
import { CandidatureScheduleResolver } from "./modules/schedule/candidature-schedule.resolver";
import { IdentityResolver } from "./modules/identity/identity.resolver";
import { AuditTrailResolver } from "./modules/audit-trail/audit-trail.resolver";
import { OperationGuard } from "./common/guards";
import { NotificationResolver } from "./modules/notification/notification.resolver";
import { PersonalDataGuard } from "./common/personal-data.middleware";
import {
  CandidatureDossierResolver,
  DossierSnapshotResolver,
  EvidenceFieldsResolver,
  IndicatorResolver,
} from "./modules/dossier/dossier.resolver";
import { EvidenceResolver } from "./modules/evidence/evidence.resolver";
import {
  AuditPlanResolver,
  CandidaturePreparationResolver,
  EstablishmentReferentResolver,
  PreparationResolver,
  PreparatoryVisitAttendeeResolver,
  PreparatoryVisitResolver,
  ReferentInspectorResolver,
} from "./modules/preparation/preparation.resolver";

import {
  CandidatureLabelsResolver,
  EstablishmentLabelsResolver,
  LabelResolver,
} from "./modules/label/label.resolver";
import {
  CaenOpinionResolver,
  CandidatureDecisionResolver,
  GralmSessionItemResolver,
  GralmSessionResolver,
  RectorDecisionResolver,
} from "./modules/decision/decision.resolver";

import {
  AssessmentEntryResolver,
  AssessmentResolver,
  AuditAssignmentResolver,
  AuditCommitmentResolver,
  AuditReportResolver,
  AuditTeamMemberResolver,
  CandidatureAuditResolver,
  ImprovementAreaResolver,
} from "./modules/assessment/assessment.resolver";

import { DirectoryImportResolver } from "./modules/directory/directory.resolver";
import {
  CandidatureFollowUpResolver,
  CommitmentReviewResolver,
  MidTermReviewAttendeeResolver,
  MidTermReviewResolver,
} from "./modules/follow-up/follow-up.resolver";

/** The committed contract the portals generate their types from. */
export const SCHEMA_FILE = path.resolve(__dirname, "..", "schema.graphql");

export const RESOLVERS = [
  AcademieResolver,
  EstablishmentResolver,
  CandidatureResolver,
  CoApplicantResolver,
  CommonStrategyResolver,
  CriterionResponseResolver,
  CriterionPilotResolver,
  ReferentialResolver,
  ScheduleResolver,
  CandidatureScheduleResolver,
  IdentityResolver,
  AuditTrailResolver,
  CandidatureDossierResolver,
  IndicatorResolver,
  EvidenceFieldsResolver,
  DossierSnapshotResolver,
  EvidenceResolver,
  AssessmentResolver,
  CandidatureAuditResolver,
  AuditTeamMemberResolver,
  AuditAssignmentResolver,
  AssessmentEntryResolver,
  ImprovementAreaResolver,
  AuditCommitmentResolver,
  AuditReportResolver,
  PreparationResolver,
  EstablishmentReferentResolver,
  ReferentInspectorResolver,
  CandidaturePreparationResolver,
  PreparatoryVisitResolver,
  PreparatoryVisitAttendeeResolver,
  AuditPlanResolver,
  NotificationResolver,
  LabelResolver,
  EstablishmentLabelsResolver,
  CandidatureLabelsResolver,
  GralmSessionResolver,
  GralmSessionItemResolver,
  CaenOpinionResolver,
  RectorDecisionResolver,
  CandidatureDecisionResolver,
  DirectoryImportResolver,
  MidTermReviewResolver,
  MidTermReviewAttendeeResolver,
  CommitmentReviewResolver,
  CandidatureFollowUpResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the GraphQL schema once per process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    validate: false,
    globalMiddlewares: [OperationGuard, PersonalDataGuard],
  });
  return cached;
}
