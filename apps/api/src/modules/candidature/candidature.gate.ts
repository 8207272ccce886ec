/**
 * The candidature gate: the only way a use case loads a candidature to change it. It locks the row for
 * the rest of the transaction (concurrent changes to one candidature are serialised), loads the facts its
 * rules need (members, auditors, pilots) one query after another on the transaction's connection, and
 * checks that the caller sees it: an unseen candidature answers NOT_FOUND, exactly like a missing one.
 */
import {
  CANDIDATURE_STATE_LABELS,
  canReadCandidature,
  isSchoolEditableState,
  type CandidatureAccessFacts,
  type Viewer,
} from "@ldm/domain";
import type { EntityManager } from "typeorm";
import type { TransactionContext } from "../../context";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { authorizeVisible, requireViewer } from "../../common/authz";
import { Candidature, CandidatureAuditor, CoApplicant, CriterionPilot } from "./candidature.entity";

export interface GatedCandidature {
  /** The locked row, as it was when the gate opened. */
  candidature: Candidature;
  /** Co-applicants, in the order they joined (the lead first for a new candidature). */
  members: CoApplicant[];
  auditors: CandidatureAuditor[];
  pilots: CriterionPilot[];
  /** What the domain's authorization rules need to know. */
  facts: CandidatureAccessFacts;
  /** The member row of an establishment, or NOT_FOUND when it does not take part. */
  member(establishmentId: string): CoApplicant;
  /** Refuses with CANDIDATURE_LOCKED unless the school may still change its dossier. */
  assertSchoolEditable(): void;
}

export function accessFactsOf(
  c: Candidature,
  members: readonly CoApplicant[],
  auditors: readonly CandidatureAuditor[],
  pilots: readonly CriterionPilot[],
): CandidatureAccessFacts {
  return {
    state: c.state,
    memberEstablishmentIds: members.map((m) => m.establishmentId),
    leadEstablishmentId: members.find((m) => m.isLead)?.establishmentId ?? "",
    assignedAuditorIds: auditors.map((a) => a.userId),
    signedAuditorIds: auditors.filter((a) => a.declarationSignedAt !== null).map((a) => a.userId),
    leadAuditorId: auditors.find((a) => a.teamRole === "LEAD")?.userId ?? null,
    pilots: pilots.map((p) => ({
      userId: p.userId,
      establishmentId: p.establishmentId,
      criterionCode: p.criterionCode,
    })),
  };
}

/**
 * Loads, one statement after another (a transaction holds one connection), what the authorization
 * rules need about `candidature`. Without a lock: for reads (downloads, exports); use cases go through
 * `openCandidature`.
 */
export async function loadAccessFacts(manager: EntityManager, candidature: Candidature) {
  const members = await manager
    .getRepository(CoApplicant)
    .find({ where: { candidatureId: candidature.id }, order: { createdAt: "ASC" } });
  const auditors = await manager
    .getRepository(CandidatureAuditor)
    .findBy({ candidatureId: candidature.id });
  const pilots = await manager
    .getRepository(CriterionPilot)
    .findBy({ candidatureId: candidature.id });
  return {
    members,
    auditors,
    pilots,
    facts: accessFactsOf(candidature, members, auditors, pilots),
  };
}

export function assertSchoolEditable(c: Candidature): void {
  if (!isSchoolEditableState(c.state)) {
    throw new AppError(
      "CANDIDATURE_LOCKED",
      `La candidature n'est plus modifiable par l'établissement dans l'état « ${CANDIDATURE_STATE_LABELS[c.state]} ».`,
      { state: c.state },
    );
  }
}

/**
 * Opens the gate on candidature `id` inside the transaction `tx`.
 * `reached` names the object of the NOT_FOUND answer when the candidature is hidden (a pilot, say).
 * `visible` is the domain rule by which the caller sees it (by default `canReadCandidature`; an
 * auditor who has not signed the declaration yet sees the assignment: `canSeeAuditAssignment`).
 */
export async function openCandidature(
  tx: TransactionContext,
  id: string,
  reached: { what: string; id: string } = { what: "La candidature", id },
  visible: (viewer: Viewer, facts: CandidatureAccessFacts) => boolean = canReadCandidature,
): Promise<GatedCandidature> {
  const viewer = requireViewer(tx);
  assertUuidOrNotFound("La candidature", id);
  const candidature = await tx.manager
    .getRepository(Candidature)
    .findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!candidature) throw notFound("La candidature", id);
  const { members, auditors, pilots, facts } = await loadAccessFacts(tx.manager, candidature);
  await authorizeVisible(tx, visible(viewer, facts), reached.what, reached.id);
  return {
    candidature,
    members,
    auditors,
    pilots,
    facts,
    member(establishmentId) {
      assertUuidOrNotFound("L'établissement", establishmentId);
      const found = members.find((m) => m.establishmentId === establishmentId);
      if (!found) {
        throw new AppError(
          "NOT_FOUND",
          `L'établissement « ${establishmentId} » ne participe pas à cette candidature.`,
          { establishmentId },
        );
      }
      return found;
    },
    assertSchoolEditable: () => assertSchoolEditable(candidature),
  };
}
