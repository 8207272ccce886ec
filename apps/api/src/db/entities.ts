import { Academie, Departement } from "../modules/academie/academie.entity";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
  ApiToken,
  AppUser,
  AuthEvent,
  LoginFailure,
  UserSession,
} from "../modules/identity/user.entity";
import { AuditLogEntry } from "../modules/audit/audit-log.entity";
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
];
