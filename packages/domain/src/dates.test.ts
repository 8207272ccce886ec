import fc from "fast-check";
import {
  addDays,
  addMonths,
  addYears,
  compareIsoDates,
  daysBetween,
  formatFrenchDate,
  isIsoDate,
  isSchoolYear,
  parseIsoDate,
  schoolYearOf,
} from "./dates";
import { DomainError } from "./errors";

/** Any real date between 1900 and 2200. */
const isoDateArb = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2200, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("isIsoDate / parseIsoDate", () => {
  it.each(["2024-02-29", "2023-12-31", "2000-02-29", "0001-01-01"])("accepts %s", (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
  it.each([
    "2023-02-29",
    "1900-02-29",
    "2023-13-01",
    "2023-00-10",
    "2023-04-31",
    "2023-4-1",
    "20230401",
    "",
    "2023-04-01T00:00",
  ])("rejects %s", (s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(DomainError);
  });
  it("parses into parts and explains the format in French", () => {
    expect(parseIsoDate("2027-03-15")).toEqual({ year: 2027, month: 3, day: 15 });
    try {
      parseIsoDate("15/03/2027");
      throw new Error("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("BAD_USER_INPUT");
      expect((error as DomainError).message).toContain("AAAA-MM-JJ");
    }
  });
});

describe("arithmetic", () => {
  it("adds days across months and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
  it("clamps months to the end of month", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2023-03-31", -1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
    expect(addMonths("2024-01-15", -13)).toBe("2022-12-15");
  });
  it("adds years, 29 February becoming 28 February", () => {
    expect(addYears("2024-02-29", 5)).toBe("2029-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-06-10", -1)).toBe("2023-06-10");
  });
  it("rejects non-integer amounts", () => {
    expect(() => addDays("2024-01-01", 1.5)).toThrow(DomainError);
    expect(() => addMonths("2024-01-01", Number.NaN)).toThrow(DomainError);
  });
  it("compares and counts days", () => {
    expect(compareIsoDates("2024-01-01", "2024-01-02")).toBe(-1);
    expect(compareIsoDates("2024-01-02", "2024-01-02")).toBe(0);
    expect(compareIsoDates("2024-01-03", "2024-01-02")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2024-01-01")).toBe(-366);
  });
  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const moved = addDays(d, n);
        expect(daysBetween(d, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(d);
      }),
    );
  });
  it("agrees with the JavaScript calendar", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const expected = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(addDays(d, n)).toBe(expected);
      }),
    );
  });
  it("addMonths round-trips when the day exists in the target month", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const moved = addMonths(d, n);
        expect(isIsoDate(moved)).toBe(true);
        if (parseIsoDate(d).day <= 28) expect(addMonths(moved, -n)).toBe(d);
        expect(parseIsoDate(moved).day).toBeLessThanOrEqual(parseIsoDate(d).day);
      }),
    );
  });
});

describe("school years", () => {
  it("starts on 1 September", () => {
    expect(schoolYearOf("2023-09-01")).toBe("2023-2024");
    expect(schoolYearOf("2024-08-31")).toBe("2023-2024");
    expect(schoolYearOf("2023-08-31")).toBe("2022-2023");
  });
  it("recognises school years", () => {
    expect(isSchoolYear("2021-2022")).toBe(true);
    expect(isSchoolYear("2021-2023")).toBe(false);
    expect(isSchoolYear("2022-2021")).toBe(false);
    expect(isSchoolYear("21-22")).toBe(false);
  });
  it("schoolYearOf always yields a school year", () => {
    fc.assert(fc.property(isoDateArb, (d) => isSchoolYear(schoolYearOf(d))));
  });
});

describe("formatFrenchDate", () => {
  it("writes dates the French way", () => {
    expect(formatFrenchDate("2027-03-15")).toBe("15 mars 2027");
    expect(formatFrenchDate("2027-03-01")).toBe("1er mars 2027");
    expect(formatFrenchDate("2026-08-02")).toBe("2 août 2026");
    expect(formatFrenchDate("2026-12-31")).toBe("31 décembre 2026");
  });
});
