/**
 * The decision chain after the audit report (guide, § 3): the regional group GRALM proposes, the
 * (INTER-)CAEN gives its opinion, the rector of each establishment's académie decides, and the label is
 * official at its publication in the BOEN. This module owns the order of the steps and their dates; the
 * lifecycle (`lifecycle.ts`) owns the candidature's states.
 *
 * Readings (see the README):
 * - a POSTPONED proposal (examen ajourné) leaves the candidature awaiting a proposal
 *   (REPORT_SUBMITTED): it is examined again at a later session; FAVOURABLE and UNFAVOURABLE apply
 *   RECORD_GRALM_PROPOSAL;
 * - each académie's rector decides for the establishments of the candidature that lie in it (one act per
 *   académie, an outcome per establishment). Once every académie has decided: at least one approved
 *   establishment → RECORD_RECTOR_APPROVAL, and only the approved establishments are labelled at the
 *   BOEN publication; none → RECORD_RECTOR_REFUSAL;
 * - every date of the chain is a civil date, not after today, and not before the step it follows.
 */
import { getAcademie, type AcademieCode } from "./academies";
import { compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { labelTerms, type LabelTerms } from "./label";
import {
  CANDIDATURE_STATES,
  CANDIDATURE_STATE_LABELS,
  isTerminalState,
  type CandidatureState,
  type TransitionName,
} from "./lifecycle";

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The GRALM's proposal for a candidature. */
export type GralmProposal = "FAVOURABLE" | "UNFAVOURABLE" | "POSTPONED";
export const GRALM_PROPOSALS: readonly GralmProposal[] = [
  "FAVOURABLE",
  "UNFAVOURABLE",
  "POSTPONED",
];
export const GRALM_PROPOSAL_LABELS: Record<GralmProposal, string> = {
  FAVOURABLE: "Proposition favorable",
  UNFAVOURABLE: "Proposition défavorable",
  POSTPONED: "Examen ajourné",
};

/** The (INTER-)CAEN's opinion on a candidature. */
export type CaenOpinion = "FAVOURABLE" | "UNFAVOURABLE";
export const CAEN_OPINIONS: readonly CaenOpinion[] = ["FAVOURABLE", "UNFAVOURABLE"];
export const CAEN_OPINION_LABELS: Record<CaenOpinion, string> = {
  FAVOURABLE: "Avis favorable",
  UNFAVOURABLE: "Avis défavorable",
};

/** The rector's decision for one establishment. */
export type RectorOutcome = "APPROVED" | "REFUSED";
export const RECTOR_OUTCOMES: readonly RectorOutcome[] = ["APPROVED", "REFUSED"];
export const RECTOR_OUTCOME_LABELS: Record<RectorOutcome, string> = {
  APPROVED: "Label accordé",
  REFUSED: "Label refusé",
};

/** The steps of the decision chain, in order. */
export type DecisionStep =
  "GRALM_PROPOSAL" | "CAEN_OPINION" | "RECTOR_DECISION" | "BOEN_PUBLICATION";
export const DECISION_STEPS: readonly DecisionStep[] = [
  "GRALM_PROPOSAL",
  "CAEN_OPINION",
  "RECTOR_DECISION",
  "BOEN_PUBLICATION",
];

/** The state a candidature is in when the step can be recorded. */
export const DECISION_STEP_STATES: Record<DecisionStep, CandidatureState> = {
  GRALM_PROPOSAL: "REPORT_SUBMITTED",
  CAEN_OPINION: "GRALM_PROPOSED",
  RECTOR_DECISION: "CAEN_CONSULTED",
  BOEN_PUBLICATION: "RECTOR_APPROVED",
};

export const DECISION_STEP_LABELS: Record<DecisionStep, string> = {
  GRALM_PROPOSAL: "La proposition du GRALM",
  CAEN_OPINION: "L'avis du CAEN",
  RECTOR_DECISION: "La décision du recteur",
  BOEN_PUBLICATION: "La publication au BOEN",
};

/** What must have happened before each step (French, for the refusals). */
const PREREQUISITES: Record<DecisionStep, string> = {
  GRALM_PROPOSAL: "la remise du rapport d'audit",
  CAEN_OPINION: "la proposition du GRALM",
  RECTOR_DECISION: "l'avis du CAEN",
  BOEN_PUBLICATION: "la décision favorable du recteur",
};

/** Longest motivation or comment of a decision (characters). */
export const DECISION_TEXT_MAX_LENGTH = 4000;
/** Longest name or role of a member of a GRALM session (characters). */
export const GRALM_MEMBER_TEXT_MAX_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Order of the steps and their dates

/**
 * Refuses (INVALID_TRANSITION) a step recorded out of order: too early (« L'avis du CAEN suit la
 * proposition du GRALM… ») or once the candidature has gone past it or left the procedure.
 */
export function assertDecisionStep(step: DecisionStep, state: CandidatureState): void {
  const required = DECISION_STEP_STATES[step];
  if (state === required) return;
  const tooEarly =
    !isTerminalState(state) &&
    CANDIDATURE_STATES.indexOf(state) < CANDIDATURE_STATES.indexOf(required);
  const where = `la candidature est à l'état « ${CANDIDATURE_STATE_LABELS[state]} »`;
  throw new DomainError(
    "INVALID_TRANSITION",
    tooEarly
      ? `${DECISION_STEP_LABELS[step]} suit ${PREREQUISITES[step]} : ${where}.`
      : `${DECISION_STEP_LABELS[step]} n'est plus possible : ${where}.`,
    { step, state, requiredState: required, reason: tooEarly ? "TOO_EARLY" : "NOT_ALLOWED" },
  );
}

/** A date of the chain is not after today (the meeting or the act has taken place). */
export function assertNotInFuture(date: IsoDate, today: IsoDate, what: string): void {
  parseIsoDate(date);
  if (compareIsoDates(date, today) > 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `${what} (${formatFrenchDate(date)}) ne peut pas être postérieure à aujourd'hui (${formatFrenchDate(today)}).`,
      { date, today, reason: "DATE_IN_FUTURE" },
    );
  }
}

