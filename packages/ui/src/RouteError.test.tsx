import { screen } from "@testing-library/react";
import { RouteError } from "./RouteError";
import { renderWithI18n } from "./test-utils";

describe("RouteError", () => {
  it("answers the 404 page for an unknown URL", () => {
    renderWithI18n(<RouteError error={{ status: 404, statusText: "Not Found" }} />);
    expect(screen.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeInTheDocument();
    expect(document.title).toBe("Page introuvable — Label Lycée des métiers");
  });

  it("answers the error page, without internals, for anything else", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithI18n(<RouteError error={new Error("boom in loader")} homeHref="/auditeurs/" />);
    expect(
      screen.getByRole("heading", { level: 1, name: "Une erreur inattendue est survenue" }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/boom/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Revenir à l'accueil" })).toHaveAttribute(
      "href",
      "/auditeurs/",
    );
    spy.mockRestore();
  });
});
