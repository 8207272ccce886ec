import { useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { answersCriterion } from "@ldm/domain";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../../auth/currentUser";
import { graphql } from "../../gql";
import { canEditCriterion, isSchoolEditable } from "./criterion/access";
import { CriterionEditor } from "./criterion/CriterionEditor";
import { CriterionSidebar } from "./criterion/CriterionSidebar";
import { useCandidatureId } from "./candidatureContext";

export const CriterionPageQuery = graphql(`
  query CriterionPage($id: ID!) {
    candidature(id: $id) {
      id
      kind
      state
      members {
        id
        isLead
        optionalCriterionVariant
        establishment {
          id
          name
        }
      }
      criteria {
        code
        number
        title
        shortTitle
        optional
        variant
        metByEuroscolNote
        expectations {
          id
          text
          scope
        }
        qualeducFiches {
          code
          title
        }
      }
      pilots {
        id
        criterionCode
        establishment {
          id
          name
        }
        user {
          id
          fullName
          jobTitle
        }
      }
      responses {
        ...CriterionResponseFields
      }
      indicators {
        id
        name
        kind
        unit
        criterionCodes
        establishment {
          id
        }
        trend {
          trend
          improving
        }
        values {
          id
          schoolYear
          numericValue
          textValue
        }
      }
      evidence {
        id
        title
        kind
        effectiveDate
        criterionCodes
        cited
        establishment {
          id
        }
        currentFile {
          id
          fileName
          sizeBytes
          mediaType
        }
      }
      readiness {
        ready
        missing
        criteria {
          criterionCode
          ready
          missing
        }
      }
    }
  }
`);

/**
 * One criterion of the dossier (`:criterionCode`: 1 to 8, 9a or 9b): the self-evaluation of each
 * establishment along the improvement cycle, editable by the establishment's head and the criterion's
 * pilots, read-only for the others; beside it, what supports it (pilots, indicators, evidence) and what
 * is still missing.
 */
export function CriterionPage() {
  const { t } = useTranslation();
  const id = useCandidatureId();
  const { criterionCode = "" } = useParams();
  const { user } = useCurrentUser();
  const { data, loading, error } = useQuery(CriterionPageQuery, { variables: { id } });
  const [chosenEstablishment, setChosenEstablishment] = useState<string | null>(null);
  const c = data?.candidature;
  const criterion = c?.criteria.find((x) => x.code === criterionCode);
  useDocumentTitle(
    criterion
      ? t("dossier.criterion.title", { number: criterion.number, title: criterion.shortTitle })
      : t("dossier.criterion.fallbackTitle", { code: criterionCode }),
  );

  if (error) return <GraphQLErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!c) return null;
  if (!criterion) {
    return (
      <>
        <h1>{t("dossier.criterion.fallbackTitle", { code: criterionCode })}</h1>
        <Alert
          severity="error"
          title={t("dossier.criterion.unknownTitle")}
          description={t("dossier.criterion.unknown", { code: criterionCode })}
        />
      </>
    );
  }

  const own = user?.establishment?.id;
  // The establishments that answer this criterion: all, or for criterion 9 those that chose it.
  const members = c.members
    .filter((m) => answersCriterion(m.optionalCriterionVariant ?? null, criterion.code))
    .map((m) => m.establishment);
  const has = (id: string | null | undefined): id is string =>
    !!id && members.some((m) => m.id === id);
  const lead = c.members.find((m) => m.isLead)?.establishment.id;
  const establishmentId = has(chosenEstablishment)
    ? chosenEstablishment
    : has(own)
      ? own
      : has(lead)
        ? lead
        : (members[0]?.id ?? "");
  const establishment = members.find((m) => m.id === establishmentId);
  const response = c.responses.find(
    (r) => r.criterionCode === criterion.code && r.establishment.id === establishmentId,
  );
  const stateEditable = isSchoolEditable(c.state);
  const mayEdit = canEditCriterion(user, c.pilots, establishmentId, criterion.code);
  const readiness = c.readiness.criteria.find((r) => r.criterionCode === criterion.code);
  // What is missing for the establishment shown first; the other establishments' items folded.
  const otherNames = members.filter((m) => m.id !== establishmentId).map((m) => m.name);
  const aboutOther = (m: string) =>
    !(establishment && m.includes(establishment.name)) && otherNames.some((n) => m.includes(n));
  const ownMissing = readiness?.missing.filter((m) => !aboutOther(m)) ?? [];
  const otherMissing = readiness?.missing.filter(aboutOther) ?? [];

  return (
    <>
      <h1>
        {t("dossier.criterion.title", { number: criterion.number, title: criterion.shortTitle })}
      </h1>
      <p className={fr.cx("fr-text--lead")}>{criterion.title}</p>
      {criterion.optional && c.members.length > 1 && (
        <p>{t("dossier.criterion.answeredBy", { names: members.map((m) => m.name).join(", ") })}</p>
      )}

      {readiness && (
        <Alert
          small
          role="status"
          severity={readiness.ready ? "success" : "info"}
          className={fr.cx("fr-mb-3w")}
          description={
            readiness.ready ? (
              t("dossier.criterion.ready")
            ) : (
              <>
                <strong>
                  {t("dossier.criterion.missing", { count: readiness.missing.length })}
                </strong>
                <ul className={fr.cx("fr-mb-0")}>
                  {ownMissing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
                {otherMissing.length > 0 && (
                  <details>
                    <summary>
                      {t("dossier.criterion.missingElsewhere", { count: otherMissing.length })}
                    </summary>
                    <ul className={fr.cx("fr-mb-0")}>
                      {otherMissing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            )
          }
        />
      )}

      {members.length > 1 && (
        <Select
          label={t("dossier.criterion.establishment")}
          hint={t("dossier.criterion.establishmentHint")}
          nativeSelectProps={{
            value: establishmentId,
            onChange: (e) => setChosenEstablishment(e.target.value),
          }}
        >
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.id === own ? ` (${t("dossier.criterion.yours")})` : ""}
            </option>
          ))}
        </Select>
      )}

      {!stateEditable ? (
        <Alert
          small
          severity="info"
          role="status"
          className={fr.cx("fr-mb-3w")}
          description={t("dossier.criterion.locked")}
        />
      ) : !mayEdit ? (
        <Alert
          small
          severity="info"
          role="status"
          className={fr.cx("fr-mb-3w")}
          description={t("dossier.criterion.readOnly", { name: establishment?.name ?? "" })}
        />
      ) : null}

      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-xl-8")}>
          <CriterionEditor
            key={`${establishmentId}-${criterion.code}`}
            candidatureId={c.id}
            kind={c.kind}
            establishmentId={establishmentId}
            criterion={criterion}
            response={response ?? null}
            evidence={c.evidence.filter(
              (e) =>
                e.criterionCodes.includes(criterion.code) ||
                (response?.citedEvidenceIds.includes(e.id) ?? false),
            )}
            readOnly={!stateEditable || !mayEdit}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-xl-4")}>
          <CriterionSidebar
            candidatureId={c.id}
            criterionCode={criterion.code}
            pilots={c.pilots.filter((p) => p.criterionCode === criterion.code)}
            indicators={c.indicators.filter(
              (i) =>
                i.criterionCodes.includes(criterion.code) && i.establishment.id === establishmentId,
            )}
          />
        </div>
      </div>
    </>
  );
}
