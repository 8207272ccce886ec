import fc from "fast-check";
import { addDays, daysBetween } from "./dates";
import { CANDIDATURE_STATES, type CandidatureState } from "./lifecycle";
import {
  DEFAULT_REMINDER_OFFSETS,
  PROCEDURE_DEADLINE_KINDS,
  assertReminderOffsets,
  auditReportDueDate,
  compareDeadlines,
  daysLeftText,
  dueReminders,
  emailedAboutProcedureSteps,
  hearsOfProcedureStep,
  offsetDue,
  procedureDeadlines,
  recipientsOf,
  reminderKey,
  reminderText,
  upcomingDeadlines,
  type DeadlineFacts,
  type DeadlinePeople,
  type ReminderOffsets,
} from "./reminders";

const A = "etab-a";
const B = "etab-b";

function facts(overrides: Partial<DeadlineFacts> = {}): DeadlineFacts {
  return {
    candidatureId: "cand-1",
    state: "DOSSIER_OPEN",
    memberEstablishmentIds: [A, B],
    leadEstablishmentId: A,
    auditDate: "2027-05-18",
    publicationDate: null,
    auditPlanSubmitted: false,
    auditReportFinalised: false,
    renewalEngaged: false,
    renewalLabelled: false,
    commitments: [],
    ...overrides,
  };
}

const people: DeadlinePeople = {
  accounts: [
    { userId: "head-a", role: "SCHOOL_HEAD", establishmentId: A, active: true },
    { userId: "staff-a", role: "SCHOOL_STAFF", establishmentId: A, active: true },
    { userId: "head-b", role: "SCHOOL_HEAD", establishmentId: B, active: true },
    { userId: "old-head-b", role: "SCHOOL_HEAD", establishmentId: B, active: false },
    { userId: "drafpic", role: "DRAFPIC", establishmentId: null, active: true },
    { userId: "analyst", role: "ANALYST", establishmentId: null, active: true },
    { userId: "auditor-1", role: "AUDITOR", establishmentId: null, active: true },
    { userId: "auditor-2", role: "AUDITOR", establishmentId: null, active: true },
    { userId: "inspector", role: "AUDITOR", establishmentId: null, active: true },
  ],
  auditTeamIds: ["auditor-1", "auditor-2"],
  leadAuditorId: null,
  referentInspectorIds: ["inspector"],
};

