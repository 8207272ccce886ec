import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { RichTextView, useDocumentTitle } from "@ldm/ui";
import { paths } from "../../paths";
import { criterionLabel } from "./DossierSideMenu";
import { useDossierContext } from "./dossierData";

/** The network's common strategies (criteria 4, 5, 6 and 8), as submitted. */
export function StrategiesReaderPage() {
  const { t } = useTranslation();
  const { candidature, dossier, criteria } = useDossierContext();
  useDocumentTitle(t("dossier.strategies.title"));
  const withStrategy = criteria.filter((c) => c.networkCommonStrategy);
  return (
    <>
      <h1>{t("dossier.strategies.title")}</h1>
      <p>{t("dossier.strategies.intro")}</p>
      {withStrategy.map((c) => {
        const strategy = dossier.commonStrategies.find((s) => s.criterionCode === c.code);
        const headingId = `strategie-${c.code}`;
        return (
          <section key={c.code} aria-labelledby={headingId} className={fr.cx("fr-mt-5w")}>
            <h2 id={headingId} className={fr.cx("fr-h4")}>
              <Link to={paths.criterion(candidature.id, c.code)}>
                {t("dossier.menu.criterion", { code: criterionLabel(c.code), title: c.shortTitle })}
              </Link>
            </h2>
            <RichTextView html={strategy?.text} empty={t("dossier.strategies.none")} />
          </section>
        );
      })}
    </>
  );
}
