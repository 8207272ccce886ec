import fc from "fast-check";
import { addDays, compareIsoDates } from "./dates";
import { labelExpiryDate, midTermReviewDueDate } from "./deadlines";
import { DomainError } from "./errors";
import {
  effectiveLabelStatus,
  isLabelValid,
  LABEL_STATUS_LABELS,
  LABEL_STATUSES,
  labelTerms,
  labelTitleOf,
} from "./label";

describe("labelTitleOf", () => {
  it("puts « Lycée des métiers » before the intitulé", () => {
    expect(labelTitleOf("de la maintenance navale et industrielle")).toBe(
      "Lycée des métiers de la maintenance navale et industrielle",
    );
    expect(labelTitleOf("  du  bâtiment   et des travaux publics ")).toBe(
      "Lycée des métiers du bâtiment et des travaux publics",
    );
  });

  it("keeps an intitulé that already begins with the words, written properly", () => {
    expect(labelTitleOf("Lycée des métiers de la parfumerie")).toBe(
      "Lycée des métiers de la parfumerie",
    );
    expect(labelTitleOf("LYCÉE DES MÉTIERS de l'hôtellerie")).toBe(
      "Lycée des métiers de l'hôtellerie",
    );
    expect(labelTitleOf("lycee des metiers : énergies renouvelables")).toBe(
      "Lycée des métiers : énergies renouvelables",
    );
    expect(labelTitleOf("« de la mer »")).toBe("Lycée des métiers de la mer");
  });

  it("does not mistake a longer word for the prefix", () => {
    expect(labelTitleOf("Lycée des métiersdubois")).toBe(
      "Lycée des métiers Lycée des métiersdubois",
    );
  });

  it("refuses an empty intitulé or the bare words, and a title over 300 characters", () => {
    for (const empty of ["", "   ", "Lycée des métiers", "« »"]) {
      expect(() => labelTitleOf(empty)).toThrow(DomainError);
    }
    expect(() => labelTitleOf("")).toThrow(
      "L'intitulé du label est vide : il met en exergue un cœur de métier (« Lycée des métiers de … »).",
    );
    expect(() => labelTitleOf(`de ${"x".repeat(300)}`)).toThrow(
      "L'intitulé du label dépasse 300 caractères.",
    );
  });
});

describe("labelTerms", () => {
  it("runs five years from the publication, the mid-term follow-up due after 30 months", () => {
    expect(labelTerms("de la mer", "2026-03-19")).toEqual({
      title: "Lycée des métiers de la mer",
      startDate: "2026-03-19",
      endDate: "2031-03-19",
      midTermReviewDueDate: "2028-09-19",
    });
    // 29 February: the anniversaries fall on 28 February.
    expect(labelTerms("de la mer", "2028-02-29")).toMatchObject({
      endDate: "2033-02-28",
      midTermReviewDueDate: "2030-08-29",
    });
  });

  it("agrees with the deadlines for any publication date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const published = addDays("2000-01-01", n);
        const terms = labelTerms("du numérique", published);
        return (
          terms.endDate === labelExpiryDate(published) &&
          terms.midTermReviewDueDate === midTermReviewDueDate(published) &&
          compareIsoDates(terms.startDate, terms.midTermReviewDueDate) < 0 &&
          compareIsoDates(terms.midTermReviewDueDate, terms.endDate) < 0
        );
      }),
    );
  });
});

describe("label status", () => {
  const label = { status: "CURRENT" as const, startDate: "2024-01-10", endDate: "2029-01-10" };

  it("reads a current label past its end date as expired", () => {
    expect(effectiveLabelStatus(label, "2029-01-09")).toBe("CURRENT");
    expect(effectiveLabelStatus(label, "2029-01-10")).toBe("EXPIRED");
    expect(isLabelValid(label, "2024-01-10")).toBe(true);
    expect(isLabelValid(label, "2029-01-09")).toBe(true);
    expect(isLabelValid(label, "2029-01-10")).toBe(false);
    expect(isLabelValid(label, "2024-01-09")).toBe(false);
  });

  it("keeps a superseded or expired label as it is", () => {
    expect(effectiveLabelStatus({ ...label, status: "SUPERSEDED" }, "2025-01-01")).toBe(
      "SUPERSEDED",
    );
    expect(effectiveLabelStatus({ ...label, status: "EXPIRED" }, "2025-01-01")).toBe("EXPIRED");
    expect(isLabelValid({ ...label, status: "SUPERSEDED" }, "2025-01-01")).toBe(false);
  });

  it("labels every status in French", () => {
    expect(LABEL_STATUSES.map((s) => LABEL_STATUS_LABELS[s])).toEqual([
      "En vigueur",
      "Expiré",
      "Remplacé par le label renouvelé",
    ]);
  });
});
