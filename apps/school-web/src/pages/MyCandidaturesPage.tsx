import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { DeadlinesList } from "../components/DeadlinesList";
import { ProcedureStepper } from "../components/ProcedureStepper";
import { StateBadge } from "../components/StateBadge";
import { graphql } from "../gql";
import type { MyCandidaturesQuery } from "../gql/graphql";
import { paths } from "../paths";

export const MyCandidaturesQueryDocument = graphql(`
  query MyCandidatures {
    candidatures(first: 100) {
      totalCount
      edges {
        node {
          id
          labelTitle
          kind
          awardType
          state
          members {
            id
            isLead
            establishment {
              id
              name
              city
              academie {
                code
                name
              }
            }
          }
          history {
            id
            transition
            effectiveDate
          }
          availableTransitions
          deadlines {
            kind
            date
          }
        }
      }
    }
  }
`);

type CandidatureItem = MyCandidaturesQuery["candidatures"]["edges"][number]["node"];

function CandidatureCard({ candidature: c }: { candidature: CandidatureItem }) {
  const { t } = useTranslation();
  const academies = [...new Set(c.members.map((m) => m.establishment.academie.name))];
  const titleId = `candidature-${c.id}`;
  return (
    <section
      aria-labelledby={titleId}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: "1px solid var(--border-default-grey)" }}
    >
      <h2 id={titleId} className={fr.cx("fr-h4", "fr-mb-1w")}>
        <Link to={paths.candidature(c.id)}>{c.labelTitle ?? t("candidatures.untitled")}</Link>
      </h2>
      <ul className={fr.cx("fr-badges-group", "fr-mb-2w")}>
        <li>
          <StateBadge state={c.state} />
        </li>
        <li>
          <Badge>{t(`enums.CandidatureKind.${c.kind}`)}</Badge>
        </li>
        <li>
          <Badge>{t(`enums.AwardType.${c.awardType}`)}</Badge>
        </li>
      </ul>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("candidatures.members")}</h3>
          <ul className={fr.cx("fr-text--sm")}>
            {c.members.map((m) => (
              <li key={m.id}>
                {m.establishment.name} ({m.establishment.city})
                {m.isLead && (
                  <>
                    {" "}
                    <Badge small severity="info" noIcon>
                      {t("candidatures.lead")}
                    </Badge>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className={fr.cx("fr-text--sm")}>
            {academies.length > 1 ? t("candidatures.academies") : t("candidatures.academie")} :{" "}
            {academies.join(", ")}
          </p>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("candidatures.deadlines")}</h3>
          <DeadlinesList deadlines={c.deadlines} />
        </div>
      </div>
      <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{t("candidatures.procedure")}</h3>
      <ProcedureStepper
        state={c.state}
        history={c.history}
        availableTransitions={c.availableTransitions}
      />
      <Button priority="secondary" linkProps={{ to: paths.candidature(c.id) }}>
        {t("candidatures.open")}
      </Button>
    </section>
  );
}

/** « Mes candidatures »: the candidatures the account may see, with their procedure and deadlines. */
export function MyCandidaturesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("candidatures.title"));
  const { data, loading, error } = useQuery(MyCandidaturesQueryDocument);
  const candidatures = data?.candidatures.edges.map((e) => e.node) ?? [];
  return (
    <>
      <div
        className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-mb-3w")}
        style={{ justifyContent: "space-between", gap: "1rem" }}
      >
        <div>
          <h1 className={fr.cx("fr-mb-1w")}>{t("candidatures.title")}</h1>
          <p className={fr.cx("fr-mb-0")}>{t("candidatures.intro")}</p>
        </div>
        <Button iconId="fr-icon-add-line" linkProps={{ to: paths.newCandidature }}>
          {t("candidatures.new")}
        </Button>
      </div>
      {error ? (
        <GraphQLErrorAlert error={error} />
      ) : loading && !data ? (
        <Loading />
      ) : candidatures.length === 0 ? (
        <p>{t("candidatures.empty")}</p>
      ) : (
        candidatures.map((c) => <CandidatureCard key={c.id} candidature={c} />)
      )}
    </>
  );
}
