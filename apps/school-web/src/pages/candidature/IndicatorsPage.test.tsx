import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { renderRoutes } from "../../test/renderWithProviders";
import { CANDIDATURE_ID, candidatureRoutes, OWN, meMock, members } from "./criterion/testing";
import { IndicatorsPage, IndicatorsPageQuery } from "./IndicatorsPage";
import { SetIndicatorValueMutation } from "./indicators/IndicatorValueForm";
import { CreateIndicatorMutation } from "./indicators/NewIndicatorForm";
import { schoolYearOf, shiftSchoolYear } from "./indicators/schoolYears";

/** The three school years before the current one (the table shows the last four). */
const [y1, y2, y3] = [-3, -2, -1].map((by) => shiftSchoolYear(schoolYearOf(), by)) as [
  string,
  string,
  string,
];

const indicator = {
  __typename: "Indicator",
  id: "i1",
  name: "Taux de réussite au baccalauréat professionnel",
  kind: "QUANTITATIVE",
  unit: "%",
  direction: "HIGHER_IS_BETTER",
  target: "90 %",
  source: "Résultats aux examens",
  criterionCodes: ["3"],
  establishment: OWN,
  trend: { __typename: "IndicatorTrend", trend: "RISING", improving: true },
  values: [
    {
      __typename: "IndicatorValue",
      id: "v1",
      schoolYear: y1,
      numericValue: 81,
      textValue: null,
    },
    {
      __typename: "IndicatorValue",
      id: "v2",
      schoolYear: y2,
      numericValue: 84.5,
      textValue: null,
    },
    {
      __typename: "IndicatorValue",
      id: "v3",
      schoolYear: y3,
      numericValue: 88,
      textValue: null,
    },
  ],
};

const pageMock = {
  request: { query: IndicatorsPageQuery, variables: { id: CANDIDATURE_ID } },
  maxUsageCount: 5,
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: CANDIDATURE_ID,
        state: "DOSSIER_OPEN",
        members,
        criteria: [
          { __typename: "Criterion", code: "3", number: 3, shortTitle: "Parcours" },
          { __typename: "Criterion", code: "4", number: 4, shortTitle: "Monde économique" },
        ],
        pilots: [],
        indicators: [indicator],
      },
    },
  },
};

function renderPage(mocks: object[] = []) {
  return renderRoutes(candidatureRoutes("indicateurs", <IndicatorsPage />), {
    mocks: [meMock(), pageMock, ...mocks] as never,
    initialPath: `/candidatures/${CANDIDATURE_ID}/indicateurs`,
  });
}

describe("IndicatorsPage", () => {
  it("shows a table per establishment by school year, and a chart with a text alternative", async () => {
    renderPage();
    const table = await screen.findByRole("table", {
      name: "Indicateurs de Lycée Les Oliviers par année scolaire",
    });
    expect(within(table).getByRole("columnheader", { name: y2 })).toBeInTheDocument();
    const row = within(table).getByRole("row", { name: /Taux de réussite/ });
    expect(row).toHaveTextContent("84,5 %");
    expect(row).toHaveTextContent("En hausse — évolution favorable");
    expect(row).toHaveTextContent("Critère 3");
    const chart = screen.getByRole("img", {
      name: "Évolution de l'indicateur « Taux de réussite au baccalauréat professionnel » par année scolaire",
    });
    expect(chart).toHaveAccessibleDescription(
      `${y1} : 81\u00a0% ; ${y2} : 84,5\u00a0% ; ${y3} : 88\u00a0% ; Cible : 90 %`,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Lycée La Baie" })).toBeInTheDocument();
    expect(screen.getByText("Aucun indicateur pour cet établissement.")).toBeInTheDocument();
  });

  it("shows the API's refusal of the school year 2021-2023 under the field", async () => {
    const user = userEvent.setup();
    const message =
      "L'année scolaire « 2021-2023 » est invalide : deux années consécutives sont attendues (ex. 2021-2022).";
    renderPage([
      {
        request: {
          query: SetIndicatorValueMutation,
          variables: {
            input: {
              indicatorId: "i1",
              schoolYear: "2021-2023",
              numericValue: 80,
              textValue: null,
            },
          },
        },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: { code: "BAD_USER_INPUT", details: { schoolYear: "2021-2023" } },
            }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole("group", {
      name: "Saisir une valeur : Taux de réussite au baccalauréat professionnel",
    });
    const year = within(form).getByLabelText(/Année scolaire/);
    await user.clear(year);
    await user.type(year, "2021-2023");
    await user.type(within(form).getByLabelText("Valeur (%)"), "80");
    await user.click(within(form).getByRole("button", { name: "Enregistrer la valeur" }));
    expect(await within(form).findByText(message)).toBeInTheDocument();
    expect(year).toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it("creates an indicator, checking the required fields first", async () => {
    const user = userEvent.setup();
    renderPage([
      {
        request: {
          query: CreateIndicatorMutation,
          variables: {
            input: {
              candidatureId: CANDIDATURE_ID,
              establishmentId: OWN.id,
              name: "Élèves en PFMP à l'étranger",
              kind: "QUANTITATIVE",
              unit: "élèves",
              direction: "HIGHER_IS_BETTER",
              target: null,
              source: "Tableau de suivi",
              criterionCodes: ["4"],
            },
          },
        },
        result: {
          data: {
            createIndicator: {
              __typename: "Indicator",
              id: "i2",
              name: "Élèves en PFMP à l'étranger",
            },
          },
        },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Créer l'indicateur" }));
    expect(screen.getByLabelText(/Intitulé de l'indicateur/)).toHaveAccessibleDescription(
      "Indiquez l'intitulé de l'indicateur.",
    );
    await user.type(
      screen.getByLabelText(/Intitulé de l'indicateur/),
      "Élèves en PFMP à l'étranger",
    );
    await user.type(screen.getByLabelText(/^Unité/), "élèves");
    await user.type(screen.getByLabelText(/Source de la donnée/), "Tableau de suivi");
    await user.click(screen.getByRole("checkbox", { name: "Critère 4 — Monde économique" }));
    await user.click(screen.getByRole("button", { name: "Créer l'indicateur" }));
    expect(
      await screen.findByText(/Indicateur « Élèves en PFMP à l'étranger » créé/),
    ).toBeInTheDocument();
  });
});
