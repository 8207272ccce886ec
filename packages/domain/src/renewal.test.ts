import { DomainError } from "./errors";
import { CURRENT_REFERENTIAL_VERSION } from "./referential";
import {
  carriedCriterionCodes,
  carriedExpectationIds,
  carryOverResponse,
  decideRenewal,
  isEvidenceOutdated,
  renewalDiff,
  renewalMembers,
  schoolYearsBetween,
  type RenewalDossierFacts,
  type RenewalEvidenceFacts,
  type RenewalIndicatorFacts,
  type RenewalResponseFacts,
} from "./renewal";

const V = CURRENT_REFERENTIAL_VERSION;

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("refus attendu");
}

const label = { candidatureId: "c-2021", startsOn: "2021-06-10", expiresOn: "2026-06-10" };

describe("starting a renewal", () => {
  it("renews the current label, or one expired less than twelve months ago", () => {
    expect(
      decideRenewal({
        establishmentName: "Le LP",
        labels: [label],
        today: "2025-09-01",
        renewals: [],
      }),
    ).toBe(label);
    expect(
      decideRenewal({
        establishmentName: "Le LP",
        labels: [label],
        today: "2027-06-09",
        renewals: [],
      }),
    ).toBe(label);
    expect(
      caught(() =>
        decideRenewal({
          establishmentName: "Le LP",
          labels: [label],
          today: "2027-06-10",
          renewals: [],
        }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message:
        "Le LP n'a plus de label depuis le 10 juin 2026, il y a plus de 12 mois : sa candidature est une première labellisation, pas un renouvellement.",
    });
    expect(
      caught(() =>
        decideRenewal({
          establishmentName: "Le LP",
          labels: [],
          today: "2025-09-01",
          renewals: [],
        }),
      ).message,
    ).toBe(
      "Le LP n'a jamais été labellisé : sa candidature est une première labellisation, pas un renouvellement.",
    );
  });

  it("refuses a second renewal of the same label unless the first was withdrawn or refused", () => {
    const input = { establishmentName: "Le LP", labels: [label], today: "2025-09-01" };
    expect(
      caught(() =>
        decideRenewal({
          ...input,
          renewals: [{ renewsCandidatureId: "c-2021", state: "DOSSIER_OPEN" }],
        }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message:
        "Le renouvellement du label de Le LP est déjà engagé (candidature dans l'état « Dossier ouvert ») : poursuivez-le, ou retirez-le avant d'en engager un autre.",
    });
    expect(
      decideRenewal({
        ...input,
        renewals: [
          { renewsCandidatureId: "c-2021", state: "WITHDRAWN" },
          { renewsCandidatureId: "c-2021", state: "REFUSED" },
          { renewsCandidatureId: "c-2016", state: "LABELLED" },
        ],
      }),
    ).toBe(label);
  });

  it("keeps the members whose label is renewable, or those asked for", () => {
    const previous = [
      { establishmentId: "a", name: "A", renewable: true },
      { establishmentId: "b", name: "B", renewable: true },
      { establishmentId: "c", name: "C", renewable: false },
    ];
    expect(
      renewalMembers({
        leadEstablishmentId: "a",
        previousMembers: previous,
        requestedCoApplicantIds: null,
      }),
    ).toEqual({
      kind: "NETWORK",
      members: [
        { establishmentId: "a", isLead: true },
        { establishmentId: "b", isLead: false },
      ],
    });
    expect(
      renewalMembers({
        leadEstablishmentId: "b",
        previousMembers: previous,
        requestedCoApplicantIds: [],
      }),
    ).toEqual({ kind: "INDIVIDUAL", members: [{ establishmentId: "b", isLead: true }] });
    expect(
      caught(() =>
        renewalMembers({
          leadEstablishmentId: "a",
          previousMembers: previous,
          requestedCoApplicantIds: ["c"],
        }),
      ).message,
    ).toBe("C n'a pas de label renouvelable issu de cette candidature.");
    expect(
      caught(() =>
        renewalMembers({
          leadEstablishmentId: "a",
          previousMembers: previous,
          requestedCoApplicantIds: ["z"],
        }),
      ).details,
    ).toMatchObject({ reason: "NOT_A_PREVIOUS_MEMBER" });
    expect(
      caught(() =>
        renewalMembers({
          leadEstablishmentId: "a",
          previousMembers: previous,
          requestedCoApplicantIds: ["a"],
        }),
      ).details,
    ).toMatchObject({ reason: "LEAD_AS_CO_APPLICANT" });
  });
});

describe("what a renewal carries over", () => {
  const previous = {
    criterionCode: "6",
    narrative: "<p>Ouverture internationale.</p>",
    planned: "<p>P</p>",
    done: "<p>D</p>",
    measured: "<p>M</p>",
    improved: "<p>I</p>",
    qualeducFicheCodes: ["Q.2.9", "Q.9.99"],
    emblematicActionTitle: "Erasmus+",
    emblematicActionDescription: "<p>Mobilités.</p>",
  };

  it("carries the texts and the known fiches, and resets every status", () => {
    expect(carryOverResponse(V, null, previous)).toEqual({
      narrative: "<p>Ouverture internationale.</p>",
      planned: "<p>P</p>",
      done: "<p>D</p>",
      measured: "<p>M</p>",
      improved: "<p>I</p>",
      qualeducFicheCodes: ["Q.2.9"],
      emblematicActionTitle: "Erasmus+",
      emblematicActionDescription: "<p>Mobilités.</p>",
      selfAssessedLevel: null,
      addressedExpectationIds: [],
      metByEuroscol: false,
    });
  });

  it("drops a criterion the establishment no longer answers, or unknown to the referential", () => {
    expect(carryOverResponse(V, null, { ...previous, criterionCode: "9a" })).toBeNull();
    expect(carryOverResponse(V, "A", { ...previous, criterionCode: "9a" })).not.toBeNull();
    expect(carryOverResponse(V, null, { ...previous, criterionCode: "10" })).toBeNull();
    expect(carriedCriterionCodes(V, ["1", "7", "7", "12", "9b"])).toEqual(["1", "7", "9b"]);
    expect(carriedExpectationIds(V, "INDIVIDUAL", "4", ["4.7", "4.1", "99.1"])).toEqual(["4.1"]);
    expect(carriedExpectationIds(V, "NETWORK", "4", ["4.7", "4.1"])).toEqual(["4.1", "4.7"]);
    expect(carriedExpectationIds(V, "NETWORK", "12", ["12.1"])).toEqual([]);
  });

  it("counts school years from 1 September, and flags evidence older than three", () => {
    expect(schoolYearsBetween("2025-09-01", "2026-03-15")).toBe(0);
    expect(schoolYearsBetween("2025-08-31", "2026-03-15")).toBe(1);
    expect(isEvidenceOutdated("2023-09-01", "2026-03-15")).toBe(false);
    expect(isEvidenceOutdated("2023-08-31", "2026-03-15")).toBe(true);
    expect(isEvidenceOutdated("2021-05-10", "2026-09-01")).toBe(true);
  });
});

describe("what changed since the last label", () => {
  const response = (over: Partial<RenewalResponseFacts> = {}): RenewalResponseFacts => ({
    establishmentId: "a",
    criterionCode: "1",
    narrative: "<p>Notre offre de formation.</p>",
    planned: "<p>P</p>",
    done: "<p>D</p>",
    measured: "<p>M</p>",
    improved: "<p>I</p>",
    emblematicActionTitle: null,
    emblematicActionDescription: null,
    ...over,
  });
  const indicator = (over: Partial<RenewalIndicatorFacts> = {}): RenewalIndicatorFacts => ({
    id: "i-old",
    establishmentId: "a",
    name: "Taux d'insertion",
    unit: "%",
    target: "80 %",
    criterionCodes: ["1", "4"],
    values: [
      { schoolYear: "2019-2020", numericValue: 70, textValue: null },
      { schoolYear: "2020-2021", numericValue: 72, textValue: null },
    ],
    ...over,
  });
  const evidence = (over: Partial<RenewalEvidenceFacts> = {}): RenewalEvidenceFacts => ({
    id: "e-old",
    establishmentId: "a",
    title: "Tableau de bord",
    effectiveDate: "2020-06-30",
    criterionCodes: ["1"],
    sha256: "a".repeat(64),
    ...over,
  });
  const previous: RenewalDossierFacts = {
    responses: [response(), response({ criterionCode: "2" })],
    indicators: [
      indicator(),
      indicator({ id: "i-gone", name: "Effectifs", criterionCodes: ["1"] }),
    ],
    evidence: [
      evidence(),
      evidence({ id: "e-other", establishmentId: "z", title: "D'un ancien membre" }),
    ],
  };

  it("shows nothing changed right after the pre-fill, but the outdated evidence", () => {
    const current: RenewalDossierFacts = {
      responses: [response(), response({ criterionCode: "2" })],
      indicators: [
        indicator({ id: "i-new" }),
        indicator({ id: "i-gone-new", name: "Effectifs", criterionCodes: ["1"] }),
      ],
      evidence: [evidence({ id: "e-new" })],
    };
    const [one] = renewalDiff({
      previous,
      current,
      origins: new Map([
        ["i-new", "i-old"],
        ["i-gone-new", "i-gone"],
        ["e-new", "e-old"],
      ]),
      criterionCodes: ["1"],
      establishmentIds: ["a"],
      today: "2026-02-01",
    });
    expect(one).toEqual({
      criterionCode: "1",
      changed: false,
      responses: [{ establishmentId: "a", change: "UNCHANGED", changedFields: [] }],
      indicators: [
        expect.objectContaining({ currentId: "i-new", previousId: "i-old", change: "UNCHANGED" }),
        expect.objectContaining({
          currentId: "i-gone-new",
          previousId: "i-gone",
          change: "UNCHANGED",
        }),
      ],
      evidence: [
        {
          currentId: "e-new",
          previousId: "e-old",
          establishmentId: "a",
          title: "Tableau de bord",
          change: "UNCHANGED",
          changedFields: [],
          effectiveDate: "2020-06-30",
          outdated: true,
        },
      ],
      outdatedEvidenceCount: 1,
    });
  });

  it("names what was added, removed and changed, per criterion", () => {
    const current: RenewalDossierFacts = {
      responses: [
        response({ narrative: "<p>Notre offre   de formation,  revue.</p>", done: "<p>D</p>" }),
        response({
          criterionCode: "2",
          narrative: "",
          planned: "",
          done: "",
          measured: "",
          improved: "",
        }),
        response({ criterionCode: "3" }),
      ],
      indicators: [
        indicator({
          id: "i-new",
          target: "85 %",
          criterionCodes: ["4"],
          values: [
            { schoolYear: "2019-2020", numericValue: 70, textValue: null },
            { schoolYear: "2020-2021", numericValue: 72, textValue: null },
            { schoolYear: "2024-2025", numericValue: 81, textValue: null },
          ],
        }),
        indicator({ id: "i-added", name: "Apprentis accueillis", criterionCodes: ["1"] }),
      ],
      evidence: [
        evidence({
          id: "e-new",
          sha256: "b".repeat(64),
          title: "Tableau de bord 2025",
          effectiveDate: "2025-06-30",
        }),
      ],
    };
    const diff = renewalDiff({
      previous,
      current,
      origins: new Map([
        ["i-new", "i-old"],
        ["e-new", "e-old"],
      ]),
      criterionCodes: ["1", "2", "3", "4"],
      establishmentIds: ["a"],
      today: "2026-02-01",
    });
    const [one, two, three, four] = diff;
    expect(one!.changed).toBe(true);
    expect(one!.responses).toEqual([
      { establishmentId: "a", change: "CHANGED", changedFields: ["narrative"] },
    ]);
    expect(one!.indicators.map((i) => [i.title, i.change])).toEqual([
      ["Apprentis accueillis", "ADDED"],
      ["Taux d'insertion", "REMOVED"],
      ["Effectifs", "REMOVED"],
    ]);
    expect(one!.evidence).toEqual([
      expect.objectContaining({
        title: "Tableau de bord 2025",
        change: "CHANGED",
        changedFields: ["title", "effectiveDate", "file"],
        outdated: false,
      }),
    ]);
    expect(one!.outdatedEvidenceCount).toBe(0);
    expect(two!.responses).toEqual([
      { establishmentId: "a", change: "REMOVED", changedFields: [] },
    ]);
    expect(three!.responses).toEqual([
      { establishmentId: "a", change: "ADDED", changedFields: [] },
    ]);
    expect(four!.indicators).toEqual([
      expect.objectContaining({
        currentId: "i-new",
        change: "CHANGED",
        changedFields: ["target", "values"],
      }),
    ]);
    expect(four!.changed).toBe(true);
  });
});
