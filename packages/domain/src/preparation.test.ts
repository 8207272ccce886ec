import { addDays, addMonths } from "./dates";
import { auditPlanDueDate } from "./deadlines";
import { DomainError } from "./errors";
import { isWorkingDay, nextWorkingDay } from "./calendar";
import type { CriterionCode } from "./referential";
import { generateAuditDaySchedule } from "./schedule";
import {
  assertAuditPlan,
  assertAuditPlanEditable,
  assertAuditPlanSubmittable,
  assertPreparatoryVisitDate,
  assertPreparatoryVisitState,
  assertReferentInspectorInput,
  assertVisitAttendees,
  assessAuditDateChange,
  auditPlanProblems,
  earliestAuditDateForPlan,
  type AuditPlanSlotInput,
} from "./preparation";
import {
  canBeReferentInspector,
  canPerformTransition,
  canPrepareAuditPlan,
  isRegionalTeamAccount,
  type CandidatureAccessFacts,
  type Viewer,
} from "./authorization";

const EIGHT: CriterionCode[] = ["1", "2", "3", "4", "5", "6", "7", "8"];

/** The domain error thrown by `fn` (fails when nothing is thrown). */
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("DomainError attendue");
}

/** The generator's proposal for the eight national criteria, each spoken by one pilot. */
function proposal(criteria: CriterionCode[] = EIGHT): AuditPlanSlotInput[] {
  const pilots = Object.fromEntries(criteria.map((c) => [c, [`Pilote ${c}`]]));
  return generateAuditDaySchedule({ criteria, pilots }).slots.map((s) => ({
    kind: s.kind,
    start: s.start,
    end: s.end,
    criterionCode: s.criterionCode,
    title: s.title,
    speakers: s.speakers,
  }));
}

describe("inspecteur référent", () => {
  it("is an account or a name, not both nor neither", () => {
    expect(() =>
      assertReferentInspectorInput({ userId: "u", fullName: null, email: null }),
    ).not.toThrow();
    expect(() =>
      assertReferentInspectorInput({ userId: null, fullName: "M. Roux", email: "r@ac.fr" }),
    ).not.toThrow();
    expect(
      errorOf(() => assertReferentInspectorInput({ userId: "u", fullName: "M. Roux", email: null }))
        .details,
    ).toMatchObject({ reason: "BOTH_ACCOUNT_AND_NAME" });
    expect(
      errorOf(() => assertReferentInspectorInput({ userId: null, fullName: "  ", email: null }))
        .details,
    ).toMatchObject({ reason: "NEITHER_ACCOUNT_NOR_NAME" });
    expect(
      errorOf(() => assertReferentInspectorInput({ userId: "u", fullName: null, email: "x@y.fr" }))
        .code,
    ).toBe("BAD_USER_INPUT");
  });

  it("has an account only as an active auditor with the inspector profile", () => {
    expect(
      canBeReferentInspector({ role: "AUDITOR", auditorProfile: "INSPECTOR", active: true }),
    ).toBe(true);
    expect(canBeReferentInspector({ role: "AUDITOR", auditorProfile: "CEE", active: true })).toBe(
      false,
    );
    expect(
      canBeReferentInspector({ role: "AUDITOR", auditorProfile: "INSPECTOR", active: false }),
    ).toBe(false);
    expect(canBeReferentInspector({ role: "DRAFPIC", auditorProfile: null, active: true })).toBe(
      false,
    );
    expect(isRegionalTeamAccount({ role: "DRAFPIC", active: true })).toBe(true);
    expect(isRegionalTeamAccount({ role: "DRAFPIC", active: false })).toBe(false);
    expect(isRegionalTeamAccount({ role: "AUDITOR", active: true })).toBe(false);
  });
});

