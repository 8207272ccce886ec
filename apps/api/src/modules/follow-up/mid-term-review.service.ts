/**
 * The mid-term follow-up (*suivi intermédiaire*): half-way through the label's five years, DRAFPIC
 * records the day, who came (its members, the establishments' inspecteurs référents, others), the
 * findings and where each commitment of the audit stands — which applies RECORD_MID_TERM_REVIEW through
 * the procedure's transition use case, in the same transaction.
 */
import { In, IsNull, type EntityManager } from "typeorm";
import {
  assertCommitmentReviews,
  assertMidTermAttendees,
  assertMidTermReviewDate,
  assertMidTermReviewState,
  canRecordMidTermReview,
  isCommitmentSettled,
  labelExpiryDate,
  MID_TERM_ATTENDEES_MAX,
  MID_TERM_FINDINGS_MAX_LENGTH,
  midTermReviewSummary,
  type IsoDate,
  type LabelStatus,
} from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { AppError } from "../../common/errors";
import { requiredText } from "../../common/text";
import { AuditCommitment } from "../assessment/assessment.entity";
import { recordChange } from "../audit-trail/audit-trail";
import type { Candidature } from "../candidature/candidature.entity";
import { openCandidature, type GatedCandidature } from "../candidature/candidature.gate";
import { Label } from "../label/label.entity";
import { resolveAttendees, type Attendee } from "../preparation/attendees";
import { transitionCandidature } from "../procedure/procedure.service";
import { CommitmentReview, MidTermReview, MidTermReviewAttendee } from "./follow-up.entity";
import type { MidTermAttendeeInput, RecordMidTermReviewInput } from "./follow-up.input";

/** Who came (the domain's rules of the mid-term follow-up checked on the list). */
async function midTermAttendees(
  tx: TransactionContext,
  gate: GatedCandidature,
  inputs: readonly MidTermAttendeeInput[],
): Promise<Attendee[]> {
  const attendees = await resolveAttendees(tx, gate, inputs, {
    max: MID_TERM_ATTENDEES_MAX,
    tooMany: `Un suivi intermédiaire compte au plus ${MID_TERM_ATTENDEES_MAX} participants.`,
  });
  assertMidTermAttendees(attendees);
  return attendees;
}

/**
 * The label's publication, end and status: its labels' (the same dates for every establishment; CURRENT
 * while one of them is), else the candidature's publication.
 */
async function labelPeriodOf(
  manager: EntityManager,
  c: Candidature,
): Promise<{ startDate: IsoDate; endDate: IsoDate; status: LabelStatus }> {
  const labels = await manager.getRepository(Label).findBy({ candidatureId: c.id });
  const first =
    labels.find((l) => l.status === "CURRENT") ??
    labels.sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (first) return { startDate: first.startDate, endDate: first.endDate, status: first.status };
  if (c.publicationDate) {
    return {
      startDate: c.publicationDate,
      endDate: labelExpiryDate(c.publicationDate),
      status: "CURRENT",
    };
  }
  throw new AppError("INVALID_TRANSITION", "Le label de cette candidature est introuvable.", {
    candidatureId: c.id,
  });
}

/** The commitments of the audit still in force, by deadline. */
export function commitmentsInForce(
  manager: EntityManager,
  candidatureId: string,
): Promise<AuditCommitment[]> {
  return manager.getRepository(AuditCommitment).find({
    where: { candidatureId, removedAt: IsNull() },
    order: { dueOn: "ASC", createdAt: "ASC" },
  });
}

/** The follow-up as the audit trail records it: the row, who came and the commitments' statuses. */
function traced(review: MidTermReview, attendees: Attendee[], reviews: CommitmentReview[]) {
  return {
    ...review,
    attendees: attendees.map((a) => `${a.kind} ${a.fullName}${a.userId ? ` (${a.userId})` : ""}`),
    commitments: reviews.map(
      (r) => `${r.commitmentId} ${r.progress}${r.comment ? ` : ${r.comment}` : ""}`,
    ),
  };
}

/** Records the mid-term follow-up of a labelled candidature and applies RECORD_MID_TERM_REVIEW. DRAFPIC only. */
export async function recordMidTermReview(
  tx: TransactionContext,
  input: RecordMidTermReviewInput,
): Promise<MidTermReview> {
  const gate = await openCandidature(tx, input.candidatureId);
  const { candidature: c } = gate;
  const viewer = requireViewer(tx);
  await authorize(tx, canRecordMidTermReview(viewer), "enregistrement du suivi intermédiaire");
  assertMidTermReviewState(c.state);
  const period = await labelPeriodOf(tx.manager, c);
  assertMidTermReviewDate({
    heldOn: input.heldOn,
    today: tx.clock.today(),
    labelStartDate: period.startDate,
    labelEndDate: period.endDate,
    labelStatus: period.status,
  });
  const attendees = await midTermAttendees(tx, gate, input.attendees);
  const findings = requiredText(
    input.findings,
    "constats du suivi intermédiaire",
    MID_TERM_FINDINGS_MAX_LENGTH,
  );
  const commitments = await commitmentsInForce(tx.manager, c.id);
  const statuses = assertCommitmentReviews(
    commitments,
    input.commitments.map((r) => ({
      commitmentId: r.commitmentId,
      progress: r.progress,
      comment: r.comment ?? null,
    })),
  );

  const repo = tx.manager.getRepository(MidTermReview);
  const review = await repo.save(
    repo.create({
      candidatureId: c.id,
      heldOn: input.heldOn,
      findings,
      recordedAt: tx.clock.now(),
      recordedBy: viewer.userId,
    }),
  );
  const attendeeRepo = tx.manager.getRepository(MidTermReviewAttendee);
  await attendeeRepo.save(
    attendees.map((a, position) => attendeeRepo.create({ ...a, reviewId: review.id, position })),
  );
  const statusRepo = tx.manager.getRepository(CommitmentReview);
  const reviews = await statusRepo.save(
    statuses.map((s, position) =>
      statusRepo.create({
        reviewId: review.id,
        commitmentId: s.commitmentId,
        position,
        progress: s.progress,
        comment: s.comment,
      }),
    ),
  );
  await recordChange(tx, "MidTermReview", review.id, null, traced(review, attendees, reviews));
  await transitionCandidature(
    tx,
    {
      candidatureId: c.id,
      transition: "RECORD_MID_TERM_REVIEW",
      comment: midTermReviewSummary(input.heldOn, statuses),
    },
    { effectiveDate: input.heldOn },
  );
  await tx.publish({
    type: "MidTermReviewRecorded",
    candidatureId: c.id,
    reviewId: review.id,
    heldOn: input.heldOn,
    attendeeUserIds: attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
    commitments: statuses.map((s) => ({ commitmentId: s.commitmentId, progress: s.progress })),
  });
  return review;
}

/**
 * The commitments of these candidatures settled at their mid-term follow-up (realised or abandoned):
 * their deadlines are no longer reminded (for the notifications' deadline facts).
 */
export async function settledCommitmentIds(
  manager: EntityManager,
  candidatureIds: readonly string[],
): Promise<Set<string>> {
  if (candidatureIds.length === 0) return new Set();
  const reviews = await manager
    .getRepository(MidTermReview)
    .find({ where: { candidatureId: In([...candidatureIds]) }, select: { id: true } });
  if (reviews.length === 0) return new Set();
  const statuses = await manager
    .getRepository(CommitmentReview)
    .findBy({ reviewId: In(reviews.map((r) => r.id)) });
  return new Set(
    statuses.filter((s) => isCommitmentSettled(s.progress)).map((s) => s.commitmentId),
  );
}
