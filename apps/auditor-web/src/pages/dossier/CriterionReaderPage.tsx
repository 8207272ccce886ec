import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { expectationsFor } from "@ldm/domain";
import { NotFoundPage, RichTextView, useDocumentTitle } from "@ldm/ui";
import { EvidenceKindText } from "../../components/EvidenceKindText";
import { paths } from "../../paths";
import { criterionLabel } from "./DossierSideMenu";
import {
  useDossierContext,
  type FrozenMember,
  type FrozenResponse,
  type ReferentialCriterion,
} from "./dossierData";
import { IndicatorCard } from "./IndicatorCard";
import { LevelText } from "./LevelText";

/** The four steps of the continuous-improvement cycle, in the order the dossier tells them. */
const CYCLE = ["planned", "done", "measured", "improved"] as const;

function isBlank(html: string | null | undefined): boolean {
  return !html || html.replace(/<[^>]*>/g, "").trim() === "";
}

function MemberAnswer({
  member,
  response,
  criterion,
  multiple,
}: {
  member: FrozenMember;
  response: FrozenResponse | undefined;
  criterion: ReferentialCriterion;
  multiple: boolean;
}) {
  const { t } = useTranslation();
  const { candidature, dossier } = useDossierContext();
  const headingId = `reponse-${member.establishmentId}`;
  const expectations = expectationsFor(criterion, dossier.candidature.kind);
  const addressed = new Set(response?.addressedExpectationIds ?? []);
  const evidence = dossier.evidence.filter((e) => response?.citedEvidenceIds.includes(e.id));
  const indicators = dossier.indicators.filter(
    (i) =>
      i.establishmentId === member.establishmentId && i.criterionCodes.includes(criterion.code),
  );
  const fiches = criterion.qualeducFiches.filter((f) =>
    response?.qualeducFicheCodes.includes(f.code),
  );
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mt-5w")}>
      <h2 id={headingId} className={fr.cx("fr-h3")}>
        {multiple
          ? t("dossier.criterion.answerOf", { name: member.name ?? "—" })
          : t("dossier.criterion.answer")}
        {member.isLead && multiple ? ` (${t("candidature.lead")})` : ""}
      </h2>
      {!response ? (
        <p>{t("dossier.criterion.noAnswer")}</p>
      ) : (
        <>
          <p>
            {t("dossier.criterion.level")}{" "}
            <strong>
              <LevelText level={response.selfAssessedLevel} />
            </strong>
          </p>
          {response.metByEuroscol && (
            <Alert
              small
              severity="info"
              className={fr.cx("fr-mb-3w")}
              description={`${t("dossier.criterion.euroscol")}${criterion.metByEuroscolNote ? ` ${criterion.metByEuroscolNote}` : ""}`}
            />
          )}
          {!isBlank(response.narrative) && (
            <>
              <h3 className={fr.cx("fr-h6")}>{t("dossier.criterion.narrative")}</h3>
              <RichTextView html={response.narrative} />
            </>
          )}
          {CYCLE.map((step) => (
            <div key={step}>
              <h3 className={fr.cx("fr-h6", "fr-mt-3w")}>{t(`dossier.criterion.cycle.${step}`)}</h3>
              <RichTextView html={response[step]} empty={t("dossier.criterion.empty")} />
            </div>
          ))}
          {response.emblematicActionTitle && (
            <div className={fr.cx("fr-callout", "fr-mt-3w")}>
              <h3 className={fr.cx("fr-callout__title", "fr-h6")}>
                {t("dossier.criterion.emblematic", { title: response.emblematicActionTitle })}
              </h3>
              <div className={fr.cx("fr-callout__text")}>
                <RichTextView html={response.emblematicActionDescription} />
              </div>
            </div>
          )}
          <div className={fr.cx("fr-accordions-group", "fr-mt-3w")}>
            <Accordion
              titleAs="h3"
              label={t("dossier.criterion.expectations", {
                count: expectations.filter((e) => addressed.has(e.id)).length,
                total: expectations.length,
              })}
            >
              <ul style={{ listStyle: "none", paddingLeft: 0 }}>
                {expectations.map((e) => {
                  const done = addressed.has(e.id);
                  return (
                    <li key={e.id} className={fr.cx("fr-mb-1w")}>
                      <span
                        className={fr.cx(
                          done ? "fr-icon-checkbox-circle-line" : "fr-icon-close-circle-line",
                          "fr-icon--sm",
                          "fr-mr-1w",
                        )}
                        style={{
                          color: done ? "var(--text-default-success)" : "var(--text-mention-grey)",
                        }}
                        aria-hidden="true"
                      />
                      <strong>
                        {done
                          ? t("dossier.criterion.addressed")
                          : t("dossier.criterion.notAddressed")}
                      </strong>{" "}
                      — {e.id} {e.text}
                    </li>
                  );
                })}
              </ul>
            </Accordion>
            <Accordion titleAs="h3" label={t("dossier.criterion.fiches", { count: fiches.length })}>
              {fiches.length === 0 ? (
                <p>{t("dossier.criterion.noFiche")}</p>
              ) : (
                <ul>
                  {fiches.map((f) => (
                    <li key={f.code}>
                      {f.code} — {f.title}
                    </li>
                  ))}
                </ul>
              )}
            </Accordion>
          </div>
          <h3 className={fr.cx("fr-h6", "fr-mt-3w")}>
            {t("dossier.criterion.evidence", { count: evidence.length })}
          </h3>
          {evidence.length === 0 ? (
            <p className={fr.cx("fr-text--sm")}>{t("dossier.criterion.noEvidence")}</p>
          ) : (
            <ul>
              {evidence.map((e) => (
                <li key={e.id}>
                  <Link to={paths.evidence(candidature.id, e.id)}>{e.title}</Link>{" "}
                  <span className={fr.cx("fr-text--xs")}>
                    (<EvidenceKindText kind={e.kind} />)
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className={fr.cx("fr-h6", "fr-mt-3w")}>
            {t("dossier.criterion.indicators", { count: indicators.length })}
          </h3>
          {indicators.length === 0 ? (
            <p className={fr.cx("fr-text--sm")}>{t("dossier.criterion.noIndicator")}</p>
          ) : (
            indicators.map((i) => <IndicatorCard key={i.id} indicator={i} headingLevel={4} />)
          )}
        </>
      )}
    </section>
  );
}

/**
 * One criterion of the submitted dossier: its wording and expectations, the network's common
 * strategy, then each establishment's answer (self-assessed level, the continuous-improvement cycle,
 * emblematic action, expectations addressed, Qualéduc fiches, cited evidence, indicators with charts).
 */
export function CriterionReaderPage() {
  const { t } = useTranslation();
  const { criterionCode } = useParams();
  const { dossier, criteria, members } = useDossierContext();
  const criterion = criteria.find((c) => c.code === criterionCode);
  const title = criterion
    ? t("dossier.menu.criterion", {
        code: criterionLabel(criterion.code),
        title: criterion.shortTitle,
      })
    : null;
  useDocumentTitle(title);
  if (!criterion || !title) return <NotFoundPage />;
  const strategy = criterion.networkCommonStrategy
    ? dossier.commonStrategies.find((s) => s.criterionCode === criterion.code)
    : undefined;
  // Criterion 9: only the establishments that chose this variant answer it.
  const answering = criterion.optional
    ? members.filter((m) =>
        dossier.responses.some(
          (r) => r.establishmentId === m.establishmentId && r.criterionCode === criterion.code,
        ),
      )
    : members;
  return (
    <>
      <h1>{title}</h1>
      <p className={fr.cx("fr-text--lead")}>{criterion.title}</p>
      {dossier.candidature.kind === "NETWORK" && criterion.networkCommonStrategy && (
        <section
          aria-labelledby="strategie-commune"
          className={fr.cx("fr-p-3w", "fr-mb-3w")}
          style={{ background: "var(--background-alt-blue-france)" }}
        >
          <h2 id="strategie-commune" className={fr.cx("fr-h4")}>
            {t("dossier.strategies.ofCriterion")}
          </h2>
          <RichTextView html={strategy?.text} empty={t("dossier.strategies.none")} />
        </section>
      )}
      {answering.map((m) => (
        <MemberAnswer
          key={m.establishmentId}
          member={m}
          criterion={criterion}
          multiple={members.length > 1}
          response={dossier.responses.find(
            (r) => r.establishmentId === m.establishmentId && r.criterionCode === criterion.code,
          )}
        />
      ))}
    </>
  );
}
