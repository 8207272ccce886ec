import { screen } from "@testing-library/react";
import { renderRoutes } from "../../test/renderWithProviders";
import type { CandidatureShell } from "./candidatureContext";
import { CandidatureSideMenu } from "./CandidatureSideMenu";

const shell = (kind: CandidatureShell["kind"]): CandidatureShell => ({
  id: "c1",
  labelTitle: "Métiers de la mer",
  kind,
  state: "DOSSIER_OPEN",
  awardType: "FIRST_AWARD",
  criteria: [
    { code: "1", number: 1, shortTitle: "Orientation", optional: false },
    { code: "9a", number: 9, shortTitle: "Numérique", optional: true },
  ],
});

function renderMenu(kind: CandidatureShell["kind"], path = "/candidatures/c1") {
  renderRoutes([{ path: "*", element: <CandidatureSideMenu candidature={shell(kind)} /> }], {
    initialPath: path,
  });
}

describe("CandidatureSideMenu", () => {
  it("links every page of the dossier, one entry per criterion, the current one marked", () => {
    renderMenu("NETWORK", "/candidatures/c1/exports");
    expect(screen.getByRole("link", { name: "Vue d'ensemble" })).toHaveAttribute(
      "href",
      "/candidatures/c1",
    );
    expect(screen.getByRole("link", { name: "Critère 1 — Orientation" })).toHaveAttribute(
      "href",
      "/candidatures/c1/criteres/1",
    );
    expect(screen.getByRole("link", { name: "Critère 9 — Numérique" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Stratégies communes" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Exports" })).toHaveAttribute("aria-current", "page");
  });

  it("has no common strategies for an individual candidature, and greys the audit's pages", () => {
    renderMenu("INDIVIDUAL");
    expect(screen.queryByRole("link", { name: "Stratégies communes" })).not.toBeInTheDocument();
    const auditPlan = screen.getByText("Plan d'audit").closest("button");
    expect(auditPlan).toBeDisabled();
    expect(auditPlan).toHaveTextContent("bientôt");
  });
});
