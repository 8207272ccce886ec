import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useTranslation } from "react-i18next";
import { formatDate } from "@ldm/ui";
import type { CandidatureState, CandidatureTransition } from "../gql/graphql";

/**
 * The procedure in 8 steps (the DSFR Stepper shows at most 8), each grouping states of the domain's
 * main path (packages/domain/src/lifecycle.ts); REFUSED, WITHDRAWN and EXPIRED end it off the path.
 */
export const PROCEDURE_STEPS = [
  { key: "engagement", states: ["ENGAGEMENT"] },
  { key: "dossier", states: ["DOSSIER_OPEN"] },
  { key: "submission", states: ["SUBMITTED", "PREPARATORY_VISIT_DONE"] },
  { key: "audit", states: ["AUDIT_PLAN_RECEIVED", "AUDITED"] },
  { key: "report", states: ["REPORT_SUBMITTED"] },
  { key: "opinions", states: ["GRALM_PROPOSED", "CAEN_CONSULTED"] },
  { key: "decision", states: ["RECTOR_APPROVED"] },
  { key: "label", states: ["LABELLED", "MID_TERM_REVIEWED"] },
] as const satisfies readonly { key: string; states: readonly CandidatureState[] }[];

export interface ProcedureStepperProps {
  state: CandidatureState;
  history: readonly {
    id: string;
    transition: CandidatureTransition;
    effectiveDate: string;
  }[];
  availableTransitions: readonly CandidatureTransition[];
}

/** Where the candidature stands in the procedure (DSFR Stepper), the steps taken and the possible ones. */
export function ProcedureStepper({ state, history, availableTransitions }: ProcedureStepperProps) {
  const { t, i18n } = useTranslation();
  const index = PROCEDURE_STEPS.findIndex((step) =>
    (step.states as readonly CandidatureState[]).includes(state),
  );
  const current = PROCEDURE_STEPS[index];
  const next = PROCEDURE_STEPS[index + 1];
  return (
    <div>
      {current ? (
        <Stepper
          currentStep={index + 1}
          stepCount={PROCEDURE_STEPS.length}
          title={t(`stepper.steps.${current.key}`)}
          nextTitle={next ? t(`stepper.steps.${next.key}`) : undefined}
          progressText={({ currentStep, stepCount }) =>
            t("stepper.progress", { current: currentStep, count: stepCount })
          }
          nextStepText={t("stepper.next")}
        />
      ) : (
        <p>
          <Badge severity="warning">
            {t("stepper.ended", { state: t(`enums.CandidatureState.${state}`) })}
          </Badge>
        </p>
      )}
      <details className={fr.cx("fr-mb-2w")}>
        <summary>{t("candidatures.history")}</summary>
        {history.length === 0 ? (
          <p className={fr.cx("fr-text--sm")}>{t("candidatures.noHistory")}</p>
        ) : (
          <ol className={fr.cx("fr-text--sm")}>
            {history.map((h) => (
              <li key={h.id}>
                {t("candidatures.historyItem", {
                  date: formatDate(h.effectiveDate, { lng: i18n.language }),
                  transition: t(`enums.CandidatureTransition.${h.transition}`),
                })}
              </li>
            ))}
          </ol>
        )}
      </details>
      {availableTransitions.length > 0 && (
        <p className={fr.cx("fr-text--sm")}>
          {t("candidatures.nextSteps")}{" "}
          {availableTransitions
            .map((transition) => t(`enums.CandidatureTransition.${transition}`))
            .join(" · ")}
        </p>
      )}
    </div>
  );
}
