import fc from "fast-check";
import { addMonths } from "./dates";
import { labelExpiryDate } from "./deadlines";
import {
  assertAuditTeam,
  assertAwardType,
  assertEngagementDates,
  assertOneOpenCandidature,
  assertUaiInDepartement,
  auditTeamProblems,
  countOpenCandidatures,
  currentLabel,
  isApprovalStale,
  RENEWAL_GRACE_MONTHS,
  staleApprovals,
  uaiPrefixesOfDepartement,
  type LabelPeriod,
} from "./integrity";
import { CANDIDATURE_STATES, isOpenCandidatureState, isTerminalState } from "./lifecycle";
import { uaiCheckLetter } from "./uai";

const uai = (digits: string) => `${digits}${uaiCheckLetter(digits)}`;

describe("assertEngagementDates", () => {
  const today = "2026-02-10";

  it("accepts past dates, minutes on or before the letter, and missing dates", () => {
    expect(() =>
      assertEngagementDates({
        engagementLetterOn: "2026-01-20",
        boardMinutesOn: "2026-01-12",
        today,
      }),
    ).not.toThrow();
    expect(() =>
      assertEngagementDates({ engagementLetterOn: today, boardMinutesOn: today, today }),
    ).not.toThrow();
    expect(() =>
      assertEngagementDates({ engagementLetterOn: null, boardMinutesOn: "2026-01-12", today }),
    ).not.toThrow();
    expect(() =>
      assertEngagementDates({ engagementLetterOn: null, boardMinutesOn: null, today }),
    ).not.toThrow();
  });

  it("refuses a date in the future", () => {
    expect(() =>
      assertEngagementDates({ engagementLetterOn: "2026-02-11", boardMinutesOn: null, today }),
    ).toThrow(
      "La lettre d'engagement ne peut pas être datée du 11 février 2026, après aujourd'hui (10 février 2026).",
    );
    expect(() =>
      assertEngagementDates({
        engagementLetterOn: null,
        boardMinutesOn: "2026-03-01",
        today,
        establishmentName: "Lycée Les Eucalyptus",
      }),
    ).toThrow(
      "Le procès-verbal du conseil d'administration de Lycée Les Eucalyptus ne peut pas être daté du 1er mars 2026, après aujourd'hui (10 février 2026).",
    );
  });

  it("refuses board minutes after the engagement letter", () => {
    expect(() =>
      assertEngagementDates({
        engagementLetterOn: "2026-01-10",
        boardMinutesOn: "2026-01-12",
        today,
      }),
    ).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        message: expect.stringMatching(
          /^Le procès-verbal du conseil d'administration \(12 janvier 2026\) ne peut pas être postérieur à la lettre d'engagement \(10 janvier 2026\)/,
        ),
      }),
    );
    expect(() =>
      assertEngagementDates({
        engagementLetterOn: "2026-01-10",
        boardMinutesOn: "2026-13-12",
        today,
      }),
    ).toThrow(/invalide/);
  });
});

describe("assertUaiInDepartement", () => {
  it("matches the UAI's first three digits with the zero-padded département code", () => {
    expect(assertUaiInDepartement(" 0060001u ", "06")).toBe("0060001U");
    expect(uai("0060001")).toBe("0060001U");
    expect(assertUaiInDepartement(uai("0061234"), "6")).toBe(uai("0061234"));
    expect(assertUaiInDepartement(uai("0061234"), "006")).toBe(uai("0061234"));
    expect(assertUaiInDepartement("0130001F", "13")).toBe("0130001F");
    expect(assertUaiInDepartement("0130001F", "013")).toBe("0130001F");
    expect(assertUaiInDepartement(uai("0840001"), "84")).toBe(uai("0840001"));
    expect(assertUaiInDepartement(uai("9740001"), "974")).toBe(uai("9740001"));
  });

  it("reads Corsica's 2A / 2B as 620 / 720", () => {
    expect(uaiPrefixesOfDepartement("2A")).toEqual(["620"]);
    expect(uaiPrefixesOfDepartement("02b")).toEqual(["720"]);
    expect(uaiPrefixesOfDepartement("20")).toEqual(["620", "720"]);
    expect(assertUaiInDepartement(uai("6200001"), "2A")).toBe(uai("6200001"));
    expect(assertUaiInDepartement(uai("7200001"), "2B")).toBe(uai("7200001"));
    expect(() => assertUaiInDepartement(uai("7200001"), "2A")).toThrow(
      `Le code UAI ${uai("7200001")} ne correspond pas au département 2A (Corse-du-Sud) : les codes UAI de ce département commencent par 620.`,
    );
  });

  it("refuses a UAI of another département, naming it, and malformed codes", () => {
    expect(() => assertUaiInDepartement("0130001F", "06")).toThrow(
      "Le code UAI 0130001F ne correspond pas au département 06 (Alpes-Maritimes) : les codes UAI de ce département commencent par 006.",
    );
    expect(() => assertUaiInDepartement("0130001F", "006")).toThrow(
      /département 06 \(Alpes-Maritimes\)/,
    );
    expect(() => assertUaiInDepartement("0130001G", "13")).toThrow(/lettre de contrôle/);
    for (const bad of ["", "ABC", "0", "1234", "2C"]) {
      expect(() => uaiPrefixesOfDepartement(bad)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT" }),
      );
    }
  });

  it("accepts exactly the UAIs of the département (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 95 }).filter((n) => n !== 20),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 95 }).filter((n) => n !== 20),
        (dep, rest, other) => {
          const code = String(dep).padStart(2, "0");
          const value = uai(`${String(dep).padStart(3, "0")}${String(rest).padStart(4, "0")}`);
          expect(assertUaiInDepartement(value, code)).toBe(value);
          if (other !== dep) expect(() => assertUaiInDepartement(value, String(other))).toThrow();
        },
      ),
    );
  });
});

