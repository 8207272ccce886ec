import { useState } from "react";
import { ApolloProvider } from "@apollo/client/react";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { ErrorBoundary, I18nProvider } from "@ldm/ui";
import { session } from "./auth/session";
import { createAppI18n } from "./i18n";
import { routes } from "./routes";

/** The portal's base (`/auditeurs/` in production: see vite.config.ts), as the router's basename. */
const BASENAME = import.meta.env.BASE_URL.replace(/\/$/, "") || "/";

/** The providers (i18n, error boundary, Apollo) around the router. */
export function App() {
  const [i18n] = useState(() => createAppI18n());
  const [client] = useState(() => session.createApolloClient());
  const [router] = useState(() => createBrowserRouter(routes, { basename: BASENAME }));
  return (
    <I18nProvider i18n={i18n}>
      <ErrorBoundary homeHref={import.meta.env.BASE_URL}>
        <ApolloProvider client={client}>
          <RouterProvider router={router} />
        </ApolloProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}
