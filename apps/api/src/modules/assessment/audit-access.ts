/**
 * How the audit's use cases and reads reach a candidature. An assigned auditor who has not signed the
 * declaration of independence sees the assignment (to sign it), nothing else: the gate opens with
 * `canSeeAuditAssignment`, then the operation's own rule decides, and an unsigned auditor is told to
 * sign first (FORBIDDEN, reason DECLARATION_REQUIRED).
 */
import {
  awaitsAuditDeclaration,
  canSeeAuditAssignment,
  type CandidatureAccessFacts,
  type Viewer,
} from "@ldm/domain";
import type { EntityManager } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { Candidature } from "../candidature/candidature.entity";
import {
  loadAccessFacts,
  openCandidature,
  type GatedCandidature,
} from "../candidature/candidature.gate";
import { AuditReport } from "./assessment.entity";

export type AuditRule = (viewer: Viewer, facts: CandidatureAccessFacts) => boolean;

export interface AuditGate extends GatedCandidature {
  report: AuditReport | null;
  reportFinal: boolean;
}

function declarationRequired(): AppError {
  return new AppError(
    "FORBIDDEN",
    "Signez d'abord la déclaration d'indépendance et de confidentialité : jusque-là, le dossier et les travaux de l'équipe d'audit vous restent fermés.",
    { reason: "DECLARATION_REQUIRED" },
  );
}

async function enforce(
  ctx: RequestContext,
  viewer: Viewer,
  facts: CandidatureAccessFacts,
  rule: AuditRule,
  what: string,
): Promise<void> {
  const allowed = rule(viewer, facts);
  if (!allowed && awaitsAuditDeclaration(viewer, facts)) throw declarationRequired();
  await authorize(ctx, allowed, what);
}

export function reportOf(
  manager: EntityManager,
  candidatureId: string,
): Promise<AuditReport | null> {
  return manager.getRepository(AuditReport).findOneBy({ candidatureId });
}

/** Opens the candidature gate (lock) for an audit use case, then checks `rule`. */
export async function openAudit(
  tx: TransactionContext,
  candidatureId: string,
  rule: AuditRule,
  what: string,
): Promise<AuditGate> {
  const gate = await openCandidature(
    tx,
    candidatureId,
    { what: "La candidature", id: candidatureId },
    canSeeAuditAssignment,
  );
  await enforce(tx, requireViewer(tx), gate.facts, rule, what);
  const report = await reportOf(tx.manager, candidatureId);
  return { ...gate, report, reportFinal: report?.status === "FINAL" };
}

export interface AuditRead {
  candidature: Candidature;
  facts: CandidatureAccessFacts;
  report: AuditReport | null;
}

/**
 * Loads a candidature for a read of the audit (no lock). `rule` gets whether the report is final (the
 * report's readers widen then).
 */
export async function readAudit(
  ctx: RequestContext,
  candidatureId: string,
  rule: (viewer: Viewer, facts: CandidatureAccessFacts, reportFinal: boolean) => boolean,
  what: string,
): Promise<AuditRead> {
  const viewer = requireViewer(ctx);
  assertUuidOrNotFound("La candidature", candidatureId);
  const candidature = await ctx.manager.getRepository(Candidature).findOneBy({ id: candidatureId });
  if (!candidature) throw notFound("La candidature", candidatureId);
  const { facts } = await loadAccessFacts(ctx.manager, candidature);
  await authorizeVisible(
    ctx,
    canSeeAuditAssignment(viewer, facts),
    "La candidature",
    candidatureId,
  );
  const report = await reportOf(ctx.manager, candidatureId);
  const final = report?.status === "FINAL";
  await enforce(ctx, viewer, facts, (v, f) => rule(v, f, final), what);
  return { candidature, facts, report };
}
