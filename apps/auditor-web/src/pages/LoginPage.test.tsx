import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RequireAuth } from "../auth/RequireAuth";
import { LoginMutation } from "../auth/session";
import { AUDITOR, meMock, SCHOOL_HEAD } from "../test/fixtures";
import { renderRoutes } from "../test/renderWithProviders";
import { LoginPage } from "./LoginPage";

const credentials = { email: "auditrice@demo.ldm.fr", password: "Lycee-des-metiers-2026!" };

const routes = [
  { path: "/connexion", element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [{ path: "/audits", element: <p>Liste de mes audits</p> }],
  },
];

describe("LoginPage and the guard", () => {
  it("sends a visitor without a session to the login page, then back to the page asked for", async () => {
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, {
      mocks: [
        meMock(null),
        {
          request: { query: LoginMutation, variables: { input: credentials } },
          result: { data: { login: AUDITOR } },
        },
      ] as never,
      initialPath: "/audits",
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Connexion au portail des auditeurs" }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe("?suite=%2Faudits");
    await user.type(screen.getByLabelText(/Adresse électronique/), credentials.email);
    await user.type(screen.getByLabelText("Mot de passe"), credentials.password);
    await user.click(screen.getByRole("button", { name: "Se connecter" }));
    expect(await screen.findByText("Liste de mes audits")).toBeInTheDocument();
  });

  it("shows a school account the way to its own portal", async () => {
    renderRoutes(routes, { mocks: [meMock(SCHOOL_HEAD)] as never, initialPath: "/audits" });
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Portail réservé aux auditeurs et à l'équipe régionale",
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText("Liste de mes audits")).toBeNull();
    expect(
      screen.getByRole("link", { name: "Aller au portail des établissements" }),
    ).toHaveAttribute("href", "/");
  });
});
