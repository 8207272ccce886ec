import type { ReactNode } from "react";
import { fr } from "@codegouvfr/react-dsfr";
import { Footer, type FooterProps } from "@codegouvfr/react-dsfr/Footer";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { RegisteredLinkProps } from "@codegouvfr/react-dsfr/link";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useTranslation } from "react-i18next";

/** The id of `<main>`, target of the first skip link. */
export const MAIN_CONTENT_ID = "contenu";
const FOOTER_ID = "pied-de-page";

export interface PageLayoutProps {
  /** The portal's name under the service title (e.g. « Portail des établissements »). */
  serviceTagline: ReactNode;
  /** Link of the brand and the service title (the portal's router link props). */
  homeLinkProps: RegisteredLinkProps & { title?: string };
  /** Header quick access (account, logout…). */
  quickAccessItems?: HeaderProps["quickAccessItems"];
  /** Main navigation under the header. */
  navigation?: HeaderProps["navigation"];
  /** Footer bottom links (accessibility, legal notices…). */
  footerBottomItems?: FooterProps["bottomItems"];
  /** `true`: the main container takes the page's full width (pages with a side menu use their own grid). */
  fluid?: boolean;
  children: ReactNode;
}

/** The DSFR frame of a portal page: skip links, header, `<main>` container and footer. */
export function PageLayout({
  serviceTagline,
  homeLinkProps,
  quickAccessItems,
  navigation,
  footerBottomItems,
  fluid = false,
  children,
}: PageLayoutProps) {
  const { t } = useTranslation("ui");
  const brandTop = (
    <>
      {t("layout.brandTop1")}
      <br />
      {t("layout.brandTop2")}
      <br />
      {t("layout.brandTop3")}
    </>
  );
  const home = { ...homeLinkProps, title: homeLinkProps.title ?? t("layout.homeTitle") };
  return (
    <>
      <SkipLinks
        links={[
          { anchor: `#${MAIN_CONTENT_ID}`, label: t("layout.skipLinksContent") },
          { anchor: `#${FOOTER_ID}`, label: t("layout.skipLinksFooter") },
        ]}
      />
      <Header
        brandTop={brandTop}
        serviceTitle={t("layout.serviceTitle")}
        serviceTagline={serviceTagline}
        homeLinkProps={home as HeaderProps["homeLinkProps"]}
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
      <main
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        role="main"
        className={fr.cx(fluid ? "fr-container--fluid" : "fr-container", "fr-py-4w")}
      >
        {children}
      </main>
      <Footer
        id={FOOTER_ID}
        brandTop={brandTop}
        homeLinkProps={home as HeaderProps["homeLinkProps"]}
        accessibility="non compliant"
        contentDescription={t("layout.footerDescription")}
        bottomItems={footerBottomItems}
      />
    </>
  );
}