describe("preparatory visit", () => {
  const today = "2027-01-11"; // a Monday
  const submittedOn = "2027-01-04";
  const auditDate = "2027-03-16"; // plan due 2 March 2027

  it("is planned and recorded only once the dossier is submitted, and once", () => {
    expect(() => assertPreparatoryVisitState("SUBMITTED")).not.toThrow();
    const before = errorOf(() => assertPreparatoryVisitState("DOSSIER_OPEN"));
    expect(before.code).toBe("INVALID_TRANSITION");
    expect(before.message).toBe(
      "La visite préparatoire a lieu une fois le dossier déposé : la candidature est à l'état « Dossier ouvert ».",
    );
    expect(errorOf(() => assertPreparatoryVisitState("PREPARATORY_VISIT_DONE")).message).toBe(
      "La visite préparatoire est déjà enregistrée comme effectuée.",
    );
    expect(errorOf(() => assertPreparatoryVisitState("AUDITED")).code).toBe("INVALID_TRANSITION");
  });

  it("is planned on a working day from today, between the submission and the audit plan's due date", () => {
    const plan = (date: string, audit: string | null = auditDate) =>
      assertPreparatoryVisitDate({ date, held: false, today, submittedOn, auditDate: audit });
    expect(() => plan("2027-02-02")).not.toThrow();
    expect(() => plan("2027-03-02")).not.toThrow(); // the plan's due date itself
    expect(() => plan("2027-06-01", null)).not.toThrow(); // no audit date yet: no upper bound
    const cases: [string, string][] = [
      ["2027-01-08", "PLANNED_IN_PAST"],
      ["2027-01-16", "NOT_A_WORKING_DAY"],
      ["2027-03-03", "AFTER_AUDIT_PLAN_DUE"],
      ["2027-03-16", "NOT_BEFORE_AUDIT"],
      ["2027-03-22", "NOT_BEFORE_AUDIT"],
    ];
    for (const [date, reason] of cases) {
      const error = errorOf(() => plan(date));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.details).toMatchObject({ reason });
    }
    expect(errorOf(() => plan("2027-03-03")).message).toBe(
      "Le plan d'audit, transmis après la visite préparatoire, est attendu au plus tard le 2 mars 2027 (deux semaines avant l'audit du mardi 16 mars 2027) : la visite doit avoir lieu au plus tard ce jour-là, pas le mercredi 3 mars 2027.",
    );
    expect(errorOf(() => plan("2027-01-16")).message).toBe(
      "La visite préparatoire se planifie un jour ouvré : le samedi 16 janvier 2027 est un samedi. Jour ouvré suivant : le lundi 18 janvier 2027.",
    );
  });

  it("is recorded on a past day (a Saturday too), not before the submission", () => {
    const record = (date: string) =>
      assertPreparatoryVisitDate({ date, held: true, today, submittedOn, auditDate });
    expect(() => record("2027-01-09")).not.toThrow(); // a Saturday morning visit did happen
    expect(() => record(today)).not.toThrow();
    expect(errorOf(() => record("2027-01-12")).details).toMatchObject({
      reason: "HELD_IN_FUTURE",
    });
    const early = errorOf(() => record("2027-01-03"));
    expect(early.details).toMatchObject({ reason: "BEFORE_SUBMISSION" });
    expect(early.message).toBe(
      "La visite préparatoire suit le dépôt du dossier (le 4 janvier 2027) : elle ne peut pas avoir eu lieu le dimanche 3 janvier 2027.",
    );
  });

  it("names each attendee once, and a recorded visit has a DRAFPIC member", () => {
    const drafpic = {
      kind: "DRAFPIC" as const,
      userId: "d1",
      establishmentId: null,
      fullName: "Mme Lacan",
    };
    const referent = {
      kind: "REFERENT_INSPECTOR" as const,
      userId: null,
      establishmentId: "e1",
      fullName: "M. Brunias",
    };
    expect(() => assertVisitAttendees([drafpic, referent], true)).not.toThrow();
    expect(() => assertVisitAttendees([referent], false)).not.toThrow();
    expect(errorOf(() => assertVisitAttendees([referent], true)).details).toMatchObject({
      reason: "NO_DRAFPIC_ATTENDEE",
    });
    expect(errorOf(() => assertVisitAttendees([drafpic, drafpic], true)).details).toMatchObject({
      reason: "DUPLICATE_ATTENDEE",
    });
    expect(
      errorOf(() =>
        assertVisitAttendees(
          [drafpic, { kind: "OTHER", userId: null, establishmentId: null, fullName: "mme lacan " }],
          true,
        ),
      ).message,
    ).toBe("« mme lacan  » figure deux fois parmi les participants de la visite préparatoire.");
  });
});

