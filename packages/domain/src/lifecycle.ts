import type { CandidatureKind } from "./candidature";
import { compareIsoDates, formatFrenchDate, type IsoDate } from "./dates";
import {
  auditPlanDueDate,
  canSendAuditPlan,
  canSubmitDossier,
  dossierDueDate,
  labelExpiryDate,
} from "./deadlines";
import { DomainError } from "./errors";

export type CandidatureState =
  | "ENGAGEMENT"
  | "DOSSIER_OPEN"
  | "SUBMITTED"
  | "PREPARATORY_VISIT_DONE"
  | "AUDIT_PLAN_RECEIVED"
  | "AUDITED"
  | "REPORT_SUBMITTED"
  | "GRALM_PROPOSED"
  | "CAEN_CONSULTED"
  | "RECTOR_APPROVED"
  | "REFUSED"
  | "LABELLED"
  | "MID_TERM_REVIEWED"
  | "EXPIRED"
  | "WITHDRAWN";

/** States in the order of the procedure. */
export const CANDIDATURE_STATES: readonly CandidatureState[] = [
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
  "RECTOR_APPROVED",
  "REFUSED",
  "LABELLED",
  "MID_TERM_REVIEWED",
  "EXPIRED",
  "WITHDRAWN",
];

export const CANDIDATURE_STATE_LABELS: Record<CandidatureState, string> = {
  ENGAGEMENT: "Engagement en cours",
  DOSSIER_OPEN: "Dossier ouvert",
  SUBMITTED: "Dossier déposé",
  PREPARATORY_VISIT_DONE: "Visite préparatoire effectuée",
  AUDIT_PLAN_RECEIVED: "Plan d'audit reçu",
  AUDITED: "Audit réalisé",
  REPORT_SUBMITTED: "Rapport d'audit remis",
  GRALM_PROPOSED: "Proposé par le GRALM",
  CAEN_CONSULTED: "Avis du CAEN rendu",
  RECTOR_APPROVED: "Approuvé par le recteur",
  REFUSED: "Refusé",
  LABELLED: "Labellisé",
  MID_TERM_REVIEWED: "Suivi intermédiaire effectué",
  EXPIRED: "Label expiré",
  WITHDRAWN: "Candidature retirée",
};

export type TransitionName =
  | "OPEN_DOSSIER"
  | "SUBMIT_DOSSIER"
  | "RECORD_PREPARATORY_VISIT"
  | "RECEIVE_AUDIT_PLAN"
  | "RECORD_AUDIT"
  | "SUBMIT_REPORT"
  | "RECORD_GRALM_PROPOSAL"
  | "RECORD_CAEN_OPINION"
  | "RECORD_RECTOR_APPROVAL"
  | "RECORD_RECTOR_REFUSAL"
  | "PUBLISH_LABEL"
  | "RECORD_MID_TERM_REVIEW"
  | "EXPIRE_LABEL"
  | "WITHDRAW";

export const TRANSITION_LABELS: Record<TransitionName, string> = {
  OPEN_DOSSIER: "Ouvrir le dossier en ligne",
  SUBMIT_DOSSIER: "Déposer le dossier",
  RECORD_PREPARATORY_VISIT: "Enregistrer la visite préparatoire",
  RECEIVE_AUDIT_PLAN: "Réceptionner le plan d'audit",
  RECORD_AUDIT: "Enregistrer l'audit",
  SUBMIT_REPORT: "Remettre le rapport d'audit",
  RECORD_GRALM_PROPOSAL: "Enregistrer la proposition du GRALM",
  RECORD_CAEN_OPINION: "Enregistrer l'avis du CAEN",
  RECORD_RECTOR_APPROVAL: "Enregistrer la décision favorable du recteur",
  RECORD_RECTOR_REFUSAL: "Enregistrer le refus du recteur",
  PUBLISH_LABEL: "Publier le label au BOEN",
  RECORD_MID_TERM_REVIEW: "Enregistrer le suivi intermédiaire",
  EXPIRE_LABEL: "Constater l'expiration du label",
  WITHDRAW: "Retirer la candidature",
};

export interface TransitionDefinition {
  name: TransitionName;
  from: readonly CandidatureState[];
  to: CandidatureState;
}

const TERMINAL_STATES: readonly CandidatureState[] = ["REFUSED", "EXPIRED", "WITHDRAWN"];

/** States from which a candidature can still be withdrawn (up to the CAEN opinion). */
const WITHDRAWABLE_STATES: readonly CandidatureState[] = [
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
];

