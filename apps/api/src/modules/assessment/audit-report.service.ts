/**
 * The audit report: the lead auditor drafts it (recommendation, summary, proposed label title) and
 * finalises it. Finalising applies the procedure's steps through `transitionCandidature` (RECORD_AUDIT
 * when the audit is not recorded yet, then SUBMIT_REPORT) in the same transaction; from then on the
 * report, the grid and the findings are immutable (REPORT_FINALISED).
 */
import {
  assertAuditPhase,
  assertReportFinalisable,
  canLeadAudit,
  canReadAuditReport,
  canReadCandidature,
  gridCells,
  AUDIT_RECOMMENDATIONS,
  PROPOSED_TITLE_MAX_LENGTH,
  REPORT_SUMMARY_MAX_LENGTH,
  type CriterionCode,
} from "@ldm/domain";
import { In, IsNull } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { badInput } from "../../common/errors";
import { requireViewer } from "../../common/authz";
import { optionalText } from "../../common/text";
import { Establishment } from "../establishment/establishment.entity";
import { transitionCandidature } from "../procedure/procedure.service";
import {
  AssessmentEntry,
  AuditCommitment,
  AuditReport,
  ImprovementArea,
} from "./assessment.entity";
import type { FinaliseAuditReportInput, SaveAuditReportInput } from "./assessment.input";
import { openAudit, readAudit, type AuditGate } from "./audit-access";
import { frozenDossierOf, gridMembersOf } from "./assessment.service";
import { applyVersionedWrite, reviveDates, type WriteOutcome } from "./offline-writes";

function reviveReport(json: Record<string, unknown>): AuditReport {
  return Object.assign(new AuditReport(), reviveDates<AuditReport>(json, ["finalisedAt"]));
}

function summaryText(value: string): string {
  const t = value.replace(/\r\n?/g, "\n").trim();
  if ([...t].length > REPORT_SUMMARY_MAX_LENGTH) {
    throw badInput(`La synthèse du rapport dépasse ${REPORT_SUMMARY_MAX_LENGTH} caractères.`);
  }
  return t;
}

/** The lead auditor writes the report's draft. */
export async function saveAuditReport(
  tx: TransactionContext,
  input: SaveAuditReportInput,
): Promise<WriteOutcome<AuditReport>> {
  const gate = await openAudit(
    tx,
    input.candidatureId,
    canLeadAudit,
    "rédaction du rapport d'audit",
  );
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  const recommendation = input.recommendation ?? null;
  if (recommendation !== null && !AUDIT_RECOMMENDATIONS.includes(recommendation)) {
    throw badInput(`Avis « ${String(recommendation)} » inconnu.`);
  }
  const summary = summaryText(input.summary);
  const proposedLabelTitle = optionalText(
    input.proposedLabelTitle,
    "proposition d'intitulé",
    PROPOSED_TITLE_MAX_LENGTH,
  );
  const repo = tx.manager.getRepository(AuditReport);
  return applyVersionedWrite(tx, {
    writeId: input.writeId,
    baseVersion: input.baseVersion,
    candidatureId: c.id,
    targetType: "AuditReport",
    what: "ce rapport",
    content: { candidatureId: c.id, recommendation, summary, proposedLabelTitle },
    current: gate.report,
    check: () => assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal }),
    async apply(row, version) {
      const values = {
        recommendation,
        summary,
        proposedLabelTitle,
        version,
        updatedBy: viewer.userId,
      };
      if (row) {
        await repo.update({ id: row.id }, values);
        return repo.findOneByOrFail({ id: row.id });
      }
      return repo.save(
        repo.create({
          candidatureId: c.id,
          status: "DRAFT",
          finalisedAt: null,
          finalisedBy: null,
          ...values,
        }),
      );
    },
    revive: reviveReport,
  });
}

