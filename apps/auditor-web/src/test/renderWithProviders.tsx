/**
 * Renders routes as the portal does (French i18n, router) over a mocked Apollo link:
 * `renderRoutes([{ path: "/audits", element: <MyAuditsPage /> }], { mocks, initialPath: "/audits" })`.
 */
import type { ReactNode } from "react";
import { render } from "@testing-library/react";
import { MockedProvider, type MockedProviderProps } from "@apollo/client/testing/react";
import { createMemoryRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import { I18nProvider } from "@ldm/ui";
import { createAppI18n } from "../i18n";

export function renderRoutes(
  routes: RouteObject[],
  {
    mocks = [],
    initialPath = "/",
  }: { mocks?: MockedProviderProps["mocks"]; initialPath?: string } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const wrap = (children: ReactNode) => (
    <I18nProvider i18n={createAppI18n("fr")}>
      <MockedProvider mocks={mocks}>{children}</MockedProvider>
    </I18nProvider>
  );
  return { router, ...render(wrap(<RouterProvider router={router} />)) };
}
