import { useRouteError } from "react-router";
import { RouteError } from "@ldm/ui";

/** Error element of the routes: a French error page (404 for unknown URLs), never a blank page. */
export function RouteErrorPage() {
  // « Revenir à l'accueil » reloads the portal's home (its base), which also resets a broken state.
  return <RouteError error={useRouteError()} homeHref={import.meta.env.BASE_URL} />;
}
