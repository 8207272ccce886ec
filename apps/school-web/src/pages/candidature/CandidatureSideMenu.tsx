import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { RegisteredLinkProps } from "@codegouvfr/react-dsfr/link";
import { SideMenu, type SideMenuProps } from "@codegouvfr/react-dsfr/SideMenu";
import { useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { paths, type CandidatureSection } from "../../paths";
import type { CandidatureShell } from "./candidatureContext";

/** A menu entry of work that comes later: greyed, not a link, marked « bientôt ». */
const comingSoonLinkProps = {
  to: "#",
  onClick: (event: { preventDefault(): void }) => event.preventDefault(),
  disabled: true,
  "aria-disabled": true,
} as unknown as RegisteredLinkProps;

/** The side menu of a candidature (DSFR SideMenu): one entry per page, criteria one by one. */
export function CandidatureSideMenu({ candidature }: { candidature: CandidatureShell }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const id = candidature.id;

  const entry = (section: CandidatureSection | null, text: string): SideMenuProps.Item => {
    const to = section ? paths.candidature(id, section) : paths.candidature(id);
    return { text, linkProps: { to }, isActive: pathname === to };
  };
  const soon = (text: string): SideMenuProps.Item => ({
    text: (
      <span className={fr.cx("fr-text--regular")} style={{ color: "var(--text-disabled-grey)" }}>
        {text}{" "}
        <Badge small noIcon>
          {t("candidature.soon")}
        </Badge>
      </span>
    ),
    linkProps: comingSoonLinkProps,
  });

  const criteriaItems = candidature.criteria.map((c): SideMenuProps.Item => {
    const to = paths.criterion(id, c.code);
    return {
      text: t("candidature.menu.criterion", { number: c.number, title: c.shortTitle }),
      linkProps: { to },
      isActive: pathname === to,
    };
  });
  const criteriaActive = criteriaItems.some((i) => i.isActive);

  const items: SideMenuProps.Item[] = [
    entry(null, t("candidature.menu.overview")),
    entry("team", t("candidature.menu.team")),
    {
      text: t("candidature.menu.criteria"),
      items: criteriaItems,
      expandedByDefault: criteriaActive,
      isActive: criteriaActive,
    },
    entry("indicators", t("candidature.menu.indicators")),
    entry("evidence", t("candidature.menu.evidence")),
    ...(candidature.kind === "NETWORK"
      ? [entry("strategies", t("candidature.menu.strategies"))]
      : []),
    entry("readiness", t("candidature.menu.readiness")),
    entry("exports", t("candidature.menu.exports")),
    entry("schedule", t("candidature.menu.schedule")),
    soon(t("candidature.menu.auditPlan")),
    soon(t("candidature.menu.report")),
    soon(t("candidature.menu.decision")),
    soon(t("candidature.menu.registry")),
  ];

  return (
    <SideMenu
      align="left"
      title={t("candidature.menuTitle")}
      burgerMenuButtonText={t("candidature.menuButton")}
      items={items}
    />
  );
}
