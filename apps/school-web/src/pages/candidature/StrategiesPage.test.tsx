import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { renderRoutes } from "../../test/renderWithProviders";
import { CANDIDATURE_ID, candidatureRoutes, meMock, members } from "./criterion/testing";
import { StrategiesPage, StrategiesPageQuery } from "./StrategiesPage";
import { UpdateCommonStrategyMutation } from "./strategies/StrategyEditor";

const strategy = (version: number, text: string) => ({
  __typename: "CommonStrategy",
  id: "s4",
  criterionCode: "4",
  text,
  version,
  updatedAt: "2026-03-10T09:00:00.000Z",
});

const pageMock = {
  request: { query: StrategiesPageQuery, variables: { id: CANDIDATURE_ID } },
  maxUsageCount: 5,
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: CANDIDATURE_ID,
        kind: "NETWORK",
        state: "DOSSIER_OPEN",
        members,
        criteria: [
          {
            __typename: "Criterion",
            code: "1",
            number: 1,
            shortTitle: "Orientation",
            networkCommonStrategy: false,
          },
          {
            __typename: "Criterion",
            code: "4",
            number: 4,
            shortTitle: "Monde économique",
            networkCommonStrategy: true,
          },
          {
            __typename: "Criterion",
            code: "5",
            number: 5,
            shortTitle: "Formation tout au long de la vie",
            networkCommonStrategy: true,
          },
        ],
        pilots: [],
        commonStrategies: [strategy(2, "<p>Un bureau des entreprises commun.</p>")],
      },
    },
  },
};

function saveMock(expectedVersion: number, text: string, result: object) {
  return {
    request: {
      query: UpdateCommonStrategyMutation,
      variables: {
        input: { candidatureId: CANDIDATURE_ID, criterionCode: "4", text, expectedVersion },
      },
    },
    result,
  };
}

function renderPage(mocks: object[] = []) {
  return renderRoutes(candidatureRoutes("strategies-communes", <StrategiesPage />), {
    mocks: [meMock(), pageMock, ...mocks] as never,
    initialPath: `/candidatures/${CANDIDATURE_ID}/strategies-communes`,
  });
}

describe("StrategiesPage", () => {
  it("shows one shared editor per criterion of the network's strategy, with its version", async () => {
    renderPage();
    expect(await screen.findByLabelText("Stratégie commune du critère 4")).toHaveValue(
      "Un bureau des entreprises commun.",
    );
    expect(screen.getByLabelText("Stratégie commune du critère 5")).toHaveValue("");
    expect(screen.queryByLabelText("Stratégie commune du critère 1")).not.toBeInTheDocument();
    expect(screen.getByText(/Version 2, modifiée le 10 mars 2026/)).toBeInTheDocument();
    expect(screen.getByText("Pas encore de stratégie commune enregistrée.")).toBeInTheDocument();
  });

  it("on CONFLICT keeps the draft, shows both versions and saves the merge on the new version", async () => {
    const user = userEvent.setup();
    const serverText = "<p>Un bureau des entreprises commun, animé par le lycée La Baie.</p>";
    renderPage([
      saveMock(2, "<p>Un bureau des entreprises commun et un forum annuel.</p>", {
        errors: [
          new GraphQLError(
            "Ce contenu a été modifié entre-temps (version 3, votre modification se fondait sur la version 2). Rechargez-le et fusionnez vos changements.",
            { extensions: { code: "CONFLICT", details: { currentVersion: 3, text: serverText } } },
          ),
        ],
      }),
      saveMock(
        3,
        "<p>Un bureau des entreprises commun, animé par le lycée La Baie, et un forum annuel.</p>",
        {
          data: {
            updateCommonStrategy: strategy(
              4,
              "<p>Un bureau des entreprises commun, animé par le lycée La Baie, et un forum annuel.</p>",
            ),
          },
        },
      ),
    ]);
    const editor = await screen.findByLabelText("Stratégie commune du critère 4");
    await user.clear(editor);
    await user.type(editor, "Un bureau des entreprises commun et un forum annuel.");
    await user.click(screen.getByRole("button", { name: "Enregistrer la stratégie du critère 4" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Quelqu'un a modifié cette stratégie pendant que vous écriviez",
    );
    expect(alert).toHaveTextContent("version 3");
    const server = screen.getByRole("region", { name: "Version enregistrée (version 3)" });
    expect(server).toHaveTextContent("animé par le lycée La Baie");
    const mine = screen.getByRole("region", { name: "Votre brouillon (à partir de la version 2)" });
    expect(
      within(mine).getByText("Un bureau des entreprises commun et un forum annuel."),
    ).toBeInTheDocument();

    const merged = screen.getByLabelText("Texte fusionné");
    expect(merged).toHaveValue("Un bureau des entreprises commun et un forum annuel.");
    await user.clear(merged);
    await user.type(
      merged,
      "Un bureau des entreprises commun, animé par le lycée La Baie, et un forum annuel.",
    );
    await user.click(
      screen.getByRole("button", { name: "Enregistrer le texte fusionné (sur la version 3)" }),
    );
    expect(await screen.findByText("Stratégie enregistrée (version 4).")).toBeInTheDocument();
    expect(screen.getByLabelText("Stratégie commune du critère 4")).toHaveValue(
      "Un bureau des entreprises commun, animé par le lycée La Baie, et un forum annuel.",
    );
    expect(screen.queryByLabelText("Texte fusionné")).not.toBeInTheDocument();
  });

  it("shows any other refusal in French", async () => {
    const user = userEvent.setup();
    renderPage([
      saveMock(2, "<p>Un bureau des entreprises commun.</p>", {
        errors: [
          new GraphQLError(
            "La candidature n'est plus modifiable par l'établissement dans l'état « Dossier déposé ».",
            {
              extensions: { code: "CANDIDATURE_LOCKED" },
            },
          ),
        ],
      }),
    ]);
    await user.click(
      await screen.findByRole("button", { name: "Enregistrer la stratégie du critère 4" }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("La stratégie n'a pas été enregistrée");
    expect(alert).toHaveTextContent("n'est plus modifiable");
  });
});
