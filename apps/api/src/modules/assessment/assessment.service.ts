/**
 * The assessment grid: each signed auditor keeps a draft (a level on the 4-level scale, a comment and
 * strengths per criterion and per expectation of each establishment); the lead auditor consolidates
 * the team's assessment, each auditor's level side by side with the team's and the school's
 * self-assessed level from the frozen dossier. Writes are idempotent and versioned
 * (`offline-writes.ts`); the team writes during the audit phase only (`assertAuditPhase`).
 */
import {
  assertAuditPhase,
  assertGridCell,
  canLeadAudit,
  canReadAuditorDraft,
  canReadAuditWork,
  canWriteAuditAssessment,
  criteriaForMember,
  gridCells,
  isAttainmentLevel,
  isAuditPhaseOpen,
  levelsDiffer,
  unanimousLevel,
  type AttainmentLevel,
  type GridMember,
} from "@ldm/domain";
import {
  dossierSnapshotSchema,
  snapshotMemberVariant,
  type DossierSnapshotContent,
} from "@ldm/contracts";
import { IsNull, type EntityManager } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { badInput } from "../../common/errors";
import { requireViewer } from "../../common/authz";
import type { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { DossierSnapshot } from "../evidence/evidence.entity";
import { AssessmentEntry } from "./assessment.entity";
import type { SaveAssessmentEntryInput } from "./assessment.input";
import { AuditGrid, AuditGridLine } from "./assessment.type";
import { openAudit, readAudit } from "./audit-access";
import { applyVersionedWrite, reviveDates, type WriteOutcome } from "./offline-writes";

/** Longest comment or list of strengths on one line of the grid (characters). */
export const GRID_TEXT_MAX_LENGTH = 5000;

/** The frozen dossier of a candidature (the latest submission), or null before any. */
export async function frozenDossierOf(
  manager: EntityManager,
  candidatureId: string,
): Promise<DossierSnapshotContent | null> {
  const snapshot = await manager
    .getRepository(DossierSnapshot)
    .findOne({ where: { candidatureId }, order: { submittedAt: "DESC" } });
  return snapshot ? dossierSnapshotSchema.parse(snapshot.content) : null;
}

/** The members as the grid assesses them: with the criterion 9 frozen at submission. */
export function gridMembersOf(
  members: readonly CoApplicant[],
  frozen: DossierSnapshotContent | null,
): GridMember[] {
  return [...members]
    .sort((a, b) => Number(b.isLead) - Number(a.isLead))
    .map((m) => {
      const f = frozen?.members.find((x) => x.establishmentId === m.establishmentId);
      return {
        establishmentId: m.establishmentId,
        optionalCriterionVariant:
          f && frozen ? snapshotMemberVariant(frozen, f) : m.optionalCriterionVariant,
      };
    });
}

function text(value: string, label: string): string {
  const t = value.replace(/\r\n?/g, "\n").trim();
  if ([...t].length > GRID_TEXT_MAX_LENGTH) {
    throw badInput(`Le champ « ${label} » dépasse ${GRID_TEXT_MAX_LENGTH} caractères.`);
  }
  return t;
}

function reviveEntry(json: Record<string, unknown>): AssessmentEntry {
  return Object.assign(new AssessmentEntry(), reviveDates<AssessmentEntry>(json, []));
}

/** Writes one line of a draft (`team` false) or of the team's assessment (`team` true). */
async function saveEntry(
  tx: TransactionContext,
  input: SaveAssessmentEntryInput,
  team: boolean,
): Promise<WriteOutcome<AssessmentEntry>> {
  const gate = await openAudit(
    tx,
    input.candidatureId,
    team ? canLeadAudit : canWriteAuditAssessment,
    team ? "évaluation de l'équipe" : "grille d'évaluation",
  );
  const { candidature: c } = gate;
  const viewer = requireViewer(tx);
  const member = gate.member(input.establishmentId);
  const frozen = await frozenDossierOf(tx.manager, c.id);
  const cell = assertGridCell(
    c.referentialVersion,
    c.kind,
    gridMembersOf([member], frozen)[0]!,
    input.criterionCode,
    input.expectationId ?? null,
  );
  const level: AttainmentLevel | null = input.level ?? null;
  if (level !== null && !isAttainmentLevel(level))
    throw badInput(`Niveau « ${String(level)} » inconnu.`);
  const comment = text(input.comment, "commentaire");
  const strengths = text(input.strengths, "points forts");
  const auditorId = team ? null : viewer.userId;
  const repo = tx.manager.getRepository(AssessmentEntry);
  const key = {
    candidatureId: c.id,
    establishmentId: cell.establishmentId,
    criterionCode: cell.criterionCode,
    expectationId: cell.expectationId ?? "",
  };
  const current = await repo.findOneBy({ ...key, auditorId: auditorId ?? IsNull() });
  return applyVersionedWrite(tx, {
    writeId: input.writeId,
    baseVersion: input.baseVersion,
    candidatureId: c.id,
    targetType: "AssessmentEntry",
    what: team ? "cette appréciation de l'équipe" : "cette appréciation",
    content: { ...key, auditorId, level, comment, strengths },
    current,
    check: () => assertAuditPhase({ state: c.state, reportFinal: gate.reportFinal }),
    async apply(row, version) {
      const values = { level, comment, strengths, version, updatedBy: viewer.userId };
      if (row) {
        await repo.update({ id: row.id }, values);
        return repo.findOneByOrFail({ id: row.id });
      }
      return repo.save(repo.create({ ...key, auditorId, ...values }));
    },
    revive: reviveEntry,
  });
}

export function saveAssessmentDraft(
  tx: TransactionContext,
  input: SaveAssessmentEntryInput,
): Promise<WriteOutcome<AssessmentEntry>> {
  return saveEntry(tx, input, false);
}

export function saveTeamAssessment(
  tx: TransactionContext,
  input: SaveAssessmentEntryInput,
): Promise<WriteOutcome<AssessmentEntry>> {
  return saveEntry(tx, input, true);
}

/**
 * The grid as the viewer may see it: every line of every establishment, the school's self-assessed
 * level, the viewer's draft, the drafts they may read side by side, and the team's assessment.
 */
export async function auditGrid(ctx: RequestContext, candidatureId: string): Promise<AuditGrid> {
  const {
    candidature: c,
    facts,
    report,
  } = await readAudit(ctx, candidatureId, (v, f) => canReadAuditWork(v, f), "grille d'évaluation");
  const viewer = requireViewer(ctx);
  const [members, frozen, entries] = await Promise.all([
    ctx.loaders.membersByCandidatureId.load(c.id),
    frozenDossierOf(ctx.manager, c.id),
    ctx.manager
      .getRepository(AssessmentEntry)
      .find({ where: { candidatureId: c.id }, order: { createdAt: "ASC" } }),
  ]);
  const reportFinal = report?.status === "FINAL";
  const phaseOpen = isAuditPhaseOpen({ state: c.state, reportFinal });
  const keyOf = (e: {
    establishmentId: string;
    criterionCode: string;
    expectationId: string | null;
  }) => `${e.establishmentId}|${e.criterionCode}|${e.expectationId ?? ""}`;
  const byLine = new Map<string, AssessmentEntry[]>();
  for (const e of entries) byLine.set(keyOf(e), [...(byLine.get(keyOf(e)) ?? []), e]);
  const gridMembers = gridMembersOf(members, frozen);
  const criteria = new Map(
    gridMembers.map((m) => [
      m.establishmentId,
      criteriaForMember(c.referentialVersion, c.kind, m.optionalCriterionVariant),
    ]),
  );
  const lines = gridCells(c.referentialVersion, c.kind, gridMembers).map((cell) => {
    const criterion = criteria
      .get(cell.establishmentId)!
      .find((k) => k.code === cell.criterionCode)!;
    const response = frozen?.responses.find(
      (r) => r.establishmentId === cell.establishmentId && r.criterionCode === cell.criterionCode,
    );
    const all = byLine.get(keyOf(cell)) ?? [];
    const drafts = all.filter(
      (e) => e.auditorId !== null && canReadAuditorDraft(viewer, facts, e.auditorId),
    );
    const selfLevel = response?.selfAssessedLevel ?? null;
    return Object.assign(new AuditGridLine(), {
      establishmentId: cell.establishmentId,
      criterionCode: cell.criterionCode,
      criterionTitle: criterion.shortTitle,
      expectationId: cell.expectationId,
      expectationText:
        cell.expectationId === null
          ? null
          : (criterion.expectations.find((x) => x.id === cell.expectationId)?.text ?? null),
      selfAssessedLevel:
        cell.expectationId === null && selfLevel !== null && isAttainmentLevel(selfLevel)
          ? selfLevel
          : null,
      addressedBySchool:
        cell.expectationId === null
          ? null
          : (response?.addressedExpectationIds.includes(cell.expectationId) ?? false),
      myDraft: all.find((e) => e.auditorId === viewer.userId) ?? null,
      auditorDrafts: drafts,
      team: all.find((e) => e.auditorId === null) ?? null,
      levelsDiffer: levelsDiffer(drafts.map((d) => d.level)),
      unanimousLevel: unanimousLevel(drafts.map((d) => d.level)),
    });
  });
  return Object.assign(new AuditGrid(), {
    candidatureId: c.id,
    referentialVersion: c.referentialVersion,
    editable: phaseOpen && canWriteAuditAssessment(viewer, facts),
    consolidates: phaseOpen && canLeadAudit(viewer, facts),
    lines,
  });
}

/** The team's levels on the criteria as a whole, for the report and its PDF. */
export function teamEntriesOf(manager: EntityManager, c: Candidature): Promise<AssessmentEntry[]> {
  return manager.getRepository(AssessmentEntry).find({
    where: { candidatureId: c.id, auditorId: IsNull() },
    order: { criterionCode: "ASC", expectationId: "ASC" },
  });
}
