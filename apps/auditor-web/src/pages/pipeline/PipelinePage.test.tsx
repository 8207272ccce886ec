import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { addDays, addMonths } from "@ldm/domain";
import { todayLocalDate } from "@ldm/ui";
import { DRAFPIC, meMock, pageRoutes } from "../../test/fixtures";
import { renderRoutes } from "../../test/renderWithProviders";
import { PipelinePage, PipelineQueryDocument } from "./PipelinePage";

const today = todayLocalDate();

const candidature = (id: string, extra: object) => ({
  __typename: "Candidature",
  id,
  labelTitle: `Candidature ${id}`,
  kind: "INDIVIDUAL",
  awardType: "FIRST_AWARD",
  state: "DOSSIER_OPEN",
  auditDate: null,
  createdAt: "2026-01-10T10:00:00.000Z",
  publicationDate: null,
  renewsCandidatureId: null,
  members: [
    {
      __typename: "CoApplicant",
      id: `m-${id}`,
      isLead: true,
      establishment: {
        __typename: "Establishment",
        id: `e-${id}`,
        name: `Lycée ${id}`,
        city: "Nice",
        academieCode: "NICE",
      },
    },
  ],
  ...extra,
});

const academies = [
  { __typename: "Academie", code: "AIX_MARSEILLE", name: "Aix-Marseille" },
  { __typename: "Academie", code: "NICE", name: "Nice" },
];

function pipelineMock(
  filter: { academieCode: string | null; kind: string | null },
  nodes: object[],
  page: { after?: string | null; hasNextPage?: boolean; totalCount?: number } = {},
) {
  return {
    request: { query: PipelineQueryDocument, variables: { after: page.after ?? null, filter } },
    result: {
      data: {
        academies,
        candidatures: {
          __typename: "CandidatureConnection",
          totalCount: page.totalCount ?? nodes.length,
          pageInfo: {
            __typename: "PageInfo",
            endCursor: `after-${nodes.length}`,
            hasNextPage: page.hasNextPage ?? false,
          },
          edges: nodes.map((node, i) => ({ __typename: "CandidatureEdge", cursor: `c${i}`, node })),
        },
      },
    },
  };
}

const late = candidature("tardive", { auditDate: addDays(today, 20) });
const onTime = candidature("alheure", { auditDate: addMonths(today, 5) });
const submitted = candidature("deposee", {
  state: "SUBMITTED",
  kind: "NETWORK",
  auditDate: addMonths(today, 3),
  createdAt: "2025-03-01T10:00:00.000Z",
});
const old = candidature("ancienne", {
  state: "LABELLED",
  auditDate: "2024-05-02",
  publicationDate: "2024-09-01",
});

function renderPipeline(mocks: object[], initialPath = "/candidatures") {
  return renderRoutes(pageRoutes("/candidatures", <PipelinePage />), {
    mocks: [meMock(DRAFPIC), ...mocks] as never,
    initialPath,
  });
}

describe("PipelinePage", () => {
  it("groups every candidature by state in the procedure's order and flags overdue deadlines", async () => {
    renderPipeline([
      pipelineMock({ academieCode: null, kind: null }, [submitted, late, old, onTime]),
    ]);
    expect(await screen.findByRole("heading", { level: 2, name: /Dossier ouvert/ })).toBeVisible();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Dossier ouvert (2)",
      "Dossier déposé (1)",
      "Labellisé (1)",
    ]);
    expect(screen.getByText("4 candidatures.")).toBeInTheDocument();
    expect(screen.getByText("1 candidature a une échéance dépassée.")).toBeInTheDocument();

    const open = screen.getByRole("table", { name: "Candidatures à l'état « Dossier ouvert »" });
    const lateRow = within(open).getByRole("row", { name: /Candidature tardive/ });
    expect(lateRow).toHaveTextContent(/Dépassée\s*Date limite de dépôt du dossier/);
    expect(within(open).getByRole("row", { name: /Candidature alheure/ })).not.toHaveTextContent(
      "Dépassée",
    );
    expect(within(lateRow).getByRole("link", { name: "Candidature tardive" })).toHaveAttribute(
      "href",
      "/candidatures/tardive",
    );
    expect(lateRow).toHaveTextContent("Nice");
  });

  it("asks the API for one académie and one kind, and keeps one school year", async () => {
    const user = userEvent.setup();
    renderPipeline([
      pipelineMock({ academieCode: null, kind: null }, [submitted, late, old]),
      pipelineMock({ academieCode: "NICE", kind: null }, [submitted, late, old]),
      pipelineMock({ academieCode: "NICE", kind: "NETWORK" }, [submitted]),
    ]);
    await screen.findByRole("heading", { level: 2, name: /Dossier ouvert/ });
    await user.selectOptions(screen.getByLabelText("Académie"), "NICE");
    await user.selectOptions(screen.getByLabelText("Type de candidature"), "NETWORK");
    expect(await screen.findByText("1 candidature.")).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Dossier déposé (1)",
    ]);
  });

  it("filters by school year from the URL", async () => {
    renderPipeline(
      [pipelineMock({ academieCode: null, kind: null }, [late, old])],
      "/candidatures?annee=2023-2024",
    );
    expect(await screen.findByRole("heading", { level: 2, name: "Labellisé (1)" })).toBeVisible();
    expect(screen.queryByRole("heading", { level: 2, name: /Dossier ouvert/ })).toBeNull();
    expect(screen.getByLabelText("Année scolaire")).toHaveValue("2023-2024");
  });

  it("loads the next page with the cursor", async () => {
    const user = userEvent.setup();
    renderPipeline([
      pipelineMock({ academieCode: null, kind: null }, [late], {
        hasNextPage: true,
        totalCount: 2,
      }),
      pipelineMock({ academieCode: null, kind: null }, [old], { after: "after-1" }),
    ]);
    expect(await screen.findByText(/1 chargées sur 2/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Afficher les candidatures suivantes" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Labellisé (1)" })).toBeVisible();
    expect(screen.getByText("2 candidatures.")).toBeInTheDocument();
  });
});
