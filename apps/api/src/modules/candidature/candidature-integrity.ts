/**
 * The facts the domain's integrity rules need about establishments, read on the transaction's
 * connection: their other open candidatures (one open candidature per establishment) and their labels
 * (first award or renewal), read from the `Label` rows. The rules themselves are `@ldm/domain`'s (`integrity.ts`).
 */
import { In, Not, type EntityManager } from "typeorm";
import {
  assertAwardType,
  assertOneOpenCandidature,
  countOpenCandidatures,
  OPEN_CANDIDATURE_STATES,
  type AwardType,
  type CandidatureState,
  type IsoDate,
  type LabelPeriod,
} from "@ldm/domain";
import type { Establishment } from "../establishment/establishment.entity";
import { Label } from "../label/label.entity";
import { Candidature, CoApplicant } from "./candidature.entity";

/** A label of an establishment and the candidature that obtained it. */
export interface EstablishmentLabel extends LabelPeriod {
  candidatureId: string;
}

/** The states of the candidatures `establishmentId` takes part in, `excluded` left out. */
async function candidatureStatesOf(
  manager: EntityManager,
  establishmentId: string,
  excluded: string | null,
): Promise<CandidatureState[]> {
  const memberships = await manager.getRepository(CoApplicant).find({
    where: {
      establishmentId,
      ...(excluded ? { candidatureId: Not(excluded) } : {}),
    },
    select: { id: true, candidatureId: true },
  });
  if (memberships.length === 0) return [];
  const candidatures = await manager.getRepository(Candidature).find({
    where: {
      id: In(memberships.map((m) => m.candidatureId)),
      state: In([...OPEN_CANDIDATURE_STATES]),
    },
    select: { id: true, state: true },
  });
  return candidatures.map((c) => c.state);
}

/**
 * Each establishment takes part in at most one open candidature: refuses (CONFLICT) when one of them
 * already is in another open candidature than `excluded` (the one being joined). The establishments'
 * rows must be locked by the caller (`lockEstablishments`) so that two creations cannot both pass.
 */
export async function assertNoOtherOpenCandidature(
  manager: EntityManager,
  establishments: readonly Establishment[],
  excluded: string | null = null,
): Promise<void> {
  for (const e of establishments) {
    const states = await candidatureStatesOf(manager, e.id, excluded);
    assertOneOpenCandidature(e.name, countOpenCandidatures(states));
  }
}

/**
 * The labels of an establishment (`Label` rows, created by the BOEN publications), whatever their
 * status: from their start (the publication) to their end (five years later), oldest first.
 */
export async function labelsOf(
  manager: EntityManager,
  establishmentId: string,
): Promise<EstablishmentLabel[]> {
  const labels = await manager.getRepository(Label).find({
    where: { establishmentId },
    select: { id: true, candidatureId: true, startDate: true, endDate: true },
    order: { startDate: "ASC", id: "ASC" },
  });
  return labels.map((l) => ({
    candidatureId: l.candidatureId,
    startsOn: l.startDate,
    expiresOn: l.endDate,
  }));
}

/**
 * First award or renewal, against the labels of the establishments: a first award is refused while
 * one of them holds a current label; a renewal needs the lead's current label, or one expired less
 * than `RENEWAL_GRACE_MONTHS` ago. Returns the candidature a renewal renews (null for a first award).
 * Throws CONFLICT (`assertAwardType`).
 */
export async function decideAwardType(
  manager: EntityManager,
  input: {
    awardType: AwardType;
    lead: Establishment;
    /** Every establishment of the candidature, the lead included. */
    establishments: readonly Establishment[];
    today: IsoDate;
  },
): Promise<string | null> {
  const { awardType, lead, today } = input;
  if (awardType === "FIRST_AWARD") {
    for (const e of input.establishments) {
      assertAwardType({
        awardType,
        labels: await labelsOf(manager, e.id),
        today,
        establishmentName: e.name,
      });
    }
    return null;
  }
  const labels = await labelsOf(manager, lead.id);
  const renewed = assertAwardType({ awardType, labels, today, establishmentName: lead.name });
  return labels.find((l) => l === renewed)?.candidatureId ?? null;
}
