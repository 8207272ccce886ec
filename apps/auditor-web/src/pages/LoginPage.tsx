import { Navigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Loading, NEXT_PARAM, safeNextPath } from "@ldm/ui";
import { session, useCurrentUser } from "../auth/session";
import { paths } from "../paths";

/** The login page: the shared form; once signed in, the page asked for (or the account's home). */
export function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { user, loading } = useCurrentUser();
  if (loading) return <Loading />;
  if (user) return <Navigate to={safeNextPath(searchParams.get(NEXT_PARAM), paths.home)} replace />;
  return <session.LoginPanel title={t("login.title")} intro={t("login.intro")} />;
}