/** A date of the chain is not before the step it follows (`previous`, when known). */
export function assertNotBefore(
  date: IsoDate,
  previous: IsoDate | null,
  what: string,
  previousWhat: string,
): void {
  parseIsoDate(date);
  if (previous !== null && compareIsoDates(date, previous) < 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `${what} (${formatFrenchDate(date)}) ne peut pas précéder ${previousWhat} (${formatFrenchDate(previous)}).`,
      { date, previous, reason: "BEFORE_PREVIOUS_STEP" },
    );
  }
}

/** A required text of a decision, trimmed (BAD_USER_INPUT when empty or too long). */
export function requiredDecisionText(value: string | null | undefined, what: string): string {
  const text = (value ?? "").trim();
  if (text === "") throw new DomainError("BAD_USER_INPUT", `${what} est obligatoire.`, { what });
  return optionalDecisionText(text, what) ?? text;
}

/** An optional text of a decision, trimmed, null when empty (BAD_USER_INPUT when too long). */
export function optionalDecisionText(
  value: string | null | undefined,
  what: string,
): string | null {
  const text = (value ?? "").trim();
  if ([...text].length > DECISION_TEXT_MAX_LENGTH) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `${what} dépasse ${DECISION_TEXT_MAX_LENGTH} caractères.`,
      { what, length: [...text].length },
    );
  }
  return text === "" ? null : text;
}

// ---------------------------------------------------------------------------------------------
// GRALM sessions

/** A member present at a GRALM session (not an account of the platform: a name and a role). */
export interface GralmMember {
  fullName: string;
  role: string;
}

/**
 * The members present, trimmed: at least one, each with a name and a role (« IEN-ET économie-gestion »,
 * « DRAFPIC », « représentant de la Région »…), no one twice (BAD_USER_INPUT).
 */
