import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { LoginMutation, MeQuery } from "../auth/currentUser";
import { renderRoutes } from "../test/renderWithProviders";
import { LoginPage } from "./LoginPage";

const credentials = { email: "cheffe@demo.ldm.fr", password: "Lycee-des-metiers-2026!" };
const noSession = { request: { query: MeQuery }, result: { data: { me: null } } };

function loginAnswer(result: object) {
  return { request: { query: LoginMutation, variables: { input: credentials } }, result };
}

function renderLogin(mocks: object[]) {
  return renderRoutes(
    [
      { path: "/connexion", element: <LoginPage /> },
      { path: "/candidatures", element: <p>Liste des candidatures</p> },
    ],
    { mocks: [noSession, ...mocks] as never, initialPath: "/connexion" },
  );
}

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/Adresse électronique/), credentials.email);
  await user.type(screen.getByLabelText("Mot de passe"), credentials.password);
  await user.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("LoginPage", () => {
  it("is in French", async () => {
    renderLogin([]);
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Connexion au portail des établissements",
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse électronique/)).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Mot de passe")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Se connecter" })).toBeEnabled();
  });

  it("shows the API's French message when the login is refused", async () => {
    renderLogin([
      loginAnswer({
        errors: [
          new GraphQLError("Adresse électronique ou mot de passe incorrect.", {
            extensions: { code: "UNAUTHENTICATED" },
          }),
        ],
      }),
    ]);
    await fillAndSubmit();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Connexion impossible");
    expect(alert).toHaveTextContent("Adresse électronique ou mot de passe incorrect.");
  });

  it("says the account is temporarily locked after too many attempts", async () => {
    renderLogin([
      loginAnswer({
        errors: [
          new GraphQLError("Trop de tentatives de connexion : réessayez dans 15 minutes.", {
            extensions: { code: "TOO_MANY_ATTEMPTS" },
          }),
        ],
      }),
    ]);
    await fillAndSubmit();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Connexion temporairement bloquée");
    expect(alert).toHaveTextContent("Trop de tentatives de connexion : réessayez dans 15 minutes.");
  });

  it("opens « Mes candidatures » once logged in", async () => {
    renderLogin([
      loginAnswer({
        data: {
          login: {
            __typename: "User",
            id: "u1",
            fullName: "Claire Martin",
            email: credentials.email,
            role: "SCHOOL_HEAD",
            establishment: { __typename: "Establishment", id: "e1", name: "Lycée des Palmiers" },
          },
        },
      }),
    ]);
    await fillAndSubmit();
    expect(await screen.findByText("Liste des candidatures")).toBeInTheDocument();
  });
});
