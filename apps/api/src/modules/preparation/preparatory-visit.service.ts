/**
 * The preparatory visit (step 6): once the dossier is submitted, DRAFPIC plans a visit to the
 * establishment(s), then records it as done with who came (its members, the establishments'
 * inspecteurs référents, others) and its notes — which applies RECORD_PREPARATORY_VISIT through the
 * procedure's transition use case, in the same transaction.
 */
import {
  assertPreparatoryVisitDate,
  assertPreparatoryVisitState,
  assertVisitAttendees,
  canRunProcedure,
  formatFrenchDate,
  type IsoDate,
} from "@ldm/domain";
import { parisDate, type TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError } from "../../common/errors";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import type { Candidature } from "../candidature/candidature.entity";
import { openCandidature, type GatedCandidature } from "../candidature/candidature.gate";
import { touchCandidature } from "../candidature/candidature.service";
import { transitionCandidature } from "../procedure/procedure.service";
import { resolveAttendees, type Attendee } from "./attendees";
import { PreparatoryVisit, PreparatoryVisitAttendee } from "./preparation.entity";
import type {
  PlanPreparatoryVisitInput,
  RecordPreparatoryVisitInput,
  VisitAttendeeInput,
} from "./preparation.input";

/** Notes of a visit: plain text, at most this many characters. */
const NOTES_MAX = 10_000;
/** At most this many attendees. */
const ATTENDEES_MAX = 30;

async function visitAttendees(
  tx: TransactionContext,
  gate: GatedCandidature,
  inputs: readonly VisitAttendeeInput[],
  held: boolean,
): Promise<Attendee[]> {
  const attendees = await resolveAttendees(tx, gate, inputs, {
    max: ATTENDEES_MAX,
    tooMany: `Une visite compte au plus ${ATTENDEES_MAX} participants.`,
  });
  assertVisitAttendees(attendees, held);
  return attendees;
}

function submittedOnOf(c: Candidature): IsoDate {
  if (!c.submittedAt) {
    throw new AppError("INVALID_TRANSITION", "La date de dépôt du dossier est inconnue.", {
      state: c.state,
    });
  }
  return parisDate(c.submittedAt);
}

/** The visit row and its attendees, as the audit trail records them. */
async function traced(tx: TransactionContext, visit: PreparatoryVisit | null) {
  if (!visit) return null;
  const attendees = await tx.manager
    .getRepository(PreparatoryVisitAttendee)
    .find({ where: { visitId: visit.id }, order: { position: "ASC" } });
  return {
    ...visit,
    attendees: attendees.map((a) => `${a.kind} ${a.fullName}${a.userId ? ` (${a.userId})` : ""}`),
  };
}

/** Creates or updates the candidature's visit and, when given, replaces its attendees. */
async function saveVisit(
  tx: TransactionContext,
  c: Candidature,
  values: Partial<PreparatoryVisit> & { plannedOn: IsoDate },
  attendees: Attendee[] | null,
): Promise<{ before: PreparatoryVisit | null; visit: PreparatoryVisit }> {
  const repo = tx.manager.getRepository(PreparatoryVisit);
  const before = await repo.findOneBy({ candidatureId: c.id });
  const traceBefore = await traced(tx, before);
  let visit: PreparatoryVisit;
  if (before) {
    await repo.update({ id: before.id }, values);
    visit = await repo.findOneByOrFail({ id: before.id });
  } else {
    visit = await repo.save(
      repo.create({
        candidatureId: c.id,
        heldOn: null,
        notes: null,
        recordedAt: null,
        recordedBy: null,
        ...values,
      }),
    );
  }
  if (attendees) {
    const rows = tx.manager.getRepository(PreparatoryVisitAttendee);
    await rows.delete({ visitId: visit.id });
    await rows.save(
      attendees.map((a, position) => rows.create({ ...a, visitId: visit.id, position })),
    );
  }
  await recordChange(tx, "PreparatoryVisit", visit.id, traceBefore, await traced(tx, visit));
  return { before, visit };
}

/** `notes` absent: unchanged; null or blank: cleared. */
function notesOf(notes: string | null | undefined): { notes?: string | null } {
  if (notes === undefined) return {};
  return { notes: optionalText(notes, "notes de la visite", NOTES_MAX) };
}

/** Plans (or moves) the preparatory visit of a submitted candidature. DRAFPIC only. */
export async function planPreparatoryVisit(
  tx: TransactionContext,
  input: PlanPreparatoryVisitInput,
): Promise<PreparatoryVisit> {
  const gate = await openCandidature(tx, input.candidatureId);
  const { candidature: c } = gate;
  await authorize(
    tx,
    canRunProcedure(requireViewer(tx)),
    "planification de la visite préparatoire",
  );
  assertPreparatoryVisitState(c.state);
  assertPreparatoryVisitDate({
    date: input.plannedOn,
    held: false,
    today: tx.clock.today(),
    submittedOn: submittedOnOf(c),
    auditDate: c.auditDate,
  });
  const attendees = input.attendees ? await visitAttendees(tx, gate, input.attendees, false) : null;
  const { before, visit } = await saveVisit(
    tx,
    c,
    { plannedOn: input.plannedOn, ...notesOf(input.notes) },
    attendees,
  );
  await touchCandidature(tx, c, null);
  if (before?.plannedOn !== visit.plannedOn) {
    await tx.publish({
      type: "PreparatoryVisitPlanned",
      candidatureId: c.id,
      visitId: visit.id,
      plannedOn: visit.plannedOn,
      previousPlannedOn: before?.plannedOn ?? null,
    });
  }
  return visit;
}

/**
 * Records the preparatory visit as done (who came, notes) and applies RECORD_PREPARATORY_VISIT.
 * DRAFPIC only; a visit never planned is recorded all the same (planned on the day it took place).
 */
export async function recordPreparatoryVisit(
  tx: TransactionContext,
  input: RecordPreparatoryVisitInput,
): Promise<PreparatoryVisit> {
  const gate = await openCandidature(tx, input.candidatureId);
  const { candidature: c } = gate;
  const viewer = requireViewer(tx);
  await authorize(tx, canRunProcedure(viewer), "enregistrement de la visite préparatoire");
  assertPreparatoryVisitState(c.state);
  assertPreparatoryVisitDate({
    date: input.heldOn,
    held: true,
    today: tx.clock.today(),
    submittedOn: submittedOnOf(c),
    auditDate: c.auditDate,
  });
  const attendees = await visitAttendees(tx, gate, input.attendees, true);
  const planned = await tx.manager
    .getRepository(PreparatoryVisit)
    .findOneBy({ candidatureId: c.id });
  const { visit } = await saveVisit(
    tx,
    c,
    {
      plannedOn: planned?.plannedOn ?? input.heldOn,
      heldOn: input.heldOn,
      recordedAt: tx.clock.now(),
      recordedBy: viewer.userId,
      ...notesOf(input.notes),
    },
    attendees,
  );
  await transitionCandidature(tx, {
    candidatureId: c.id,
    transition: "RECORD_PREPARATORY_VISIT",
    comment: `Visite préparatoire du ${formatFrenchDate(input.heldOn)} (${attendees.length} participant${attendees.length > 1 ? "s" : ""}).`,
  });
  await tx.publish({
    type: "PreparatoryVisitRecorded",
    candidatureId: c.id,
    visitId: visit.id,
    heldOn: input.heldOn,
    attendeeUserIds: attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
  });
  return visit;
}