export function normalizeGralmMembers(members: readonly GralmMember[]): GralmMember[] {
  if (members.length === 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Indiquez au moins un membre présent à la session du GRALM.",
      { reason: "NO_MEMBER" },
    );
  }
  const seen = new Set<string>();
  return members.map((m, index) => {
    const fullName = m.fullName.replace(/\s+/g, " ").trim();
    const role = m.role.replace(/\s+/g, " ").trim();
    if (fullName === "" || role === "") {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le membre n° ${index + 1} de la session du GRALM doit avoir un nom et une fonction.`,
        { index, reason: "MEMBER_INCOMPLETE" },
      );
    }
    if (
      [...fullName].length > GRALM_MEMBER_TEXT_MAX_LENGTH ||
      [...role].length > GRALM_MEMBER_TEXT_MAX_LENGTH
    ) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le nom et la fonction d'un membre du GRALM ne dépassent pas ${GRALM_MEMBER_TEXT_MAX_LENGTH} caractères.`,
        { index, reason: "MEMBER_TOO_LONG" },
      );
    }
    const key = fullName.toLocaleLowerCase("fr-FR");
    if (seen.has(key)) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `« ${fullName} » figure deux fois parmi les membres présents.`,
        { index, reason: "MEMBER_TWICE" },
      );
    }
    seen.add(key);
    return { fullName, role };
  });
}

/**
 * The earliest session at which a candidature can be examined: the day its audit report was
 * submitted, or the day after the latest session that postponed it.
 */
export function earliestGralmSessionDate(
  reportSubmittedOn: IsoDate | null,
  postponedAt: readonly IsoDate[],
): { date: IsoDate; after: "REPORT" | "POSTPONEMENT" } | null {
  const latestPostponement = [...postponedAt].sort(compareIsoDates).at(-1) ?? null;
  if (latestPostponement !== null) {
    return { date: latestPostponement, after: "POSTPONEMENT" };
  }
  return reportSubmittedOn === null ? null : { date: reportSubmittedOn, after: "REPORT" };
}

/** The session date suits a candidature: not before its report, after the session that postponed it. */
export function assertSessionDateFits(
  sessionDate: IsoDate,
  input: { reportSubmittedOn: IsoDate | null; postponedAt: readonly IsoDate[]; name?: string },
): void {
  parseIsoDate(sessionDate);
  const earliest = earliestGralmSessionDate(input.reportSubmittedOn, input.postponedAt);
  if (earliest === null) return;
  const about = input.name ? ` pour « ${input.name} »` : "";
  if (earliest.after === "REPORT") {
    assertNotBefore(
      sessionDate,
      earliest.date,
      `La session du GRALM${about}`,
      "la remise du rapport d'audit",
    );
  } else if (compareIsoDates(sessionDate, earliest.date) <= 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `La session du GRALM${about} (${formatFrenchDate(sessionDate)}) doit suivre la session qui a ajourné son examen (${formatFrenchDate(earliest.date)}).`,
      { date: sessionDate, previous: earliest.date, reason: "BEFORE_PREVIOUS_STEP" },
    );
  }
}

/** Inscribing a candidature on the agenda of a GRALM session. */
export function assertCanAddToGralmSession(input: {
  state: CandidatureState;
  sessionDate: IsoDate;
  reportSubmittedOn: IsoDate | null;
  /** Dates of the earlier sessions that postponed its examination. */
  postponedAt: readonly IsoDate[];
  /** Date of the session where it already awaits its proposal, if any (this one included). */
  pendingInSessionOn: IsoDate | null;
}): void {
  if (input.pendingInSessionOn !== null) {
    throw new DomainError(
      "CONFLICT",
      `La candidature est déjà inscrite à la session du GRALM du ${formatFrenchDate(input.pendingInSessionOn)}, où elle attend sa proposition.`,
      { sessionDate: input.pendingInSessionOn, reason: "ALREADY_ON_AGENDA" },
    );
  }
  assertDecisionStep("GRALM_PROPOSAL", input.state);
  assertSessionDateFits(input.sessionDate, input);
}

