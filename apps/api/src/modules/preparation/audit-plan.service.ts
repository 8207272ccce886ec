/**
 * The audit plan (step 7): the head of the lead establishment starts from the schedule generator's
 * proposal (each criterion spoken by its pilots), adjusts times, speakers and a note, and sends it to
 * DRAFPIC at the latest two weeks before the audit — which applies RECEIVE_AUDIT_PLAN through the
 * procedure's transition use case. The plan is stored as a versioned contract (`@ldm/contracts`) and
 * re-validated by the domain's rules of the audit day at every save.
 */
import {
  AUDIT_PLAN_SCHEMA_VERSION,
  auditPlanContentSchema,
  readAuditPlanContent,
  type AuditPlanContent,
} from "@ldm/contracts";
import {
  assertAuditPlan,
  assertAuditPlanEditable,
  assertAuditPlanSubmittable,
  assessAuditDateChange,
  auditPlanDueDate,
  canPrepareAuditPlan,
  generateAuditDaySchedule,
  type AuditPlanSlotInput as DomainSlot,
  type CriterionCode,
} from "@ldm/domain";
import { parisDate, type TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError } from "../../common/errors";
import { optionalText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { Candidature } from "../candidature/candidature.entity";
import { openCandidature, type GatedCandidature } from "../candidature/candidature.gate";
import { transitionCandidature } from "../procedure/procedure.service";
import { auditDayCriteria, namedPilots } from "../schedule/candidature-schedule.resolver";
import { scheduleOptionsOf } from "../schedule/schedule-options";
import { AuditPlan, PreparatoryVisit } from "./preparation.entity";
import type {
  ProposeAuditPlanInput,
  SubmitAuditPlanInput,
  UpdateAuditPlanInput,
} from "./preparation.input";

const NOTE_MAX = 5000;

/** The stored plan's slots for the domain's rules. */
export function domainSlots(content: AuditPlanContent): DomainSlot[] {
  return content.slots;
}

async function lockedPlan(tx: TransactionContext, candidatureId: string) {
  return tx.manager
    .getRepository(AuditPlan)
    .findOne({ where: { candidatureId }, lock: { mode: "pessimistic_write" } });
}

function assertVersion(plan: AuditPlan, expected: number | null | undefined): void {
  if (expected !== plan.version) {
    throw new AppError(
      "CONFLICT",
      `Le plan d'audit a été modifié entre-temps (version ${plan.version}${expected ? `, et non ${expected}` : ""}) : rechargez-le avant de l'enregistrer.`,
      { currentVersion: plan.version, expectedVersion: expected ?? null },
    );
  }
}

/** Validates content against the contract before it is stored (a drift fails the save). */
function contentOf(slots: readonly DomainSlot[], note: string | null): AuditPlanContent {
  return auditPlanContentSchema.parse({
    schemaVersion: AUDIT_PLAN_SCHEMA_VERSION,
    slots: slots.map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      criterionCode: s.criterionCode,
      title: s.title,
      speakers: [...s.speakers],
    })),
    note,
  });
}

/** Writes a new version of the plan (or its first one) and records it in the audit trail. */
async function savePlan(
  tx: TransactionContext,
  c: Candidature,
  before: AuditPlan | null,
  content: AuditPlanContent,
): Promise<AuditPlan> {
  const repo = tx.manager.getRepository(AuditPlan);
  const values = {
    // TypeORM's deep-partial type cannot express a free-form jsonb object.
    content: content as never,
    auditDate: c.auditDate,
    dueDate: c.auditDate ? auditPlanDueDate(c.auditDate) : null,
    updatedBy: requireViewer(tx).userId,
  };
  let after: AuditPlan;
  if (before) {
    await repo.update({ id: before.id }, { ...values, version: before.version + 1 });
    after = await repo.findOneByOrFail({ id: before.id });
  } else {
    after = await repo.save(
      repo.create({
        candidatureId: c.id,
        version: 1,
        submittedAt: null,
        submittedBy: null,
        ...values,
      }),
    );
  }
  await recordChange(tx, "AuditPlan", after.id, before, after);
  return after;
}

async function openForPlan(
  tx: TransactionContext,
  candidatureId: string,
  what: string,
): Promise<{ gate: GatedCandidature; criteria: CriterionCode[] }> {
  const gate = await openCandidature(tx, candidatureId);
  await authorize(tx, canPrepareAuditPlan(requireViewer(tx), gate.facts), what);
  assertAuditPlanEditable(gate.candidature.state);
  return { gate, criteria: auditDayCriteria(gate.candidature, gate.members) };
}

/**
 * (Re)starts the plan from the schedule generator's proposal: the candidature's criteria, each
 * presented by its pilots, with the given options. Replaces a draft (its version is required); the
 * note is kept.
 */
