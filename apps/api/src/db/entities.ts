import {
  MailDelivery,
  Notification,
  PasswordResetRequest,
  PasswordResetToken,
} from "../modules/notification/notification.entity";
import { Academie, Departement } from "../modules/academie/academie.entity";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
  ApiToken,
  AppUser,
  AuthEvent,
  LoginFailure,
  UserSession,
} from "../modules/identity/user.entity";
import { AuditLogEntry } from "../modules/audit-trail/audit-log.entity";
import { Indicator, IndicatorValue } from "../modules/dossier/indicator.entity";
import {
  DossierSnapshot,
  EngagementDocument,
  Evidence,
  EvidenceRevision,
} from "../modules/evidence/evidence.entity";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";

import { Label } from "../modules/label/label.entity";
import {
  CaenOpinionRecord,
  GralmSession,
  GralmSessionItem,
  RectorDecision,
} from "../modules/decision/decision.entity";

import {
  AuditPlan,
  PreparatoryVisit,
  PreparatoryVisitAttendee,
  ReferentInspector,
} from "../modules/preparation/preparation.entity";

import {
  AssessmentEntry,
  AssessmentWrite,
  AuditCommitment,
  AuditReport,
  ImprovementArea,
} from "../modules/assessment/assessment.entity";

import { DirectoryImport } from "../modules/directory/directory.entity";
import {
  CommitmentReview,
  MidTermReview,
  MidTermReviewAttendee,
  RenewalOrigin,
} from "../modules/follow-up/follow-up.entity";

/** Every TypeORM entity of the API. */
export const ENTITIES = [
  Academie,
  Departement,
  Establishment,
  Candidature,
  CoApplicant,
  CriterionResponse,
  CommonStrategy,
  CriterionPilot,
  CandidatureTransitionRecord,
  CandidatureAuditor,
  AppUser,
  UserSession,
  ApiToken,
  LoginFailure,
  AuthEvent,
  AuditLogEntry,
  Indicator,
  IndicatorValue,
  Evidence,
  EvidenceRevision,
  EngagementDocument,
  DossierSnapshot,
  AssessmentEntry,
  ImprovementArea,
  AuditCommitment,
  AuditReport,
  AssessmentWrite,
  ReferentInspector,
  PreparatoryVisit,
  PreparatoryVisitAttendee,
  AuditPlan,
  Label,
  GralmSession,
  GralmSessionItem,
  CaenOpinionRecord,
  RectorDecision,
  Notification,
  MailDelivery,
  PasswordResetToken,
  PasswordResetRequest,
  DirectoryImport,
  MidTermReview,
  MidTermReviewAttendee,
  CommitmentReview,
  RenewalOrigin,
];
