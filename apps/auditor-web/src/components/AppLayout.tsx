import { Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { accountQuickAccessItems, PageLayout } from "@ldm/ui";
import { portalSectionsOf, useCurrentUser } from "../auth/session";
import { paths } from "../paths";

/**
 * The DSFR frame of every page: the portal's sections in the main navigation (« Mes audits » for an
 * auditor, « Candidatures » for the regional team), the account in the header's quick access.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { t: tUi } = useTranslation("ui");
  const { user } = useCurrentUser();
  const { pathname } = useLocation();
  const sections = user ? portalSectionsOf(user) : { audits: false, pipeline: false };
  const home = sections.audits ? paths.audits : sections.pipeline ? paths.pipeline : paths.home;
  const navigation: HeaderProps["navigation"] = [
    ...(sections.audits
      ? [
          {
            text: t("nav.audits"),
            linkProps: { to: paths.audits },
            // An auditor reaches candidatures and dossiers from « Mes audits ».
            isActive:
              pathname === paths.audits ||
              (!sections.pipeline && pathname.startsWith(paths.pipeline)),
          },
        ]
      : []),
    ...(sections.pipeline
      ? [
          {
            text: t("nav.pipeline"),
            linkProps: { to: paths.pipeline },
            isActive: pathname.startsWith(paths.pipeline),
          },
        ]
      : []),
  ];
  return (
    <PageLayout
      serviceTagline={t("app.tagline")}
      homeLinkProps={{ to: home }}
      navigation={navigation.length > 0 ? navigation : undefined}
      quickAccessItems={accountQuickAccessItems({
        user,
        t: tUi,
        accountLinkProps: { to: home },
        loginLinkProps: { to: paths.login },
        logoutLinkProps: { to: paths.logout },
      })}
    >
      <Outlet />
    </PageLayout>
  );
}
