import { formatDate, todayLocalDate } from "./formatDate";

describe("formatDate", () => {
  it("formats a civil date as it is, whatever the time zone", () => {
    expect(formatDate("2026-03-01")).toBe("1 mars 2026");
    expect(formatDate("2026-03-01", { style: "short" })).toBe("01/03/2026");
    expect(formatDate("2026-03-01", { lng: "en" })).toBe("March 1, 2026");
  });

  it("formats an instant in Paris time", () => {
    expect(formatDate("2026-01-31T23:30:00.000Z")).toBe("1 février 2026");
    expect(formatDate("2026-01-31T23:30:00.000Z", { withTime: true })).toBe(
      "1 février 2026 à 00:30",
    );
  });

  it("answers an empty string for nothing", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("")).toBe("");
  });
});

describe("todayLocalDate", () => {
  it("answers the civil date in Paris", () => {
    expect(todayLocalDate(new Date("2026-01-31T23:30:00.000Z"))).toBe("2026-02-01");
  });
});