/** The criteria (as a whole) of each establishment on which the team's level is missing. */
async function missingTeamLevels(tx: TransactionContext, gate: AuditGate) {
  const c = gate.candidature;
  const frozen = await frozenDossierOf(tx.manager, c.id);
  const cells = gridCells(c.referentialVersion, c.kind, gridMembersOf(gate.members, frozen)).filter(
    (cell) => cell.expectationId === null,
  );
  const team = await tx.manager
    .getRepository(AssessmentEntry)
    .findBy({ candidatureId: c.id, auditorId: IsNull(), expectationId: "" });
  const set = new Set(
    team.filter((e) => e.level !== null).map((e) => `${e.establishmentId}|${e.criterionCode}`),
  );
  const missing = cells.filter((cell) => !set.has(`${cell.establishmentId}|${cell.criterionCode}`));
  const ids = [...new Set(missing.map((m) => m.establishmentId))];
  const establishments =
    ids.length === 0 ? [] : await tx.manager.getRepository(Establishment).findBy({ id: In(ids) });
  return missing.map((m) => ({
    establishmentName:
      establishments.find((e) => e.id === m.establishmentId)?.name ?? m.establishmentId,
    criterionCode: m.criterionCode as CriterionCode,
  }));
}

/**
 * The lead auditor finalises the report: it must be complete (`assertReportFinalisable`); the audit is
 * recorded if it is not yet (RECORD_AUDIT: the audit day has come, the team is complete), the report is
 * handed in (SUBMIT_REPORT), and `AuditReportFinalised` is published. A replay answers the same result.
 */
export async function finaliseAuditReport(
  tx: TransactionContext,
  input: FinaliseAuditReportInput,
): Promise<WriteOutcome<AuditReport>> {
  const gate = await openAudit(
    tx,
    input.candidatureId,
    canLeadAudit,
    "finalisation du rapport d'audit",
  );
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  const repo = tx.manager.getRepository(AuditReport);
  const now = tx.clock.now();
  const outcome = await applyVersionedWrite(tx, {
    writeId: input.writeId,
    // Finalising is based on the version the lead read (never a creation).
    baseVersion: input.baseVersion ?? 0,
    candidatureId: c.id,
    targetType: "AuditReport",
    what: "ce rapport",
    content: { candidatureId: c.id, finalise: true },
    current: gate.report,
    async check() {
      assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal });
      const where = { candidatureId: c.id, removedAt: IsNull() };
      assertReportFinalisable({
        recommendation: gate.report?.recommendation ?? null,
        summary: gate.report?.summary ?? "",
        missingTeamLevels: await missingTeamLevels(tx, gate),
        improvementAreas: await tx.manager.getRepository(ImprovementArea).findBy(where),
      });
    },
    async apply(row, version) {
      await repo.update(
        { id: row!.id },
        {
          status: "FINAL",
          finalisedAt: now,
          finalisedBy: viewer.userId,
          version,
          updatedBy: viewer.userId,
        },
      );
      // The steps of the procedure, with their history, audit trail and events, in this transaction.
      if (c.state !== "AUDITED") {
        await transitionCandidature(tx, { candidatureId: c.id, transition: "RECORD_AUDIT" });
      }
      await transitionCandidature(tx, {
        candidatureId: c.id,
        transition: "SUBMIT_REPORT",
        comment: "Rapport d'audit finalisé par l'auditeur principal.",
      });
      return repo.findOneByOrFail({ id: row!.id });
    },
    revive: reviveReport,
  });
  if (!outcome.replayed) {
    const commitments = await tx.manager
      .getRepository(AuditCommitment)
      .findBy({ candidatureId: c.id, removedAt: IsNull() });
    await tx.publish({
      type: "AuditReportFinalised",
      candidatureId: c.id,
      reportId: outcome.row.id,
      recommendation: outcome.row.recommendation!,
      finalisedAt: now,
      finalisedBy: viewer.userId,
      commitments: commitments.map((k) => ({ id: k.id, dueOn: k.dueOn })),
    });
  }
  return outcome;
}

/**
 * The report as its reader may see it: the team and DRAFPIC while it is drafted; once final, also
 * whoever reads the candidature. A reader of the candidature gets null while it is a draft.
 */
export async function auditReport(
  ctx: RequestContext,
  candidatureId: string,
): Promise<AuditReport | null> {
  const viewer = requireViewer(ctx);
  const { facts, report } = await readAudit(
    ctx,
    candidatureId,
    (v, f, final) => canReadAuditReport(v, f, final) || canReadCandidature(v, f),
    "rapport d'audit",
  );
  return report && canReadAuditReport(viewer, facts, report.status === "FINAL") ? report : null;
}
