import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { MeQuery } from "../../auth/currentUser";
import { renderRoutes } from "../../test/renderWithProviders";
import { CandidatureReadinessQuery, SubmitDossierMutation } from "./readiness/queries";
import { ReadinessPage } from "./ReadinessPage";

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

const general = "Approbation du dépôt par le chef d'établissement de Lycée Les Calanques";
const pilot1 = "Pilote du critère 1 pour Lycée des Palmiers";
const level1 = "Niveau d'atteinte auto-évalué de Lycée des Palmiers au critère 1";

const candidature = {
  __typename: "Candidature",
  id: "c1",
  kind: "NETWORK",
  state: "DOSSIER_OPEN",
  auditDate: "2099-06-15",
  submittedAt: null,
  availableTransitions: ["SUBMIT_DOSSIER", "WITHDRAW"],
  members: [
    {
      __typename: "CoApplicant",
      id: "m1",
      isLead: true,
      establishment: { __typename: "Establishment", id: "e1", name: "Lycée des Palmiers" },
    },
    {
      __typename: "CoApplicant",
      id: "m2",
      isLead: false,
      establishment: { __typename: "Establishment", id: "e2", name: "Lycée Les Calanques" },
    },
  ],
  criteria: [
    { __typename: "Criterion", code: "1", number: 1, shortTitle: "Orientation" },
    { __typename: "Criterion", code: "2", number: 2, shortTitle: "Insertion" },
  ],
  readiness: {
    __typename: "Readiness",
    ready: false,
    missing: [general, pilot1, level1],
    criteria: [
      {
        __typename: "CriterionReadiness",
        criterionCode: "1",
        ready: false,
        missing: [pilot1, level1],
      },
      { __typename: "CriterionReadiness", criterionCode: "2", ready: true, missing: [] },
    ],
  },
  deadlines: [
    { __typename: "Deadline", kind: "DOSSIER_DUE", date: "2099-04-15" },
    { __typename: "Deadline", kind: "AUDIT", date: "2099-06-15" },
  ],
  submittedDossier: null,
};

const readiness = {
  request: { query: CandidatureReadinessQuery, variables: { id: "c1" } },
  result: { data: { candidature } },
};

function renderPage(mocks: object[]) {
  return renderRoutes(
    [
      { path: "/candidatures/:candidatureId/preparation-et-depot", element: <ReadinessPage /> },
      { path: "*", element: <p>Autre page</p> },
    ],
    {
      mocks: [me, readiness, ...mocks] as never,
      initialPath: "/candidatures/c1/preparation-et-depot",
    },
  );
}

describe("ReadinessPage", () => {
  it("lists what is missing, overall and per criterion, each criterion linking to its page", async () => {
    renderPage([]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "État de préparation et dépôt" }),
    ).toBeInTheDocument();
    expect(await screen.findByText("Il manque encore 3 éléments au dossier.")).toBeInTheDocument();
    const generalSection = screen.getByRole("region", { name: "Engagement et approbations" });
    expect(within(generalSection).getByText(general)).toBeInTheDocument();

    const table = screen.getByRole("table", { name: "Préparation par critère" });
    const row1 = within(table).getByRole("row", { name: /Critère 1 — Orientation/ });
    expect(within(row1).getByText(pilot1)).toBeInTheDocument();
    expect(within(row1).getByText(level1)).toBeInTheDocument();
    expect(within(row1).getByText("incomplet (2)")).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "Critère 1 — Orientation" })).toHaveAttribute(
      "href",
      "/candidatures/c1/criteres/1",
    );
    const row2 = within(table).getByRole("row", { name: /Critère 2 — Insertion/ });
    expect(within(row2).getByText("prêt")).toBeInTheDocument();
    expect(screen.getByText(/Date limite de dépôt du dossier : 15 avril 2099/)).toBeInTheDocument();
  });

  it("shows the French refusal of the submission and what is still missing", async () => {
    const user = userEvent.setup();
    const message = `Le dossier est incomplet : ${general} ; ${pilot1} ; ${level1}.`;
    renderPage([
      {
        request: {
          query: SubmitDossierMutation,
          variables: { input: { candidatureId: "c1", transition: "SUBMIT_DOSSIER" } },
        },
        result: {
          errors: [new GraphQLError(message, { extensions: { code: "INVALID_TRANSITION" } })],
        },
      },
      readiness,
    ]);
    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));
    await user.click(screen.getByRole("button", { name: "Confirmer le dépôt du dossier" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Le dossier n'a pas été déposé");
    expect(alert).toHaveTextContent(
      "Le dossier est incomplet : il manque encore 3 éléments, détaillés ci-dessous.",
    );
    const submission = screen.getByRole("region", { name: "Dépôt du dossier" });
    expect(within(submission).getByText("Il manque encore 3 éléments :")).toBeInTheDocument();
    expect(within(submission).getByText(general)).toBeInTheDocument();
    expect(
      within(submission).getByText("Critère 1 — Orientation : 2 éléments manquants"),
    ).toBeInTheDocument();
    expect(within(submission).getByText(pilot1)).toBeInTheDocument();
    expect(within(submission).getByText(level1)).toBeInTheDocument();
  });

  it("shows any other refusal as the API words it (deadline passed)", async () => {
    const user = userEvent.setup();
    const message =
      "Le dossier devait être déposé au plus tard le 15 avril 2099, deux mois avant l'audit du 15 juin 2099.";
    renderPage([
      {
        request: {
          query: SubmitDossierMutation,
          variables: { input: { candidatureId: "c1", transition: "SUBMIT_DOSSIER" } },
        },
        result: {
          errors: [new GraphQLError(message, { extensions: { code: "DEADLINE_PASSED" } })],
        },
      },
      readiness,
    ]);
    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));
    await user.click(screen.getByRole("button", { name: "Confirmer le dépôt du dossier" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Le dossier n'a pas été déposé");
    expect(alert).toHaveTextContent(message);
  });

  it("shows the frozen dossier once submitted", async () => {
    const user = userEvent.setup();
    const sha256 = "a".repeat(64);
    renderPage([
      {
        request: {
          query: SubmitDossierMutation,
          variables: { input: { candidatureId: "c1", transition: "SUBMIT_DOSSIER" } },
        },
        result: {
          data: {
            transitionCandidature: {
              ...candidature,
              state: "SUBMITTED",
              submittedAt: "2099-03-01T09:30:00.000Z",
              availableTransitions: [],
              readiness: { ...candidature.readiness, ready: true, missing: [], criteria: [] },
              submittedDossier: {
                __typename: "DossierSnapshot",
                id: "s1",
                sha256,
                submittedAt: "2099-03-01T09:30:00.000Z",
              },
              history: [],
            },
          },
        },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Déposer le dossier" }));
    await user.click(screen.getByRole("button", { name: "Confirmer le dépôt du dossier" }));
    expect(await screen.findByText(/Dossier déposé le 1 mars 2099/)).toBeInTheDocument();
    expect(screen.getByText(sha256)).toBeInTheDocument();
    expect(screen.getByText(/il n'est plus modifiable/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Déposer le dossier" })).not.toBeInTheDocument();
  });
});
