import { useRouteError } from "react-router";
import { RouteError } from "@ldm/ui";

/** Error element of the routes: a French error page (404 for unknown URLs), never a blank page. */
export function RouteErrorPage() {
  return <RouteError error={useRouteError()} />;
}
