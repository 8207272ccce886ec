/**
 * The portal's session: its `Me`, `Login` and `Logout` operations (typed by codegen) handed to the
 * shared session of @ldm/ui (Apollo Client, signed-in account, login form, logout, session expiry).
 */
import type { Viewer } from "@ldm/domain";
import { canReadEveryCandidature, hasAuditAssignments } from "@ldm/domain";
import { createSession } from "@ldm/ui";
import { graphql } from "../gql";
import type { CurrentUserFragment } from "../gql/graphql";

export const CurrentUserFragmentDocument = graphql(`
  fragment CurrentUser on User {
    id
    fullName
    email
    role
    auditorProfile
    establishment {
      id
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

export type CurrentUser = CurrentUserFragment;

/** The account as the domain's authorization rules see it (a session is never read-only). */
export function viewerOf(user: CurrentUser): Viewer {
  return {
    userId: user.id,
    role: user.role,
    establishmentId: user.establishment?.id ?? null,
    readOnly: false,
  };
}

/** What this portal offers the account: its audits (auditors), the pipeline (the regional team). */
export function portalSectionsOf(user: CurrentUser): { audits: boolean; pipeline: boolean } {
  const viewer = viewerOf(user);
  return { audits: hasAuditAssignments(viewer), pipeline: canReadEveryCandidature(viewer) };
}
