import { screen, within } from "@testing-library/react";
import { addDays } from "@ldm/domain";
import { todayLocalDate } from "@ldm/ui";
import { AUDITOR, meMock, pageRoutes } from "../../test/fixtures";
import { renderRoutes } from "../../test/renderWithProviders";
import { MyAuditsPage, MyAuditsQueryDocument } from "./MyAuditsPage";

const today = todayLocalDate();

const audit = (id: string, extra: object) => ({
  __typename: "Candidature",
  id,
  labelTitle: `Candidature ${id}`,
  kind: "INDIVIDUAL",
  awardType: "FIRST_AWARD",
  state: "SUBMITTED",
  auditDate: addDays(today, 40),
  submittedAt: "2026-01-10T10:00:00.000Z",
  publicationDate: null,
  members: [
    {
      __typename: "CoApplicant",
      id: `m-${id}`,
      isLead: true,
      establishment: {
        __typename: "Establishment",
        id: `e-${id}`,
        name: `Lycée ${id}`,
        city: "Toulon",
      },
    },
  ],
  ...extra,
});

function auditsMock(nodes: object[], hasNextPage = false) {
  return {
    request: { query: MyAuditsQueryDocument, variables: { after: null } },
    result: {
      data: {
        candidatures: {
          __typename: "CandidatureConnection",
          totalCount: nodes.length,
          pageInfo: { __typename: "PageInfo", endCursor: "c1", hasNextPage },
          edges: nodes.map((node, i) => ({ __typename: "CandidatureEdge", cursor: `c${i}`, node })),
        },
      },
    },
  };
}

function renderPage(nodes: object[]) {
  return renderRoutes(pageRoutes("/audits", <MyAuditsPage />), {
    mocks: [meMock(AUDITOR), auditsMock(nodes)] as never,
    initialPath: "/audits",
  });
}

describe("MyAuditsPage", () => {
  it("lists the audits, the coming one first, with what is expected of the auditor", async () => {
    renderPage([
      audit("rapport", { state: "AUDITED", auditDate: addDays(today, -10) }),
      audit("toulon", { state: "PREPARATORY_VISIT_DONE" }),
      audit("grasse", {
        state: "LABELLED",
        auditDate: "2024-05-02",
        publicationDate: "2024-09-01",
      }),
    ]);
    const cards = await screen.findAllByRole("region");
    // The audit to come first, then the past ones, the most recent first.
    expect(cards.map((c) => within(c).getByRole("heading", { level: 2 }).textContent)).toEqual([
      "Candidature toulon",
      "Candidature rapport",
      "Candidature grasse",
    ]);
    expect(screen.getByRole("heading", { level: 1, name: "Mes audits" })).toBeInTheDocument();
    expect(screen.getByText("3 audits")).toBeInTheDocument();

    const toulon = screen.getByRole("region", { name: "Candidature toulon" });
    expect(toulon).toHaveTextContent(
      "Préparer l'audit puis renseigner votre grille d'évaluation, les axes de progrès et les engagements.",
    );
    // An auditor's deadlines only: the audit day, not the school's audit plan.
    expect(toulon).toHaveTextContent("Journée d'audit");
    expect(toulon).not.toHaveTextContent("plan d'audit");
    expect(within(toulon).getByRole("link", { name: "Lire le dossier" })).toHaveAttribute(
      "href",
      "/candidatures/toulon/dossier",
    );

    // Audited ten days ago: the report is due within four weeks.
    const report = screen.getByRole("region", { name: "Candidature rapport" });
    expect(report).toHaveTextContent("Date limite de remise du rapport d'audit");

    const grasse = screen.getByRole("region", { name: "Candidature grasse" });
    expect(grasse).toHaveTextContent("Rien à faire : le rapport d'audit est remis.");
    expect(grasse).toHaveTextContent("Aucune échéance en cours.");
  });

  it("says when nothing is assigned yet", async () => {
    renderPage([]);
    expect(await screen.findByText(/Aucun audit ne vous est confié pour l'instant/)).toBeVisible();
  });
});
