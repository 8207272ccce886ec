import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "@ldm/ui";
import { useDossierContext } from "./dossierData";
import { IndicatorCard } from "./IndicatorCard";

/** Every indicator of the dossier, by establishment: values by school year and charts. */
export function IndicatorsReaderPage() {
  const { t } = useTranslation();
  const { dossier, members } = useDossierContext();
  useDocumentTitle(t("dossier.indicators.title"));
  return (
    <>
      <h1>{t("dossier.indicators.title")}</h1>
      <p>{t("dossier.indicators.intro")}</p>
      {members.map((m) => {
        const indicators = dossier.indicators.filter(
          (i) => i.establishmentId === m.establishmentId,
        );
        const headingId = `indicateurs-${m.establishmentId}`;
        return (
          <section
            key={m.establishmentId}
            aria-labelledby={headingId}
            className={fr.cx("fr-mt-5w")}
          >
            <h2 id={headingId} className={fr.cx("fr-h3")}>
              {m.name ?? "—"}
            </h2>
            {indicators.length === 0 ? (
              <p>{t("dossier.indicators.none")}</p>
            ) : (
              indicators.map((i) => <IndicatorCard key={i.id} indicator={i} />)
            )}
          </section>
        );
      })}
    </>
  );
}
