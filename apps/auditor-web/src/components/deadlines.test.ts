import { deadlineStatus } from "./deadlines";

const members = [{ isLead: true, establishment: { id: "e1" } }];

describe("deadlineStatus", () => {
  it("flags a dossier due date passed while the dossier is still open", () => {
    const status = deadlineStatus(
      { id: "c1", state: "DOSSIER_OPEN", auditDate: "2026-05-04", members },
      { today: "2026-03-10" },
    );
    expect(status.overdue.map((d) => [d.kind, d.date])).toEqual([["DOSSIER_DUE", "2026-03-04"]]);
    expect(status.upcoming).toEqual([]);
  });

  it("no longer counts the dossier once it is submitted", () => {
    const status = deadlineStatus(
      { id: "c1", state: "SUBMITTED", auditDate: "2026-05-04", members },
      { today: "2026-03-10" },
    );
    expect(status.overdue).toEqual([]);
    expect(status.upcoming.map((d) => d.kind)).toEqual(["AUDIT_PLAN_DUE", "AUDIT"]);
  });

  it("keeps the deadlines of the parties asked for", () => {
    const status = deadlineStatus(
      { id: "c1", state: "SUBMITTED", auditDate: "2026-05-04", members },
      { today: "2026-03-10", parties: ["AUDIT_TEAM", "LEAD_AUDITOR"] },
    );
    expect(status.upcoming.map((d) => d.kind)).toEqual(["AUDIT"]);
  });

  it("meets a label's renewal deadlines once its renewal is engaged and labelled", () => {
    const labelled = {
      id: "c1",
      state: "MID_TERM_REVIEWED" as const,
      publicationDate: "2022-05-04",
      members,
    };
    expect(deadlineStatus(labelled, { today: "2026-12-01" }).overdue.map((d) => d.kind)).toEqual([
      "RENEWAL_START",
    ]);
    expect(
      deadlineStatus(labelled, {
        today: "2026-12-01",
        renewal: { engaged: true, labelled: false },
      }).overdue,
    ).toEqual([]);
    expect(
      deadlineStatus(labelled, {
        today: "2026-12-01",
        renewal: { engaged: true, labelled: true },
      }).upcoming,
    ).toEqual([]);
  });
});
