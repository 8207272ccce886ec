import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Outlet } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading } from "@ldm/ui";
import { portalSectionsOf, useCurrentUser } from "../../auth/session";
import { leadFirst } from "../../components/establishments";
import { paths } from "../../paths";
import { useCandidatureIdParam } from "../candidature/CandidaturePage";
import {
  dossierCriteria,
  DossierReferentialQueryDocument,
  SubmittedDossierQueryDocument,
  type DossierContext,
} from "./dossierData";
import { DossierSideMenu } from "./DossierSideMenu";

/**
 * The frame of the dossier reader: breadcrumb, side menu (summary, each criterion, indicators, common
 * strategies, evidence) and the page of the URL, all reading the one submitted snapshot.
 */
export function DossierLayout() {
  const { t } = useTranslation();
  const id = useCandidatureIdParam();
  const { user } = useCurrentUser();
  const dossierQuery = useQuery(SubmittedDossierQueryDocument, { variables: { id } });
  const candidature = dossierQuery.data?.candidature;
  const version =
    candidature?.submittedDossier?.dossier.candidature.referentialVersion ??
    candidature?.referentialVersion;
  const referentialQuery = useQuery(DossierReferentialQueryDocument, {
    variables: { version: version ?? "" },
    skip: !version,
  });
  const error = dossierQuery.error ?? referentialQuery.error;
  if (error) return <GraphQLErrorAlert error={error} />;
  if (!candidature || (version && !referentialQuery.data)) return <Loading />;
  const title = candidature.labelTitle ?? t("candidature.untitled");
  const sections = user ? portalSectionsOf(user) : null;
  const breadcrumb = (
    <Breadcrumb
      currentPageLabel={t("dossier.breadcrumb")}
      segments={[
        sections?.audits
          ? { label: t("nav.audits"), linkProps: { to: paths.audits } }
          : { label: t("nav.pipeline"), linkProps: { to: paths.pipeline } },
        { label: title, linkProps: { to: paths.candidature(candidature.id) } },
      ]}
    />
  );
  const snapshot = candidature.submittedDossier;
  if (!snapshot || !referentialQuery.data) {
    return (
      <>
        {breadcrumb}
        <h1>{t("dossier.title")}</h1>
        <Alert severity="info" small description={t("dossier.notSubmitted")} />
      </>
    );
  }
  const dossier = snapshot.dossier;
  const members = leadFirst(dossier.members);
  const context: DossierContext = {
    candidature,
    snapshot,
    dossier,
    criteria: dossierCriteria(dossier, referentialQuery.data.referential.criteria),
    members,
    memberName: (establishmentId) =>
      members.find((m) => m.establishmentId === establishmentId)?.name ?? null,
  };
  return (
    <>
      {breadcrumb}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4", "fr-col-lg-3")}>
          <DossierSideMenu context={context} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-9")}>
          <Outlet context={context} />
        </div>
      </div>
    </>
  );
}
