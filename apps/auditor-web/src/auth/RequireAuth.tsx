import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Navigate, Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, loginPathFor, useDocumentTitle } from "@ldm/ui";
import { paths } from "../paths";
import { portalSectionsOf, useCurrentUser } from "./session";

/**
 * Route guard: the pages below it need a session (without one, the login page, then back here) and an
 * account this portal serves — an auditor or the regional team; a school account is shown the way to
 * its own portal.
 */
export function RequireAuth() {
  const { user, loading, error } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <GraphQLErrorAlert error={error} />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={loginPathFor(paths.login, next, paths.home)} replace />;
  }
  const sections = portalSectionsOf(user);
  if (!sections.audits && !sections.pipeline) return <NotForThisAccount />;
  return <Outlet />;
}

function NotForThisAccount() {
  const { t } = useTranslation();
  useDocumentTitle(t("notForYou.title"));
  return (
    <>
      <h1>{t("notForYou.title")}</h1>
      <Alert
        severity="info"
        title={t("notForYou.alertTitle")}
        description={t("notForYou.description")}
        className={fr.cx("fr-mb-3w")}
      />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          {/* The school portal is another application on the same origin: a full page load. */}
          <a className={fr.cx("fr-btn")} href="/">
            {t("notForYou.schoolPortal")}
          </a>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ to: paths.logout }}>
            {t("notForYou.signOut")}
          </Button>
        </li>
      </ul>
    </>
  );
}
