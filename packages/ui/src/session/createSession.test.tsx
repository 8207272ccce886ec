import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApolloLink, gql, type TypedDocumentNode } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { GraphQLError } from "graphql";
import { Observable } from "rxjs";
import { renderWithI18n } from "../test-utils";
import { createSession } from "./createSession";

interface User {
  __typename?: "User";
  id: string;
  fullName: string | null;
  email: string | null;
}

const session = createSession<User>({
  me: gql`
    query Me {
      me {
        id
        fullName
        email
      }
    }
  ` as TypedDocumentNode<{ me?: User | null }, Record<string, never>>,
  login: gql`
    mutation Login($input: LoginInput!) {
      login(input: $input) {
        id
        fullName
        email
      }
    }
  ` as TypedDocumentNode<{ login: User }, { input: { email: string; password: string } }>,
  logout: gql`
    mutation Logout {
      logout
    }
  ` as TypedDocumentNode<{ logout: boolean }, Record<string, never>>,
});

const credentials = { email: "auditrice@demo.ldm.fr", password: "Lycee-des-metiers-2026!" };
const claire: User = {
  __typename: "User",
  id: "u1",
  fullName: "Claire Auditrice",
  email: credentials.email,
};
const noSession: MockLink.MockedResponse = {
  request: { query: session.documents.me },
  result: { data: { me: null } },
};

function Who() {
  const { user, loading } = session.useCurrentUser();
  if (loading) return null;
  return <p>{user ? `Connectée : ${user.fullName}` : "Sans session"}</p>;
}

function renderLogin(mocks: MockLink.MockedResponse[]) {
  return renderWithI18n(
    <MockedProvider mocks={[noSession, ...mocks]}>
      <>
        <session.LoginPanel title="Connexion au portail des auditeurs" intro="Votre compte." />
        <Who />
      </>
    </MockedProvider>,
  );
}

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/Adresse électronique/), credentials.email);
  await user.type(screen.getByLabelText("Mot de passe"), credentials.password);
  await user.click(screen.getByRole("button", { name: "Se connecter" }));
}

function loginAnswer(result: MockLink.MockedResponse["result"]): MockLink.MockedResponse {
  return {
    request: { query: session.documents.login, variables: { input: credentials } },
    result,
  };
}

describe("createSession", () => {
  it("renders the login form in French with the page's title", async () => {
    renderLogin([]);
    expect(
      screen.getByRole("heading", { level: 1, name: "Connexion au portail des auditeurs" }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse électronique/)).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Mot de passe")).toHaveAttribute("type", "password");
    await waitFor(() =>
      expect(document.title).toBe("Connexion au portail des auditeurs — Label Lycée des métiers"),
    );
  });

  it("shows the API's message when the login is refused, and the lock after too many attempts", async () => {
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

  it("writes the signed-in account once logged in", async () => {
    renderLogin([loginAnswer({ data: { login: claire } })]);
    expect(await screen.findByText("Sans session")).toBeInTheDocument();
    await fillAndSubmit();
    expect(await screen.findByText("Connectée : Claire Auditrice")).toBeInTheDocument();
  });

  it("forgets the account when the API says the session has ended", async () => {
    let calls = 0;
    const api = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          calls += 1;
          if (operation.operationName === "Me" && calls === 1) {
            observer.next({ data: { me: claire } });
          } else {
            observer.next({
              errors: [{ message: "Session expirée.", extensions: { code: "UNAUTHENTICATED" } }],
            });
          }
          observer.complete();
        }),
    );
    const client = session.createApolloClient({ link: api });
    renderWithI18n(
      <ApolloProvider client={client}>
        <Who />
      </ApolloProvider>,
    );
    expect(await screen.findByText("Connectée : Claire Auditrice")).toBeInTheDocument();
    await client
      .query({
        query: gql`
          query Other {
            candidatures {
              totalCount
            }
          }
        `,
      })
      .catch(() => undefined);
    expect(await screen.findByText("Sans session")).toBeInTheDocument();
  });

  it("logs out, forgets the cache and offers to sign in again", async () => {
    renderWithI18n(
      <MockedProvider
        mocks={[
          { request: { query: session.documents.logout }, result: { data: { logout: true } } },
        ]}
      >
        <session.LogoutPanel loginLinkProps={{ href: "/connexion" }} />
      </MockedProvider>,
    );
    expect(await screen.findByText("Vous êtes déconnecté(e). À bientôt !")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Se reconnecter" })).toHaveAttribute(
      "href",
      "/connexion",
    );
  });
});
