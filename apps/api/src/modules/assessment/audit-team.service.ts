/**
 * The audit team: DRAFPIC composes it (roles, profiles from the accounts), each auditor signs the
 * declaration of independence and confidentiality before reading anything, and sees their assignments
 * and what is expected of them next. Rules: `audit-team.ts` and `authorization.ts` in @ldm/domain.
 */
import {
  assertAuditTeamChangeable,
  assertAuditTeamComposition,
  assertDeclarationSignable,
  assertNoAuditorDayConflict,
  AUDIT_STEP_LABELS,
  canComposeAuditTeam,
  canJoinAuditTeam,
  canSignAuditDeclaration,
  hasAuditAssignments,
  independenceDeclarationText,
  INDEPENDENCE_DECLARATION_VERSION,
  nextAuditStep,
} from "@ldm/domain";
import { In, type EntityManager } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { badInput } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorize, requireViewer } from "../../common/authz";
import { paginateByTime, type Connection } from "../../common/pagination";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature, CandidatureAuditor, CoApplicant } from "../candidature/candidature.entity";
import { openCandidature } from "../candidature/candidature.gate";
import { touchCandidature } from "../candidature/candidature.service";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import { AuditReport } from "./assessment.entity";
import type {
  AuditAssignmentsArgs,
  SetAuditTeamInput,
  SignAuditDeclarationInput,
} from "./assessment.input";
import { AuditAssignment, AuditDeclaration } from "./assessment.type";
import { openAudit, reportOf } from "./audit-access";

/** Refuses the change of a team whose report is final (REPORT_FINALISED). */
export async function assertTeamChangeable(
  manager: EntityManager,
  candidatureId: string,
): Promise<void> {
  const report = await reportOf(manager, candidatureId);
  assertAuditTeamChangeable({ reportFinal: report?.status === "FINAL" });
}

/**
 * An audit lasts the day: refuses (CONFLICT) when a member of the candidature's team takes part in
 * another audit on its audit date.
 */
export async function assertTeamAvailable(
  manager: EntityManager,
  candidatureId: string,
): Promise<void> {
  const c = await manager.getRepository(Candidature).findOneByOrFail({ id: candidatureId });
  if (c.auditDate === null) return;
  const team = await manager.getRepository(CandidatureAuditor).findBy({ candidatureId });
  if (team.length === 0) return;
  const rows: { user_id: string; candidature_id: string; audit_date: string; full_name: string }[] =
    await manager.query(
      `SELECT a.user_id, a.candidature_id, c.audit_date::text AS audit_date, u.full_name
         FROM candidature_auditor a
         JOIN candidature c ON c.id = a.candidature_id
         JOIN app_user u ON u.id = a.user_id
        WHERE a.user_id = ANY($1::uuid[]) AND a.candidature_id <> $2
          AND c.audit_date = $3::date AND c.state <> 'WITHDRAWN'`,
      [team.map((m) => m.userId), candidatureId, c.auditDate],
    );
  assertNoAuditorDayConflict({
    candidatureId,
    auditDate: c.auditDate,
    teamUserIds: team.map((m) => m.userId),
    otherAudits: rows.map((r) => ({
      userId: r.user_id,
      candidatureId: r.candidature_id,
      auditDate: r.audit_date,
      auditorName: r.full_name,
    })),
  });
}

/**
 * Composes (or changes) the audit team of a candidature: DRAFPIC names every auditor and the lead. The
 * domain checks the team (`assertAuditTeamComposition`); declarations already signed by auditors who
 * stay are kept; the team's handlers check that it can still change and each auditor's day.
 */
