import { isRouteErrorResponse, useRouteError } from "react-router";
import { ErrorPage } from "@ldm/ui";

/** Error element of the routes: a French error page (404 for unknown URLs), never a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <ErrorPage variant="notFound" />;
  console.error(error);
  return <ErrorPage />;
}
