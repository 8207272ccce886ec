import { useTranslation } from "react-i18next";
import { ErrorPage } from "./ErrorPage";
import { useDocumentTitle } from "./useDocumentTitle";

/** True for a router's « not found » answer (`isRouteErrorResponse(error) && status === 404`). */
function isNotFound(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "status" in error &&
    (error as { status: unknown }).status === 404
  );
}

/**
 * What a route's error element shows for the error its router caught (`useRouteError()`): the French
 * 404 page for an unknown URL, the error page otherwise (logged for the developer), never a blank page.
 */
export function RouteError({ error, homeHref }: { error: unknown; homeHref?: string }) {
  if (isNotFound(error)) return <NotFoundPage homeHref={homeHref} />;
  console.error(error);
  return <ErrorPage homeHref={homeHref} />;
}

/** The page of an unknown URL, with its own `<title>`. */
export function NotFoundPage({ homeHref }: { homeHref?: string }) {
  const { t } = useTranslation("ui");
  useDocumentTitle(t("errorPage.notFoundTitle"));
  return <ErrorPage variant="notFound" homeHref={homeHref} />;
}
