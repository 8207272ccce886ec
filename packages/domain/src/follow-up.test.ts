import { DomainError } from "./errors";
import {
  assertCommitmentReviews,
  assertMidTermAttendees,
  assertMidTermReviewDate,
  assertMidTermReviewState,
  establishmentsWithoutReferent,
  isCommitmentSettled,
  midTermReviewSummary,
  type MidTermAttendeeFacts,
} from "./follow-up";

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("refus attendu");
}

const drafpic: MidTermAttendeeFacts = {
  kind: "DRAFPIC",
  userId: "u1",
  establishmentId: null,
  fullName: "Claire Martin",
};
const referent: MidTermAttendeeFacts = {
  kind: "REFERENT_INSPECTOR",
  userId: null,
  establishmentId: "e1",
  fullName: "Paul Inspecteur",
};

describe("the mid-term follow-up", () => {
  it("is recorded once, on a published label", () => {
    expect(() => assertMidTermReviewState("LABELLED")).not.toThrow();
    const again = caught(() => assertMidTermReviewState("MID_TERM_REVIEWED"));
    expect(again).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Le suivi intermédiaire de ce label est déjà enregistré.",
    });
    expect(caught(() => assertMidTermReviewState("RECTOR_APPROVED")).message).toBe(
      "Le suivi intermédiaire porte sur un label publié : la candidature est dans l'état « Approuvé par le recteur ».",
    );
  });

  it("takes place during the label's validity, and is recorded once held", () => {
    const label = { labelStartDate: "2026-03-19", labelEndDate: "2031-03-19" };
    expect(() =>
      assertMidTermReviewDate({ heldOn: "2028-09-12", today: "2028-09-20", ...label }),
    ).not.toThrow();
    expect(
      caught(() =>
        assertMidTermReviewDate({ heldOn: "2028-09-21", today: "2028-09-20", ...label }),
      ),
    ).toMatchObject({ code: "BAD_USER_INPUT", details: { reason: "IN_FUTURE" } });
    expect(
      caught(() => assertMidTermReviewDate({ heldOn: "2026-03-18", today: "2028-09-20", ...label }))
        .message,
    ).toBe(
      "Le suivi intermédiaire ne peut pas précéder la publication du label au BOEN (19 mars 2026).",
    );
    expect(
      caught(() =>
        assertMidTermReviewDate({ heldOn: "2030-01-10", today: "2031-03-19", ...label }),
      ),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
      message:
        "Le label a pris fin le 19 mars 2031 : son suivi intermédiaire ne peut plus être enregistré.",
    });
    expect(
      caught(() =>
        assertMidTermReviewDate({
          heldOn: "2028-09-12",
          today: "2028-09-20",
          ...label,
          labelStatus: "SUPERSEDED",
        }),
      ).message,
    ).toBe(
      "Le label n'est plus en vigueur (remplacé par le label renouvelé) : son suivi intermédiaire ne peut plus être enregistré.",
    );
    expect(
      caught(() => assertMidTermReviewDate({ heldOn: "2028-02-30", today: "2028-09-20", ...label }))
        .code,
    ).toBe("BAD_USER_INPUT");
  });

  it("is conducted by DRAFPIC, nobody twice; référents who did not come are shown", () => {
    expect(() => assertMidTermAttendees([drafpic, referent])).not.toThrow();
    expect(caught(() => assertMidTermAttendees([referent]))).toMatchObject({
      code: "BAD_USER_INPUT",
      details: { reason: "NO_DRAFPIC_ATTENDEE" },
    });
    expect(
      caught(() => assertMidTermAttendees([drafpic, referent, { ...referent, fullName: "Autre" }]))
        .message,
    ).toBe("« Autre » figure deux fois parmi les participants du suivi intermédiaire.");
    expect(
      caught(() =>
        assertMidTermAttendees([
          drafpic,
          { ...drafpic, userId: null, kind: "OTHER", fullName: " claire MARTIN" },
        ]),
      ).details,
    ).toMatchObject({ reason: "DUPLICATE_ATTENDEE" });
    expect(establishmentsWithoutReferent(["e1", "e2"], [drafpic, referent])).toEqual(["e2"]);
  });

  it("states where every commitment stands, explaining what is not done", () => {
    const commitments = [
      { id: "c1", description: "Formaliser le plan d'ouverture internationale" },
      { id: "c2", description: "Exploiter les indicateurs de décrochage chaque trimestre" },
    ];
    expect(
      assertCommitmentReviews(commitments, [
        { commitmentId: "c2", progress: "IN_PROGRESS", comment: "  Deux trimestres sur trois. " },
        { commitmentId: "c1", progress: "DONE", comment: "" },
      ]),
    ).toEqual([
      { commitmentId: "c1", progress: "DONE", comment: null },
      { commitmentId: "c2", progress: "IN_PROGRESS", comment: "Deux trimestres sur trois." },
    ]);
    expect(
      caught(() =>
        assertCommitmentReviews(commitments, [
          { commitmentId: "c1", progress: "DONE", comment: null },
        ]),
      ).message,
    ).toBe(
      "Le suivi intermédiaire fait le point sur chaque engagement pris lors de l'audit : un engagement n'a pas de statut (« Exploiter les indicateurs de décrochage chaque trimestre »).",
    );
    expect(
      caught(() =>
        assertCommitmentReviews(commitments, [
          { commitmentId: "c1", progress: "DONE", comment: null },
          { commitmentId: "c2", progress: "ABANDONED", comment: " " },
        ]),
      ).message,
    ).toBe(
      "L'engagement « Exploiter les indicateurs de décrochage chaque trimestre » est « abandonné » : expliquez-le par un commentaire.",
    );
    expect(
      caught(() =>
        assertCommitmentReviews(commitments, [
          { commitmentId: "c1", progress: "DONE", comment: null },
          { commitmentId: "c1", progress: "DONE", comment: null },
          { commitmentId: "c2", progress: "DONE", comment: null },
        ]),
      ).details,
    ).toMatchObject({ reason: "DUPLICATE_COMMITMENT" });
    expect(
      caught(() =>
        assertCommitmentReviews(commitments, [
          { commitmentId: "x", progress: "DONE", comment: null },
        ]),
      ).details,
    ).toMatchObject({ reason: "UNKNOWN_COMMITMENT", unknown: ["x"] });
    expect(assertCommitmentReviews([], [])).toEqual([]);
  });

  it("settles commitments done or abandoned, and sums the follow-up up in French", () => {
    expect(isCommitmentSettled("DONE")).toBe(true);
    expect(isCommitmentSettled("ABANDONED")).toBe(true);
    expect(isCommitmentSettled("IN_PROGRESS")).toBe(false);
    expect(isCommitmentSettled("NOT_STARTED")).toBe(false);
    expect(
      midTermReviewSummary("2028-09-12", [
        { progress: "DONE" },
        { progress: "DONE" },
        { progress: "IN_PROGRESS" },
        { progress: "NOT_STARTED" },
      ]),
    ).toBe(
      "Suivi intermédiaire du 12 septembre 2028 : 4 engagements (2 réalisés, 1 en cours, 1 non engagé).",
    );
    expect(midTermReviewSummary("2028-09-01", [])).toBe(
      "Suivi intermédiaire du 1er septembre 2028 (aucun engagement pris lors de l'audit).",
    );
  });
});
