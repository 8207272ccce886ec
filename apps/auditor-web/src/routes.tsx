/**
 * Every route of the auditor portal, in this one file (URLs built by `paths.ts`, relative to the
 * portal's base `/auditeurs/`). To add a page: write its component under `pages/`, add its segment to
 * `paths.ts`, mount it below, and link it (main navigation: `components/AppLayout.tsx`; the dossier
 * reader's side menu: `pages/dossier/DossierSideMenu.tsx`).
 */
import type { RouteObject } from "react-router";
import { NotFoundPage } from "@ldm/ui";
import { RequireAuth } from "./auth/RequireAuth";
import { AppLayout } from "./components/AppLayout";
import { MyAuditsPage } from "./pages/audits/MyAuditsPage";
import { CandidaturePage } from "./pages/candidature/CandidaturePage";
import { CriterionReaderPage } from "./pages/dossier/CriterionReaderPage";
import { DossierLayout } from "./pages/dossier/DossierLayout";
import { DossierSummaryPage } from "./pages/dossier/DossierSummaryPage";
import { EvidenceReaderPage } from "./pages/dossier/EvidenceReaderPage";
import { IndicatorsReaderPage } from "./pages/dossier/IndicatorsReaderPage";
import { StrategiesReaderPage } from "./pages/dossier/StrategiesReaderPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { LogoutPage } from "./pages/LogoutPage";
import { PipelinePage } from "./pages/pipeline/PipelinePage";
import { RouteErrorPage } from "./pages/RouteErrorPage";
import { dossierSections as s, paths } from "./paths";

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
              { index: true, element: <HomePage /> },
              { path: paths.audits, element: <MyAuditsPage /> },
              { path: paths.pipeline, element: <PipelinePage /> },
              { path: "/candidatures/:candidatureId", element: <CandidaturePage /> },
              {
                path: "/candidatures/:candidatureId/dossier",
                element: <DossierLayout />,
                children: [
                  { index: true, element: <DossierSummaryPage /> },
                  { path: `${s.criteria}/:criterionCode`, element: <CriterionReaderPage /> },
                  { path: s.indicators, element: <IndicatorsReaderPage /> },
                  { path: s.strategies, element: <StrategiesReaderPage /> },
                  { path: s.evidence, element: <EvidenceReaderPage /> },
                  { path: `${s.evidence}/:evidenceId`, element: <EvidenceReaderPage /> },
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
