import {
  academieName,
  assertCanAddToGralmSession,
  assertCanRemoveFromGralmSession,
  assertCanRescheduleGralmSession,
  assertDecisionStep,
  decideBoenPublication,
  decideCaenOpinion,
  decideGralmProposal,
  decideRectorDecision,
  DECISION_STEPS,
  DECISION_STEP_STATES,
  normalizeGralmMembers,
  rectorChainOutcome,
  type DecisionMember,
  type RectorDecisionFact,
} from "./decision";
import { DomainError } from "./errors";
import {
  assertGenericTransition,
  DEDICATED_TRANSITIONS,
  getTransition,
  type CandidatureState,
} from "./lifecycle";

/** The error `fn` throws (fails the test when it does not). */
function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("DomainError attendue");
}

const today = "2026-06-15";

describe("order of the decision chain", () => {
  it("follows the lifecycle: each step starts from the state its transition leaves", () => {
    expect(DECISION_STEPS.map((s) => DECISION_STEP_STATES[s])).toEqual([
      getTransition("RECORD_GRALM_PROPOSAL").from[0],
      getTransition("RECORD_CAEN_OPINION").from[0],
      getTransition("RECORD_RECTOR_APPROVAL").from[0],
      getTransition("PUBLISH_LABEL").from[0],
    ]);
  });

  it("refuses a step too early, naming what comes first", () => {
    const caen = caught(() => assertDecisionStep("CAEN_OPINION", "REPORT_SUBMITTED"));
    expect(caen.code).toBe("INVALID_TRANSITION");
    expect(caen.message).toBe(
      "L'avis du CAEN suit la proposition du GRALM : la candidature est à l'état « Rapport d'audit remis ».",
    );
    expect(caen.details).toMatchObject({ reason: "TOO_EARLY", step: "CAEN_OPINION" });
    expect(caught(() => assertDecisionStep("RECTOR_DECISION", "GRALM_PROPOSED")).message).toBe(
      "La décision du recteur suit l'avis du CAEN : la candidature est à l'état « Proposé par le GRALM ».",
    );
    expect(caught(() => assertDecisionStep("BOEN_PUBLICATION", "CAEN_CONSULTED")).message).toBe(
      "La publication au BOEN suit la décision favorable du recteur : la candidature est à l'état « Avis du CAEN rendu ».",
    );
    expect(caught(() => assertDecisionStep("GRALM_PROPOSAL", "AUDITED")).message).toBe(
      "La proposition du GRALM suit la remise du rapport d'audit : la candidature est à l'état « Audit réalisé ».",
    );
  });

  it("refuses a step once passed, or out of the procedure", () => {
    for (const state of ["LABELLED", "REFUSED", "WITHDRAWN", "CAEN_CONSULTED"] as const) {
      const error = caught(() => assertDecisionStep("CAEN_OPINION", state));
      expect(error.code).toBe("INVALID_TRANSITION");
      expect(error.details).toMatchObject({ reason: "NOT_ALLOWED" });
    }
    expect(caught(() => assertDecisionStep("BOEN_PUBLICATION", "REFUSED")).message).toBe(
      "La publication au BOEN n'est plus possible : la candidature est à l'état « Refusé ».",
    );
  });

  it("keeps the steps of the chain out of the generic transition", () => {
    expect(Object.keys(DEDICATED_TRANSITIONS).sort()).toEqual([
      "PUBLISH_LABEL",
      "RECORD_CAEN_OPINION",
      "RECORD_GRALM_PROPOSAL",
      "RECORD_MID_TERM_REVIEW",
      "RECORD_RECTOR_APPROVAL",
      "RECORD_RECTOR_REFUSAL",
    ]);
    const error = caught(() => assertGenericTransition("PUBLISH_LABEL"));
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe(
      "L'étape « Publier le label au BOEN » s'enregistre par son opération dédiée (recordBoenPublication), qui consigne aussi ce qu'elle décide.",
    );
    expect(() => assertGenericTransition("SUBMIT_REPORT")).not.toThrow();
    expect(() => assertGenericTransition("WITHDRAW")).not.toThrow();
  });
});

