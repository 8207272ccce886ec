import { Navigate } from "react-router";
import { portalSectionsOf, useCurrentUser } from "../auth/session";
import { paths } from "../paths";

/** The portal's home: an auditor's audits, the regional team's pipeline (under `RequireAuth`). */
export function HomePage() {
  const { user } = useCurrentUser();
  const sections = user ? portalSectionsOf(user) : null;
  return <Navigate to={sections?.audits ? paths.audits : paths.pipeline} replace />;
}
