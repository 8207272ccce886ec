import { Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { accountQuickAccessItems, PageLayout } from "@ldm/ui";
import { useCurrentUser } from "../auth/currentUser";
import { paths } from "../paths";

/** The DSFR frame of every page of the portal, with the account's quick access in the header. */
export function AppLayout() {
  const { t } = useTranslation();
  const { t: tUi } = useTranslation("ui");
  const { user } = useCurrentUser();
  const account = accountQuickAccessItems({
    user,
    t: tUi,
    accountLinkProps: { to: paths.candidatures },
    loginLinkProps: { to: paths.login },
    logoutLinkProps: { to: paths.logout },
  });
  return (
    <PageLayout
      serviceTagline={t("app.tagline")}
      homeLinkProps={{ to: paths.home }}
      quickAccessItems={
        user
          ? [
              {
                iconId: "fr-icon-folder-2-line",
                text: t("header.myCandidatures"),
                linkProps: { to: paths.candidatures },
              },
              ...account,
            ]
          : account
      }
    >
      <Outlet />
    </PageLayout>
  );
}
