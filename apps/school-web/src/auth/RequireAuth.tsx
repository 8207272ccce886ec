import { Navigate, Outlet, useLocation } from "react-router";
import { GraphQLErrorAlert, Loading, loginPathFor } from "@ldm/ui";
import { paths } from "../paths";
import { useCurrentUser } from "./currentUser";

/** Route guard: the pages below it need a session; without one, the login page (then back here). */
export function RequireAuth() {
  const { user, loading, error } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <GraphQLErrorAlert error={error} />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={loginPathFor(paths.login, next, paths.home)} replace />;
  }
  return <Outlet />;
}
