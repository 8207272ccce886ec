import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MeQuery } from "../../auth/currentUser";
import { renderRoutes } from "../../test/renderWithProviders";
import { AssignCriterionPilotMutation } from "./team/AssignPilotForm";
import { CandidaturePilotsQuery, SteeringTeamQuery } from "./team/queries";
import { TeamPage } from "./TeamPage";

function meAs(role: "SCHOOL_HEAD" | "SCHOOL_STAFF") {
  return {
    request: { query: MeQuery },
    result: {
      data: {
        me: {
          __typename: "User",
          id: role === "SCHOOL_HEAD" ? "u1" : "u2",
          fullName: role === "SCHOOL_HEAD" ? "Claire Martin" : "Karim Benali",
          email: "x@demo.ldm.fr",
          role,
          establishment: { __typename: "Establishment", id: "e1", name: "Lycée des Palmiers" },
        },
      },
    },
  };
}

const karim = { __typename: "User", id: "u2", fullName: "Karim Benali", jobTitle: "DDFPT" };

const pilots = {
  request: { query: CandidaturePilotsQuery, variables: { id: "c1" } },
  result: {
    data: {
      candidature: {
        __typename: "Candidature",
        id: "c1",
        state: "DOSSIER_OPEN",
        kind: "NETWORK",
        criteria: [
          { __typename: "Criterion", code: "1", number: 1, shortTitle: "Orientation" },
          { __typename: "Criterion", code: "4", number: 4, shortTitle: "Ouverture" },
          // Chosen by Les Calanques only.
          { __typename: "Criterion", code: "9a", number: 9, shortTitle: "Numérique" },
        ],
        members: [
          {
            __typename: "CoApplicant",
            id: "m1",
            isLead: true,
            optionalCriterionVariant: null,
            establishment: { __typename: "Establishment", id: "e1", name: "Lycée des Palmiers" },
          },
          {
            __typename: "CoApplicant",
            id: "m2",
            isLead: false,
            optionalCriterionVariant: "A",
            establishment: { __typename: "Establishment", id: "e2", name: "Lycée Les Calanques" },
          },
        ],
        pilots: [
          {
            __typename: "CriterionPilot",
            id: "p1",
            criterionCode: "1",
            establishment: { __typename: "Establishment", id: "e1" },
            user: karim,
          },
        ],
      },
    },
  },
};

const team = {
  request: { query: SteeringTeamQuery, variables: { establishmentId: "e1" } },
  result: {
    data: {
      users: {
        __typename: "UserConnection",
        totalCount: 2,
        edges: [
          {
            __typename: "UserEdge",
            node: {
              __typename: "User",
              id: "u1",
              fullName: "Claire Martin",
              email: "cheffe@demo.ldm.fr",
              jobTitle: "Proviseure",
              role: "SCHOOL_HEAD",
            },
          },
          {
            __typename: "UserEdge",
            node: {
              __typename: "User",
              id: "u2",
              fullName: "Karim Benali",
              email: "pilote@demo.ldm.fr",
              jobTitle: "DDFPT",
              role: "SCHOOL_STAFF",
            },
          },
        ],
      },
    },
  },
};

function renderPage(role: "SCHOOL_HEAD" | "SCHOOL_STAFF", mocks: object[] = []) {
  return renderRoutes([{ path: "/candidatures/:candidatureId/equipe", element: <TeamPage /> }], {
    mocks: [meAs(role), pilots, team, ...mocks] as never,
    initialPath: "/candidatures/c1/equipe",
  });
}

describe("TeamPage", () => {
  it("shows the steering team and the pilot grid, criterion × establishment", async () => {
    renderPage("SCHOOL_HEAD");
    const members = await screen.findByRole("table", { name: "Comptes de l'établissement" });
    const karimRow = await within(members).findByRole("row", { name: /Karim Benali/ });
    expect(within(karimRow).getByText("DDFPT")).toBeInTheDocument();
    expect(within(karimRow).getByText("critère 1")).toBeInTheDocument();

    const grid = screen.getByRole("table", {
      name: "Pilotes de chaque critère dans chaque établissement",
    });
    expect(within(grid).getByRole("columnheader", { name: "Lycée Les Calanques" })).toBeVisible();
    const row1 = within(grid).getByRole("row", { name: /Critère 1 — Orientation/ });
    expect(within(row1).getByText("Karim Benali")).toBeInTheDocument();
    expect(
      within(row1).getByRole("button", {
        name: "Retirer Karim Benali du pilotage du critère 1",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/créés par l'équipe régionale du label \(DRAFPIC\)/)).toBeVisible();
    // Criterion 9-a: a cell to fill for Les Calanques, which chose it, none for Les Palmiers.
    const row9 = within(grid).getByRole("row", { name: /Critère 9 — Numérique/ });
    const [palmiers, calanques] = within(row9).getAllByRole("cell");
    expect(palmiers).toHaveTextContent("critère non retenu par cet établissement");
    expect(calanques).toHaveTextContent("aucun pilote");
    // The head of Les Palmiers names pilots only on the criteria its establishment answers.
    const form = screen.getByRole("region", { name: "Désigner un pilote" });
    expect(within(form).queryByRole("option", { name: /Critère 9/ })).not.toBeInTheDocument();
    expect(within(form).getByRole("option", { name: /Critère 4/ })).toBeInTheDocument();
  });

  it("lets the head assign a pilot, who then appears in the grid", async () => {
    const user = userEvent.setup();
    renderPage("SCHOOL_HEAD", [
      {
        request: {
          query: AssignCriterionPilotMutation,
          variables: { input: { candidatureId: "c1", criterionCode: "4", userId: "u2" } },
        },
        result: {
          data: {
            assignCriterionPilot: {
              __typename: "CriterionPilot",
              id: "p2",
              criterionCode: "4",
              establishment: { __typename: "Establishment", id: "e1" },
              user: karim,
            },
          },
        },
      },
    ]);
    const form = await screen.findByRole("region", { name: "Désigner un pilote" });
    await user.selectOptions(within(form).getByLabelText("Critère"), "4");
    await within(form).findByRole("option", { name: /Karim Benali — DDFPT/ });
    await user.selectOptions(within(form).getByLabelText(/Membre de l'équipe de pilotage/), "u2");
    await user.click(within(form).getByRole("button", { name: "Désigner le pilote" }));
    expect(
      await screen.findByText("Karim Benali pilote désormais le critère 4."),
    ).toBeInTheDocument();
    const grid = screen.getByRole("table", {
      name: "Pilotes de chaque critère dans chaque établissement",
    });
    const row4 = within(grid).getByRole("row", { name: /Critère 4 — Ouverture/ });
    expect(within(row4).getByText("Karim Benali")).toBeInTheDocument();
  });

  it("asks for the criterion and the member before assigning", async () => {
    const user = userEvent.setup();
    renderPage("SCHOOL_HEAD");
    const form = await screen.findByRole("region", { name: "Désigner un pilote" });
    await user.click(within(form).getByRole("button", { name: "Désigner le pilote" }));
    expect(within(form).getByText("Choisissez le critère.")).toBeInTheDocument();
    expect(within(form).getByText("Choisissez le membre de l'équipe.")).toBeInTheDocument();
  });

  it("is read-only for a member of the steering team", async () => {
    renderPage("SCHOOL_STAFF");
    expect(await screen.findByText(/cette page est en lecture seule pour vous/)).toBeVisible();
    expect(screen.queryByRole("region", { name: "Désigner un pilote" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Retirer/ })).not.toBeInTheDocument();
  });
});
