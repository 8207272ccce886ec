import { screen } from "@testing-library/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { GraphQLErrorAlert } from "./GraphQLErrorAlert";
import { renderWithI18n } from "./test-utils";
import { UploadError } from "./upload/uploadFile";

describe("GraphQLErrorAlert", () => {
  it("shows the French message of the API, not a stack", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: "Adresse électronique ou mot de passe incorrect.",
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    });
    renderWithI18n(<GraphQLErrorAlert error={error} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("L'opération n'a pas abouti");
    expect(alert).toHaveTextContent("Adresse électronique ou mot de passe incorrect.");
    expect(alert).not.toHaveTextContent(/at .*\.js/);
  });

  it("lists several distinct messages once each", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        { message: "Premier refus." },
        { message: "Second refus." },
        { message: "Premier refus." },
      ],
    });
    renderWithI18n(<GraphQLErrorAlert error={error} title="Enregistrement refusé" />);
    expect(screen.getByRole("heading", { name: "Enregistrement refusé" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });

  it("shows a generic French message for a network error", () => {
    const error = new TypeError("Failed to fetch\n    at fetch (http://localhost/x.js:1:1)");
    renderWithI18n(<GraphQLErrorAlert error={error} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Service injoignable");
    expect(alert).toHaveTextContent("Le service est momentanément injoignable");
    expect(alert).not.toHaveTextContent("Failed to fetch");
  });

  it("shows the API's message of a refused upload", () => {
    renderWithI18n(
      <GraphQLErrorAlert
        error={new UploadError("Fichier trop volumineux.", "BAD_USER_INPUT", 413)}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Fichier trop volumineux.");
  });

  it("renders nothing without an error", () => {
    const { container } = renderWithI18n(<GraphQLErrorAlert error={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("speaks English when the portal does", () => {
    renderWithI18n(<GraphQLErrorAlert error={new Error("boom")} />, "en");
    expect(screen.getByRole("alert")).toHaveTextContent("Service unreachable");
  });
});
