import fc from "fast-check";
import { CRITERION_CODES, type CriterionCode } from "./referential";
import { generateAuditDaySchedule, type ScheduleOptions } from "./schedule";

const EIGHT: CriterionCode[] = ["1", "2", "3", "4", "5", "6", "7", "8"];

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

describe("generateAuditDaySchedule", () => {
  it("builds the default programme for the 8 national criteria", () => {
    const schedule = generateAuditDaySchedule({ criteria: EIGHT });
    expect(
      schedule.slots.map(
        (s) => `${s.start} ${s.kind}${s.criterionCode ? ` ${s.criterionCode}` : ""}`,
      ),
    ).toEqual([
      "08:30 WELCOME_VISIT",
      "09:15 GENERAL_PRESENTATION",
      "09:45 CRITERION_PRESENTATION 1",
      "10:00 CRITERION_EXCHANGE 1",
      "10:15 CRITERION_PRESENTATION 2",
      "10:30 CRITERION_EXCHANGE 2",
      "10:45 CRITERION_PRESENTATION 3",
      "11:00 CRITERION_EXCHANGE 3",
      "11:15 BREAK",
      "11:30 CRITERION_PRESENTATION 4",
      "11:45 CRITERION_EXCHANGE 4",
      "12:00 LUNCH",
      "13:00 CRITERION_PRESENTATION 5",
      "13:15 CRITERION_EXCHANGE 5",
      "13:30 CRITERION_PRESENTATION 6",
      "13:45 CRITERION_EXCHANGE 6",
      "14:00 CRITERION_PRESENTATION 7",
      "14:15 CRITERION_EXCHANGE 7",
      "14:30 BREAK",
      "14:45 CRITERION_PRESENTATION 8",
      "15:00 CRITERION_EXCHANGE 8",
      "15:15 AUDITOR_DELIBERATION",
      "15:45 CONCLUSIONS",
    ]);
    expect(schedule.start).toBe("08:30");
    expect(schedule.end).toBe("16:30");
    expect(schedule.totalMinutes).toBe(480);
    expect(schedule.slots[9]?.title).toBe("Critère 4 — présentation");
  });

  it("writes 9-a / 9-b titles and takes lunch before the deliberation when the criteria end after lunchStart", () => {
    const schedule = generateAuditDaySchedule({ criteria: ["9b"], startTime: "10:40" });
    expect(schedule.slots.find((s) => s.criterionCode === "9b")?.title).toBe(
      "Critère 9-b — présentation",
    );
    expect(schedule.slots.map((s) => s.kind).slice(-3)).toEqual([
      "LUNCH",
      "AUDITOR_DELIBERATION",
      "CONCLUSIONS",
    ]);
  });

  it("has no lunch when the day reaches the deliberation before lunchStart", () => {
    const schedule = generateAuditDaySchedule({ criteria: ["1"], startTime: "08:00" });
    expect(schedule.slots.some((s) => s.kind === "LUNCH")).toBe(false);
  });

  it("rejects invalid options in French", () => {
    expect(() => generateAuditDaySchedule({ criteria: [] })).toThrow("au moins un critère");
    expect(() => generateAuditDaySchedule({ criteria: ["1", "1"] })).toThrow(
      "Le critère 1 figure deux fois",
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], startTime: "8h30" })).toThrow(/HH:MM/);
    expect(() => generateAuditDaySchedule({ criteria: ["1"], startTime: "24:00" })).toThrow(
      /HH:MM/,
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], presentationMinutes: 0 })).toThrow(
      /strictement positif/,
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], breakMinutes: 7.5 })).toThrow(
      /entier/,
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], startTime: "22:00" })).toThrow(
      /23:59/,
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], startTime: "22:00" })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  it("is contiguous, covers each criterion once, and sums to the total", () => {
    const optionsArb: fc.Arbitrary<ScheduleOptions> = fc.record({
      criteria: fc.shuffledSubarray([...CRITERION_CODES], { minLength: 1 }),
      startTime: fc
        .tuple(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      breakEveryCriteria: fc.integer({ min: 1, max: 5 }),
      lunchStart: fc.constantFrom("11:30", "12:00", "12:30", "13:00"),
      visitMinutes: fc.integer({ min: 1, max: 60 }),
      breakMinutes: fc.integer({ min: 5, max: 20 }),
    });
    fc.assert(
      fc.property(optionsArb, (options) => {
        const { slots, start, end, totalMinutes } = generateAuditDaySchedule(options);
        expect(slots[0]?.start).toBe(start);
        expect(slots.at(-1)?.end).toBe(end);
        slots.forEach((slot, i) => {
          if (i > 0) expect(slot.start).toBe(slots[i - 1]?.end);
          expect(toMinutes(slot.end) - toMinutes(slot.start)).toBe(slot.durationMinutes);
        });
        expect(slots.reduce((sum, s) => sum + s.durationMinutes, 0)).toBe(totalMinutes);
        for (const code of options.criteria) {
          const own = slots.filter((s) => s.criterionCode === code);
          expect(own.map((s) => [s.kind, s.durationMinutes])).toEqual([
            ["CRITERION_PRESENTATION", 15],
            ["CRITERION_EXCHANGE", 15],
          ]);
          const [presentationSlot, exchangeSlot] = own;
          if (presentationSlot && exchangeSlot) {
            expect(slots.indexOf(exchangeSlot)).toBe(slots.indexOf(presentationSlot) + 1);
          }
        }
        expect(slots.filter((s) => s.kind === "LUNCH").length).toBeLessThanOrEqual(1);
        expect(slots.at(-1)?.kind).toBe("CONCLUSIONS");
        expect(slots.at(-2)?.kind).toBe("AUDITOR_DELIBERATION");
        const kinds = slots.map((s) => s.kind);
        kinds.forEach((k, i) => {
          if (k === "BREAK") {
            expect(kinds[i + 1]).toBe("CRITERION_PRESENTATION");
          }
        });
      }),
    );
  });
});
