import fc from "fast-check";
import { compareIsoDates, daysBetween } from "./dates";
import {
  auditPlanDueDate,
  canSendAuditPlan,
  canSubmitDossier,
  candidatureDeadlines,
  dossierDueDate,
  labelExpiryDate,
  midTermReviewDueDate,
  renewalStartDate,
} from "./deadlines";

/** Any real date between 1900 and 2200. */
const isoDateArb = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2200, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("deadlines", () => {
  it("computes the procedure's dates", () => {
    expect(dossierDueDate("2027-05-15")).toBe("2027-03-15");
    expect(dossierDueDate("2027-04-30")).toBe("2027-02-28");
    expect(auditPlanDueDate("2027-05-15")).toBe("2027-05-01");
    expect(labelExpiryDate("2027-07-01")).toBe("2032-07-01");
    expect(midTermReviewDueDate("2027-07-01")).toBe("2030-01-01");
    expect(renewalStartDate("2027-07-01")).toBe("2031-07-01");
  });

  it("allows the submission up to and including the due date", () => {
    expect(canSubmitDossier("2027-03-15", "2027-05-15")).toBe(true);
    expect(canSubmitDossier("2027-03-16", "2027-05-15")).toBe(false);
    expect(canSubmitDossier("2030-01-01", null)).toBe(true);
  });

  it("allows the audit plan up to 14 days before the audit, and needs an audit date", () => {
    expect(canSendAuditPlan("2027-05-01", "2027-05-15")).toBe(true);
    expect(canSendAuditPlan("2027-05-02", "2027-05-15")).toBe(false);
    expect(canSendAuditPlan("2027-01-01", null)).toBe(false);
  });

  it("lists the deadlines sorted by date, with French labels", () => {
    const deadlines = candidatureDeadlines({
      auditDate: "2027-05-15",
      publicationDate: "2027-07-01",
    });
    expect(deadlines.map((d) => d.kind)).toEqual([
      "DOSSIER_DUE",
      "AUDIT_PLAN_DUE",
      "AUDIT",
      "MID_TERM_REVIEW",
      "RENEWAL_START",
      "LABEL_EXPIRY",
    ]);
    expect(deadlines[0]?.label).toBe("Date limite de dépôt du dossier : 15 mars 2027");
    for (let i = 1; i < deadlines.length; i += 1) {
      expect(
        compareIsoDates(deadlines[i - 1]?.date ?? "", deadlines[i]?.date ?? ""),
      ).toBeLessThanOrEqual(0);
    }
    expect(candidatureDeadlines({ auditDate: null, publicationDate: null })).toEqual([]);
    expect(candidatureDeadlines({ auditDate: "2027-05-15", publicationDate: null })).toHaveLength(
      3,
    );
  });

  it("dossier due date is 59 to 62 days before the audit", () => {
    fc.assert(
      fc.property(isoDateArb, (d) => {
        expect(compareIsoDates(dossierDueDate(d), d)).toBe(-1);
        const days = daysBetween(dossierDueDate(d), d);
        expect(days).toBeGreaterThanOrEqual(59);
        expect(days).toBeLessThanOrEqual(62);
      }),
    );
  });

  it("audit plan due date is exactly 14 days before the audit", () => {
    fc.assert(fc.property(isoDateArb, (d) => daysBetween(auditPlanDueDate(d), d) === 14));
  });

  it("the label lasts 5 years (1826 or 1827 days between 1901 and 2094)", () => {
    // Around 2100 (not a leap year), 2096-02-29 + 5 years = 2101-02-28 is only 1825 days later.
    expect(daysBetween("2096-02-29", labelExpiryDate("2096-02-29"))).toBe(1825);
    const modernDateArb = isoDateArb.filter((d) => d >= "1901-01-01" && d <= "2094-12-31");
    fc.assert(
      fc.property(modernDateArb, (d) => {
        const days = daysBetween(d, labelExpiryDate(d));
        expect(days === 1826 || days === 1827).toBe(true);
        expect(compareIsoDates(renewalStartDate(d), labelExpiryDate(d))).toBe(-1);
        expect(compareIsoDates(midTermReviewDueDate(d), renewalStartDate(d))).toBe(-1);
      }),
    );
  });
});