describe("one open candidature per establishment", () => {
  it("counts running procedures, not labels in force nor closed candidatures", () => {
    expect(CANDIDATURE_STATES.filter(isOpenCandidatureState)).toEqual([
      "ENGAGEMENT",
      "DOSSIER_OPEN",
      "SUBMITTED",
      "PREPARATORY_VISIT_DONE",
      "AUDIT_PLAN_RECEIVED",
      "AUDITED",
      "REPORT_SUBMITTED",
      "GRALM_PROPOSED",
      "CAEN_CONSULTED",
      "RECTOR_APPROVED",
    ]);
    for (const s of CANDIDATURE_STATES)
      if (isTerminalState(s)) expect(isOpenCandidatureState(s)).toBe(false);
    expect(countOpenCandidatures(["LABELLED", "WITHDRAWN", "SUBMITTED", "EXPIRED"])).toBe(1);
  });

  it("refuses a second open candidature with CONFLICT", () => {
    expect(() => assertOneOpenCandidature("Lycée Les Eucalyptus", 0)).not.toThrow();
    expect(() => assertOneOpenCandidature("Lycée Les Eucalyptus", 1)).toThrow(
      expect.objectContaining({
        code: "CONFLICT",
        message:
          "Lycée Les Eucalyptus figure déjà dans une candidature en cours : un établissement ne peut participer qu'à une seule candidature ouverte à la fois (retirez-la ou attendez la décision du recteur).",
      }),
    );
    expect(() => assertOneOpenCandidature("Lycée X", -1)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });
});

describe("assertAwardType", () => {
  const label = (startsOn: string): LabelPeriod => ({
    startsOn,
    expiresOn: labelExpiryDate(startsOn),
  });
  const old = label("2020-07-01"); // expires 2025-07-01

  it("links a renewal to the current label", () => {
    expect(assertAwardType({ awardType: "RENEWAL", labels: [old], today: "2025-03-01" })).toEqual(
      old,
    );
  });

  it(`links a renewal to a label expired less than ${RENEWAL_GRACE_MONTHS} months ago`, () => {
    expect(RENEWAL_GRACE_MONTHS).toBe(12);
    expect(assertAwardType({ awardType: "RENEWAL", labels: [old], today: "2026-06-30" })).toEqual(
      old,
    );
    expect(() =>
      assertAwardType({ awardType: "RENEWAL", labels: [old], today: "2026-07-01" }),
    ).toThrow(
      expect.objectContaining({
        code: "CONFLICT",
        message:
          "L'établissement n'a plus de label depuis le 1er juillet 2025, il y a plus de 12 mois : sa candidature est une première labellisation, pas un renouvellement.",
      }),
    );
    expect(() =>
      assertAwardType({
        awardType: "RENEWAL",
        labels: [],
        today: "2026-07-01",
        establishmentName: "Lycée Y",
      }),
    ).toThrow(
      "Lycée Y n'a jamais été labellisé : sa candidature est une première labellisation, pas un renouvellement.",
    );
  });

  it("refuses a first award while a label is current, and allows it after expiry", () => {
    expect(() =>
      assertAwardType({ awardType: "FIRST_AWARD", labels: [old], today: "2025-06-30" }),
    ).toThrow(
      "L'établissement est labellisé jusqu'au 1er juillet 2025 : sa candidature est un renouvellement, pas une première labellisation.",
    );
    expect(
      assertAwardType({ awardType: "FIRST_AWARD", labels: [old], today: "2025-07-01" }),
    ).toBeNull();
    expect(
      assertAwardType({ awardType: "FIRST_AWARD", labels: [], today: "2025-07-01" }),
    ).toBeNull();
  });

  it("picks the latest label when several are recorded", () => {
    const renewed = label("2025-06-15");
    expect(currentLabel([old, renewed], "2025-06-20")).toEqual(renewed);
    expect(
      assertAwardType({ awardType: "RENEWAL", labels: [old, renewed], today: "2029-01-01" }),
    ).toEqual(renewed);
    expect(currentLabel([old], "2019-01-01")).toBeNull();
  });

  it("renewal is possible exactly while today < expiry + grace (property)", () => {
    const dateArb = fc
      .date({
        min: new Date(Date.UTC(2015, 0, 1)),
        max: new Date(Date.UTC(2035, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, dateArb, (published, today) => {
        const l = label(published);
        const allowed = published <= today && today < addMonths(l.expiresOn, RENEWAL_GRACE_MONTHS);
        const run = () => assertAwardType({ awardType: "RENEWAL", labels: [l], today });
        if (allowed) expect(run()).toEqual(l);
        else expect(run).toThrow();
      }),
    );
  });
});

describe("assertAuditTeam", () => {
  it("needs at least one inspector", () => {
    expect(() => assertAuditTeam([{ profile: "INSPECTOR" }])).not.toThrow();
    expect(() =>
      assertAuditTeam([{ profile: "CEE" }, { profile: "INSPECTOR" }, { profile: "IPE" }]),
    ).not.toThrow();
    expect(() =>
      assertAuditTeam([{ profile: "CEE" }, { profile: "BRANCH_REPRESENTATIVE" }]),
    ).toThrow(
      expect.objectContaining({
        code: "INVALID_TRANSITION",
        message:
          "L'audit ne peut pas être enregistré : l'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
      }),
    );
    expect(() => assertAuditTeam([])).toThrow(
      "L'audit ne peut pas être enregistré : l'équipe d'audit n'a aucun auditeur.",
    );
    expect(auditTeamProblems([{ profile: null }, { profile: "INSPECTOR" }])).toEqual([
      "1 auditeur n'a pas de profil (inspecteur, CEE, IPE ou représentant de branche).",
    ]);
    expect(auditTeamProblems([{ profile: "IPE" }])).toHaveLength(1);
  });
});

describe("submission approvals", () => {
  it("are stale when the dossier changed after them", () => {
    expect(
      isApprovalStale({
        approvedAt: "2026-05-01T10:00:00Z",
        dossierChangedAt: "2026-05-01T10:00:01Z",
      }),
    ).toBe(true);
    expect(
      isApprovalStale({
        approvedAt: new Date("2026-05-01T10:00:00Z"),
        dossierChangedAt: new Date("2026-05-01T10:00:00Z"),
      }),
    ).toBe(false);
    expect(
      isApprovalStale({
        approvedAt: "2026-05-02T12:00:00+02:00",
        dossierChangedAt: "2026-05-02T09:00:00Z",
      }),
    ).toBe(false);
    expect(isApprovalStale({ approvedAt: null, dossierChangedAt: "2026-05-01T10:00:00Z" })).toBe(
      false,
    );
    expect(isApprovalStale({ approvedAt: "2026-05-01T10:00:00Z", dossierChangedAt: null })).toBe(
      false,
    );
    expect(() =>
      isApprovalStale({ approvedAt: "hier", dossierChangedAt: "2026-05-01T10:00:00Z" }),
    ).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });

  it("lists the establishments whose approval a change withdraws", () => {
    expect(
      staleApprovals(
        [
          { establishmentId: "lead", submissionApprovedAt: null },
          { establishmentId: "b", submissionApprovedAt: "2026-05-01T08:00:00Z" },
          { establishmentId: "c", submissionApprovedAt: "2026-05-03T08:00:00Z" },
        ],
        "2026-05-02T12:00:00Z",
      ),
    ).toEqual(["b"]);
  });
});
