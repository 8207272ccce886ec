import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MeQuery } from "../../auth/currentUser";
import { renderRoutes } from "../../test/renderWithProviders";
import { AcademiesQueryDocument } from "../new-candidature/EstablishmentSearch";
import { SetOptionalCriterionMutation } from "./overview/OptionalCriterionForm";
import { ApproveSubmissionMutation } from "./overview/SubmissionApproval";
import { CandidatureOverviewQuery, OverviewPage } from "./OverviewPage";

const NAMES: Record<string, string> = {
  e1: "Lycée des Palmiers",
  e2: "Lycée Les Calanques",
  e3: "Lycée de l'Arsenal",
};

function meOf(establishmentId: string) {
  return {
    request: { query: MeQuery },
    result: {
      data: {
        me: {
          __typename: "User",
          id: "u1",
          fullName: "Claire Martin",
          email: "cheffe@demo.ldm.fr",
          role: "SCHOOL_HEAD",
          // The same name as in the candidature: both land on one cached Establishment.
          establishment: {
            __typename: "Establishment",
            id: establishmentId,
            name: NAMES[establishmentId],
          },
        },
      },
    },
  };
}

const member = (
  id: string,
  name: string,
  isLead: boolean,
  approvedAt: string | null,
  optionalCriterionVariant: "A" | "B" | null = null,
) => ({
  __typename: "CoApplicant",
  id: `m-${id}`,
  isLead,
  optionalCriterionVariant,
  engagementLetterOn: "2099-01-10",
  boardMinutesOn: isLead ? "2099-01-20" : null,
  submissionApprovedAt: approvedAt,
  establishment: {
    __typename: "Establishment",
    id,
    name,
    uai: `013000${id}`,
    city: "Marseille",
    academie: { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
  },
});

const candidature = (approvedAt: string | null, calanques: "A" | "B" | null = null) => ({
  __typename: "Candidature",
  id: "c1",
  labelTitle: "Métiers de la mer",
  kind: "NETWORK",
  awardType: "FIRST_AWARD",
  state: "DOSSIER_OPEN",
  referentialVersion: "2024",
  submittedAt: null,
  auditDate: null,
  criteria: [
    { __typename: "Criterion", code: "1", number: 1, shortTitle: "Orientation", optional: false },
  ],
  members: [
    member("e1", "Lycée des Palmiers", true, null, "A"),
    member("e2", "Lycée Les Calanques", false, approvedAt, calanques),
    member("e3", "Lycée de l'Arsenal", false, null),
  ],
  engagementDocuments: [],
  readiness: { __typename: "Readiness", ready: false, missing: ["x"] },
  history: [],
  availableTransitions: ["SUBMIT_DOSSIER"],
  deadlines: [],
});

const overview = (approvedAt: string | null = null) => ({
  request: { query: CandidatureOverviewQuery, variables: { id: "c1" } },
  result: { data: { candidature: candidature(approvedAt) } },
});

const academies = {
  request: { query: AcademiesQueryDocument },
  result: { data: { academies: [] } },
};

function renderPage(mocks: object[]) {
  return renderRoutes([{ path: "/candidatures/:candidatureId", element: <OverviewPage /> }], {
    mocks: [academies, ...mocks] as never,
    initialPath: "/candidatures/c1",
  });
}

describe("OverviewPage", () => {
  it("lets the lead's head remove co-applicants and choose its own establishment's criterion 9 only", async () => {
    renderPage([meOf("e1"), overview()]);
    const table = await screen.findByRole("table", { name: "Établissements candidats" });
    expect(within(table).getAllByText("en attente").length).toBeGreaterThan(0);
    expect(
      within(table).getByRole("button", { name: "Retirer Lycée Les Calanques" }),
    ).toBeInTheDocument();
    expect(within(table).queryByRole("button", { name: "Retirer Lycée des Palmiers" })).toBeNull();
    expect(
      screen.getByRole("region", { name: "Inviter un établissement cocandidat" }),
    ).toBeInTheDocument();
    // Criterion 9: each establishment's choice, shown to all…
    const choices = screen.getByRole("table", {
      name: "Critère 9 retenu par chaque établissement",
    });
    expect(within(choices).getByRole("row", { name: /Lycée des Palmiers/ })).toHaveTextContent(
      "9-a — le numérique au service des métiers",
    );
    expect(within(choices).getByRole("row", { name: /Lycée Les Calanques/ })).toHaveTextContent(
      "Aucun",
    );
    // …chosen by the lead's head for its own establishment, not for the co-applicants.
    const own = screen.getByRole("group", { name: /Critère 9 de Lycée des Palmiers/ });
    expect(within(own).getByRole("radio", { name: /9-a/ })).toBeChecked();
    expect(
      screen.getByRole("button", {
        name: "Enregistrer le choix du critère 9 de Lycée des Palmiers",
      }),
    ).toBeDisabled();
    expect(screen.queryByRole("group", { name: /Critère 9 de Lycée Les Calanques/ })).toBeNull();
    expect(
      screen.queryByRole("button", { name: "Approuver le dépôt du dossier" }),
    ).not.toBeInTheDocument();
  });

  it("lets a co-applicant's head choose its establishment's criterion 9", async () => {
    const user = userEvent.setup();
    renderPage([
      meOf("e2"),
      overview(),
      {
        request: {
          query: SetOptionalCriterionMutation,
          variables: { input: { candidatureId: "c1", establishmentId: "e2", variant: "B" } },
        },
        result: { data: { setOptionalCriterion: candidature(null, "B") } },
      },
    ]);
    const own = await screen.findByRole("group", {
      name: /Critère 9 de Lycée Les Calanques/,
    });
    expect(screen.queryByRole("group", { name: /Critère 9 de Lycée des Palmiers/ })).toBeNull();
    await user.click(within(own).getByRole("radio", { name: /9-b/ }));
    await user.click(
      screen.getByRole("button", {
        name: "Enregistrer le choix du critère 9 de Lycée Les Calanques",
      }),
    );
    expect(
      await screen.findByText("Le choix du critère 9 de Lycée Les Calanques est enregistré."),
    ).toBeVisible();
    const choices = screen.getByRole("table", {
      name: "Critère 9 retenu par chaque établissement",
    });
    expect(within(choices).getByRole("row", { name: /Lycée Les Calanques/ })).toHaveTextContent(
      "9-b — égalité filles-garçons",
    );
  });

  it("lets a co-applicant's head approve the submission, and shows who approved", async () => {
    const user = userEvent.setup();
    renderPage([
      meOf("e2"),
      overview(),
      {
        request: {
          query: ApproveSubmissionMutation,
          variables: { input: { candidatureId: "c1" } },
        },
        result: { data: { approveSubmission: candidature("2099-02-01T10:00:00.000Z") } },
      },
    ]);
    const approval = await screen.findByRole("region", {
      name: "Approbation du dépôt par les cocandidats",
    });
    expect(
      within(approval).getByText("Lycée Les Calanques : approbation en attente"),
    ).toBeVisible();
    expect(screen.queryByRole("button", { name: /^Retirer/ })).not.toBeInTheDocument();
    await user.click(
      within(approval).getByRole("button", { name: "Approuver le dépôt du dossier" }),
    );
    expect(
      await within(approval).findByText(
        /Lycée Les Calanques : approuvé par son chef d'établissement le 1 février 2099/,
      ),
    ).toBeVisible();
    expect(
      within(approval).queryByRole("button", { name: "Approuver le dépôt du dossier" }),
    ).not.toBeInTheDocument();
  });
});