/** Removing a candidature from a session's agenda: only while its proposal is not recorded. */
export function assertCanRemoveFromGralmSession(item: { proposal: GralmProposal | null }): void {
  if (item.proposal !== null) {
    throw new DomainError(
      "CONFLICT",
      "La proposition du GRALM est enregistrée : la candidature ne peut plus être retirée de la session.",
      { proposal: item.proposal, reason: "PROPOSAL_RECORDED" },
    );
  }
}

/** Changing the date of a session: only while none of its proposals is recorded. */
export function assertCanRescheduleGralmSession(input: {
  proposalsRecorded: number;
  newDate: IsoDate;
  candidatures: readonly {
    name: string;
    reportSubmittedOn: IsoDate | null;
    postponedAt: readonly IsoDate[];
  }[];
}): void {
  parseIsoDate(input.newDate);
  if (input.proposalsRecorded > 0) {
    throw new DomainError(
      "CONFLICT",
      "Des propositions de cette session sont enregistrées : sa date ne se modifie plus.",
      { proposalsRecorded: input.proposalsRecorded, reason: "PROPOSAL_RECORDED" },
    );
  }
  for (const c of input.candidatures) assertSessionDateFits(input.newDate, c);
}

/**
 * Recording the GRALM's proposal for a candidature of a session, after the session took place. Returns
 * the motivation (required) and the transition it applies: RECORD_GRALM_PROPOSAL, or none for a
 * postponement (the candidature waits for a later session).
 */
export function decideGralmProposal(input: {
  state: CandidatureState;
  sessionDate: IsoDate;
  today: IsoDate;
  proposal: GralmProposal;
  motivation: string | null | undefined;
  /** The proposal already recorded for this candidature in this session, if any. */
  recorded: GralmProposal | null;
}): { motivation: string; transition: TransitionName | null } {
  if (input.recorded !== null) {
    throw new DomainError(
      "CONFLICT",
      `La proposition du GRALM pour cette candidature est déjà enregistrée (${GRALM_PROPOSAL_LABELS[input.recorded].toLowerCase()}) : elle ne se modifie plus.`,
      { recorded: input.recorded, reason: "PROPOSAL_RECORDED" },
    );
  }
  if (compareIsoDates(input.sessionDate, input.today) > 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `La session du GRALM du ${formatFrenchDate(input.sessionDate)} n'a pas encore eu lieu : sa proposition s'enregistre à partir de cette date.`,
      { sessionDate: input.sessionDate, today: input.today, reason: "DATE_IN_FUTURE" },
    );
  }
  assertDecisionStep("GRALM_PROPOSAL", input.state);
  const motivation = requiredDecisionText(input.motivation, "La motivation de la proposition");
  return {
    motivation,
    transition: input.proposal === "POSTPONED" ? null : "RECORD_GRALM_PROPOSAL",
  };
}

// ---------------------------------------------------------------------------------------------
// (INTER-)CAEN

/** Recording the CAEN's opinion: after the GRALM's proposal, on a date between its session and today. */
export function decideCaenOpinion(input: {
  state: CandidatureState;
  opinionDate: IsoDate;
  today: IsoDate;
  /** Date of the session whose proposal the candidature received. */
  gralmSessionDate: IsoDate | null;
  /** Date of the opinion already recorded, if any. */
  recordedOn: IsoDate | null;
}): void {
  if (input.recordedOn !== null) {
    throw new DomainError(
      "CONFLICT",
      `L'avis du CAEN est déjà enregistré (${formatFrenchDate(input.recordedOn)}).`,
      { recordedOn: input.recordedOn, reason: "ALREADY_RECORDED" },
    );
  }
  assertDecisionStep("CAEN_OPINION", input.state);
  assertNotInFuture(input.opinionDate, input.today, "La date de l'avis du CAEN");
  assertNotBefore(
    input.opinionDate,
    input.gralmSessionDate,
    "La date de l'avis du CAEN",
    "la session du GRALM",
  );
}

// ---------------------------------------------------------------------------------------------
// The rectors

