/**
 * Every route of the portal, in this one file (URLs built by `paths.ts`). To add a page: write its
 * component under `pages/` (a candidature's pages under `pages/candidature/`, reading the id with
 * `useCandidatureId()`), add its segment to `paths.ts`, mount it below, and link it (side menu:
 * `pages/candidature/CandidatureSideMenu.tsx`).
 */
import { Navigate, type RouteObject } from "react-router";
import { NotFoundPage } from "@ldm/ui";
import { RequireAuth } from "./auth/RequireAuth";
import { AppLayout } from "./components/AppLayout";
import { CandidatureLayout } from "./pages/candidature/CandidatureLayout";
import { CriterionPage } from "./pages/candidature/CriterionPage";
import { EvidencePage } from "./pages/candidature/EvidencePage";
import { ExportsPage } from "./pages/candidature/ExportsPage";
import { IndicatorsPage } from "./pages/candidature/IndicatorsPage";
import { OverviewPage } from "./pages/candidature/OverviewPage";
import { ReadinessPage } from "./pages/candidature/ReadinessPage";
import { SchedulePage } from "./pages/candidature/SchedulePage";
import { StrategiesPage } from "./pages/candidature/StrategiesPage";
import { TeamPage } from "./pages/candidature/TeamPage";
import { LoginPage } from "./pages/LoginPage";
import { LogoutPage } from "./pages/LogoutPage";
import { MyCandidaturesPage } from "./pages/MyCandidaturesPage";
import { NewCandidaturePage } from "./pages/NewCandidaturePage";
import { RouteErrorPage } from "./pages/RouteErrorPage";
import { candidatureSections as s, paths } from "./paths";

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    // If the frame itself fails: the error page alone.
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A page that fails shows the error page inside the frame (header and footer stay).
        errorElement: <RouteErrorPage />,
        children: [
          { path: paths.login, element: <LoginPage /> },
          { path: paths.logout, element: <LogoutPage /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <Navigate to={paths.candidatures} replace /> },
              { path: paths.candidatures, element: <MyCandidaturesPage /> },
              { path: paths.newCandidature, element: <NewCandidaturePage /> },
              {
                path: "/candidatures/:candidatureId",
                element: <CandidatureLayout />,
                children: [
                  { index: true, element: <OverviewPage /> },
                  { path: s.team, element: <TeamPage /> },
                  { path: `${s.criteria}/:criterionCode`, element: <CriterionPage /> },
                  { path: s.indicators, element: <IndicatorsPage /> },
                  { path: s.evidence, element: <EvidencePage /> },
                  { path: s.strategies, element: <StrategiesPage /> },
                  { path: s.readiness, element: <ReadinessPage /> },
                  { path: s.exports, element: <ExportsPage /> },
                  { path: s.schedule, element: <SchedulePage /> },
                ],
              },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
