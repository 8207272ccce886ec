import fc from "fast-check";
import {
  easterSunday,
  formatFrenchDateWithWeekday,
  isoWeekday,
  isPublicHoliday,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingDayReason,
  publicHolidayOn,
  publicHolidaysOf,
} from "./calendar";
import { addDays, daysBetween } from "./dates";

const yearArb = fc.integer({ min: 1600, max: 2400 });

describe("calendar", () => {
  it("computes Easter Sunday for known years", () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => [y, easterSunday(y)])).toEqual([
      [2024, "2024-03-31"],
      [2025, "2025-04-20"],
      [2026, "2026-04-05"],
      [2027, "2027-03-28"],
      [2028, "2028-04-16"],
      [2029, "2029-04-01"],
      [2030, "2030-04-21"],
    ]);
    // Extremes of the Gregorian computus.
    expect(easterSunday(1818)).toBe("1818-03-22");
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(1943)).toBe("1943-04-25");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(() => easterSunday(2026.5)).toThrow(/année entière/);
    expect(() => easterSunday(1200)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });

  it("Easter is a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });

  it("lists the 11 French public holidays of a year with their French names", () => {
    expect(publicHolidaysOf(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      "2026-01-01 jour de l'An",
      "2026-04-06 lundi de Pâques",
      "2026-05-01 fête du Travail",
      "2026-05-08 Victoire 1945",
      "2026-05-14 jeudi de l'Ascension",
      "2026-05-25 lundi de Pentecôte",
      "2026-07-14 Fête nationale",
      "2026-08-15 Assomption",
      "2026-11-01 Toussaint",
      "2026-11-11 Armistice 1918",
      "2026-12-25 Noël",
    ]);
    const movable = (year: number) =>
      publicHolidaysOf(year)
        .filter((h) => ["EASTER_MONDAY", "ASCENSION", "WHIT_MONDAY"].includes(h.key))
        .map((h) => h.date);
    expect(movable(2024)).toEqual(["2024-04-01", "2024-05-09", "2024-05-20"]);
    expect(movable(2025)).toEqual(["2025-04-21", "2025-05-29", "2025-06-09"]);
    expect(movable(2027)).toEqual(["2027-03-29", "2027-05-06", "2027-05-17"]);
    expect(movable(2028)).toEqual(["2028-04-17", "2028-05-25", "2028-06-05"]);
    expect(movable(2029)).toEqual(["2029-04-02", "2029-05-10", "2029-05-21"]);
    expect(movable(2030)).toEqual(["2030-04-22", "2030-05-30", "2030-06-10"]);
    // 2008: Ascension fell on 1 May; the list keeps both, sorted.
    expect(publicHolidaysOf(2008).filter((h) => h.date === "2008-05-01")).toHaveLength(2);
  });

  it("movable holidays keep their weekday: Monday, Thursday, Monday", () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const byKey = Object.fromEntries(publicHolidaysOf(year).map((h) => [h.key, h.date]));
        expect(isoWeekday(byKey.EASTER_MONDAY!)).toBe(1);
        expect(isoWeekday(byKey.ASCENSION!)).toBe(4);
        expect(isoWeekday(byKey.WHIT_MONDAY!)).toBe(1);
        expect(daysBetween(byKey.EASTER_MONDAY!, byKey.WHIT_MONDAY!)).toBe(49);
        expect(publicHolidaysOf(year)).toHaveLength(11);
      }),
    );
  });

  it("computes weekdays", () => {
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("2026-05-25")).toBe(1);
    expect(isoWeekday("2026-05-23")).toBe(6);
    expect(isoWeekday("2026-05-24")).toBe(7);
    expect(isoWeekday("1969-12-31")).toBe(3);
    expect(isWeekend("2026-05-23")).toBe(true);
    expect(isWeekend("2026-05-22")).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: -50000, max: 50000 }), (n) => {
        const d = addDays("2000-01-03", n); // a Monday
        expect(isoWeekday(d)).toBe((((n % 7) + 7) % 7) + 1);
      }),
    );
  });

  it("knows working days: no weekend, no public holiday", () => {
    expect(isWorkingDay("2026-05-26")).toBe(true);
    expect(isWorkingDay("2026-05-25")).toBe(false);
    expect(isWorkingDay("2026-05-14")).toBe(false);
    expect(isWorkingDay("2026-05-23")).toBe(false);
    expect(isWorkingDay("2026-05-24")).toBe(false);
    expect(isWorkingDay("2026-07-14")).toBe(false);
    expect(isWorkingDay("2026-12-24")).toBe(true);
    expect(isPublicHoliday("2026-12-25")).toBe(true);
    expect(publicHolidayOn("2026-11-11")).toEqual({
      date: "2026-11-11",
      key: "ARMISTICE_1918",
      name: "Armistice 1918",
    });
    expect(publicHolidayOn("2026-11-12")).toBeNull();
    expect(() => isWorkingDay("2026-02-30")).toThrow(/invalide/);
  });

  it("says in French why a day is not worked, and which one is next", () => {
    expect(nonWorkingDayReason("2026-05-25")).toBe("est férié (lundi de Pentecôte)");
    expect(nonWorkingDayReason("2026-05-23")).toBe("est un samedi");
    expect(nonWorkingDayReason("2026-05-24")).toBe("est un dimanche");
    expect(nonWorkingDayReason("2026-11-01")).toBe("est férié (Toussaint)"); // a Sunday
    expect(nonWorkingDayReason("2026-05-26")).toBeNull();
    expect(formatFrenchDateWithWeekday("2026-05-25")).toBe("lundi 25 mai 2026");
    expect(formatFrenchDateWithWeekday("2026-05-01")).toBe("vendredi 1er mai 2026");
    // Friday 1 May 2026 → Monday 4; Wednesday 13 May (before Ascension) → Friday 15.
    expect(nextWorkingDay("2026-04-30")).toBe("2026-05-04");
    expect(nextWorkingDay("2026-05-13")).toBe("2026-05-15");
    expect(nextWorkingDay("2026-12-24")).toBe("2026-12-28");
    expect(nextWorkingDay("2026-05-22")).toBe("2026-05-26");
  });
});
