import { Navigate, Outlet, useLocation } from "react-router";
import { GraphQLErrorAlert } from "@ldm/ui";
import { Loading } from "../components/Loading";
import { NEXT_PARAM, paths } from "../paths";
import { useCurrentUser } from "./currentUser";

/** Route guard: the pages below it need a session; without one, the login page (then back here). */
export function RequireAuth() {
  const { user, loading, error } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <GraphQLErrorAlert error={error} />;
  if (!user) {
    const next = location.pathname + location.search;
    const search = next === paths.home ? "" : `?${NEXT_PARAM}=${encodeURIComponent(next)}`;
    return <Navigate to={`${paths.login}${search}`} replace />;
  }
  return <Outlet />;
}
