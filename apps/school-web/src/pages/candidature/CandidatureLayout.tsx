import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading } from "@ldm/ui";
import { paths } from "../../paths";
import { CandidatureShellQueryDocument, useCandidatureId } from "./candidatureContext";
import { CandidatureSideMenu } from "./CandidatureSideMenu";

/** The frame of a candidature's pages: breadcrumb, side menu, and the page of the URL. */
export function CandidatureLayout() {
  const { t } = useTranslation();
  const id = useCandidatureId();
  const { data, loading, error } = useQuery(CandidatureShellQueryDocument, { variables: { id } });
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const candidature = data.candidature;
  return (
    <>
      <Breadcrumb
        currentPageLabel={candidature.labelTitle ?? t("candidatures.untitled")}
        segments={[
          { label: t("candidature.breadcrumbRoot"), linkProps: { to: paths.candidatures } },
        ]}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
          <CandidatureSideMenu candidature={candidature} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-9")}>
          <Outlet context={candidature} />
        </div>
      </div>
    </>
  );
}
