/** The signed-in account (`me`), shared by the header, the guard and the login page. */
import { useQuery } from "@apollo/client/react";
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

export function useCurrentUser() {
  const { data, loading, error } = useQuery(MeQuery);
  return { user: data?.me ?? null, loading: loading && !data, error };
}
