/** Per-request DataLoaders: one SQL statement per relation and per tick, whatever the list size. */
import DataLoader from "dataloader";
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from "typeorm";
import { Academie, Departement } from "./modules/academie/academie.entity";
import { Establishment } from "./modules/establishment/establishment.entity";
import { AppUser } from "./modules/identity/user.entity";
import { Indicator, IndicatorValue } from "./modules/dossier/indicator.entity";
import {
  DossierSnapshot,
  EngagementDocument,
  Evidence,
  EvidenceRevision,
} from "./modules/evidence/evidence.entity";
import {
  Candidature,
  CandidatureAuditor,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "./modules/candidature/candidature.entity";
import { Label } from "./modules/label/label.entity";
import {
  CaenOpinionRecord,
  GralmSession,
  GralmSessionItem,
  RectorDecision,
} from "./modules/decision/decision.entity";
import {
  AuditPlan,
  PreparatoryVisit,
  PreparatoryVisitAttendee,
  ReferentInspector,
} from "./modules/preparation/preparation.entity";

import { AuditCommitment, AuditReport } from "./modules/assessment/assessment.entity";
import {
  CommitmentReview,
  MidTermReview,
  MidTermReviewAttendee,
  RenewalOrigin,
} from "./modules/follow-up/follow-up.entity";

function byKey<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
) {
  return new DataLoader<string, E | null>(async (keys) => {
    const rows = await ds
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never });
    const map = new Map(rows.map((r) => [String(r[column]), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

function groupedBy<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: Record<string, "ASC" | "DESC">,
) {
  return new DataLoader<string, E[]>(async (keys) => {
    const rows = await ds
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const map = new Map<string, E[]>();
    for (const row of rows) {
      const k = String(row[column]);
      const list = map.get(k) ?? [];
      list.push(row);
      map.set(k, list);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

export function createLoaders(ds: DataSource) {
  return {
    academieByCode: byKey(ds, Academie, "code"),
    departementByCode: byKey(ds, Departement, "code"),
    departementsByAcademieCode: groupedBy(ds, Departement, "academieCode", { code: "ASC" }),
    establishmentById: byKey(ds, Establishment, "id"),
    candidatureById: byKey(ds, Candidature, "id"),
    membersByCandidatureId: groupedBy(ds, CoApplicant, "candidatureId", {
      isLead: "DESC",
      createdAt: "ASC",
    }),
    membershipsByEstablishmentId: groupedBy(ds, CoApplicant, "establishmentId", {
      createdAt: "ASC",
    }),
    responsesByCandidatureId: groupedBy(ds, CriterionResponse, "candidatureId", {
      criterionCode: "ASC",
      createdAt: "ASC",
    }),
    commonStrategiesByCandidatureId: groupedBy(ds, CommonStrategy, "candidatureId", {
      criterionCode: "ASC",
    }),
    pilotsByCandidatureId: groupedBy(ds, CriterionPilot, "candidatureId", {
      criterionCode: "ASC",
      createdAt: "ASC",
    }),
    userById: byKey(ds, AppUser, "id"),
    auditorsByCandidatureId: groupedBy(ds, CandidatureAuditor, "candidatureId", {
      createdAt: "ASC",
    }),
    indicatorsByCandidatureId: groupedBy(ds, Indicator, "candidatureId", { createdAt: "ASC" }),
    valuesByIndicatorId: groupedBy(ds, IndicatorValue, "indicatorId", { schoolYear: "ASC" }),
    evidenceByCandidatureId: groupedBy(ds, Evidence, "candidatureId", {
      effectiveDate: "DESC",
      createdAt: "ASC",
    }),
    revisionsByEvidenceId: groupedBy(ds, EvidenceRevision, "evidenceId", { revision: "DESC" }),
    engagementDocumentsByCandidatureId: groupedBy(ds, EngagementDocument, "candidatureId", {
      createdAt: "DESC",
    }),
    snapshotsByCandidatureId: groupedBy(ds, DossierSnapshot, "candidatureId", {
      submittedAt: "DESC",
    }),
    transitionsByCandidatureId: groupedBy(ds, CandidatureTransitionRecord, "candidatureId", {
      createdAt: "ASC",
    }),
    auditReportByCandidatureId: byKey(ds, AuditReport, "candidatureId"),
    labelsByCandidatureId: groupedBy(ds, Label, "candidatureId", { establishmentId: "ASC" }),
    labelsByEstablishmentId: groupedBy(ds, Label, "establishmentId", { startDate: "DESC" }),
    gralmSessionById: byKey(ds, GralmSession, "id"),
    gralmItemsBySessionId: groupedBy(ds, GralmSessionItem, "sessionId", { position: "ASC" }),
    gralmItemsByCandidatureId: groupedBy(ds, GralmSessionItem, "candidatureId", {
      createdAt: "ASC",
    }),
    caenOpinionByCandidatureId: byKey(ds, CaenOpinionRecord, "candidatureId"),
    rectorDecisionsByCandidatureId: groupedBy(ds, RectorDecision, "candidatureId", {
      decidedOn: "ASC",
      createdAt: "ASC",
    }),
    referentInspectorByEstablishmentId: byKey(ds, ReferentInspector, "establishmentId"),
    preparatoryVisitByCandidatureId: byKey(ds, PreparatoryVisit, "candidatureId"),
    attendeesByVisitId: groupedBy(ds, PreparatoryVisitAttendee, "visitId", { position: "ASC" }),
    auditPlanByCandidatureId: byKey(ds, AuditPlan, "candidatureId"),
    auditCommitmentById: byKey(ds, AuditCommitment, "id"),
    midTermReviewByCandidatureId: byKey(ds, MidTermReview, "candidatureId"),
    midTermAttendeesByReviewId: groupedBy(ds, MidTermReviewAttendee, "reviewId", {
      position: "ASC",
    }),
    commitmentReviewsByReviewId: groupedBy(ds, CommitmentReview, "reviewId", { position: "ASC" }),
    renewalOriginsByCandidatureId: groupedBy(ds, RenewalOrigin, "candidatureId", {
      createdAt: "ASC",
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