export const TRANSITIONS: readonly TransitionDefinition[] = Object.freeze([
  { name: "OPEN_DOSSIER", from: ["ENGAGEMENT"], to: "DOSSIER_OPEN" },
  { name: "SUBMIT_DOSSIER", from: ["DOSSIER_OPEN"], to: "SUBMITTED" },
  { name: "RECORD_PREPARATORY_VISIT", from: ["SUBMITTED"], to: "PREPARATORY_VISIT_DONE" },
  { name: "RECEIVE_AUDIT_PLAN", from: ["PREPARATORY_VISIT_DONE"], to: "AUDIT_PLAN_RECEIVED" },
  { name: "RECORD_AUDIT", from: ["AUDIT_PLAN_RECEIVED"], to: "AUDITED" },
  { name: "SUBMIT_REPORT", from: ["AUDITED"], to: "REPORT_SUBMITTED" },
  { name: "RECORD_GRALM_PROPOSAL", from: ["REPORT_SUBMITTED"], to: "GRALM_PROPOSED" },
  { name: "RECORD_CAEN_OPINION", from: ["GRALM_PROPOSED"], to: "CAEN_CONSULTED" },
  { name: "RECORD_RECTOR_APPROVAL", from: ["CAEN_CONSULTED"], to: "RECTOR_APPROVED" },
  { name: "RECORD_RECTOR_REFUSAL", from: ["CAEN_CONSULTED"], to: "REFUSED" },
  { name: "PUBLISH_LABEL", from: ["RECTOR_APPROVED"], to: "LABELLED" },
  { name: "RECORD_MID_TERM_REVIEW", from: ["LABELLED"], to: "MID_TERM_REVIEWED" },
  { name: "EXPIRE_LABEL", from: ["LABELLED", "MID_TERM_REVIEWED"], to: "EXPIRED" },
  { name: "WITHDRAW", from: WITHDRAWABLE_STATES, to: "WITHDRAWN" },
] satisfies TransitionDefinition[]);

export interface TransitionContext {
  today: IsoDate;
  kind: CandidatureKind;
  memberCount: number;
  /** Every member's engagement letter and board minutes have been received. */
  engagementComplete: boolean;
  auditDate: IsoDate | null;
  publicationDate: IsoDate | null;
  /** French list of what is missing for submission, computed elsewhere; empty = ready. */
  missingForSubmission: string[];
}

export interface GuardFailure {
  code: "INVALID_TRANSITION" | "DEADLINE_PASSED";
  message: string;
}

export function getTransition(name: TransitionName): TransitionDefinition {
  const transition = TRANSITIONS.find((t) => t.name === name);
  if (!transition) {
    throw new DomainError("NOT_FOUND", `La transition « ${name} » n'existe pas.`, { name });
  }
  return transition;
}

export function isCandidatureState(s: string): s is CandidatureState {
  return (CANDIDATURE_STATES as readonly string[]).includes(s);
}

export function isTransitionName(s: string): s is TransitionName {
  return TRANSITIONS.some((t) => t.name === s);
}

/** Transitions whose from-state matches, regardless of guards. */
export function availableTransitions(state: CandidatureState): TransitionName[] {
  return TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.name);
}

export function isTerminalState(s: CandidatureState): boolean {
  return TERMINAL_STATES.includes(s);
}

/**
 * States of a candidature whose procedure is still running, from the engagement to the rector's
 * approval (awaiting the BOEN publication). Neither terminal states nor LABELLED / MID_TERM_REVIEWED:
 * a labelled establishment must be able to engage its renewal while its label runs.
 */
export const OPEN_CANDIDATURE_STATES: readonly CandidatureState[] = [
  "ENGAGEMENT",
  "DOSSIER_OPEN",
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
  "REPORT_SUBMITTED",
  "GRALM_PROPOSED",
  "CAEN_CONSULTED",
  "RECTOR_APPROVED",
];

/** The candidature's procedure is running (an establishment is in at most one such candidature). */
export function isOpenCandidatureState(s: CandidatureState): boolean {
  return OPEN_CANDIDATURE_STATES.includes(s);
}

/** The school can still edit its answers. */
export function isSchoolEditableState(s: CandidatureState): boolean {
  return s === "ENGAGEMENT" || s === "DOSSIER_OPEN";
}

const NO_AUDIT_DATE: GuardFailure = {
  code: "INVALID_TRANSITION",
  message: "La date de l'audit n'est pas encore fixée.",
};

const NO_PUBLICATION_DATE: GuardFailure = {
  code: "INVALID_TRANSITION",
  message: "La date de publication du label au BOEN n'est pas renseignée.",
};

