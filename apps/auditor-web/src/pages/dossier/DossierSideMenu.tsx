import { SideMenu, type SideMenuProps } from "@codegouvfr/react-dsfr/SideMenu";
import { useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { criterionDisplayCode, isCriterionCode } from "@ldm/domain";
import { paths, type DossierSection } from "../../paths";
import type { DossierContext } from "./dossierData";

/** « Critère 9-a », « Critère 4 ». */
export function criterionLabel(code: string): string {
  return isCriterionCode(code) ? criterionDisplayCode(code) : code;
}

/** The side menu of the dossier reader (DSFR SideMenu, folded into a button on a phone). */
export function DossierSideMenu({ context }: { context: DossierContext }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const id = context.candidature.id;
  const entry = (section: DossierSection | null, text: string): SideMenuProps.Item => {
    const to = section ? paths.dossier(id, section) : paths.dossier(id);
    const isActive = section === "evidence" ? pathname.startsWith(to) : pathname === to;
    return { text, linkProps: { to }, isActive };
  };
  const criteriaItems = context.criteria.map((c): SideMenuProps.Item => {
    const to = paths.criterion(id, c.code);
    return {
      text: t("dossier.menu.criterion", { code: criterionLabel(c.code), title: c.shortTitle }),
      linkProps: { to },
      isActive: pathname === to,
    };
  });
  const criteriaActive = criteriaItems.some((i) => i.isActive);
  const items: SideMenuProps.Item[] = [
    entry(null, t("dossier.menu.summary")),
    {
      text: t("dossier.menu.criteria"),
      items: criteriaItems,
      expandedByDefault: criteriaActive,
      isActive: criteriaActive,
    },
    entry("indicators", t("dossier.menu.indicators")),
    ...(context.dossier.candidature.kind === "NETWORK"
      ? [entry("strategies", t("dossier.menu.strategies"))]
      : []),
    entry("evidence", t("dossier.menu.evidence")),
  ];
  return (
    <SideMenu
      align="left"
      title={t("dossier.menu.title")}
      burgerMenuButtonText={t("dossier.menu.button")}
      items={items}
    />
  );
}
