import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { renderRoutes } from "../../test/renderWithProviders";
import { UpdateCriterionResponseMutation } from "./criterion/CriterionEditor";
import { CANDIDATURE_ID, candidatureRoutes, OWN, meMock, members } from "./criterion/testing";
import { CriterionPage, CriterionPageQuery } from "./CriterionPage";

const response = {
  __typename: "CriterionResponse",
  id: "r1",
  criterionCode: "4",
  version: 3,
  updatedAt: "2026-03-10T09:00:00.000Z",
  establishment: OWN,
  planned: "<p>Des partenariats durables.</p>",
  done: "<ul><li>Un bureau des entreprises.</li></ul>",
  measured: "",
  improved: "",
  narrative: "",
  selfAssessedLevel: "PARTIALLY_MET",
  addressedExpectationIds: ["4.1"],
  qualeducFicheCodes: [],
  emblematicActionTitle: null,
  emblematicActionDescription: null,
  metByEuroscol: false,
  citedEvidenceIds: [],
};

const page = {
  data: {
    candidature: {
      __typename: "Candidature",
      id: CANDIDATURE_ID,
      kind: "NETWORK",
      state: "DOSSIER_OPEN",
      members: members.map((m) => ({ ...m, optionalCriterionVariant: null })),
      criteria: [
        {
          __typename: "Criterion",
          code: "4",
          number: 4,
          title: "Relations avec le monde économique",
          shortTitle: "Monde économique",
          optional: false,
          variant: null,
          metByEuroscolNote: null,
          expectations: [
            {
              __typename: "Expectation",
              id: "4.1",
              text: "Un partenariat formalisé",
              scope: "ALL",
            },
            { __typename: "Expectation", id: "4.2", text: "Des actions communes", scope: "ALL" },
          ],
          qualeducFiches: [{ __typename: "QualeducFiche", code: "Q.4.1", title: "Partenariats" }],
        },
      ],
      pilots: [
        {
          __typename: "CriterionPilot",
          id: "p1",
          criterionCode: "4",
          establishment: OWN,
          user: {
            __typename: "User",
            id: "u2",
            fullName: "Élodie Rinaldi",
            jobTitle: "Professeure",
          },
        },
      ],
      responses: [response],
      indicators: [
        {
          __typename: "Indicator",
          id: "i1",
          name: "Taux d'insertion",
          kind: "QUANTITATIVE",
          unit: "%",
          criterionCodes: ["4"],
          establishment: OWN,
          trend: { __typename: "IndicatorTrend", trend: "RISING", improving: true },
          values: [
            {
              __typename: "IndicatorValue",
              id: "v1",
              schoolYear: "2022-2023",
              numericValue: 70,
              textValue: null,
            },
            {
              __typename: "IndicatorValue",
              id: "v2",
              schoolYear: "2023-2024",
              numericValue: 75,
              textValue: null,
            },
          ],
        },
      ],
      evidence: [
        {
          __typename: "Evidence",
          id: "ev1",
          title: "Convention avec la CCI",
          kind: "PARTNERSHIP_CONTRACT",
          effectiveDate: "2025-09-15",
          criterionCodes: ["4"],
          cited: false,
          establishment: OWN,
          currentFile: {
            __typename: "EvidenceRevision",
            id: "rev1",
            fileName: "convention.pdf",
            sizeBytes: 120000,
            mediaType: "application/pdf",
          },
        },
      ],
      readiness: {
        __typename: "Readiness",
        ready: false,
        missing: ["Critère 4 : ce qui est mesuré"],
        criteria: [
          {
            __typename: "CriterionReadiness",
            criterionCode: "4",
            ready: false,
            missing: ["Ce qui est mesuré est vide."],
          },
        ],
      },
    },
  },
};

const pageMock = {
  request: { query: CriterionPageQuery, variables: { id: CANDIDATURE_ID } },
  result: page,
  maxUsageCount: 5,
};

function renderPage(mocks: object[], role: "SCHOOL_HEAD" | "SCHOOL_STAFF" = "SCHOOL_HEAD") {
  return renderRoutes(candidatureRoutes("criteres/:criterionCode", <CriterionPage />), {
    mocks: [meMock(role), pageMock, ...mocks] as never,
    initialPath: `/candidatures/${CANDIDATURE_ID}/criteres/4`,
  });
}

function saveMock(check: (input: Record<string, unknown>) => boolean, result: object) {
  return {
    request: {
      query: UpdateCriterionResponseMutation,
      variables: (v: { input: Record<string, unknown> }) => check(v.input),
    },
    result,
  };
}

