import { campaignYear, schoolYearOfDate } from "./campaignYear";

describe("campaignYear", () => {
  it("is the school year of the audit (September to August)", () => {
    expect(schoolYearOfDate("2026-09-01")).toBe("2026-2027");
    expect(schoolYearOfDate("2026-08-31")).toBe("2025-2026");
    expect(campaignYear({ auditDate: "2027-03-02", createdAt: "2025-05-01T10:00:00Z" })).toBe(
      "2026-2027",
    );
  });

  it("is the school year of the opening, in Paris, without an audit date", () => {
    expect(campaignYear({ auditDate: null, createdAt: "2026-08-31T22:30:00.000Z" })).toBe(
      "2026-2027",
    );
  });
});
