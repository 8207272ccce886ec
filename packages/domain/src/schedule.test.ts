import fc from "fast-check";
import { DomainError } from "./errors";
import { CRITERION_CODES, type CriterionCode } from "./referential";
import {
  formatFrenchTime,
  generateAuditDaySchedule,
  type AuditDaySchedule,
  type ScheduleOptions,
} from "./schedule";

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
    expect(schedule.slots.every((s) => s.speakers.length === 0)).toBe(true);
    expect(schedule.criteriaWithoutPilot).toEqual([]);
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
      /doit s'achever à 18 h au plus tard/,
    );
    expect(() => generateAuditDaySchedule({ criteria: ["1"], startTime: "22:00" })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  it("ends by 18:00, or says in French the latest start that fits", () => {
    // 8 criteria from 10:00: lunch 12:15–13:15 and one break → 17:45.
    expect(generateAuditDaySchedule({ criteria: EIGHT, startTime: "10:00" }).end).toBe("17:45");
    let error: unknown;
    try {
      generateAuditDaySchedule({ criteria: EIGHT, startTime: "10:30" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    // 10:14 would still fit (lunch at 12:29), 10:15 not (lunch at 12:00 brings a second break):
    // the suggestion is the latest start on a 5-minute grid.
    expect(error).toMatchObject({
      code: "BAD_USER_INPUT",
      message:
        "La journée d'audit se terminerait à 18 h 30 : elle doit s'achever à 18 h au plus tard. Commencez au plus tard à 10 h 10, ou réduisez les durées ou le nombre de critères.",
      details: { reason: "ENDS_TOO_LATE", end: "18:30", latestStart: "10:10" },
    });
    expect(generateAuditDaySchedule({ criteria: EIGHT, startTime: "10:14" }).end).toBe("17:59");
    expect(() => generateAuditDaySchedule({ criteria: EIGHT, startTime: "10:15" })).toThrow(
      /se terminerait à 18 h 15/,
    );
    // 9 criteria with 20-minute exchanges end at 18:00 from 9:00, not from 9:05.
    const nine: ScheduleOptions = { criteria: [...EIGHT, "9a"], exchangeMinutes: 20 };
    expect(generateAuditDaySchedule({ ...nine, startTime: "09:00" }).end).toBe("18:00");
    expect(() => generateAuditDaySchedule({ ...nine, startTime: "09:05" })).toThrow(
      "La journée d'audit se terminerait à 18 h 05 : elle doit s'achever à 18 h au plus tard. Commencez au plus tard à 9 h, ou réduisez les durées ou le nombre de critères.",
    );
    // A programme longer than any day: no start time to offer.
    expect(() =>
      generateAuditDaySchedule({ criteria: EIGHT, presentationMinutes: 60, exchangeMinutes: 60 }),
    ).toThrow(/ce que ce programme ne permet pas ; réduisez les durées/);
  });

  it("places lunch between 11:30 and 14:00, before lunchStart when later boundaries do not fit", () => {
    // Long criteria (40 + 40 min): boundaries at 09:45, 11:05, 12:25 (lunch), then 14:05…
    const schedule = generateAuditDaySchedule({
      criteria: ["1", "2", "3", "4"],
      presentationMinutes: 40,
      exchangeMinutes: 40,
      lunchStart: "13:00",
    });
    const lunch = schedule.slots.find((s) => s.kind === "LUNCH");
    expect(lunch).toMatchObject({ start: "12:25", end: "13:25" });
    // Otherwise the first boundary at or after the preferred time.
    const early = generateAuditDaySchedule({
      criteria: EIGHT,
      lunchStart: "11:30",
      breakEveryCriteria: 5,
    });
    expect(early.slots.find((s) => s.kind === "LUNCH")).toMatchObject({
      start: "11:45",
      end: "12:45",
    });
  });

  it("refuses a lunch that cannot fall between 11:30 and 14:00", () => {
    expect(() => generateAuditDaySchedule({ criteria: EIGHT, lunchStart: "11:00" })).toThrow(
      "Le déjeuner se prend entre 11 h 30 et 14 h : avec 60 min de déjeuner, son heure (11 h) doit être comprise entre 11 h 30 et 13 h.",
    );
    expect(() =>
      generateAuditDaySchedule({ criteria: EIGHT, lunchStart: "13:00", lunchMinutes: 90 }),
    ).toThrow(/entre 11 h 30 et 12 h 30/);
    expect(() => generateAuditDaySchedule({ criteria: EIGHT, lunchMinutes: 180 })).toThrow(
      "Un déjeuner de 180 min ne tient pas entre 11 h 30 et 14 h.",
    );
    // 2-hour criteria: the boundaries jump from 11:15 to 13:15, and no 60-minute lunch fits.
    let error: unknown;
    try {
      generateAuditDaySchedule({
        criteria: ["1", "2", "3"],
        startTime: "07:30",
        presentationMinutes: 60,
        exchangeMinutes: 60,
        visitMinutes: 60,
        generalPresentationMinutes: 45,
        breakEveryCriteria: 5,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: "BAD_USER_INPUT",
      details: { reason: "NO_LUNCH_SLOT", suggestedStart: "07:45" },
    });
    expect((error as Error).message).toMatch(
      /^Avec ces horaires, aucun moment du programme ne permet de placer le déjeuner \(60 min\) entre 11 h 30 et 14 h : commencez par exemple à \d+ h/,
    );
    const suggested = (error as DomainError).details?.suggestedStart as string;
    expect(() =>
      generateAuditDaySchedule({
        criteria: ["1", "2", "3"],
        startTime: suggested,
        presentationMinutes: 60,
        exchangeMinutes: 60,
        visitMinutes: 60,
        generalPresentationMinutes: 45,
        breakEveryCriteria: 5,
      }),
    ).not.toThrow();
  });

  it("refuses criteria 9-a and 9-b together", () => {
    expect(() => generateAuditDaySchedule({ criteria: ["1", "9a", "9b"] })).toThrow(
      "Les critères 9-a et 9-b s'excluent : l'établissement présente l'un ou l'autre (ou aucun), pas les deux.",
    );
  });

  it("names each criterion's speakers from its pilots, and flags or refuses a criterion without", () => {
    const schedule = generateAuditDaySchedule({
      criteria: ["1", "2", "6"],
      pilots: {
        "1": ["Mme Durand, DDFPT", " M. Martin ", "Mme Durand, DDFPT"],
        "6": ["Mme Rossi"],
        "9a": ["Ignoré"],
      },
    });
    const speakers = (code: CriterionCode) =>
      schedule.slots.filter((s) => s.criterionCode === code).map((s) => s.speakers);
    expect(speakers("1")).toEqual([
      ["Mme Durand, DDFPT", "M. Martin"],
      ["Mme Durand, DDFPT", "M. Martin"],
    ]);
    expect(speakers("6")).toEqual([["Mme Rossi"], ["Mme Rossi"]]);
    expect(speakers("2")).toEqual([[], []]);
    expect(schedule.criteriaWithoutPilot).toEqual(["2"]);
    expect(schedule.slots.find((s) => s.kind === "WELCOME_VISIT")?.speakers).toEqual([]);
    expect(() =>
      generateAuditDaySchedule({
        criteria: ["1", "2", "9b"],
        pilots: { "1": ["Mme Durand"], "9b": ["  "] },
        requirePilots: true,
      }),
    ).toThrow(
      "Chaque critère est présenté par ses pilotes : les critères 2, 9-b n'ont pas de pilote.",
    );
    expect(() => generateAuditDaySchedule({ criteria: ["3"], requirePilots: true })).toThrow(
      "le critère 3 n'a pas de pilote",
    );
  });

  it("refuses an audit date that is not a working day", () => {
    expect(() => generateAuditDaySchedule({ criteria: EIGHT, auditDate: "2026-05-25" })).toThrow(
      "L'audit doit avoir lieu un jour ouvré : le lundi 25 mai 2026 est férié (lundi de Pentecôte).",
    );
    expect(generateAuditDaySchedule({ criteria: EIGHT, auditDate: "2026-05-26" }).end).toBe(
      "16:30",
    );
  });

  it("writes French times", () => {
    expect(formatFrenchTime("08:30")).toBe("8 h 30");
    expect(formatFrenchTime("14:00")).toBe("14 h");
    expect(formatFrenchTime("13:05")).toBe("13 h 05");
  });

  it("is contiguous, fits the working day, and otherwise gives a start time that works", () => {
    const toMinutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const optionsArb: fc.Arbitrary<ScheduleOptions> = fc.record({
      criteria: fc
        .shuffledSubarray([...CRITERION_CODES], { minLength: 1 })
        .filter((c) => !(c.includes("9a") && c.includes("9b"))),
      startTime: fc
        .tuple(fc.integer({ min: 6, max: 11 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      breakEveryCriteria: fc.integer({ min: 1, max: 5 }),
      lunchStart: fc.constantFrom("11:30", "12:00", "12:30", "13:00"),
      visitMinutes: fc.integer({ min: 1, max: 60 }),
      breakMinutes: fc.integer({ min: 5, max: 20 }),
      exchangeMinutes: fc.integer({ min: 10, max: 30 }),
    });
    const check = (options: ScheduleOptions, schedule: AuditDaySchedule) => {
      const { slots, start, end, totalMinutes } = schedule;
      expect(start).toBe(options.startTime);
      expect(slots[0]?.start).toBe(start);
      expect(slots.at(-1)?.end).toBe(end);
      expect(toMinutesOf(end)).toBeLessThanOrEqual(18 * 60);
      slots.forEach((slot, i) => {
        if (i > 0) expect(slot.start).toBe(slots[i - 1]?.end);
        expect(toMinutes(slot.end) - toMinutes(slot.start)).toBe(slot.durationMinutes);
      });
      expect(slots.reduce((sum, s) => sum + s.durationMinutes, 0)).toBe(totalMinutes);
      for (const code of options.criteria) {
        const own = slots.filter((s) => s.criterionCode === code);
        expect(own.map((s) => s.kind)).toEqual(["CRITERION_PRESENTATION", "CRITERION_EXCHANGE"]);
        const [presentationSlot, exchangeSlot] = own;
        if (presentationSlot && exchangeSlot) {
          expect(slots.indexOf(exchangeSlot)).toBe(slots.indexOf(presentationSlot) + 1);
        }
      }
      const lunches = slots.filter((s) => s.kind === "LUNCH");
      expect(lunches.length).toBeLessThanOrEqual(1);
      for (const lunch of lunches) {
        expect(toMinutes(lunch.start)).toBeGreaterThanOrEqual(11 * 60 + 30);
        expect(toMinutes(lunch.end)).toBeLessThanOrEqual(14 * 60);
      }
      // A day running past 14:00 that started before lunch time has its lunch.
      if (toMinutes(end) > 14 * 60 && toMinutes(start) < toMinutes(options.lunchStart ?? "12:00"))
        expect(lunches).toHaveLength(1);
      expect(slots.at(-1)?.kind).toBe("CONCLUSIONS");
      expect(slots.at(-2)?.kind).toBe("AUDITOR_DELIBERATION");
      const kinds = slots.map((s) => s.kind);
      kinds.forEach((k, i) => {
        if (k === "BREAK") expect(kinds[i + 1]).toBe("CRITERION_PRESENTATION");
      });
    };
    fc.assert(
      fc.property(optionsArb, (options) => {
        let schedule: AuditDaySchedule;
        try {
          schedule = generateAuditDaySchedule(options);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          const error = e as DomainError;
          expect(error.code).toBe("BAD_USER_INPUT");
          const retry =
            error.details?.reason === "ENDS_TOO_LATE"
              ? error.details.latestStart
              : error.details?.suggestedStart;
          if (typeof retry !== "string") return;
          if (error.details?.reason === "ENDS_TOO_LATE")
            expect(toMinutes(retry)).toBeLessThan(toMinutes(options.startTime ?? "08:30"));
          const retried = { ...options, startTime: retry };
          check(retried, generateAuditDaySchedule(retried));
          return;
        }
        check(options, schedule);
      }),
      { numRuns: 300 },
    );
  });
});
