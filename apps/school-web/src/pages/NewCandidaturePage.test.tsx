import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { MeQuery } from "../auth/currentUser";
import { renderRoutes } from "../test/renderWithProviders";
import { CreateNetworkCandidatureMutation, NewCandidaturePage } from "./NewCandidaturePage";
import {
  AcademiesQueryDocument,
  EstablishmentSearchQueryDocument,
  SEARCH_PAGE_SIZE,
} from "./new-candidature/EstablishmentSearch";

const me = {
  request: { query: MeQuery },
  result: {
    data: {
      me: {
        __typename: "User",
        id: "u1",
        fullName: "Claire Martin",
        email: "cheffe@demo.ldm.fr",
        role: "SCHOOL_HEAD",
        establishment: { __typename: "Establishment", id: "e1", name: "Lycée des Palmiers" },
      },
    },
  },
};

const academies = {
  request: { query: AcademiesQueryDocument },
  result: {
    data: {
      academies: [
        { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
        { __typename: "Academie", code: "NICE", name: "Nice" },
      ],
    },
  },
};

const search = {
  request: {
    query: EstablishmentSearchQueryDocument,
    variables: {
      filter: { search: "Calanques", academieCode: null },
      first: SEARCH_PAGE_SIZE,
      after: null,
    },
  },
  result: {
    data: {
      establishments: {
        __typename: "EstablishmentConnection",
        totalCount: 1,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c1" },
        edges: [
          {
            __typename: "EstablishmentEdge",
            node: {
              __typename: "Establishment",
              id: "e2",
              name: "Lycée polyvalent Les Calanques",
              uai: "0139147X",
              city: "Marseille",
              academie: { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
            },
          },
        ],
      },
    },
  },
};

function createNetwork(members: { establishmentId: string; isLead: boolean }[], result: object) {
  return {
    request: {
      query: CreateNetworkCandidatureMutation,
      variables: {
        input: {
          awardType: "FIRST_AWARD",
          labelTitle: "Métiers de la mer",
          optionalCriterionVariant: "A",
          members,
        },
      },
    },
    result,
  };
}

function renderPage(mocks: object[]) {
  return renderRoutes(
    [
      { path: "/candidatures/nouvelle", element: <NewCandidaturePage /> },
      { path: "/candidatures/:id", element: <p>Vue d'ensemble de la nouvelle candidature</p> },
    ],
    { mocks: [me, academies, ...mocks] as never, initialPath: "/candidatures/nouvelle" },
  );
}

async function fillNetwork(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByLabelText(/Candidature en réseau/));
  await user.type(screen.getByLabelText(/Intitulé du label envisagé/), "Métiers de la mer");
  await user.click(screen.getByLabelText(/9-a : le numérique/));
}

describe("NewCandidaturePage", () => {
  it("creates a network candidature with a co-applicant found by the search, then opens it", async () => {
    const user = userEvent.setup();
    const { router } = renderPage([
      search,
      createNetwork(
        [
          { establishmentId: "e1", isLead: true },
          { establishmentId: "e2", isLead: false },
        ],
        {
          data: { createNetworkCandidature: { __typename: "Candidature", id: "c42" } },
        },
      ),
    ]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Nouvelle candidature" }),
    ).toBeInTheDocument();
    await fillNetwork(user);
    // In a network the creator chooses criterion 9 for its own establishment only.
    expect(
      screen.getByText(/chaque établissement cocandidat choisira le sien depuis la vue d'ensemble/),
    ).toBeInTheDocument();

    const members = screen.getByRole("group", { name: /Établissements du réseau/ });
    await user.type(
      within(members).getByLabelText(/Nom, UAI ou commune de l'établissement/),
      "Calanques",
    );
    await user.click(within(members).getByRole("button", { name: "Rechercher" }));
    expect(await screen.findByText("1 établissement trouvé.")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Ajouter Lycée polyvalent Les Calanques" }),
    );
    expect(screen.getByText("2 établissements retenus")).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Retirer Lycée polyvalent Les Calanques" }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Créer la candidature" }));
    expect(
      await screen.findByText("Vue d'ensemble de la nouvelle candidature"),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/candidatures/c42");
  });

  it("shows the API's French refusal (a network needs two establishments)", async () => {
    const user = userEvent.setup();
    const { router } = renderPage([
      createNetwork([{ establishmentId: "e1", isLead: true }], {
        errors: [
          new GraphQLError(
            "Une candidature en réseau réunit au moins deux établissements (1 indiqué).",
            { extensions: { code: "BAD_USER_INPUT" } },
          ),
        ],
      }),
    ]);
    await fillNetwork(user);
    await user.click(screen.getByRole("button", { name: "Créer la candidature" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("La candidature n'a pas pu être créée");
    expect(alert).toHaveTextContent(
      "Une candidature en réseau réunit au moins deux établissements (1 indiqué).",
    );
    expect(router.state.location.pathname).toBe("/candidatures/nouvelle");
  });
});
