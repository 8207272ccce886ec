import { fr } from "@codegouvfr/react-dsfr";
import { useTranslation } from "react-i18next";

export interface ErrorPageProps {
  /** `notFound`: a 404 page; `error` (default): something went wrong. */
  variant?: "error" | "notFound";
  /** Where « Revenir à l'accueil » leads (a full page load, which also resets a broken state). */
  homeHref?: string;
}

/** DSFR error page (used by `ErrorBoundary` and by the routers' error elements): never a blank page. */
export function ErrorPage({ variant = "error", homeHref = "/" }: ErrorPageProps) {
  const { t } = useTranslation("ui");
  const notFound = variant === "notFound";
  return (
    <div className={fr.cx("fr-container")}>
      <div
        className={fr.cx(
          "fr-my-7w",
          "fr-grid-row",
          "fr-grid-row--gutters",
          "fr-grid-row--middle",
          "fr-grid-row--center",
        )}
      >
        <div className={fr.cx("fr-py-0", "fr-col-12", "fr-col-md-8")}>
          <h1>{notFound ? t("errorPage.notFoundTitle") : t("errorPage.title")}</h1>
          <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>
            {notFound ? t("errorPage.notFoundDescription") : t("errorPage.description")}
          </p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            {!notFound && (
              <li>
                <button
                  type="button"
                  className={fr.cx("fr-btn")}
                  onClick={() => window.location.reload()}
                >
                  {t("errorPage.reload")}
                </button>
              </li>
            )}
            <li>
              <a className={fr.cx("fr-btn", "fr-btn--secondary")} href={homeHref}>
                {t("errorPage.home")}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
