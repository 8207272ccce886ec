import fc from "fast-check";
import { assertAuditDate, earliestAuditDate } from "./audit-date";
import { isWorkingDay } from "./calendar";
import { addDays, compareIsoDates } from "./dates";
import { dossierDueDate } from "./deadlines";
import { DomainError } from "./errors";

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("no DomainError thrown");
}

describe("assertAuditDate", () => {
  const today = "2026-01-15";

  it("accepts a working day far enough ahead and recomputes the deadlines", () => {
    const decision = assertAuditDate({ auditDate: "2026-05-26", today, submittedOn: null });
    expect(decision).toMatchObject({
      auditDate: "2026-05-26",
      dossierDueDate: "2026-03-26",
      auditPlanDueDate: "2026-05-12",
      postponed: false,
    });
    expect(decision.deadlines.map((d) => [d.kind, d.date])).toEqual([
      ["DOSSIER_DUE", "2026-03-26"],
      ["AUDIT_PLAN_DUE", "2026-05-12"],
      ["AUDIT", "2026-05-26"],
    ]);
  });

  it("refuses a public holiday or a weekend, naming the day and why", () => {
    const holiday = errorOf(() =>
      assertAuditDate({ auditDate: "2026-05-25", today, submittedOn: null }),
    );
    expect(holiday.code).toBe("BAD_USER_INPUT");
    expect(holiday.message).toBe(
      "L'audit doit avoir lieu un jour ouvré : le lundi 25 mai 2026 est férié (lundi de Pentecôte). Jour ouvré suivant : le mardi 26 mai 2026.",
    );
    expect(holiday.details).toMatchObject({
      reason: "NOT_A_WORKING_DAY",
      nextWorkingDay: "2026-05-26",
    });
    expect(() => assertAuditDate({ auditDate: "2026-05-23", today, submittedOn: null })).toThrow(
      "le samedi 23 mai 2026 est un samedi",
    );
    expect(() => assertAuditDate({ auditDate: "2026-05-14", today, submittedOn: null })).toThrow(
      "le jeudi 14 mai 2026 est férié (jeudi de l'Ascension). Jour ouvré suivant : le vendredi 15 mai 2026.",
    );
  });

  it("refuses a date that is not after today", () => {
    for (const auditDate of [today, "2025-12-01"]) {
      const error = errorOf(() => assertAuditDate({ auditDate, today, submittedOn: null }));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.message).toMatch(/doit être postérieure à aujourd'hui \(15 janvier 2026\)/);
    }
  });

  it("before submission, refuses a date whose dossier due date is past", () => {
    // Audit on Monday 9 March 2026 → dossier due 9 January 2026, before today.
    const error = errorOf(() =>
      assertAuditDate({ auditDate: "2026-03-09", today, submittedOn: null }),
    );
    expect(error.code).toBe("DEADLINE_PASSED");
    expect(error.message).toBe(
      "Pour un audit le lundi 9 mars 2026, le dossier aurait dû être déposé au plus tard le 9 janvier 2026, deux mois avant : cette date est passée. L'audit peut avoir lieu au plus tôt le lundi 16 mars 2026.",
    );
    expect(error.details).toMatchObject({
      reason: "DOSSIER_DUE_PASSED",
      dossierDueDate: "2026-01-09",
      earliestAuditDate: "2026-03-16",
    });
    // The due date may be today itself (Friday 16 January for an audit on Monday 16 March).
    expect(
      assertAuditDate({ auditDate: "2026-03-16", today: "2026-01-16", submittedOn: null })
        .dossierDueDate,
    ).toBe("2026-01-16");
  });

  it("after submission, refuses a date too close to the submission, and allows a postponement", () => {
    const submitted = {
      today: "2026-04-01",
      submittedOn: "2026-03-20",
      state: "SUBMITTED" as const,
    };
    // Due date of 19 May = 19 March, the day before the submission.
    const error = errorOf(() => assertAuditDate({ ...submitted, auditDate: "2026-05-19" }));
    expect(error.code).toBe("DEADLINE_PASSED");
    expect(error.message).toBe(
      "Le dossier a été déposé le 20 mars 2026 : un audit le mardi 19 mai 2026 est trop proche, le dossier devant être déposé deux mois avant l'audit (au plus tard le 19 mars 2026). L'audit peut avoir lieu au plus tôt le mercredi 20 mai 2026.",
    );
    expect(error.details).toMatchObject({ reason: "TOO_CLOSE_TO_SUBMISSION" });
    expect(assertAuditDate({ ...submitted, auditDate: "2026-05-20" }).dossierDueDate).toBe(
      "2026-03-20",
    );
    // Once submitted, the due date may lie in the past: what counts is the submission day.
    expect(() =>
      assertAuditDate({ ...submitted, today: "2026-05-01", auditDate: "2026-06-02" }),
    ).not.toThrow();
  });

  it("after the audit plan, only postpones; not at all from the audit on", () => {
    const base = {
      today: "2026-05-01",
      submittedOn: "2026-03-02",
      state: "AUDIT_PLAN_RECEIVED" as const,
      currentAuditDate: "2026-05-12",
    };
    const postponed = assertAuditDate({ ...base, auditDate: "2026-06-09" });
    expect(postponed.postponed).toBe(true);
    expect(postponed.auditPlanDueDate).toBe("2026-05-26");
    expect(postponed.deadlines.find((d) => d.kind === "AUDIT_PLAN_DUE")?.date).toBe("2026-05-26");
    for (const auditDate of ["2026-05-11", "2026-05-12"]) {
      const error = errorOf(() => assertAuditDate({ ...base, auditDate }));
      expect(error.code).toBe("INVALID_TRANSITION");
      expect(error.message).toBe(
        "Le plan d'audit a été reçu : l'audit prévu le mardi 12 mai 2026 ne peut plus qu'être reporté à une date ultérieure.",
      );
    }
    expect(() =>
      assertAuditDate({ ...base, currentAuditDate: null, auditDate: "2026-06-09" }),
    ).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
    expect(() => assertAuditDate({ ...base, state: "AUDITED", auditDate: "2026-06-09" })).toThrow(
      "La date de l'audit ne peut plus être fixée ni modifiée dans l'état « Audit réalisé ».",
    );
    expect(() =>
      assertAuditDate({ ...base, state: "PREPARATORY_VISIT_DONE", auditDate: "2026-05-11" }),
    ).not.toThrow();
    expect(
      assertAuditDate({ ...base, state: "PREPARATORY_VISIT_DONE", auditDate: "2026-05-11" })
        .postponed,
    ).toBe(false);
  });

  it("requires the submission day once the state says submitted", () => {
    expect(() =>
      assertAuditDate({ auditDate: "2026-05-26", today, submittedOn: null, state: "SUBMITTED" }),
    ).toThrow(/sa date de dépôt est requise/);
    expect(() => assertAuditDate({ auditDate: "2026-13-01", today, submittedOn: null })).toThrow(
      /invalide/,
    );
  });

  it("the earliest audit date is accepted, and the day before it is not", () => {
    const dateArb = fc
      .date({
        min: new Date(Date.UTC(2024, 0, 1)),
        max: new Date(Date.UTC(2032, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.option(fc.integer({ min: 0, max: 90 })), (day, submittedAgo) => {
        const submittedOn = submittedAgo === null ? null : addDays(day, -submittedAgo);
        const earliest = earliestAuditDate({ today: day, submittedOn });
        expect(isWorkingDay(earliest)).toBe(true);
        expect(compareIsoDates(earliest, day)).toBe(1);
        expect(() =>
          assertAuditDate({ auditDate: earliest, today: day, submittedOn }),
        ).not.toThrow();
        // Every earlier working day after today is refused for the deadline.
        for (let d = addDays(earliest, -1); compareIsoDates(d, day) > 0; d = addDays(d, -1)) {
          if (!isWorkingDay(d)) continue;
          expect(compareIsoDates(dossierDueDate(d), submittedOn ?? day)).toBe(-1);
          expect(() => assertAuditDate({ auditDate: d, today: day, submittedOn })).toThrow(
            expect.objectContaining({ code: "DEADLINE_PASSED" }),
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