export async function setAuditTeam(
  tx: TransactionContext,
  input: SetAuditTeamInput,
): Promise<Candidature> {
  const gate = await openCandidature(tx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(tx, canComposeAuditTeam(requireViewer(tx)), "composition de l'équipe d'audit");
  await assertTeamChangeable(tx.manager, c.id);
  for (const m of input.members) assertUuidOrNotFound("Le compte", m.userId);
  const ids = [...new Set(input.members.map((m) => m.userId))];
  const users =
    ids.length === 0 ? [] : await tx.manager.getRepository(AppUser).findBy({ id: In(ids) });
  const unfit = ids.filter((id) => {
    const user = users.find((u) => u.id === id);
    return !user || !canJoinAuditTeam(user);
  });
  if (unfit.length > 0) {
    throw badInput("Seul un compte d'auditeur actif peut faire partie d'une équipe d'audit.", {
      userIds: unfit,
    });
  }
  assertAuditTeamComposition(
    input.members.map((m) => {
      const user = users.find((u) => u.id === m.userId);
      return {
        userId: m.userId,
        profile: user?.auditorProfile ?? null,
        teamRole: m.teamRole,
        ...(user ? { name: user.fullName } : {}),
      };
    }),
  );

  const repo = tx.manager.getRepository(CandidatureAuditor);
  const current = gate.auditors;
  const wanted = new Map(input.members.map((m) => [m.userId, m.teamRole]));
  const removed = current.filter((a) => !wanted.has(a.userId));
  const changed = current.filter(
    (a) => wanted.has(a.userId) && wanted.get(a.userId) !== a.teamRole,
  );
  const added = input.members.filter((m) => !current.some((a) => a.userId === m.userId));
  if (removed.length === 0 && changed.length === 0 && added.length === 0) return c;

  for (const row of removed) {
    await repo.delete({ id: row.id });
    await recordChange(tx, "CandidatureAuditor", row.id, row, null);
  }
  // One lead per candidature (a unique index): the former lead steps down before the new one is named.
  const ordered = [...changed].sort((a, b) =>
    a.teamRole === "LEAD" ? -1 : b.teamRole === "LEAD" ? 1 : 0,
  );
  for (const row of ordered) {
    await repo.update({ id: row.id }, { teamRole: wanted.get(row.userId)! });
    await recordChange(
      tx,
      "CandidatureAuditor",
      row.id,
      row,
      await repo.findOneByOrFail({ id: row.id }),
    );
  }
  for (const m of added) {
    const row = await repo.save(
      repo.create({ candidatureId: c.id, userId: m.userId, teamRole: m.teamRole }),
    );
    await recordChange(tx, "CandidatureAuditor", row.id, null, row);
  }
  await tx.publish({
    type: "AuditTeamChanged",
    candidatureId: c.id,
    addedUserIds: added.map((m) => m.userId),
    removedUserIds: removed.map((r) => r.userId),
    leadUserId: input.members.find((m) => m.teamRole === "LEAD")?.userId ?? null,
  });
  return touchCandidature(tx, c, null);
}

/**
 * The assigned auditor signs the declaration of independence and confidentiality (the date, the text's
 * version, the establishments with which they declare no conflict of interest): from then on they read
 * the candidature.
 */
export async function signAuditDeclaration(
  tx: TransactionContext,
  input: SignAuditDeclarationInput,
): Promise<AuditAssignment> {
  const gate = await openAudit(
    tx,
    input.candidatureId,
    canSignAuditDeclaration,
    "signature de la déclaration",
  );
  const viewer = requireViewer(tx);
  const row = gate.auditors.find((a) => a.userId === viewer.userId)!;
  assertDeclarationSignable({
    state: gate.candidature.state,
    alreadySigned: row.declarationSignedAt !== null,
    textVersion: input.textVersion,
    noConflictOfInterest: input.noConflictOfInterest,
  });
  const repo = tx.manager.getRepository(CandidatureAuditor);
  await repo.update(
    { id: row.id },
    {
      declarationSignedAt: tx.clock.now(),
      declarationTextVersion: INDEPENDENCE_DECLARATION_VERSION,
      declaredEstablishmentIds: gate.members.map((m) => m.establishmentId),
    },
  );
  const after = await repo.findOneByOrFail({ id: row.id });
  await recordChange(tx, "CandidatureAuditor", row.id, row, after);
  await tx.publish({
    type: "AuditDeclarationSigned",
    candidatureId: gate.candidature.id,
    userId: viewer.userId,
    textVersion: INDEPENDENCE_DECLARATION_VERSION,
  });
  return assignmentOf(after, gate.candidature, gate.members, gate.report);
}

/** What an assigned auditor sees of a candidature before (and after) signing. */
export function assignmentOf(
  row: CandidatureAuditor,
  c: Candidature,
  members: readonly CoApplicant[],
  report: AuditReport | null,
): AuditAssignment {
  const step = nextAuditStep({
    state: c.state,
    signed: row.declarationSignedAt !== null,
    lead: row.teamRole === "LEAD",
    reportFinal: report?.status === "FINAL",
  });
  return Object.assign(new AuditAssignment(), {
    id: row.id,
    candidatureId: c.id,
    state: c.state,
    kind: c.kind,
    awardType: c.awardType,
    auditDate: c.auditDate,
    teamRole: row.teamRole,
    declarationSignedAt: row.declarationSignedAt,
    reportStatus: report?.status ?? null,
    nextStep: step,
    nextStepLabel: AUDIT_STEP_LABELS[step],
    establishmentIds: [...members]
      .sort((a, b) => Number(b.isLead) - Number(a.isLead))
      .map((m) => m.establishmentId),
  });
}

/** The text an auditor signs for the candidature (naming its establishments). */
export async function declarationFor(
  ctx: RequestContext,
  establishmentIds: string[],
): Promise<AuditDeclaration> {
  const found = await ctx.loaders.establishmentById.loadMany(establishmentIds);
  const establishments = found.filter((e): e is Establishment => e instanceof Establishment);
  return Object.assign(new AuditDeclaration(), {
    version: INDEPENDENCE_DECLARATION_VERSION,
    text: independenceDeclarationText(establishments.map((e) => ({ name: e.name, uai: e.uai }))),
  });
}

/** The caller's audit assignments, the most recent first (auditors; nobody else has any). */
export async function myAuditAssignments(
  ctx: RequestContext,
  args: AuditAssignmentsArgs,
): Promise<Connection<AuditAssignment>> {
  const viewer = requireViewer(ctx);
  const qb = ctx.dataSource
    .getRepository(CandidatureAuditor)
    .createQueryBuilder("a")
    .where("a.user_id = :userId", { userId: viewer.userId });
  if (!hasAuditAssignments(viewer)) qb.andWhere("false");
  const page = await paginateByTime(qb, args, {
    column: "created_at",
    direction: "DESC",
    timeOf: (a) => a.createdAt,
  });
  const ids = page.edges.map((e) => e.node.candidatureId);
  const reports =
    ids.length === 0
      ? []
      : await ctx.manager.getRepository(AuditReport).findBy({ candidatureId: In(ids) });
  const edges = await Promise.all(
    page.edges.map(async (edge) => {
      const [c, members] = await Promise.all([
        ctx.loaders.candidatureById.load(edge.node.candidatureId),
        ctx.loaders.membersByCandidatureId.load(edge.node.candidatureId),
      ]);
      const report = reports.find((r) => r.candidatureId === edge.node.candidatureId) ?? null;
      return { cursor: edge.cursor, node: assignmentOf(edge.node, c!, members, report) };
    }),
  );
  return { ...page, edges };
}
