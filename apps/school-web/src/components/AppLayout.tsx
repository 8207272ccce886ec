import { Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { PageLayout } from "@ldm/ui";
import { useCurrentUser } from "../auth/currentUser";
import { paths } from "../paths";

/** The DSFR frame of every page of the portal, with the account's quick access in the header. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const quickAccessItems: HeaderProps.QuickAccessItem[] = user
    ? [
        {
          iconId: "fr-icon-folder-2-line",
          text: t("header.myCandidatures"),
          linkProps: { to: paths.candidatures },
        },
        {
          iconId: "fr-icon-account-circle-line",
          text: user.fullName ?? user.email ?? "",
          linkProps: { to: paths.candidatures },
        },
        {
          iconId: "fr-icon-logout-box-r-line",
          text: t("header.signOut"),
          linkProps: { to: paths.logout },
        },
      ]
    : [
        {
          iconId: "fr-icon-lock-line",
          text: t("header.signIn"),
          linkProps: { to: paths.login },
        },
      ];
  return (
    <PageLayout
      serviceTagline={t("app.tagline")}
      homeLinkProps={{ to: paths.home }}
      quickAccessItems={quickAccessItems}
    >
      <Outlet />
    </PageLayout>
  );
}
