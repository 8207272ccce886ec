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
import { IdentityResolver } from "./modules/identity/identity.resolver";
import { AuditResolver } from "./modules/audit/audit.resolver";
import { OperationGuard } from "./common/guards";
import { PersonalDataGuard } from "./common/personal-data.middleware";
import {
  CandidatureDossierResolver,
  DossierSnapshotResolver,
  EvidenceFieldsResolver,
  IndicatorResolver,
} from "./modules/dossier/dossier.resolver";
import { EvidenceResolver } from "./modules/evidence/evidence.resolver";

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
  IdentityResolver,
  AuditResolver,
  CandidatureDossierResolver,
  IndicatorResolver,
  EvidenceFieldsResolver,
  DossierSnapshotResolver,
  EvidenceResolver,
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
