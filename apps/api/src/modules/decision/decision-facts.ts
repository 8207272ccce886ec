/**
 * What the decision chain's rules need to know about a candidature, read on the transaction's
 * connection one statement after another: its establishments with their académie, the date its audit
 * report was submitted, its GRALM sessions, the CAEN's opinion and the rectors' decisions.
 */
import {
  academieOfDepartement,
  type DecisionMember,
  type IsoDate,
  type RectorDecisionFact,
} from "@ldm/domain";
import { In, type EntityManager } from "typeorm";
import { CandidatureTransitionRecord, type CoApplicant } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import {
  CaenOpinionRecord,
  GralmSession,
  GralmSessionItem,
  RectorDecision,
} from "./decision.entity";

/**
 * The establishments of a candidature (lead first) with the académie of their département, which
 * decides whose rector decides for them (`academieOfDepartement`).
 */
export async function decisionMembers(
  manager: EntityManager,
  members: readonly CoApplicant[],
): Promise<(DecisionMember & { establishment: Establishment; isLead: boolean })[]> {
  const ids = members.map((m) => m.establishmentId);
  const rows =
    ids.length === 0 ? [] : await manager.getRepository(Establishment).findBy({ id: In(ids) });
  const byId = new Map(rows.map((e) => [e.id, e]));
  return [...members]
    .sort((a, b) => Number(b.isLead) - Number(a.isLead))
    .map((m) => {
      const establishment = byId.get(m.establishmentId);
      if (!establishment) throw new Error(`Établissement ${m.establishmentId} absent`);
      return {
        establishmentId: establishment.id,
        establishmentName: establishment.name,
        academieCode: academieOfDepartement(establishment.departementCode).code,
        establishment,
        isLead: m.isLead,
      };
    });
}

/** The day the audit report was submitted (its latest SUBMIT_REPORT step), if recorded. */
export async function reportSubmittedOn(
  manager: EntityManager,
  candidatureId: string,
): Promise<IsoDate | null> {
  const step = await manager.getRepository(CandidatureTransitionRecord).findOne({
    where: { candidatureId, transition: "SUBMIT_REPORT" },
    order: { effectiveDate: "DESC", createdAt: "DESC" },
  });
  return step?.effectiveDate ?? null;
}

/** The candidature's places on GRALM agendas, with their sessions' dates, oldest first. */
export async function gralmHistory(
  manager: EntityManager,
  candidatureId: string,
): Promise<{ item: GralmSessionItem; sessionDate: IsoDate }[]> {
  const items = await manager.getRepository(GralmSessionItem).findBy({ candidatureId });
  if (items.length === 0) return [];
  const sessions = await manager
    .getRepository(GralmSession)
    .findBy({ id: In(items.map((i) => i.sessionId)) });
  const dates = new Map(sessions.map((s) => [s.id, s.sessionDate]));
  return items
    .map((item) => ({ item, sessionDate: dates.get(item.sessionId) ?? "" }))
    .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
}

/** Dates of the sessions that postponed the candidature's examination. */
export function postponements(
  history: readonly { item: GralmSessionItem; sessionDate: IsoDate }[],
) {
  return history.filter((h) => h.item.proposal === "POSTPONED").map((h) => h.sessionDate);
}

/** The date of the session whose proposal (favourable or not) moved the candidature on, if any. */
export function proposingSessionDate(
  history: readonly { item: GralmSessionItem; sessionDate: IsoDate }[],
): IsoDate | null {
  const proposed = history.filter(
    (h) => h.item.proposal === "FAVOURABLE" || h.item.proposal === "UNFAVOURABLE",
  );
  return proposed.at(-1)?.sessionDate ?? null;
}

export async function caenOpinionOf(
  manager: EntityManager,
  candidatureId: string,
): Promise<CaenOpinionRecord | null> {
  return manager.getRepository(CaenOpinionRecord).findOneBy({ candidatureId });
}

/** The rectors' decisions recorded for the candidature, as the domain reads them. */
export async function rectorDecisionsOf(
  manager: EntityManager,
  candidatureId: string,
): Promise<{ rows: RectorDecision[]; facts: RectorDecisionFact[] }> {
  const rows = await manager
    .getRepository(RectorDecision)
    .find({ where: { candidatureId }, order: { decidedOn: "ASC", createdAt: "ASC" } });
  return {
    rows,
    facts: rows.map((r) => ({
      establishmentId: r.establishmentId,
      academieCode: r.academieCode as RectorDecisionFact["academieCode"],
      outcome: r.outcome,
      decidedOn: r.decidedOn,
    })),
  };
}