export async function proposeAuditPlan(
  tx: TransactionContext,
  input: ProposeAuditPlanInput,
): Promise<AuditPlan> {
  const { gate, criteria } = await openForPlan(
    tx,
    input.candidatureId,
    "proposition du plan d'audit",
  );
  const c = gate.candidature;
  const before = await lockedPlan(tx, c.id);
  if (before) assertVersion(before, input.expectedVersion);
  const schedule = generateAuditDaySchedule({
    ...scheduleOptionsOf(criteria, input.options),
    pilots: await namedPilots(tx, c, gate.pilots),
    ...(c.auditDate ? { auditDate: c.auditDate } : {}),
  });
  const note = before ? readAuditPlanContent(before.content).note : null;
  return savePlan(tx, c, before, contentOf(schedule.slots, note));
}

/** Saves the head's adjustments (every time of the day, the note), checked by the domain's rules. */
export async function updateAuditPlan(
  tx: TransactionContext,
  input: UpdateAuditPlanInput,
): Promise<AuditPlan> {
  const { gate, criteria } = await openForPlan(
    tx,
    input.candidatureId,
    "ajustement du plan d'audit",
  );
  const c = gate.candidature;
  const before = await lockedPlan(tx, c.id);
  if (!before) {
    throw new AppError(
      "INVALID_TRANSITION",
      "Aucun plan d'audit n'est encore proposé pour cette candidature : partez de la proposition du programme.",
    );
  }
  assertVersion(before, input.expectedVersion);
  const checked = assertAuditPlan(
    input.slots.map((s) => ({ ...s, criterionCode: s.criterionCode ?? null })),
    { criteria, auditDate: c.auditDate },
  );
  return savePlan(
    tx,
    c,
    before,
    contentOf(checked.slots, optionalText(input.note, "note", NOTE_MAX)),
  );
}

/**
 * Sends the plan to DRAFPIC: after the preparatory visit, the audit date fixed, by its due date
 * (DEADLINE_PASSED after), every criterion with its speakers. Applies RECEIVE_AUDIT_PLAN.
 */
export async function submitAuditPlan(
  tx: TransactionContext,
  input: SubmitAuditPlanInput,
): Promise<AuditPlan> {
  const gate = await openCandidature(tx, input.candidatureId);
  const c = gate.candidature;
  const viewer = requireViewer(tx);
  await authorize(tx, canPrepareAuditPlan(viewer, gate.facts), "transmission du plan d'audit");
  const before = await lockedPlan(tx, c.id);
  const dueDate = assertAuditPlanSubmittable({
    state: c.state,
    today: tx.clock.today(),
    auditDate: c.auditDate,
  });
  if (!before) {
    throw new AppError(
      "INVALID_TRANSITION",
      "Aucun plan d'audit n'est encore proposé pour cette candidature : il n'y a rien à transmettre.",
    );
  }
  assertVersion(before, input.expectedVersion);
  assertAuditPlan(domainSlots(readAuditPlanContent(before.content)), {
    criteria: auditDayCriteria(c, gate.members),
    auditDate: c.auditDate,
    requireSpeakers: true,
  });
  const repo = tx.manager.getRepository(AuditPlan);
  const submittedAt = tx.clock.now();
  await repo.update(
    { id: before.id },
    { submittedAt, submittedBy: viewer.userId, auditDate: c.auditDate, dueDate },
  );
  const after = await repo.findOneByOrFail({ id: before.id });
  await recordChange(tx, "AuditPlan", after.id, before, after);
  await transitionCandidature(tx, {
    candidatureId: c.id,
    transition: "RECEIVE_AUDIT_PLAN",
    comment: "Plan d'audit transmis par le chef d'établissement.",
  });
  await tx.publish({
    type: "AuditPlanSubmitted",
    candidatureId: c.id,
    auditPlanId: after.id,
    version: after.version,
    auditDate: c.auditDate!,
    dueDate,
    submittedAt,
  });
  return after;
}

/**
 * When the audit date changes (`AuditScheduled`, in the scheduling transaction): re-checks the
 * dossier's and the plan's deadlines (`assessAuditDateChange`; a refusal refuses the new date) and
 * gives a draft plan the new due date; a plan already sent keeps the one it met.
 */
export async function followAuditDate(
  tx: TransactionContext,
  event: { candidatureId: string; auditDate: string },
): Promise<void> {
  const c = await tx.manager
    .getRepository(Candidature)
    .findOneByOrFail({ id: event.candidatureId });
  const repo = tx.manager.getRepository(AuditPlan);
  const plan = await repo.findOneBy({ candidatureId: c.id });
  const visit = await tx.manager.getRepository(PreparatoryVisit).findOneBy({ candidatureId: c.id });
  const impact = assessAuditDateChange({
    state: c.state,
    today: tx.clock.today(),
    auditDate: event.auditDate,
    submittedOn: c.submittedAt ? parisDate(c.submittedAt) : null,
    planSubmitted: plan?.submittedAt != null,
    visit: visit ? { plannedOn: visit.plannedOn, heldOn: visit.heldOn } : null,
  });
  if (plan && impact.planFollows) {
    await repo.update(
      { id: plan.id },
      { auditDate: event.auditDate, dueDate: impact.auditPlanDueDate },
    );
    await recordChange(tx, "AuditPlan", plan.id, plan, await repo.findOneByOrFail({ id: plan.id }));
  }
}
