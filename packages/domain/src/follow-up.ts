/**
 * The mid-term follow-up (*suivi intermédiaire*) of a label: half-way through its five years the
 * establishment hosts its inspecteur référent and the regional team (DRAFPIC), who record the date, who
 * came, their findings and where each commitment (*engagement*) taken at the audit stands. Recording it
 * applies RECORD_MID_TERM_REVIEW (LABELLED → MID_TERM_REVIEWED).
 */
import type { CandidatureState } from "./lifecycle";
import { CANDIDATURE_STATE_LABELS } from "./lifecycle";
import { compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { LABEL_STATUS_LABELS, type LabelStatus } from "./label";
import type { VisitAttendeeKind } from "./preparation";

/** Where a commitment taken at the audit stands at the mid-term follow-up. */
export type CommitmentProgress = "DONE" | "IN_PROGRESS" | "NOT_STARTED" | "ABANDONED";

export const COMMITMENT_PROGRESSES: readonly CommitmentProgress[] = [
  "DONE",
  "IN_PROGRESS",
  "NOT_STARTED",
  "ABANDONED",
];

export const COMMITMENT_PROGRESS_LABELS: Record<CommitmentProgress, string> = {
  DONE: "Réalisé",
  IN_PROGRESS: "En cours",
  NOT_STARTED: "Non engagé",
  ABANDONED: "Abandonné",
};

/** A commitment realised or abandoned is settled: its deadline is no longer reminded. */
export function isCommitmentSettled(progress: CommitmentProgress): boolean {
  return progress === "DONE" || progress === "ABANDONED";
}

/** The follow-up is recorded while the candidature is LABELLED (once: it then reads MID_TERM_REVIEWED). */
export const MID_TERM_REVIEW_STATES: readonly CandidatureState[] = ["LABELLED"];

/** Longest findings text, and longest comment on a commitment (characters). */
export const MID_TERM_FINDINGS_MAX_LENGTH = 20_000;
export const COMMITMENT_REVIEW_COMMENT_MAX_LENGTH = 2_000;

/** Refuses (INVALID_TRANSITION) a follow-up outside LABELLED, saying why. */
export function assertMidTermReviewState(state: CandidatureState): void {
  if (MID_TERM_REVIEW_STATES.includes(state)) return;
  throw new DomainError(
    "INVALID_TRANSITION",
    state === "MID_TERM_REVIEWED"
      ? "Le suivi intermédiaire de ce label est déjà enregistré."
      : `Le suivi intermédiaire porte sur un label publié : la candidature est dans l'état « ${CANDIDATURE_STATE_LABELS[state]} ».`,
    { state, reason: state === "MID_TERM_REVIEWED" ? "ALREADY_RECORDED" : "NOT_LABELLED" },
  );
}

/**
 * The day of the follow-up: a fact, so today or before, and not before the label's publication; the
 * label must still be valid today (a label past its end, recorded as expired or superseded by the label
 * of a renewal: there is nothing to follow up).
 * Throws BAD_USER_INPUT for the date, INVALID_TRANSITION for an expired label.
 */
export function assertMidTermReviewDate(input: {
  heldOn: IsoDate;
  today: IsoDate;
  /** The label's publication in the BOEN. */
  labelStartDate: IsoDate;
  /** Its end (exclusive). */
  labelEndDate: IsoDate;
  /** Its stored status (default CURRENT): a superseded or recorded-expired label is not followed up. */
  labelStatus?: LabelStatus;
}): void {
  const { heldOn, today, labelStartDate, labelEndDate } = input;
  parseIsoDate(heldOn);
  parseIsoDate(today);
  if (input.labelStatus === "SUPERSEDED" || input.labelStatus === "EXPIRED") {
    throw new DomainError(
      "INVALID_TRANSITION",
      `Le label n'est plus en vigueur (${LABEL_STATUS_LABELS[input.labelStatus].toLowerCase()}) : son suivi intermédiaire ne peut plus être enregistré.`,
      { labelStatus: input.labelStatus, reason: "LABEL_NOT_CURRENT" },
    );
  }
  if (compareIsoDates(today, labelEndDate) >= 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `Le label a pris fin le ${formatFrenchDate(labelEndDate)} : son suivi intermédiaire ne peut plus être enregistré.`,
      { labelEndDate, reason: "LABEL_EXPIRED" },
    );
  }
  if (compareIsoDates(heldOn, today) > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le suivi intermédiaire du ${formatFrenchDate(heldOn)} n'a pas encore eu lieu : il s'enregistre une fois effectué (aujourd'hui ou avant).`,
      { heldOn, today, reason: "IN_FUTURE" },
    );
  }
  if (compareIsoDates(heldOn, labelStartDate) < 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le suivi intermédiaire ne peut pas précéder la publication du label au BOEN (${formatFrenchDate(labelStartDate)}).`,
      { heldOn, labelStartDate, reason: "BEFORE_LABEL" },
    );
  }
}

/** Who came to the follow-up, as the rules need it. */
export interface MidTermAttendeeFacts {
  kind: VisitAttendeeKind;
  userId: string | null;
  /** REFERENT_INSPECTOR: the establishment whose référent came. */
  establishmentId: string | null;
  fullName: string;
}

/** At most this many attendees. */
export const MID_TERM_ATTENDEES_MAX = 30;

/**
 * Nobody twice (same account, same establishment's référent or same name), at most 30, and the regional
 * team conducts the follow-up: at least one DRAFPIC member. Throws BAD_USER_INPUT.
 */
export function assertMidTermAttendees(attendees: readonly MidTermAttendeeFacts[]): void {
  if (attendees.length > MID_TERM_ATTENDEES_MAX) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Un suivi intermédiaire compte au plus ${MID_TERM_ATTENDEES_MAX} participants.`,
      { count: attendees.length },
    );
  }
  const seen = new Set<string>();
  for (const a of attendees) {
    const keys = [
      a.userId ? `user:${a.userId}` : null,
      a.kind === "REFERENT_INSPECTOR" && a.establishmentId ? `referent:${a.establishmentId}` : null,
      `name:${a.fullName.trim().toLocaleLowerCase("fr")}`,
    ].filter((k): k is string => k !== null);
    if (keys.some((k) => seen.has(k))) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `« ${a.fullName} » figure deux fois parmi les participants du suivi intermédiaire.`,
        { reason: "DUPLICATE_ATTENDEE", fullName: a.fullName },
      );
    }
    for (const k of keys) seen.add(k);
  }
  if (!attendees.some((a) => a.kind === "DRAFPIC")) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Le suivi intermédiaire est conduit par la DRAFPIC avec les inspecteurs référents : indiquez au moins un membre de la DRAFPIC parmi les participants.",
      { reason: "NO_DRAFPIC_ATTENDEE" },
    );
  }
}