describe("audit plan", () => {
  it("accepts the generator's proposal and cleans it", () => {
    const slots = proposal();
    slots[2] = { ...slots[2]!, title: "  Critère 1 — présentation  ", speakers: ["A", " A ", ""] };
    const plan = assertAuditPlan(slots, { criteria: EIGHT, requireSpeakers: true });
    expect(plan.start).toBe("08:30");
    expect(plan.slots[2]).toMatchObject({
      title: "Critère 1 — présentation",
      speakers: ["A"],
      durationMinutes: 15,
    });
    expect(plan.criteriaWithoutSpeaker).toEqual([]);
    expect(plan.totalMinutes).toBe(plan.slots.reduce((n, s) => n + s.durationMinutes, 0));
  });

  it("accepts adjusted times with gaps, and flags criteria without speaker until sending", () => {
    const slots = proposal().map((s) => (s.criterionCode === "3" ? { ...s, speakers: [] } : s));
    // A shorter welcome: a 5-minute gap before the general presentation.
    const shifted = slots.map((s, i) => (i === 0 ? { ...s, end: "09:10" } : s));
    expect(auditPlanProblems(shifted, { criteria: EIGHT })).toEqual([]);
    expect(assertAuditPlan(shifted, { criteria: EIGHT }).criteriaWithoutSpeaker).toEqual(["3"]);
    expect(auditPlanProblems(shifted, { criteria: EIGHT, requireSpeakers: true })).toEqual([
      "Chaque critère est présenté par des membres du groupe de pilotage : indiquez les intervenants du critère 3.",
    ]);
  });

  it("refuses a day ending after 18:00, overlaps and a lunch outside its window", () => {
    const slots = proposal();
    const last = slots.length - 1;
    slots[last] = { ...slots[last]!, start: "17:30", end: "18:15" };
    const lunch = slots.findIndex((s) => s.kind === "LUNCH");
    slots[lunch] = { ...slots[lunch]!, start: "13:30", end: "14:30" };
    slots[3] = { ...slots[3]!, start: "09:50" }; // overlaps the presentation of criterion 1
    const problems = auditPlanProblems(slots, { criteria: EIGHT });
    expect(problems).toEqual(
      expect.arrayContaining([
        "La journée d'audit se terminerait à 18 h 15 : elle doit s'achever à 18 h au plus tard.",
        "Le déjeuner (13:30 – 14:30) doit se tenir entièrement entre 11 h 30 et 14 h.",
        expect.stringMatching(
          /^Le temps n° 4 \(échanges du critère 1\) commence à 09:50, avant la fin du temps n° 3/,
        ),
      ]),
    );
    const error = errorOf(() => assertAuditPlan(slots, { criteria: EIGHT }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details?.problems).toEqual(problems);
    expect(error.message).toMatch(
      /^Le plan d'audit ne respecte pas les règles de la journée d'audit : /,
    );
  });

  it("requires a lunch when the day runs through the lunch window", () => {
    const slots = proposal().filter((s) => s.kind !== "LUNCH");
    expect(auditPlanProblems(slots, { criteria: EIGHT })).toContain(
      "La journée couvre la pause méridienne : prévoyez un déjeuner entre 11 h 30 et 14 h.",
    );
    // A morning-only programme (two criteria) needs none.
    const morning = proposal(["1", "2"]);
    expect(morning.some((s) => s.kind === "LUNCH")).toBe(false);
    expect(auditPlanProblems(morning, { criteria: ["1", "2"] })).toEqual([]);
  });

  it("presents each criterion of the candidature once, then exchanges on it, in the day's order", () => {
    const slots = proposal();
    const withoutFour = slots.filter((s) => s.criterionCode !== "4");
    expect(auditPlanProblems(withoutFour, { criteria: EIGHT })).toContain(
      "Le critère 4 est présenté une fois (15 min environ) puis donne lieu à un échange avec les auditeurs : le plan compte 0 présentation(s) et 0 échange(s).",
    );
    const nine = slots.map((s) => (s.criterionCode === "8" ? { ...s, criterionCode: "9a" } : s));
    expect(auditPlanProblems(nine, { criteria: EIGHT })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("porte sur un critère que la candidature ne présente pas (« 9a »)"),
      ]),
    );
    const conclusionsFirst = [slots.at(-1)!, ...slots.slice(0, -1)];
    expect(auditPlanProblems(conclusionsFirst, { criteria: EIGHT })).toEqual(
      expect.arrayContaining([
        "Les conclusions orales des auditeurs terminent la journée d'audit.",
        "La délibération des auditeurs précède leurs conclusions orales.",
      ]),
    );
    const noGeneral = slots.filter((s) => s.kind !== "GENERAL_PRESENTATION");
    expect(auditPlanProblems(noGeneral, { criteria: EIGHT })).toContain(
      "Il manque au plan d'audit : « Présentation générale de la démarche ».",
    );
    const swapped = [...slots];
    const p = swapped.findIndex(
      (s) => s.kind === "CRITERION_PRESENTATION" && s.criterionCode === "2",
    );
    [swapped[p], swapped[p + 1]] = [
      { ...swapped[p + 1]!, start: swapped[p]!.start, end: swapped[p]!.end },
      { ...swapped[p]!, start: swapped[p + 1]!.start, end: swapped[p + 1]!.end },
    ];
    expect(auditPlanProblems(swapped, { criteria: EIGHT })).toEqual([
      "Les échanges sur le critère 2 suivent sa présentation.",
    ]);
  });

  it("refuses speakers on breaks, lunch and the deliberation, empty titles and a non-working day", () => {
    const slots = proposal().map((s) =>
      s.kind === "AUDITOR_DELIBERATION" ? { ...s, speakers: ["Mme la proviseure"] } : s,
    );
    slots[0] = { ...slots[0]!, title: " " };
    expect(auditPlanProblems(slots, { criteria: EIGHT, auditDate: "2027-05-01" })).toEqual([
      "Le temps n° 1 (accueil et visite de l'établissement) n'a pas d'intitulé.",
      "Le temps n° 22 (délibération des auditeurs) n'a pas d'intervenant de l'établissement.",
      "L'audit doit avoir lieu un jour ouvré : le samedi 1er mai 2027 est férié (fête du Travail).",
    ]);
    expect(auditPlanProblems([], { criteria: EIGHT })).toEqual([
      "Le plan d'audit ne comporte aucun temps.",
    ]);
    expect(auditPlanProblems([{ ...proposal()[0]!, start: "8h30" }], { criteria: [] })[0]).toBe(
      "Horaire invalide au temps n° 1 (accueil et visite de l'établissement) : le format attendu est HH:MM, par exemple 08:30.",
    );
  });

  it("is prepared from the submission until sent, and sent after the visit by its due date", () => {
    expect(() => assertAuditPlanEditable("SUBMITTED")).not.toThrow();
    expect(() => assertAuditPlanEditable("PREPARATORY_VISIT_DONE")).not.toThrow();
    expect(errorOf(() => assertAuditPlanEditable("DOSSIER_OPEN")).code).toBe("INVALID_TRANSITION");
    expect(errorOf(() => assertAuditPlanEditable("AUDIT_PLAN_RECEIVED")).message).toBe(
      "Le plan d'audit a été transmis à la DRAFPIC : il ne se modifie plus.",
    );

    const audit = "2027-03-16";
    const send = (
      state: "SUBMITTED" | "PREPARATORY_VISIT_DONE",
      today: string,
      a: string | null = audit,
    ) => assertAuditPlanSubmittable({ state, today, auditDate: a });
    expect(send("PREPARATORY_VISIT_DONE", "2027-03-02")).toBe("2027-03-02");
    expect(errorOf(() => send("SUBMITTED", "2027-02-01")).message).toBe(
      "Le plan d'audit se transmet après la visite préparatoire, qui n'est pas encore enregistrée.",
    );
    expect(errorOf(() => send("PREPARATORY_VISIT_DONE", "2027-02-01", null)).code).toBe(
      "INVALID_TRANSITION",
    );
    const late = errorOf(() => send("PREPARATORY_VISIT_DONE", "2027-03-03"));
    expect(late.code).toBe("DEADLINE_PASSED");
    expect(late.message).toBe(
      "Le plan d'audit devait être transmis au plus tard le 2 mars 2027, deux semaines avant l'audit du 16 mars 2027.",
    );
  });
});