function guards(name: TransitionName, ctx: TransitionContext): GuardFailure[] {
  const failures: GuardFailure[] = [];
  switch (name) {
    case "OPEN_DOSSIER":
      if (!ctx.engagementComplete) {
        failures.push({
          code: "INVALID_TRANSITION",
          message:
            "La lettre d'engagement et le procès-verbal du conseil d'administration de chaque établissement doivent avoir été reçus.",
        });
      }
      if (ctx.kind === "NETWORK" && ctx.memberCount < 2) {
        failures.push({
          code: "INVALID_TRANSITION",
          message: `Une candidature en réseau réunit au moins deux établissements (${ctx.memberCount} actuellement).`,
        });
      }
      break;
    case "SUBMIT_DOSSIER":
      if (ctx.auditDate !== null && !canSubmitDossier(ctx.today, ctx.auditDate)) {
        failures.push({
          code: "DEADLINE_PASSED",
          message: `Le dossier devait être déposé au plus tard le ${formatFrenchDate(dossierDueDate(ctx.auditDate))}, deux mois avant l'audit du ${formatFrenchDate(ctx.auditDate)}.`,
        });
      }
      if (ctx.missingForSubmission.length > 0) {
        failures.push({
          code: "INVALID_TRANSITION",
          message: `Le dossier est incomplet : ${ctx.missingForSubmission.join(" ; ")}.`,
        });
      }
      break;
    case "RECEIVE_AUDIT_PLAN":
      if (ctx.auditDate === null) {
        failures.push(NO_AUDIT_DATE);
      } else if (!canSendAuditPlan(ctx.today, ctx.auditDate)) {
        failures.push({
          code: "DEADLINE_PASSED",
          message: `Le plan d'audit devait être transmis au plus tard le ${formatFrenchDate(auditPlanDueDate(ctx.auditDate))}, deux semaines avant l'audit du ${formatFrenchDate(ctx.auditDate)}.`,
        });
      }
      break;
    case "RECORD_AUDIT":
      if (ctx.auditDate === null) {
        failures.push(NO_AUDIT_DATE);
      } else if (compareIsoDates(ctx.today, ctx.auditDate) < 0) {
        failures.push({
          code: "INVALID_TRANSITION",
          message: `L'audit est prévu le ${formatFrenchDate(ctx.auditDate)} : il ne peut pas être enregistré avant cette date.`,
        });
      }
      break;
    case "PUBLISH_LABEL":
      if (ctx.publicationDate === null) {
        failures.push(NO_PUBLICATION_DATE);
      } else if (compareIsoDates(ctx.publicationDate, ctx.today) > 0) {
        failures.push({
          code: "INVALID_TRANSITION",
          message: `La date de publication au BOEN (${formatFrenchDate(ctx.publicationDate)}) ne peut pas être postérieure à aujourd'hui (${formatFrenchDate(ctx.today)}).`,
        });
      }
      break;
    case "EXPIRE_LABEL":
      if (ctx.publicationDate === null) {
        failures.push(NO_PUBLICATION_DATE);
      } else if (compareIsoDates(ctx.today, labelExpiryDate(ctx.publicationDate)) < 0) {
        failures.push({
          code: "INVALID_TRANSITION",
          message: `Le label est valable jusqu'au ${formatFrenchDate(labelExpiryDate(ctx.publicationDate))} : il ne peut pas encore être déclaré expiré.`,
        });
      }
      break;
    default:
      break;
  }
  return failures;
}

/** [] when the transition is allowed; otherwise every reason why not (French messages). */
export function checkTransition(
  state: CandidatureState,
  name: TransitionName,
  ctx: TransitionContext,
): GuardFailure[] {
  const transition = getTransition(name);
  if (!transition.from.includes(state)) {
    return [
      {
        code: "INVALID_TRANSITION",
        message: `La transition « ${TRANSITION_LABELS[name]} » n'est pas possible depuis l'état « ${CANDIDATURE_STATE_LABELS[state]} ».`,
      },
    ];
  }
  return guards(name, ctx);
}

/** The next state, or a DomainError (code of the first failure, all messages joined). */
export function applyTransition(
  state: CandidatureState,
  name: TransitionName,
  ctx: TransitionContext,
): CandidatureState {
  const failures = checkTransition(state, name, ctx);
  const [first] = failures;
  if (first) {
    throw new DomainError(first.code, failures.map((f) => f.message).join(" "), {
      state,
      transition: name,
      failures,
    });
  }
  return getTransition(name).to;
}

/**
 * Steps recorded by their own operation, which also writes what the step decides (the GRALM's
 * proposal, the CAEN's opinion, the rectors' decisions, the labels published in the BOEN): the generic
 * transition operation refuses them, naming the operation to use.
 */
export const DEDICATED_TRANSITIONS: Readonly<Partial<Record<TransitionName, string>>> =
  Object.freeze({
    RECORD_GRALM_PROPOSAL: "recordGralmProposal",
    RECORD_CAEN_OPINION: "recordCaenOpinion",
    RECORD_RECTOR_APPROVAL: "recordRectorDecision",
    RECORD_RECTOR_REFUSAL: "recordRectorDecision",
    PUBLISH_LABEL: "recordBoenPublication",
    RECORD_MID_TERM_REVIEW: "recordMidTermReview",
  });

/** Refuses (INVALID_TRANSITION) a step that has its own operation, when applied generically. */
export function assertGenericTransition(name: TransitionName): void {
  const operation = DEDICATED_TRANSITIONS[name];
  if (operation) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `L'étape « ${TRANSITION_LABELS[name]} » s'enregistre par son opération dédiée (${operation}), qui consigne aussi ce qu'elle décide.`,
      { transition: name, operation, reason: "DEDICATED_OPERATION" },
    );
  }
}