describe("GRALM sessions", () => {
  it("trims the members present and requires a name and a role for each, once", () => {
    expect(
      normalizeGralmMembers([
        { fullName: "  Claire  Martin ", role: "DRAFPIC " },
        { fullName: "Paul Roux", role: "IEN-ET  sciences et techniques industrielles" },
      ]),
    ).toEqual([
      { fullName: "Claire Martin", role: "DRAFPIC" },
      { fullName: "Paul Roux", role: "IEN-ET sciences et techniques industrielles" },
    ]);
    expect(caught(() => normalizeGralmMembers([])).message).toBe(
      "Indiquez au moins un membre présent à la session du GRALM.",
    );
    expect(caught(() => normalizeGralmMembers([{ fullName: "A", role: " " }])).message).toBe(
      "Le membre n° 1 de la session du GRALM doit avoir un nom et une fonction.",
    );
    const twice = caught(() =>
      normalizeGralmMembers([
        { fullName: "Claire Martin", role: "DRAFPIC" },
        { fullName: "claire martin", role: "IA-IPR" },
      ]),
    );
    expect(twice).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(twice.message).toBe("« claire martin » figure deux fois parmi les membres présents.");
    expect(
      caught(() => normalizeGralmMembers([{ fullName: "x".repeat(201), role: "DRAFPIC" }])).code,
    ).toBe("BAD_USER_INPUT");
  });

  const add = {
    state: "REPORT_SUBMITTED" as CandidatureState,
    sessionDate: "2026-06-20",
    reportSubmittedOn: "2026-05-30",
    postponedAt: [],
    pendingInSessionOn: null,
  };

  it("inscribes a candidature whose report is submitted, on a session not before the report", () => {
    expect(() => assertCanAddToGralmSession(add)).not.toThrow();
    expect(() => assertCanAddToGralmSession({ ...add, sessionDate: "2026-05-30" })).not.toThrow();
    const early = caught(() => assertCanAddToGralmSession({ ...add, sessionDate: "2026-05-29" }));
    expect(early.code).toBe("INVALID_TRANSITION");
    expect(early.message).toBe(
      "La session du GRALM (29 mai 2026) ne peut pas précéder la remise du rapport d'audit (30 mai 2026).",
    );
    const notReady = caught(() => assertCanAddToGralmSession({ ...add, state: "AUDITED" }));
    expect(notReady.code).toBe("INVALID_TRANSITION");
  });

  it("refuses a candidature already awaiting its proposal in a session", () => {
    const error = caught(() =>
      assertCanAddToGralmSession({ ...add, pendingInSessionOn: "2026-06-01" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "La candidature est déjà inscrite à la session du GRALM du 1er juin 2026, où elle attend sa proposition.",
    );
  });

  it("inscribes a postponed candidature only on a later session", () => {
    const postponed = { ...add, postponedAt: ["2026-04-10", "2026-06-20"] };
    const same = caught(() => assertCanAddToGralmSession(postponed));
    expect(same.code).toBe("INVALID_TRANSITION");
    expect(same.message).toBe(
      "La session du GRALM (20 juin 2026) doit suivre la session qui a ajourné son examen (20 juin 2026).",
    );
    expect(() =>
      assertCanAddToGralmSession({ ...postponed, sessionDate: "2026-06-21" }),
    ).not.toThrow();
  });

  it("removes a candidature or moves the session only while no proposal is recorded", () => {
    expect(() => assertCanRemoveFromGralmSession({ proposal: null })).not.toThrow();
    expect(caught(() => assertCanRemoveFromGralmSession({ proposal: "POSTPONED" })).code).toBe(
      "CONFLICT",
    );
    const candidatures = [
      { name: "LP Les Iris", reportSubmittedOn: "2026-05-30", postponedAt: [] },
    ];
    expect(() =>
      assertCanRescheduleGralmSession({
        proposalsRecorded: 0,
        newDate: "2026-06-02",
        candidatures,
      }),
    ).not.toThrow();
    expect(
      caught(() =>
        assertCanRescheduleGralmSession({
          proposalsRecorded: 1,
          newDate: "2026-06-02",
          candidatures,
        }),
      ).message,
    ).toBe("Des propositions de cette session sont enregistrées : sa date ne se modifie plus.");
    expect(
      caught(() =>
        assertCanRescheduleGralmSession({
          proposalsRecorded: 0,
          newDate: "2026-05-02",
          candidatures,
        }),
      ).message,
    ).toBe(
      "La session du GRALM pour « LP Les Iris » (2 mai 2026) ne peut pas précéder la remise du rapport d'audit (30 mai 2026).",
    );
  });

  const proposal = {
    state: "REPORT_SUBMITTED" as CandidatureState,
    sessionDate: "2026-06-10",
    today,
    proposal: "FAVOURABLE" as const,
    motivation: "  Démarche d'amélioration continue aboutie. ",
    recorded: null,
  };

  it("records a favourable or unfavourable proposal as the GRALM step, a postponement as none", () => {
    expect(decideGralmProposal(proposal)).toEqual({
      motivation: "Démarche d'amélioration continue aboutie.",
      transition: "RECORD_GRALM_PROPOSAL",
    });
    expect(decideGralmProposal({ ...proposal, proposal: "UNFAVOURABLE" }).transition).toBe(
      "RECORD_GRALM_PROPOSAL",
    );
    expect(decideGralmProposal({ ...proposal, proposal: "POSTPONED" }).transition).toBeNull();
    expect(decideGralmProposal({ ...proposal, sessionDate: today }).transition).toBe(
      "RECORD_GRALM_PROPOSAL",
    );
  });

  it("refuses a proposal before the session, twice, without motivation, or out of order", () => {
    const future = caught(() => decideGralmProposal({ ...proposal, sessionDate: "2026-06-16" }));
    expect(future.code).toBe("INVALID_TRANSITION");
    expect(future.message).toBe(
      "La session du GRALM du 16 juin 2026 n'a pas encore eu lieu : sa proposition s'enregistre à partir de cette date.",
    );
    const twice = caught(() => decideGralmProposal({ ...proposal, recorded: "POSTPONED" }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe(
      "La proposition du GRALM pour cette candidature est déjà enregistrée (examen ajourné) : elle ne se modifie plus.",
    );
    const silent = caught(() => decideGralmProposal({ ...proposal, motivation: "  " }));
    expect(silent.code).toBe("BAD_USER_INPUT");
    expect(silent.message).toBe("La motivation de la proposition est obligatoire.");
    expect(
      caught(() => decideGralmProposal({ ...proposal, motivation: "x".repeat(4001) })).message,
    ).toBe("La motivation de la proposition dépasse 4000 caractères.");
    expect(caught(() => decideGralmProposal({ ...proposal, state: "WITHDRAWN" })).code).toBe(
      "INVALID_TRANSITION",
    );
  });
});

describe("CAEN opinion", () => {
  const opinion = {
    state: "GRALM_PROPOSED" as CandidatureState,
    opinionDate: "2026-06-12",
    today,
    gralmSessionDate: "2026-06-10",
    recordedOn: null,
  };

  it("accepts a date between the GRALM session and today", () => {
    expect(() => decideCaenOpinion(opinion)).not.toThrow();
    expect(() => decideCaenOpinion({ ...opinion, opinionDate: "2026-06-10" })).not.toThrow();
    expect(() => decideCaenOpinion({ ...opinion, opinionDate: today })).not.toThrow();
  });

  it("refuses the CAEN before the GRALM, a date before its session or in the future, a second opinion", () => {
    expect(caught(() => decideCaenOpinion({ ...opinion, state: "REPORT_SUBMITTED" })).message).toBe(
      "L'avis du CAEN suit la proposition du GRALM : la candidature est à l'état « Rapport d'audit remis ».",
    );
    const before = caught(() => decideCaenOpinion({ ...opinion, opinionDate: "2026-06-09" }));
    expect(before.code).toBe("INVALID_TRANSITION");
    expect(before.message).toBe(
      "La date de l'avis du CAEN (9 juin 2026) ne peut pas précéder la session du GRALM (10 juin 2026).",
    );
    const future = caught(() => decideCaenOpinion({ ...opinion, opinionDate: "2026-06-16" }));
    expect(future.message).toBe(
      "La date de l'avis du CAEN (16 juin 2026) ne peut pas être postérieure à aujourd'hui (15 juin 2026).",
    );
    expect(future.details).toMatchObject({ reason: "DATE_IN_FUTURE" });
    const again = caught(() =>
      decideCaenOpinion({ ...opinion, state: "CAEN_CONSULTED", recordedOn: "2026-06-12" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("L'avis du CAEN est déjà enregistré (12 juin 2026).");
  });
});

describe("rectors' decisions", () => {
  const members: DecisionMember[] = [
    {
      establishmentId: "marseille",
      establishmentName: "LP La Calade",
      academieCode: "AIX_MARSEILLE",
    },
    {
      establishmentId: "avignon",
      establishmentName: "LP Robert Schuman",
      academieCode: "AIX_MARSEILLE",
    },
    { establishmentId: "nice", establishmentName: "LP Les Eucalyptus", academieCode: "NICE" },
  ];
  const base = {
    state: "CAEN_CONSULTED" as CandidatureState,
    today,
    caenOpinionDate: "2026-06-01",
    members,
    recorded: [] as RectorDecisionFact[],
  };
  const aix = {
    ...base,
    academieCode: "AIX_MARSEILLE",
    decidedOn: "2026-06-05",
    outcomes: [
      { establishmentId: "marseille", outcome: "APPROVED" as const },
      { establishmentId: "avignon", outcome: "APPROVED" as const },
    ],
  };

  it("names the académies with their elision", () => {
    expect(academieName("AIX_MARSEILLE")).toBe("l'académie d'Aix-Marseille");
    expect(academieName("NICE")).toBe("l'académie de Nice");
  });

  it("waits for every académie's rector, then approves when one establishment at least is approved", () => {
    const first = decideRectorDecision(aix);
    expect(first.decisions).toEqual([
      {
        establishmentId: "marseille",
        academieCode: "AIX_MARSEILLE",
        outcome: "APPROVED",
        decidedOn: "2026-06-05",
      },
      {
        establishmentId: "avignon",
        academieCode: "AIX_MARSEILLE",
        outcome: "APPROVED",
        decidedOn: "2026-06-05",
      },
    ]);
    expect(first.outcome).toMatchObject({ complete: false, awaiting: ["NICE"], transition: null });

    const second = decideRectorDecision({
      ...base,
      recorded: first.decisions,
      academieCode: "NICE",
      decidedOn: "2026-06-08",
      outcomes: [{ establishmentId: "nice", outcome: "REFUSED" }],
    });
    expect(second.outcome).toEqual({
      awaiting: [],
      complete: true,
      transition: "RECORD_RECTOR_APPROVAL",
      approvedEstablishmentIds: ["marseille", "avignon"],
      lastDecidedOn: "2026-06-08",
    });
  });

  it("refuses the candidature when every establishment is refused", () => {
    const refusals: RectorDecisionFact[] = members.map((m) => ({
      establishmentId: m.establishmentId,
      academieCode: m.academieCode,
      outcome: "REFUSED",
      decidedOn: "2026-06-03",
    }));
    expect(rectorChainOutcome(members, refusals)).toMatchObject({
      complete: true,
      transition: "RECORD_RECTOR_REFUSAL",
      approvedEstablishmentIds: [],
    });
    expect(rectorChainOutcome(members, [])).toMatchObject({
      complete: false,
      awaiting: ["AIX_MARSEILLE", "NICE"],
    });
  });

  it("refuses a rector's decision before the CAEN's opinion, or dated before it or in the future", () => {
    expect(caught(() => decideRectorDecision({ ...aix, state: "GRALM_PROPOSED" })).message).toBe(
      "La décision du recteur suit l'avis du CAEN : la candidature est à l'état « Proposé par le GRALM ».",
    );
    expect(caught(() => decideRectorDecision({ ...aix, decidedOn: "2026-05-31" })).message).toBe(
      "La date de la décision du recteur (31 mai 2026) ne peut pas précéder l'avis du CAEN (1er juin 2026).",
    );
    expect(caught(() => decideRectorDecision({ ...aix, decidedOn: "2026-07-01" })).code).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("lets each rector decide for the establishments of its académie, all of them, once", () => {
    const other = caught(() =>
      decideRectorDecision({
        ...aix,
        outcomes: [...aix.outcomes, { establishmentId: "nice", outcome: "APPROVED" }],
      }),
    );
    expect(other.code).toBe("BAD_USER_INPUT");
    expect(other.message).toBe(
      "Le recteur de l'académie d'Aix-Marseille décide pour les établissements de son académie : « LP Les Eucalyptus » relève de l'académie de Nice.",
    );
    const missing = caught(() => decideRectorDecision({ ...aix, outcomes: [aix.outcomes[0]!] }));
    expect(missing.message).toBe(
      "Le recteur de l'académie d'Aix-Marseille décide pour chaque établissement de son académie dans la candidature : il manque « LP Robert Schuman ».",
    );
    expect(
      caught(() => decideRectorDecision({ ...aix, outcomes: [...aix.outcomes, aix.outcomes[0]!] }))
        .message,
    ).toBe("« LP La Calade » figure deux fois dans la décision.");
    expect(
      caught(() =>
        decideRectorDecision({ ...aix, outcomes: [{ establishmentId: "x", outcome: "APPROVED" }] }),
      ).message,
    ).toBe("L'établissement « x » ne participe pas à cette candidature.");
    const again = caught(() =>
      decideRectorDecision({ ...aix, recorded: decideRectorDecision(aix).decisions }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(
      "Le recteur de l'académie d'Aix-Marseille a déjà décidé pour cette candidature (5 juin 2026).",
    );
    const unconcerned = caught(() =>
      decideRectorDecision({ ...aix, members: members.filter((m) => m.academieCode === "NICE") }),
    );
    expect(unconcerned.message).toBe(
      "Aucun établissement de la candidature ne relève de l'académie d'Aix-Marseille.",
    );
    expect(caught(() => decideRectorDecision({ ...aix, academieCode: "LYON" })).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("BOEN publication", () => {
  const decisions: RectorDecisionFact[] = [
    {
      establishmentId: "marseille",
      academieCode: "AIX_MARSEILLE",
      outcome: "APPROVED",
      decidedOn: "2026-05-20",
    },
    { establishmentId: "nice", academieCode: "NICE", outcome: "REFUSED", decidedOn: "2026-06-02" },
    {
      establishmentId: "avignon",
      academieCode: "AIX_MARSEILLE",
      outcome: "APPROVED",
      decidedOn: "2026-05-20",
    },
  ];
  const publication = {
    state: "RECTOR_APPROVED" as CandidatureState,
    publicationDate: "2026-06-11",
    today,
    intitule: "des métiers de la mer",
    decisions,
  };

  it("labels each approved establishment for five years from the publication", () => {
    const terms = {
      title: "Lycée des métiers des métiers de la mer",
      startDate: "2026-06-11",
      endDate: "2031-06-11",
      midTermReviewDueDate: "2028-12-11",
    };
    expect(decideBoenPublication(publication).labels).toEqual([
      { establishmentId: "marseille", ...terms },
      { establishmentId: "avignon", ...terms },
    ]);
    expect(
      decideBoenPublication({ ...publication, publicationDate: "2026-06-02" }).labels,
    ).toHaveLength(2);
  });

  it("refuses a publication before the rector's decision, before its date, in the future, or without title", () => {
    expect(
      caught(() => decideBoenPublication({ ...publication, state: "CAEN_CONSULTED" })).message,
    ).toBe(
      "La publication au BOEN suit la décision favorable du recteur : la candidature est à l'état « Avis du CAEN rendu ».",
    );
    const early = caught(() =>
      decideBoenPublication({ ...publication, publicationDate: "2026-06-01" }),
    );
    expect(early.code).toBe("INVALID_TRANSITION");
    expect(early.message).toBe(
      "La date de publication au BOEN (1er juin 2026) ne peut pas précéder la décision du recteur (2 juin 2026).",
    );
    expect(
      caught(() => decideBoenPublication({ ...publication, publicationDate: "2026-06-16" }))
        .message,
    ).toBe(
      "La date de publication au BOEN (16 juin 2026) ne peut pas être postérieure à aujourd'hui (15 juin 2026).",
    );
    expect(caught(() => decideBoenPublication({ ...publication, intitule: null })).code).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      caught(() =>
        decideBoenPublication({
          ...publication,
          decisions: decisions.map((d) => ({ ...d, outcome: "REFUSED" as const })),
        }),
      ).message,
    ).toBe("Aucun établissement de la candidature n'a reçu de décision favorable du recteur.");
  });
});