/** The member establishments whose inspecteur référent did not attend (shown, never refused). */
export function establishmentsWithoutReferent(
  memberEstablishmentIds: readonly string[],
  attendees: readonly MidTermAttendeeFacts[],
): string[] {
  const came = new Set(
    attendees.filter((a) => a.kind === "REFERENT_INSPECTOR").map((a) => a.establishmentId),
  );
  return memberEstablishmentIds.filter((id) => !came.has(id));
}

/** Where one commitment stands, as stated at the follow-up. */
export interface CommitmentReviewInput {
  commitmentId: string;
  progress: CommitmentProgress;
  comment: string | null;
}

/**
 * Every commitment still in force (taken at the audit, not withdrawn) gets exactly one status, none
 * else; a commitment not realised (in progress, not started, abandoned) is explained by a comment.
 * Returns the statuses in the commitments' order, comments trimmed. Throws BAD_USER_INPUT.
 */
export function assertCommitmentReviews(
  commitments: readonly { id: string; description: string }[],
  reviews: readonly CommitmentReviewInput[],
): CommitmentReviewInput[] {
  const known = new Set(commitments.map((c) => c.id));
  const unknown = reviews.filter((r) => !known.has(r.commitmentId)).map((r) => r.commitmentId);
  if (unknown.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Engagement inconnu pour cette candidature : ${unknown.join(", ")}.`,
      { unknown, reason: "UNKNOWN_COMMITMENT" },
    );
  }
  const ids = reviews.map((r) => r.commitmentId);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Un engagement ne reçoit qu'un statut par suivi intermédiaire.",
      { duplicated: [...new Set(twice)], reason: "DUPLICATE_COMMITMENT" },
    );
  }
  const missing = commitments.filter((c) => !ids.includes(c.id));
  if (missing.length > 0) {
    const plural = missing.length > 1;
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le suivi intermédiaire fait le point sur chaque engagement pris lors de l'audit : ${plural ? `${missing.length} engagements n'ont` : "un engagement n'a"} pas de statut (${missing
        .map(
          (c) =>
            `« ${c.description.length > 60 ? `${c.description.slice(0, 59)}…` : c.description} »`,
        )
        .join(", ")}).`,
      { missing: missing.map((c) => c.id), reason: "MISSING_COMMITMENT" },
    );
  }
  return commitments.map((c) => {
    const review = reviews.find((r) => r.commitmentId === c.id)!;
    const comment = review.comment?.trim() ? review.comment.trim() : null;
    if (comment === null && review.progress !== "DONE") {
      throw new DomainError(
        "BAD_USER_INPUT",
        `L'engagement « ${c.description.length > 60 ? `${c.description.slice(0, 59)}…` : c.description} » est « ${COMMITMENT_PROGRESS_LABELS[review.progress].toLowerCase()} » : expliquez-le par un commentaire.`,
        { commitmentId: c.id, reason: "COMMENT_REQUIRED" },
      );
    }
    if (comment !== null && comment.length > COMMITMENT_REVIEW_COMMENT_MAX_LENGTH) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le commentaire sur un engagement dépasse ${COMMITMENT_REVIEW_COMMENT_MAX_LENGTH} caractères.`,
        { commitmentId: c.id, reason: "COMMENT_TOO_LONG" },
      );
    }
    return { commitmentId: c.id, progress: review.progress, comment };
  });
}

/** « Suivi intermédiaire du 12 mars 2029 : 2 engagements réalisés, 1 en cours. » (the history's comment). */
export function midTermReviewSummary(
  heldOn: IsoDate,
  reviews: readonly { progress: CommitmentProgress }[],
): string {
  const head = `Suivi intermédiaire du ${formatFrenchDate(heldOn)}`;
  if (reviews.length === 0) return `${head} (aucun engagement pris lors de l'audit).`;
  const parts = COMMITMENT_PROGRESSES.flatMap((p) => {
    const n = reviews.filter((r) => r.progress === p).length;
    if (n === 0) return [];
    const label = COMMITMENT_PROGRESS_LABELS[p].toLowerCase();
    return [
      `${n} ${p === "DONE" || p === "ABANDONED" || p === "NOT_STARTED" ? `${label}${n > 1 ? "s" : ""}` : label}`,
    ];
  });
  const total = reviews.length;
  return `${head} : ${total} engagement${total > 1 ? "s" : ""} (${parts.join(", ")}).`;
}