/** « l'académie d'Aix-Marseille », « l'académie de Nice ». */
export function academieName(code: AcademieCode): string {
  const name = getAcademie(code).name;
  return `l'académie ${/^[aeiouyàâéèêîôû]/i.test(name) ? "d'" : "de "}${name}`;
}

/** An establishment of the candidature, with the académie of its département. */
export interface DecisionMember {
  establishmentId: string;
  establishmentName: string;
  academieCode: AcademieCode;
}

/** A rector's decision recorded for one establishment. */
export interface RectorDecisionFact {
  establishmentId: string;
  academieCode: AcademieCode;
  outcome: RectorOutcome;
  decidedOn: IsoDate;
}

/** Where the rectors' decisions stand for a candidature. */
export interface RectorChainOutcome {
  /** The académies whose rector has not decided yet. */
  awaiting: AcademieCode[];
  /** Every académie has decided. */
  complete: boolean;
  /** Once complete: RECORD_RECTOR_APPROVAL when one establishment at least is approved, else REFUSAL. */
  transition: "RECORD_RECTOR_APPROVAL" | "RECORD_RECTOR_REFUSAL" | null;
  approvedEstablishmentIds: string[];
  /** The latest decision date (the date of the step once complete). */
  lastDecidedOn: IsoDate | null;
}

/** The académies of a candidature's establishments, in the order of `ACADEMIES`. */
export function academiesOf(members: readonly DecisionMember[]): AcademieCode[] {
  const codes = new Set(members.map((m) => m.academieCode));
  return (["AIX_MARSEILLE", "NICE"] as const).filter((c) => codes.has(c));
}

export function rectorChainOutcome(
  members: readonly DecisionMember[],
  decisions: readonly RectorDecisionFact[],
): RectorChainOutcome {
  const decided = new Set(decisions.map((d) => d.establishmentId));
  const awaiting = academiesOf(members.filter((m) => !decided.has(m.establishmentId)));
  const complete = members.length > 0 && awaiting.length === 0;
  const approvedEstablishmentIds = members
    .filter((m) =>
      decisions.some((d) => d.establishmentId === m.establishmentId && d.outcome === "APPROVED"),
    )
    .map((m) => m.establishmentId);
  const lastDecidedOn = [...decisions.map((d) => d.decidedOn)].sort(compareIsoDates).at(-1) ?? null;
  return {
    awaiting,
    complete,
    transition: !complete
      ? null
      : approvedEstablishmentIds.length > 0
        ? "RECORD_RECTOR_APPROVAL"
        : "RECORD_RECTOR_REFUSAL",
    approvedEstablishmentIds,
    lastDecidedOn,
  };
}

/**
 * Recording the decision of one académie's rector for the candidature's establishments in that académie:
 * after the CAEN's opinion, on a date between it and today, an outcome for each of them and for no other
 * establishment. Returns the decisions to record and where the chain stands with them.
 */
