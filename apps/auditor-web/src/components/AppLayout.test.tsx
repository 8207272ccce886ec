import { screen } from "@testing-library/react";
import { AUDITOR, DRAFPIC, meMock } from "../test/fixtures";
import { renderRoutes } from "../test/renderWithProviders";
import { AppLayout } from "./AppLayout";

function renderLayout(user: object, path: string) {
  return renderRoutes(
    [{ element: <AppLayout />, children: [{ path: "*", element: <h1>Page</h1> }] }],
    { mocks: [meMock(user)] as never, initialPath: path },
  );
}

describe("AppLayout", () => {
  it("gives an auditor « Mes audits », active on the dossiers it leads to", async () => {
    renderLayout(AUDITOR, "/candidatures/c1/dossier");
    const link = await screen.findByRole("link", { name: "Mes audits" });
    expect(link).toHaveAttribute("aria-current", "page");
    expect(screen.queryByRole("link", { name: "Candidatures" })).toBeNull();
    expect(screen.getAllByText("Françoise Delmas").length).toBeGreaterThan(0);
  });

  it("gives the regional team the pipeline", async () => {
    renderLayout(DRAFPIC, "/candidatures");
    expect(await screen.findByRole("link", { name: "Candidatures" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(screen.queryByRole("link", { name: "Mes audits" })).toBeNull();
  });
});
