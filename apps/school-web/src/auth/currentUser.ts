/**
 * The portal's session: its `Me`, `Login` and `Logout` operations (typed by codegen) handed to the
 * shared session of @ldm/ui, which gives the Apollo Client, the signed-in account (shared by the
 * header, the guard and the pages), the login form and the logout.
 */
import { createSession } from "@ldm/ui";
import { graphql } from "../gql";

export const CurrentUserFragment = graphql(`
  fragment CurrentUser on User {
    id
    fullName
    email
    role
    establishment {
      id
      name
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...CurrentUser
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const session = createSession({ me: MeQuery, login: LoginMutation, logout: LogoutMutation });

export const useCurrentUser = session.useCurrentUser;
