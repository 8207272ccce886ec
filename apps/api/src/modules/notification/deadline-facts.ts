/**
 * Loads what the domain needs to compute the deadlines of the running candidatures and labels, and who
 * they concern: a few statements for all of them (no statement per candidature).
 */
import { settledCommitmentIds } from "../follow-up/mid-term-review.service";
import type { EntityManager } from "typeorm";
import {
  CANDIDATURE_STATES,
  REGIONAL_TEAM_ROLES,
  isTerminalState,
  type CommitmentFacts,
  type ConcernedAccount,
  type DeadlineFacts,
  type DeadlinePeople,
} from "@ldm/domain";

/** One candidature: its facts, the accounts around it, its name and its people's addresses. */
export interface CandidatureDeadlineContext {
  facts: DeadlineFacts;
  people: DeadlinePeople;
  /** « Lycée professionnel Les Calanques », « réseau porté par … (3 établissements) ». */
  name: string;
  contacts: ReadonlyMap<string, { email: string; fullName: string }>;
}

/** Candidatures whose deadlines may still run (not refused, withdrawn nor expired). */
const RUNNING_STATES = CANDIDATURE_STATES.filter((s) => !isTerminalState(s));

interface CandidatureRow {
  id: string;
  kind: string;
  state: DeadlineFacts["state"];
  audit_date: string | null;
  publication_date: string | null;
}
interface MemberRow {
  candidature_id: string;
  establishment_id: string;
  is_lead: boolean;
  name: string;
}
interface AccountRow {
  id: string;
  email: string;
  full_name: string;
  role: ConcernedAccount["role"];
  establishment_id: string | null;
  active: boolean;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * The running candidatures (or the given ones, whatever their state) with their deadline facts and
 * people. Statements run one after another (a transaction holds one connection).
 */
export async function loadDeadlineContexts(
  manager: EntityManager,
  candidatureIds?: readonly string[],
): Promise<CandidatureDeadlineContext[]> {
  const candidatures = (await manager.query(
    `SELECT id, kind, state, to_char(audit_date, 'YYYY-MM-DD') AS audit_date,
            to_char(publication_date, 'YYYY-MM-DD') AS publication_date
       FROM candidature
      WHERE ${candidatureIds ? "id = ANY($1::uuid[])" : "state = ANY($1::text[])"}
      ORDER BY created_at, id`,
    [candidatureIds ?? RUNNING_STATES],
  )) as CandidatureRow[];
  if (candidatures.length === 0) return [];
  const ids = candidatures.map((c) => c.id);
  const members = group(
    (await manager.query(
      `SELECT m.candidature_id, m.establishment_id, m.is_lead, e.name
         FROM co_applicant m JOIN establishment e ON e.id = m.establishment_id
        WHERE m.candidature_id = ANY($1::uuid[])
        ORDER BY m.is_lead DESC, m.created_at, m.id`,
      [ids],
    )) as MemberRow[],
    (m) => m.candidature_id,
  );
  const auditors = group(
    (await manager.query(
      `SELECT candidature_id, user_id, team_role FROM candidature_auditor
        WHERE candidature_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    )) as { candidature_id: string; user_id: string; team_role: string }[],
    (a) => a.candidature_id,
  );
  const renewals = (await manager.query(
    `SELECT renews_candidature_id AS id, state IN ('LABELLED', 'MID_TERM_REVIEWED') AS labelled
       FROM candidature
      WHERE renews_candidature_id = ANY($1::uuid[]) AND state NOT IN ('WITHDRAWN', 'REFUSED')`,
    [ids],
  )) as { id: string; labelled: boolean }[];
  const renewed = new Set(renewals.map((r) => r.id));
  const renewedAndLabelled = new Set(renewals.filter((r) => r.labelled).map((r) => r.id));
  const referents = await loadReferents(manager, ids);
  const establishmentIds = [...members.values()].flat().map((m) => m.establishment_id);
  const auditorIds = [...auditors.values()].flat().map((a) => a.user_id);
  const referentIds = [...referents.values()].flat();
  const accounts = (await manager.query(
    `SELECT id, email, full_name, role, establishment_id, active FROM app_user
      WHERE active AND (establishment_id = ANY($1::uuid[]) OR id = ANY($2::uuid[])
                        OR role = ANY($3::text[]))
      ORDER BY created_at, id`,
    [establishmentIds, [...auditorIds, ...referentIds], REGIONAL_TEAM_ROLES],
  )) as AccountRow[];
  const plans = await candidaturesWhere(
    manager,
    "SELECT DISTINCT candidature_id FROM audit_plan WHERE submitted_at IS NOT NULL AND candidature_id = ANY($1::uuid[])",
    ids,
  );
  const reports = await candidaturesWhere(
    manager,
    "SELECT candidature_id FROM audit_report WHERE status = 'FINAL' AND candidature_id = ANY($1::uuid[])",
    ids,
  );
  const commitments = await loadCommitments(manager, ids);

  return candidatures.map((c) => {
    const own = members.get(c.id) ?? [];
    const leadMember = own.find((m) => m.is_lead) ?? own[0];
    const memberIds = own.map((m) => m.establishment_id);
    const team = (auditors.get(c.id) ?? []).map((a) => a.user_id);
    const lead = (auditors.get(c.id) ?? []).find((a) => a.team_role === "LEAD");
    const referentInspectorIds = referents.get(c.id) ?? [];
    const concerned = accounts.filter(
      (a) =>
        (a.establishment_id !== null && memberIds.includes(a.establishment_id)) ||
        team.includes(a.id) ||
        referentInspectorIds.includes(a.id) ||
        REGIONAL_TEAM_ROLES.includes(a.role),
    );
    return {
      facts: {
        candidatureId: c.id,
        state: c.state,
        memberEstablishmentIds: memberIds,
        leadEstablishmentId: leadMember?.establishment_id ?? "",
        auditDate: c.audit_date,
        publicationDate: c.publication_date,
        auditPlanSubmitted: plans.has(c.id),
        auditReportFinalised: reports.has(c.id),
        renewalEngaged: renewed.has(c.id),
        renewalLabelled: renewedAndLabelled.has(c.id),
        commitments: commitments.get(c.id) ?? [],
      },
      people: {
        accounts: concerned.map((a) => ({
          userId: a.id,
          role: a.role,
          establishmentId: a.establishment_id,
          active: a.active,
        })),
        auditTeamIds: team,
        leadAuditorId: lead?.user_id ?? null,
        referentInspectorIds,
      },
      name:
        c.kind === "NETWORK" && own.length > 1
          ? `réseau porté par ${leadMember?.name ?? "?"} (${own.length} établissements)`
          : (leadMember?.name ?? "?"),
      contacts: new Map(concerned.map((a) => [a.id, { email: a.email, fullName: a.full_name }])),
    };
  });
}

/** The accounts of the inspecteurs référents of each candidature's establishments (preparation). */
async function loadReferents(
  manager: EntityManager,
  candidatureIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = (await manager.query(
    `SELECT DISTINCT m.candidature_id, r.user_id
       FROM referent_inspector r JOIN co_applicant m ON m.establishment_id = r.establishment_id
      WHERE m.candidature_id = ANY($1::uuid[]) AND r.user_id IS NOT NULL`,
    [candidatureIds],
  )) as { candidature_id: string; user_id: string }[];
  const map = new Map<string, string[]>();
  for (const r of rows)
    map.set(r.candidature_id, [...(map.get(r.candidature_id) ?? []), r.user_id]);
  return map;
}

/** The candidatures a query selects (audit plan sent, report final…). */
async function candidaturesWhere(
  manager: EntityManager,
  sql: string,
  candidatureIds: readonly string[],
): Promise<Set<string>> {
  const rows = (await manager.query(sql, [candidatureIds])) as { candidature_id: string }[];
  return new Set(rows.map((r) => r.candidature_id));
}

/** The commitments taken at the audit (assessment), still in force. */
async function loadCommitments(
  manager: EntityManager,
  candidatureIds: readonly string[],
): Promise<Map<string, CommitmentFacts[]>> {
  const rows = (await manager.query(
    `SELECT id, candidature_id, establishment_id, description, to_char(due_on, 'YYYY-MM-DD') AS due_on
       FROM audit_commitment
      WHERE removed_at IS NULL AND candidature_id = ANY($1::uuid[])
      ORDER BY due_on, id`,
    [candidatureIds],
  )) as {
    id: string;
    candidature_id: string;
    establishment_id: string | null;
    description: string;
    due_on: string;
  }[];
  // Commitments the mid-term follow-up found done or abandoned are no longer reminded.
  const settled = await settledCommitmentIds(manager, candidatureIds);
  const map = new Map<string, CommitmentFacts[]>();
  for (const r of rows) {
    const title =
      r.description.length > 80 ? `${r.description.slice(0, 79).trimEnd()}…` : r.description;
    map.set(r.candidature_id, [
      ...(map.get(r.candidature_id) ?? []),
      {
        id: r.id,
        title,
        deadline: r.due_on,
        establishmentId: r.establishment_id,
        fulfilled: settled.has(r.id),
      },
    ]);
  }
  return map;
}