describe("procedure deadlines", () => {
  it("lists what the school still owes before submission", () => {
    const list = procedureDeadlines(facts());
    expect(list.map((d) => [d.kind, d.date])).toEqual([["DOSSIER_DUE", "2027-03-18"]]);
    expect(list[0]).toMatchObject({
      key: "cand-1:DOSSIER_DUE:2027-03-18",
      title: "Date limite de dépôt du dossier",
      establishmentIds: [A, B],
      parties: ["SCHOOL_HEADS"],
    });
    expect(procedureDeadlines(facts({ auditDate: null }))).toEqual([]);
  });

  it("lists the plan and the audit after submission, the plan until it is sent", () => {
    expect(procedureDeadlines(facts({ state: "SUBMITTED" })).map((d) => d.kind)).toEqual([
      "AUDIT_PLAN_DUE",
      "AUDIT",
    ]);
    expect(
      procedureDeadlines(facts({ state: "PREPARATORY_VISIT_DONE", auditPlanSubmitted: true })).map(
        (d) => d.kind,
      ),
    ).toEqual(["AUDIT"]);
    expect(procedureDeadlines(facts({ state: "AUDIT_PLAN_RECEIVED" })).map((d) => d.kind)).toEqual([
      "AUDIT",
    ]);
  });

  it("gives the report four weeks after the audit, until it is final", () => {
    expect(auditReportDueDate("2027-05-18")).toBe("2027-06-15");
    const audited = procedureDeadlines(facts({ state: "AUDITED" }));
    expect(audited.map((d) => [d.kind, d.date, d.parties])).toEqual([
      ["AUDIT_REPORT_DUE", "2027-06-15", ["LEAD_AUDITOR", "DRAFPIC"]],
    ]);
    expect(procedureDeadlines(facts({ state: "AUDITED", auditReportFinalised: true }))).toEqual([]);
  });

  it("follows each open commitment of its establishment, from the audit while the label runs", () => {
    const commitments = [
      {
        id: "c1",
        title: "Bureau des entreprises",
        deadline: "2028-01-31",
        establishmentId: B,
        fulfilled: false,
      },
      {
        id: "c2",
        title: "Plan de communication",
        deadline: "2027-12-01",
        establishmentId: null,
        fulfilled: false,
      },
      { id: "c3", title: "Déjà tenu", deadline: "2027-11-01", establishmentId: A, fulfilled: true },
      { id: "c4", title: "Sans date", deadline: null, establishmentId: A, fulfilled: false },
    ];
    const list = procedureDeadlines(facts({ state: "LABELLED", commitments, auditDate: null }));
    const due = list.filter((d) => d.kind === "COMMITMENT_DUE");
    expect(due.map((d) => [d.commitmentId, d.date, d.establishmentIds])).toEqual([
      ["c2", "2027-12-01", [A, B]],
      ["c1", "2028-01-31", [B]],
    ]);
    expect(due[1]?.title).toBe("Échéance de l'engagement « Bureau des entreprises »");
    expect(due[1]?.key).toBe("cand-1:COMMITMENT_DUE:c1:2028-01-31");
    expect(procedureDeadlines(facts({ state: "WITHDRAWN", commitments }))).toEqual([]);
  });

  it("follows the label's five years: mid-term, renewal start, expiry", () => {
    const labelled = facts({ state: "LABELLED", publicationDate: "2027-07-01" });
    expect(procedureDeadlines(labelled).map((d) => [d.kind, d.date])).toEqual([
      ["MID_TERM_REVIEW", "2030-01-01"],
      ["RENEWAL_START", "2031-07-01"],
      ["LABEL_EXPIRY", "2032-07-01"],
    ]);
    const reviewed = { ...labelled, state: "MID_TERM_REVIEWED" as const, renewalEngaged: true };
    expect(procedureDeadlines(reviewed).map((d) => d.kind)).toEqual(["LABEL_EXPIRY"]);
    expect(procedureDeadlines({ ...reviewed, renewalLabelled: true })).toEqual([]);
    expect(procedureDeadlines({ ...labelled, state: "EXPIRED" })).toEqual([]);
  });

  it("keeps only the upcoming ones for today, within a horizon", () => {
    const labelled = facts({ state: "LABELLED", publicationDate: "2027-07-01" });
    expect(upcomingDeadlines(labelled, "2030-01-02").map((d) => d.kind)).toEqual([
      "RENEWAL_START",
      "LABEL_EXPIRY",
    ]);
    expect(upcomingDeadlines(labelled, "2030-01-01", 30).map((d) => d.kind)).toEqual([
      "MID_TERM_REVIEW",
    ]);
  });

  it("sorts any candidature's deadlines by date, then in the procedure's order (property)", () => {
    const date = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("2000-01-01", n));
    const arb = fc.record({
      state: fc.constantFrom(...CANDIDATURE_STATES),
      auditDate: fc.option(date, { nil: null }),
      publicationDate: fc.option(date, { nil: null }),
      auditPlanSubmitted: fc.boolean(),
      auditReportFinalised: fc.boolean(),
      renewalEngaged: fc.boolean(),
      renewalLabelled: fc.boolean(),
      commitments: fc.array(
        fc.record({
          id: fc.uuid(),
          title: fc.string(),
          deadline: fc.option(date, { nil: null }),
          establishmentId: fc.constantFrom(A, B, null),
          fulfilled: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(arb, (f) => {
        const list = procedureDeadlines(facts(f as Partial<DeadlineFacts>));
        for (let i = 1; i < list.length; i++) {
          expect(compareDeadlines(list[i - 1]!, list[i]!)).toBeLessThan(0);
        }
        expect(new Set(list.map((d) => d.key)).size).toBe(list.length);
      }),
    );
  });
});

describe("reminders", () => {
  it("are due on the offset's day, or later until the next offset (a missed scan catches up)", () => {
    const offsets = [30, 7, 1];
    expect(offsetDue(offsets, 31)).toBeNull();
    expect(offsetDue(offsets, 30)).toBe(30);
    expect(offsetDue(offsets, 8)).toBe(30);
    expect(offsetDue(offsets, 7)).toBe(7);
    expect(offsetDue(offsets, 2)).toBe(7);
    expect(offsetDue(offsets, 1)).toBe(1);
    expect(offsetDue(offsets, 0)).toBe(1);
    expect(offsetDue(offsets, -1)).toBeNull();
  });

  it("lists what is due today for a candidature, keyed per deadline and offset", () => {
    // Dossier due 2027-03-18: 7 days before is 2027-03-11.
    const due = dueReminders(facts(), "2027-03-11");
    expect(due.map((r) => [r.deadline.kind, r.offsetDays, r.daysLeft])).toEqual([
      ["DOSSIER_DUE", 7, 7],
    ]);
    expect(reminderKey(due[0]!)).toBe("cand-1:DOSSIER_DUE:2027-03-18:J-7");
    expect(dueReminders(facts(), "2027-03-19")).toEqual([]);
    expect(dueReminders(facts(), "2027-02-01")).toEqual([]);
  });

  it("uses configurable offsets, and refuses malformed ones", () => {
    const custom: ReminderOffsets = { ...DEFAULT_REMINDER_OFFSETS, DOSSIER_DUE: [45] };
    expect(dueReminders(facts(), "2027-02-01", custom).map((r) => r.offsetDays)).toEqual([45]);
    expect(() => assertReminderOffsets(DEFAULT_REMINDER_OFFSETS)).not.toThrow();
    expect(() => assertReminderOffsets({ ...DEFAULT_REMINDER_OFFSETS, AUDIT: [7, 7] })).toThrow(
      "Les délais de rappel de « Journée d'audit » doivent être des nombres entiers de jours distincts, de 0 à 3 650.",
    );
    expect(() => assertReminderOffsets({ ...DEFAULT_REMINDER_OFFSETS, AUDIT: [-1] })).toThrow();
  });

  it("walk down the offsets day after day, each one on a single run of days (property)", () => {
    const arb = fc.record({
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
      deadline: fc.integer({ min: 0, max: 5000 }).map((n) => addDays("2026-01-01", n)),
    });
    fc.assert(
      fc.property(arb, ({ offsets, deadline }) => {
        const seen: number[] = [];
        for (let d = 70; d >= -3; d--) {
          const today = addDays(deadline, -d);
          const left = daysBetween(today, deadline);
          const due = offsetDue(offsets, left);
          if (due === null) {
            expect(left < 0 || left > Math.max(...offsets)).toBe(true);
            continue;
          }
          expect(left).toBeLessThanOrEqual(due);
          if (seen.at(-1) !== due) {
            expect(seen).not.toContain(due); // a single run per offset
            if (seen.length > 0) expect(due).toBeLessThan(seen.at(-1)!); // walking down
            expect(left).toBe(due); // each run starts on the offset's own day
            seen.push(due);
          }
        }
        expect(seen).toEqual([...offsets].sort((a, b) => b - a)); // every offset once, in order
      }),
    );
  });

  it("never reminds twice a day about one deadline, nor about a past one (property)", () => {
    const arb = fc.record({
      state: fc.constantFrom<CandidatureState>("DOSSIER_OPEN", "SUBMITTED", "AUDITED", "LABELLED"),
      today: fc.integer({ min: 0, max: 4000 }).map((n) => addDays("2026-01-01", n)),
      audit: fc.integer({ min: 0, max: 4000 }).map((n) => addDays("2026-01-01", n)),
    });
    fc.assert(
      fc.property(arb, ({ state, today, audit }) => {
        const f = facts({ state, auditDate: audit, publicationDate: audit });
        const due = dueReminders(f, today);
        expect(new Set(due.map((r) => r.deadline.key)).size).toBe(due.length);
        for (const r of due) {
          expect(r.daysLeft).toBeGreaterThanOrEqual(0);
          expect(r.daysLeft).toBeLessThanOrEqual(r.offsetDays);
          expect(DEFAULT_REMINDER_OFFSETS[r.deadline.kind]).toContain(r.offsetDays);
        }
      }),
    );
  });
});

describe("recipients", () => {
  const [dossier] = procedureDeadlines(facts());
  it("are the heads of every co-applicant for the dossier (active accounts only)", () => {
    expect(recipientsOf(dossier!, A, people)).toEqual(["head-a", "head-b"]);
  });

  it("are the lead's head for the plan; heads, team and DRAFPIC for the audit", () => {
    const [plan, audit] = procedureDeadlines(facts({ state: "SUBMITTED" }));
    expect(recipientsOf(plan!, A, people)).toEqual(["head-a"]);
    expect(recipientsOf(audit!, A, people)).toEqual([
      "head-a",
      "head-b",
      "drafpic",
      "auditor-1",
      "auditor-2",
    ]);
  });

  it("are the lead auditor (the team while none is named) and DRAFPIC for the report", () => {
    const [report] = procedureDeadlines(facts({ state: "AUDITED" }));
    expect(recipientsOf(report!, A, people)).toEqual(["drafpic", "auditor-1", "auditor-2"]);
    expect(recipientsOf(report!, A, { ...people, leadAuditorId: "auditor-2" })).toEqual([
      "drafpic",
      "auditor-2",
    ]);
  });

  it("are the committed establishment's head, and referents at mid-term", () => {
    const list = procedureDeadlines(
      facts({
        state: "LABELLED",
        publicationDate: "2027-07-01",
        commitments: [
          { id: "c1", title: "x", deadline: "2028-01-01", establishmentId: B, fulfilled: false },
        ],
      }),
    );
    const byKind = (k: string) => list.find((d) => d.kind === k)!;
    expect(recipientsOf(byKind("COMMITMENT_DUE"), A, people)).toEqual(["head-b"]);
    expect(recipientsOf(byKind("MID_TERM_REVIEW"), A, people)).toEqual([
      "head-a",
      "head-b",
      "drafpic",
      "inspector",
    ]);
  });

  it("never include analysts, staff nor inactive accounts, whatever the deadline", () => {
    const all = procedureDeadlines(
      facts({ state: "LABELLED", publicationDate: "2027-07-01" }),
    ).concat(procedureDeadlines(facts({ state: "SUBMITTED" })));
    for (const d of all) {
      const ids = recipientsOf(d, A, people);
      expect(ids).not.toContain("analyst");
      expect(ids).not.toContain("staff-a");
      expect(ids).not.toContain("old-head-b");
    }
  });
});

describe("texts", () => {
  it("say when in French", () => {
    expect(daysLeftText(0)).toBe("aujourd'hui");
    expect(daysLeftText(1)).toBe("demain");
    expect(daysLeftText(7)).toBe("dans 7 jours");
  });

  it("write every kind of reminder", () => {
    const [due] = dueReminders(facts(), "2027-03-11");
    expect(reminderText(due!, "Lycée professionnel Les Calanques")).toEqual({
      subject: "Rappel : date limite de dépôt du dossier le 18 mars 2027 (dans 7 jours)",
      paragraphs: [
        "Candidature au label « Lycée des métiers » : Lycée professionnel Les Calanques.",
        "Date limite de dépôt du dossier : 18 mars 2027, dans 7 jours.",
        "Le dossier de candidature doit être déposé en ligne au plus tard le 18 mars 2027, deux mois avant l'audit. Pensez aux approbations des établissements cocandidats.",
      ],
    });
    const commitment = dueReminders(
      facts({
        state: "LABELLED",
        commitments: [
          {
            id: "c1",
            title: "Ouvrir un bureau des entreprises",
            deadline: "2028-01-31",
            establishmentId: A,
            fulfilled: false,
          },
        ],
      }),
      "2028-01-30",
    )[0]!;
    expect(reminderText(commitment, "x").subject).toBe(
      "Rappel : échéance de l'engagement « Ouvrir un bureau des entreprises » le 31 janvier 2028 (demain)",
    );
    expect(reminderText(commitment, "x").paragraphs[2]).toBe(
      "L'engagement « Ouvrir un bureau des entreprises » pris lors de l'audit arrive à échéance le 31 janvier 2028.",
    );
    for (const kind of PROCEDURE_DEADLINE_KINDS) {
      expect(DEFAULT_REMINDER_OFFSETS[kind].length).toBeGreaterThan(0);
    }
  });
});

describe("who hears of a step of the procedure", () => {
  const candidature: {
    state: CandidatureState;
    memberEstablishmentIds: string[];
    auditTeamIds: string[];
  } = {
    state: "SUBMITTED",
    memberEstablishmentIds: [A, B],
    auditTeamIds: ["auditor-1"],
  };
  const hears = (audience: ("SCHOOL" | "AUDIT_TEAM" | "DRAFPIC")[], c = candidature) =>
    people.accounts.filter((a) => hearsOfProcedureStep(a, audience, c)).map((a) => a.userId);

  it("tells the schools' accounts, the audit team once it reads the dossier, the regional team", () => {
    expect(hears(["SCHOOL"])).toEqual(["head-a", "staff-a", "head-b"]);
    expect(hears(["AUDIT_TEAM"])).toEqual(["auditor-1"]);
    expect(hears(["AUDIT_TEAM"], { ...candidature, state: "DOSSIER_OPEN" })).toEqual([]);
    expect(hears(["DRAFPIC"])).toEqual(["drafpic"]);
    expect(hears(["SCHOOL", "AUDIT_TEAM", "DRAFPIC"])).not.toContain("analyst");
  });

  it("e-mails heads, the regional team and auditors, not the steering team nor analysts", () => {
    expect(emailedAboutProcedureSteps("SCHOOL_HEAD")).toBe(true);
    expect(emailedAboutProcedureSteps("DRAFPIC")).toBe(true);
    expect(emailedAboutProcedureSteps("AUDITOR")).toBe(true);
    expect(emailedAboutProcedureSteps("SCHOOL_STAFF")).toBe(false);
    expect(emailedAboutProcedureSteps("ANALYST")).toBe(false);
  });
});