export function decideRectorDecision(input: {
  state: CandidatureState;
  today: IsoDate;
  caenOpinionDate: IsoDate | null;
  academieCode: string;
  decidedOn: IsoDate;
  members: readonly DecisionMember[];
  recorded: readonly RectorDecisionFact[];
  outcomes: readonly { establishmentId: string; outcome: RectorOutcome }[];
}): { decisions: RectorDecisionFact[]; outcome: RectorChainOutcome } {
  assertDecisionStep("RECTOR_DECISION", input.state);
  const academie = getAcademie(input.academieCode);
  const rector = `Le recteur de ${academieName(academie.code)}`;
  const own = input.members.filter((m) => m.academieCode === academie.code);
  if (own.length === 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Aucun établissement de la candidature ne relève de ${academieName(academie.code)}.`,
      { academieCode: academie.code, reason: "ACADEMIE_NOT_CONCERNED" },
    );
  }
  const previous = input.recorded.find((d) => d.academieCode === academie.code);
  if (previous) {
    throw new DomainError(
      "CONFLICT",
      `${rector} a déjà décidé pour cette candidature (${formatFrenchDate(previous.decidedOn)}).`,
      { academieCode: academie.code, decidedOn: previous.decidedOn, reason: "ALREADY_DECIDED" },
    );
  }
  const seen = new Set<string>();
  for (const o of input.outcomes) {
    const member = input.members.find((m) => m.establishmentId === o.establishmentId);
    if (!member) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `L'établissement « ${o.establishmentId} » ne participe pas à cette candidature.`,
        { establishmentId: o.establishmentId, reason: "NOT_A_MEMBER" },
      );
    }
    if (member.academieCode !== academie.code) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `${rector} décide pour les établissements de son académie : « ${member.establishmentName} » relève de ${academieName(member.academieCode)}.`,
        {
          establishmentId: member.establishmentId,
          academieCode: member.academieCode,
          reason: "OTHER_ACADEMIE",
        },
      );
    }
    if (seen.has(o.establishmentId)) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `« ${member.establishmentName} » figure deux fois dans la décision.`,
        { establishmentId: member.establishmentId, reason: "ESTABLISHMENT_TWICE" },
      );
    }
    seen.add(o.establishmentId);
  }
  const missing = own.filter((m) => !seen.has(m.establishmentId));
  if (missing.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `${rector} décide pour chaque établissement de son académie dans la candidature : il manque ${missing.map((m) => `« ${m.establishmentName} »`).join(", ")}.`,
      { missing: missing.map((m) => m.establishmentId), reason: "ESTABLISHMENT_MISSING" },
    );
  }
  assertNotInFuture(input.decidedOn, input.today, "La date de la décision du recteur");
  assertNotBefore(
    input.decidedOn,
    input.caenOpinionDate,
    "La date de la décision du recteur",
    "l'avis du CAEN",
  );
  const decisions = own.map((m) => ({
    establishmentId: m.establishmentId,
    academieCode: academie.code,
    outcome: input.outcomes.find((o) => o.establishmentId === m.establishmentId)!.outcome,
    decidedOn: input.decidedOn,
  }));
  return {
    decisions,
    outcome: rectorChainOutcome(input.members, [...input.recorded, ...decisions]),
  };
}

// ---------------------------------------------------------------------------------------------
// The BOEN

/** A label to create at the publication: its establishment and its terms. */
export interface PublishedLabel extends LabelTerms {
  establishmentId: string;
}

/**
 * Publishing the label in the BOEN: after the rectors' decisions (the candidature RECTOR_APPROVED), on a
 * date not before the latest decision and not after today. Returns one label per approved establishment
 * (title from the intitulé, five years from the publication, mid-term follow-up due date).
 */
export function decideBoenPublication(input: {
  state: CandidatureState;
  publicationDate: IsoDate;
  today: IsoDate;
  intitule: string | null;
  decisions: readonly RectorDecisionFact[];
}): { labels: PublishedLabel[] } {
  assertDecisionStep("BOEN_PUBLICATION", input.state);
  assertNotInFuture(input.publicationDate, input.today, "La date de publication au BOEN");
  const lastDecision = [...input.decisions.map((d) => d.decidedOn)].sort(compareIsoDates).at(-1);
  assertNotBefore(
    input.publicationDate,
    lastDecision ?? null,
    "La date de publication au BOEN",
    "la décision du recteur",
  );
  const approved = input.decisions.filter((d) => d.outcome === "APPROVED");
  if (approved.length === 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      "Aucun établissement de la candidature n'a reçu de décision favorable du recteur.",
      { reason: "NONE_APPROVED" },
    );
  }
  if (input.intitule === null || input.intitule.trim() === "") {
    throw new DomainError(
      "BAD_USER_INPUT",
      "La candidature n'a pas d'intitulé : indiquez l'intitulé du label publié.",
      { reason: "NO_TITLE" },
    );
  }
  const terms = labelTerms(input.intitule, input.publicationDate);
  return { labels: approved.map((d) => ({ establishmentId: d.establishmentId, ...terms })) };
}