describe("CriterionPage", () => {
  it("shows the self-evaluation, its readiness, pilots, indicators and evidence", async () => {
    renderPage([]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Critère 4 — Monde économique" }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Ce qui est prévu")).toHaveValue("Des partenariats durables.");
    expect(screen.getByLabelText("Ce qui est fait")).toHaveValue("- Un bureau des entreprises.");
    expect(screen.getByRole("radio", { name: "Partiellement atteint" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "4.1 — Un partenariat formalisé" })).toBeChecked();
    expect(
      screen.getByRole("group", { name: /Attendus du cahier des charges traités \(1 \/ 2\)/ }),
    ).toBeInTheDocument();
    expect(screen.getByText("Ce qui est mesuré est vide.")).toBeInTheDocument();
    expect(screen.getByText("Élodie Rinaldi")).toBeInTheDocument();
    expect(screen.getByText(/2023-2024 : 75/)).toBeInTheDocument();
    expect(screen.getByText(/En hausse — évolution favorable/)).toBeInTheDocument();
    expect(
      screen.getByRole("checkbox", { name: "Citer « Convention avec la CCI »" }),
    ).not.toBeChecked();
    expect(
      screen.getByRole("link", { name: "Télécharger « Convention avec la CCI »" }),
    ).toHaveAttribute("href", "/files/evidence/ev1");
    // Criterion 4: no Euroscol switch.
    expect(screen.queryByText("Critère rempli par le label Euroscol")).not.toBeInTheDocument();
    expect(screen.queryByText("Règle du cahier des charges")).not.toBeInTheDocument();
  });

  it("lists only an individual candidature's expectations, and shows the Euroscol rule as a rule", async () => {
    const user = userEvent.setup();
    const rule = "L'établissement labellisé Euroscol valide de fait ce critère.";
    const six = {
      __typename: "Criterion",
      code: "6",
      number: 6,
      title: "Ouverture internationale",
      shortTitle: "International",
      optional: false,
      variant: null,
      metByEuroscolNote: rule,
      expectations: [
        { __typename: "Expectation", id: "6.1", text: "Un plan formalisé", scope: "ALL" },
        { __typename: "Expectation", id: "6.2", text: "Des partenaires étrangers", scope: "ALL" },
        {
          __typename: "Expectation",
          id: "6.9",
          text: "Dans le cas des candidatures en réseau, une stratégie commune",
          scope: "NETWORK",
        },
      ],
      qualeducFiches: [],
    };
    // A stored answer may still hold a network-only id: it is neither shown nor sent back.
    const answer = {
      ...response,
      criterionCode: "6",
      addressedExpectationIds: ["6.1", "6.9"],
    };
    let sent: Record<string, unknown> | null = null;
    const individual = {
      request: { query: CriterionPageQuery, variables: { id: CANDIDATURE_ID } },
      maxUsageCount: 5,
      result: {
        data: {
          candidature: {
            ...page.data.candidature,
            kind: "INDIVIDUAL",
            members: [{ ...members[0], optionalCriterionVariant: null }],
            criteria: [six],
            pilots: [],
            responses: [answer],
            indicators: [],
            evidence: [],
            readiness: { ...page.data.candidature.readiness, criteria: [] },
          },
        },
      },
    };
    renderRoutes(candidatureRoutes("criteres/:criterionCode", <CriterionPage />), {
      mocks: [
        meMock(),
        individual,
        saveMock(
          (input) => {
            sent = input;
            return true;
          },
          { data: { updateCriterionResponse: { ...answer, addressedExpectationIds: ["6.1"] } } },
        ),
      ] as never,
      initialPath: `/candidatures/${CANDIDATURE_ID}/criteres/6`,
    });
    const group = await screen.findByRole("group", {
      name: /Attendus du cahier des charges traités \(1 \/ 2\)/,
    });
    expect(
      within(group)
        .getAllByRole("checkbox")
        .map((c) => c.getAttribute("value")),
    ).toEqual(["6.1", "6.2"]);
    expect(screen.queryByRole("checkbox", { name: /6\.9/ })).not.toBeInTheDocument();
    // The Euroscol rule is text, not a box to tick; the school says whether it holds the label.
    expect(screen.getByText(rule, { exact: false })).toHaveTextContent(
      `Règle du cahier des charges : ${rule}`,
    );
    expect(screen.queryByRole("checkbox", { name: new RegExp(rule) })).not.toBeInTheDocument();
    expect(screen.getByText("Critère rempli par le label Euroscol")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Enregistrer l'auto-évaluation" }));
    await screen.findByText(/Auto-évaluation enregistrée/);
    expect(sent).toMatchObject({ criterionCode: "6", addressedExpectationIds: ["6.1"] });
  });

  it("offers on a criterion 9 page only the establishments that chose it", async () => {
    const nineA = {
      __typename: "Criterion",
      code: "9a",
      number: 9,
      title: "9-a : développer le numérique au service des métiers",
      shortTitle: "Numérique",
      optional: true,
      variant: "A",
      metByEuroscolNote: null,
      expectations: [
        { __typename: "Expectation", id: "9a.1", text: "Des outils numériques", scope: "ALL" },
      ],
      qualeducFiches: [],
    };
    const network = {
      request: { query: CriterionPageQuery, variables: { id: CANDIDATURE_ID } },
      maxUsageCount: 5,
      result: {
        data: {
          candidature: {
            ...page.data.candidature,
            // The user's establishment (e1) did not choose 9-a; La Baie (e2) did.
            members: [
              { ...members[0], optionalCriterionVariant: null },
              { ...members[1], optionalCriterionVariant: "A" },
            ],
            criteria: [nineA],
            pilots: [],
            responses: [],
            indicators: [],
            evidence: [],
            readiness: { ...page.data.candidature.readiness, criteria: [] },
          },
        },
      },
    };
    renderRoutes(candidatureRoutes("criteres/:criterionCode", <CriterionPage />), {
      mocks: [meMock(), network] as never,
      initialPath: `/candidatures/${CANDIDATURE_ID}/criteres/9a`,
    });
    expect(await screen.findByText("Critère retenu par : Lycée La Baie.")).toBeVisible();
    // No choice of establishment: only La Baie answers, read-only for the head of Les Oliviers.
    expect(screen.queryByLabelText("Établissement")).not.toBeInTheDocument();
    expect(screen.getByText(/réponse de Lycée La Baie en lecture seule/)).toBeVisible();
  });

  it("saves the texts as HTML on the loaded version, with the cited evidence", async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderPage([
      saveMock(
        (input) => {
          sent = input;
          return true;
        },
        {
          data: {
            updateCriterionResponse: {
              ...response,
              version: 4,
              measured: "<p>Taux d'insertion à 6 mois.</p>",
              citedEvidenceIds: ["ev1"],
              updatedAt: "2026-03-11T10:00:00.000Z",
            },
          },
        },
      ),
    ]);
    await user.type(
      await screen.findByLabelText("Ce qui est mesuré"),
      "Taux d'insertion à 6 mois.",
    );
    await user.click(screen.getByRole("checkbox", { name: "Citer « Convention avec la CCI »" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer l'auto-évaluation" }));
    expect(await screen.findByText(/Auto-évaluation enregistrée \(version 4/)).toBeInTheDocument();
    expect(sent).toMatchObject({
      candidatureId: CANDIDATURE_ID,
      establishmentId: OWN.id,
      criterionCode: "4",
      expectedVersion: 3,
      planned: "<p>Des partenariats durables.</p>",
      done: "<ul><li>Un bureau des entreprises.</li></ul>",
      measured: "<p>Taux d'insertion à 6 mois.</p>",
      selfAssessedLevel: "PARTIALLY_MET",
      addressedExpectationIds: ["4.1"],
      citedEvidenceIds: ["ev1"],
    });
    expect(sent).not.toHaveProperty("metByEuroscol");
  });

  it("shows the API's French refusal, under the field it concerns", async () => {
    const user = userEvent.setup();
    const message =
      "Le texte « Ce qui est prévu » contient du contenu actif interdit (script, gestionnaire d'événement, cadre…) : retirez-le.";
    renderPage([
      saveMock(() => true, {
        errors: [new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } })],
      }),
    ]);
    await user.click(await screen.findByRole("button", { name: "Enregistrer l'auto-évaluation" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("L'auto-évaluation n'a pas été enregistrée");
    expect(alert).toHaveTextContent(message);
    const field = screen.getByLabelText("Ce qui est prévu");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it("on CONFLICT keeps the user's text and shows the saved version", async () => {
    const user = userEvent.setup();
    const expected: unknown[] = [];
    renderPage([
      saveMock(
        (input) => {
          expected.push(input["expectedVersion"]);
          return input["expectedVersion"] === 3;
        },
        {
          errors: [
            new GraphQLError("Ce contenu a été modifié entre-temps (version 5).", {
              extensions: {
                code: "CONFLICT",
                details: {
                  ...response,
                  currentVersion: 5,
                  version: 5,
                  planned: "<p>Texte de l'autre pilote.</p>",
                },
              },
            }),
          ],
        },
      ),
      saveMock(
        (input) => input["expectedVersion"] === 5 && input["planned"] === "<p>Mon texte à moi.</p>",
        {
          data: {
            updateCriterionResponse: {
              ...response,
              version: 6,
              planned: "<p>Mon texte à moi.</p>",
            },
          },
        },
      ),
    ]);
    const planned = await screen.findByLabelText("Ce qui est prévu");
    await user.clear(planned);
    await user.type(planned, "Mon texte à moi.");
    await user.click(screen.getByRole("button", { name: "Enregistrer l'auto-évaluation" }));
    expect(await screen.findByText("Cette réponse a été modifiée entre-temps")).toBeInTheDocument();
    expect(screen.getByLabelText("Ce qui est prévu")).toHaveValue("Mon texte à moi.");
    expect(screen.getByText("Texte de l'autre pilote.")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Enregistrer mes saisies sur la version 5" }),
    );
    expect(await screen.findByText(/Auto-évaluation enregistrée \(version 6/)).toBeInTheDocument();
    expect(expected[0]).toBe(3);
  });

  it("is read-only for a staff member who does not pilot the criterion", async () => {
    renderPage([], "SCHOOL_STAFF");
    expect(await screen.findByText(/en lecture seule/)).toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Enregistrer l'auto-évaluation" }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Ce qui est prévu")).not.toBeInTheDocument();
    const cycle = screen.getByRole("group", { name: /La démarche d'amélioration continue/ });
    expect(within(cycle).getByText("Des partenariats durables.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("radio", { name: "Atteint" })).toBeDisabled());
  });
});
