import { screen } from "@testing-library/react";
import { ErrorBoundary } from "./ErrorBoundary";
import { renderWithI18n } from "./test-utils";

function Broken(): never {
  throw new Error("rendu impossible");
}

describe("ErrorBoundary", () => {
  it("shows the French error page instead of a blank page", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithI18n(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(
      screen.getByRole("heading", { level: 1, name: "Une erreur inattendue est survenue" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Recharger la page" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Revenir à l'accueil" })).toHaveAttribute("href", "/");
    expect(screen.queryByText("rendu impossible")).not.toBeInTheDocument();
    spy.mockRestore();
  });
});
