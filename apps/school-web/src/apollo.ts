/**
 * Apollo Client of the portal: same-origin `/graphql` with the session cookie. When the API answers
 * UNAUTHENTICATED (session ended, expired), `me` is set to null in the cache, so `RequireAuth` sends the
 * user back to the login page instead of leaving a broken page.
 */
import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { MeQuery } from "./auth/currentUser";

export function createApolloClient(link?: ApolloLink): ApolloClient {
  const cache = new InMemoryCache();
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (
      operation.operationName !== "Login" &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.["code"] === "UNAUTHENTICATED")
    ) {
      cache.writeQuery({ query: MeQuery, data: { me: null } });
    }
  });
  return new ApolloClient({
    cache,
    link: sessionLink.concat(link ?? new HttpLink({ uri: "/graphql", credentials: "include" })),
  });
}
