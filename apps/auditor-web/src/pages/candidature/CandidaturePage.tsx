import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { canReadJournals, criterionDisplayCode } from "@ldm/domain";
import { formatDate, GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { portalSectionsOf, useCurrentUser, viewerOf } from "../../auth/session";
import { deadlineStatus } from "../../components/deadlines";
import { DeadlineStatusList } from "../../components/DeadlineStatusList";
import { Facts } from "../../components/Facts";
import { leadFirst } from "../../components/establishments";
import { StateBadge } from "../../components/StateBadge";
import { graphql } from "../../gql";
import { paths } from "../../paths";
import { AuditTrail } from "./AuditTrail";
import { HistoryTable } from "./HistoryTable";

export const CandidaturePageQuery = graphql(`
  query CandidaturePage($id: ID!) {
    candidature(id: $id) {
      id
      labelTitle
      kind
      awardType
      state
      referentialVersion
      auditDate
      createdAt
      submittedAt
      publicationDate
      members {
        id
        isLead
        engagementLetterOn
        boardMinutesOn
        optionalCriterionVariant
        establishment {
          id
          name
          city
          uai
          academie {
            code
            name
          }
        }
      }
      auditors {
        id
        fullName
        auditorProfile
      }
      history {
        id
        transition
        fromState
        toState
        effectiveDate
        comment
        createdAt
      }
      submittedDossier {
        id
        submittedAt
      }
    }
  }
`);

/** The candidature's id in the URL. */
export function useCandidatureIdParam(): string {
  const { candidatureId } = useParams();
  if (!candidatureId) throw new Error("Route sans :candidatureId");
  return candidatureId;
}

/**
 * A candidature for the regional team (and its auditors): who applies, where it stands, its deadlines
 * (overdue flagged), the audit team, the steps taken (history) and, for the regional team, the audit
 * trail of every change made to it.
 */
export function CandidaturePage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useCandidatureIdParam();
  const { user } = useCurrentUser();
  const { data, loading, error } = useQuery(CandidaturePageQuery, { variables: { id } });
  const c = data?.candidature;
  useDocumentTitle(c ? (c.labelTitle ?? t("candidature.untitled")) : t("candidature.title"));
  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !c) return <Loading />;
  if (!c || !user) return null;
  const sections = portalSectionsOf(user);
  const journals = canReadJournals(viewerOf(user));
  const members = leadFirst(c.members);
  return (
    <>
      <Breadcrumb
        currentPageLabel={c.labelTitle ?? t("candidature.untitled")}
        segments={[
          sections.pipeline
            ? { label: t("nav.pipeline"), linkProps: { to: paths.pipeline } }
            : { label: t("nav.audits"), linkProps: { to: paths.audits } },
        ]}
      />
      <h1>{c.labelTitle ?? t("candidature.untitled")}</h1>
      <ul className={fr.cx("fr-badges-group", "fr-mb-3w")}>
        <li>
          <StateBadge state={c.state} />
        </li>
        <li>
          <Badge noIcon>{t(`enums.CandidatureKind.${c.kind}`)}</Badge>
        </li>
        <li>
          <Badge noIcon>{t(`enums.AwardType.${c.awardType}`)}</Badge>
        </li>
      </ul>
      {c.submittedDossier ? (
        <Button iconId="fr-icon-file-text-line" linkProps={{ to: paths.dossier(c.id) }}>
          {t("candidature.readDossier", {
            date: formatDate(c.submittedDossier.submittedAt, { lng }),
          })}
        </Button>
      ) : (
        <p className={fr.cx("fr-text--sm")}>{t("candidature.notSubmitted")}</p>
      )}

      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mt-3w")}>
        <section className={fr.cx("fr-col-12", "fr-col-lg-7")} aria-labelledby="etablissements">
          <h2 id="etablissements" className={fr.cx("fr-h4")}>
            {t("candidature.members")}
          </h2>
          <ul>
            {members.map((m) => (
              <li key={m.id} className={fr.cx("fr-mb-1w")}>
                <strong>{m.establishment.name}</strong> ({m.establishment.city},{" "}
                {m.establishment.academie.name}, UAI {m.establishment.uai})
                {m.isLead && c.members.length > 1 ? ` — ${t("candidature.lead")}` : ""}
                <br />
                <span className={fr.cx("fr-text--sm")}>
                  {t("candidature.engagement", {
                    letter: formatDate(m.engagementLetterOn, { lng }) || "—",
                    minutes: formatDate(m.boardMinutesOn, { lng }) || "—",
                  })}
                  {" · "}
                  {m.optionalCriterionVariant
                    ? t("candidature.criterion9", {
                        code: criterionDisplayCode(
                          m.optionalCriterionVariant === "A" ? "9a" : "9b",
                        ),
                      })
                    : t("candidature.noCriterion9")}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className={fr.cx("fr-col-12", "fr-col-lg-5")} aria-labelledby="dates">
          <h2 id="dates" className={fr.cx("fr-h4")}>
            {t("candidature.dates")}
          </h2>
          <Facts
            items={[
              { term: t("candidature.openedAt"), value: formatDate(c.createdAt, { lng }) },
              {
                term: t("candidature.submittedAt"),
                value: formatDate(c.submittedAt, { lng }) || "—",
              },
              {
                term: t("candidature.auditDate"),
                value: c.auditDate
                  ? formatDate(c.auditDate, { lng })
                  : t("candidature.notScheduled"),
              },
              ...(c.publicationDate
                ? [
                    {
                      term: t("candidature.publishedAt"),
                      value: formatDate(c.publicationDate, { lng }),
                    },
                  ]
                : []),
            ]}
          />
          <h3 className={fr.cx("fr-h6", "fr-mt-3w", "fr-mb-1w")}>{t("candidature.deadlines")}</h3>
          <DeadlineStatusList status={deadlineStatus(c)} upcomingLimit={3} />
        </section>
      </div>

      <section aria-labelledby="equipe-audit" className={fr.cx("fr-mt-3w")}>
        <h2 id="equipe-audit" className={fr.cx("fr-h4")}>
          {t("candidature.auditTeam")}
        </h2>
        {c.auditors.length === 0 ? (
          <p>{t("candidature.noAuditor")}</p>
        ) : (
          <ul>
            {c.auditors.map((a) => (
              <li key={a.id}>
                {a.fullName ?? t("candidature.hiddenName")}
                {a.auditorProfile ? ` — ${t(`enums.AuditorProfile.${a.auditorProfile}`)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="historique" className={fr.cx("fr-mt-3w")}>
        <h2 id="historique" className={fr.cx("fr-h4")}>
          {t("history.title")}
        </h2>
        <HistoryTable history={c.history} />
      </section>

      {journals && (
        <section aria-labelledby="journal" className={fr.cx("fr-mt-5w")}>
          <h2 id="journal" className={fr.cx("fr-h4")}>
            {t("auditTrail.title")}
          </h2>
          <p className={fr.cx("fr-text--sm")}>{t("auditTrail.intro")}</p>
          <AuditTrail candidatureId={c.id} />
        </section>
      )}
    </>
  );
}