describe("a change of the audit date", () => {
  const today = "2027-03-08";
  const submittedOn = "2026-12-01";

  it("gives a plan not yet sent the new due date, and keeps a sent plan valid even past it", () => {
    const later = "2027-04-20";
    expect(
      assessAuditDateChange({
        state: "PREPARATORY_VISIT_DONE",
        today,
        auditDate: later,
        submittedOn,
        planSubmitted: false,
        visit: { plannedOn: "2027-02-10", heldOn: "2027-02-10" },
      }),
    ).toEqual({
      dossierDueDate: "2027-02-20",
      auditPlanDueDate: auditPlanDueDate(later),
      planFollows: true,
    });
    // Postponed to a day whose due date (2 March) is already past: the plan sent on time holds.
    const soon = "2027-03-16";
    expect(
      assessAuditDateChange({
        state: "AUDIT_PLAN_RECEIVED",
        today: "2027-03-10",
        auditDate: soon,
        submittedOn,
        planSubmitted: true,
        visit: { plannedOn: "2027-02-10", heldOn: "2027-02-10" },
      }),
    ).toMatchObject({ auditPlanDueDate: "2027-03-02", planFollows: false });
  });

  it("refuses a date whose plan due date is past while the plan is not sent, naming the earliest date", () => {
    const error = errorOf(() =>
      assessAuditDateChange({
        state: "SUBMITTED",
        today,
        auditDate: "2027-03-16",
        submittedOn,
        planSubmitted: false,
        visit: null,
      }),
    );
    expect(error.code).toBe("DEADLINE_PASSED");
    const earliest = earliestAuditDateForPlan({ today, submittedOn });
    expect(earliest).toBe("2027-03-22");
    expect(error.message).toBe(
      "Pour un audit le mardi 16 mars 2027, le plan d'audit devrait être transmis au plus tard le 2 mars 2027, deux semaines avant : cette date est passée et l'établissement ne pourrait plus le transmettre. L'audit peut avoir lieu au plus tôt le lundi 22 mars 2027.",
    );
    expect(() =>
      assessAuditDateChange({
        state: "SUBMITTED",
        today,
        auditDate: earliest,
        submittedOn,
        planSubmitted: false,
        visit: null,
      }),
    ).not.toThrow();
  });

  it("refuses a date that would leave a planned visit after the plan's due date", () => {
    const error = errorOf(() =>
      assessAuditDateChange({
        state: "SUBMITTED",
        today,
        auditDate: "2027-04-06",
        submittedOn,
        planSubmitted: false,
        visit: { plannedOn: "2027-03-25", heldOn: null },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toMatchObject({ reason: "VISIT_AFTER_AUDIT_PLAN_DUE" });
  });

  it("re-checks the dossier rule, and leaves a dossier not yet submitted to assertAuditDate", () => {
    expect(
      errorOf(() =>
        assessAuditDateChange({
          state: "SUBMITTED",
          today,
          auditDate: "2027-01-26",
          submittedOn,
          planSubmitted: false,
          visit: null,
        }),
      ).details,
    ).toMatchObject({ reason: "TOO_CLOSE_TO_SUBMISSION" });
    expect(
      assessAuditDateChange({
        state: "DOSSIER_OPEN",
        today,
        auditDate: "2027-06-15",
        submittedOn: null,
        planSubmitted: false,
        visit: null,
      }).planFollows,
    ).toBe(true);
  });

  it("finds the earliest audit date on a working day two weeks ahead at least", () => {
    for (const day of ["2027-05-03", "2027-05-07", "2027-07-30"]) {
      const earliest = earliestAuditDateForPlan({ today: day, submittedOn: addMonths(day, -6) });
      expect(isWorkingDay(earliest)).toBe(true);
      expect(earliest >= addDays(day, 14)).toBe(true);
      expect(earliest <= nextWorkingDay(addDays(day, 14))).toBe(true);
    }
  });
});

describe("who prepares and sends the audit plan", () => {
  const facts: CandidatureAccessFacts = {
    state: "PREPARATORY_VISIT_DONE",
    memberEstablishmentIds: ["lead", "co"],
    leadEstablishmentId: "lead",
    assignedAuditorIds: [],
    pilots: [],
  };
  const v = (role: Viewer["role"], establishmentId: string | null = null): Viewer => ({
    userId: "u",
    role,
    establishmentId,
    readOnly: false,
  });
  it("is the lead's head; DRAFPIC may record a plan received outside the platform", () => {
    expect(canPrepareAuditPlan(v("SCHOOL_HEAD", "lead"), facts)).toBe(true);
    expect(canPrepareAuditPlan(v("SCHOOL_HEAD", "co"), facts)).toBe(false);
    expect(canPrepareAuditPlan(v("SCHOOL_STAFF", "lead"), facts)).toBe(false);
    expect(canPrepareAuditPlan(v("DRAFPIC"), facts)).toBe(false);
    expect(canPrepareAuditPlan({ ...v("SCHOOL_HEAD", "lead"), readOnly: true }, facts)).toBe(false);
    expect(canPerformTransition(v("SCHOOL_HEAD", "lead"), facts, "RECEIVE_AUDIT_PLAN")).toBe(true);
    expect(canPerformTransition(v("SCHOOL_HEAD", "co"), facts, "RECEIVE_AUDIT_PLAN")).toBe(false);
    expect(canPerformTransition(v("DRAFPIC"), facts, "RECEIVE_AUDIT_PLAN")).toBe(true);
    expect(canPerformTransition(v("SCHOOL_HEAD", "lead"), facts, "RECORD_PREPARATORY_VISIT")).toBe(
      false,
    );
  });
});
