/**
 * The audit team and the auditors' declaration of independence and confidentiality.
 *
 * The guide (« 5. L'audit »): the audit « est conduit par une équipe d'auditeurs constituée des
 * inspecteurs de l'académie auxquels peuvent être associés des Conseillers entreprise pour l'École
 * (CEE), des Ingénieurs pour l'école (IPE) ou des représentants de branches professionnelles », and the
 * team « évalue sur une journée » the establishment. Hence the rules below:
 * - at least one inspector (the CEE, IPE and branch representatives join inspectors);
 * - exactly one lead auditor (*auditeur principal*), an inspector: the guide is silent on who leads;
 *   the platform asks one inspector to consolidate the team's assessment and finalise its report;
 * - an auditor appears once in a team, and takes part in at most one audit per day (an audit lasts the
 *   whole day);
 * - before reading a dossier, each auditor signs the declaration (no conflict of interest with the
 *   establishments audited); an unsigned auditor reads nothing of the candidature.
 */
import {
  AUDITOR_PROFILE_LABELS,
  AUDITOR_VISIBLE_STATES,
  type AuditorProfile,
} from "./authorization";
import { formatFrenchDateWithWeekday } from "./calendar";
import type { IsoDate } from "./dates";
import { DomainError } from "./errors";
import { CANDIDATURE_STATE_LABELS, type CandidatureState } from "./lifecycle";

export type AuditTeamRole = "LEAD" | "MEMBER";

export const AUDIT_TEAM_ROLES: readonly AuditTeamRole[] = ["LEAD", "MEMBER"];

export const AUDIT_TEAM_ROLE_LABELS: Record<AuditTeamRole, string> = {
  LEAD: "Auditeur principal",
  MEMBER: "Membre de l'équipe d'audit",
};

/** The profile a lead auditor holds, and that a team holds at least once. */
export const LEAD_AUDITOR_PROFILE: AuditorProfile = "INSPECTOR";

export interface AuditTeamMemberFacts {
  userId: string;
  /** The account's auditor profile (null for an account that has none). */
  profile: AuditorProfile | null;
  teamRole: AuditTeamRole;
  /** Name, for the messages (optional). */
  name?: string;
}

function plural(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

/**
 * What a team lacks or breaks, in French ([] when it is fit): members, profiles, at least one
 * inspector, exactly one lead who is an inspector, nobody twice. The lead is only asked for once the
 * team holds an inspector (the missing inspector says it all).
 */
export function auditTeamCompositionProblems(members: readonly AuditTeamMemberFacts[]): string[] {
  if (members.length === 0) return ["L'équipe d'audit n'a aucun auditeur."];
  const problems: string[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of members) (seen.has(m.userId) ? twice : seen).add(m.userId);
  if (twice.size > 0) {
    problems.push(
      `${twice.size} ${plural(twice.size, "auditeur figure", "auditeurs figurent")} plusieurs fois dans l'équipe d'audit.`,
    );
  }
  const unknown = members.filter(
    (m) => m.profile === null || !(m.profile in AUDITOR_PROFILE_LABELS),
  );
  if (unknown.length > 0) {
    problems.push(
      `${unknown.length} ${plural(unknown.length, "auditeur n'a", "auditeurs n'ont")} pas de profil (inspecteur, CEE, IPE ou représentant de branche).`,
    );
  }
  if (!members.some((m) => m.profile === LEAD_AUDITOR_PROFILE)) {
    problems.push(
      "L'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
    );
    return problems;
  }
  const leads = members.filter((m) => m.teamRole === "LEAD");
  if (leads.length === 0) {
    problems.push("L'équipe d'audit n'a pas d'auditeur principal : désignez l'un des inspecteurs.");
  } else if (leads.length > 1) {
    problems.push(
      `L'équipe d'audit a ${leads.length} auditeurs principaux : elle n'en a qu'un, l'un des inspecteurs.`,
    );
  }
  const notInspector = leads.filter((m) => m.profile !== LEAD_AUDITOR_PROFILE);
  if (notInspector.length > 0) {
    const who = notInspector[0]?.name;
    problems.push(
      `L'auditeur principal${who ? ` (${who})` : ""} doit être un inspecteur de l'académie, pas un ${
        notInspector[0]?.profile
          ? AUDITOR_PROFILE_LABELS[notInspector[0].profile]
          : "auditeur sans profil"
      }.`,
    );
  }
  return problems;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The team DRAFPIC composes must be complete. Throws BAD_USER_INPUT with every problem. */
export function assertAuditTeamComposition(members: readonly AuditTeamMemberFacts[]): void {
  const problems = auditTeamCompositionProblems(members);
  if (problems.length > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Cette équipe d'audit ne convient pas : ${problems.map(lowerFirst).join(" ")}`,
      { problems },
    );
  }
}

/**
 * No audit is recorded without a complete team (inspector, lead). Throws INVALID_TRANSITION, with the
 * same wording as `assertAuditTeam`.
 */
export function assertAuditTeamReady(members: readonly AuditTeamMemberFacts[]): void {
  const problems = auditTeamCompositionProblems(members);
  if (problems.length > 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `L'audit ne peut pas être enregistré : ${problems.map(lowerFirst).join(" ")}`,
      { problems },
    );
  }
}

/**
 * The role of an auditor added to a team one at a time (`assignAuditor`): the first inspector of a team
 * without a lead becomes its lead auditor; everyone else is a member. DRAFPIC changes it with the
 * team's composition.
 */
export function teamRoleForNewAuditor(
  team: readonly Pick<AuditTeamMemberFacts, "teamRole">[],
  profile: AuditorProfile | null,
): AuditTeamRole {
  return profile === LEAD_AUDITOR_PROFILE && !team.some((m) => m.teamRole === "LEAD")
    ? "LEAD"
    : "MEMBER";
}

/**
 * The team can change until its report is final (afterwards the report names the team that wrote it).
 * Throws REPORT_FINALISED.
 */
export function assertAuditTeamChangeable(input: { reportFinal: boolean }): void {
  if (input.reportFinal) {
    throw new DomainError(
      "REPORT_FINALISED",
      "Le rapport d'audit est finalisé : l'équipe qui l'a rédigé ne change plus.",
      { reason: "REPORT_FINAL" },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// One audit per day

export interface OtherAudit {
  userId: string;
  candidatureId: string;
  auditDate: IsoDate;
  /** Name of the auditor, for the message (optional). */
  auditorName?: string;
}

/**
 * The audits of the team's members, on other candidatures, that fall on the same day as this audit
 * (an audit takes the whole day: an auditor takes part in at most one audit per day).
 */
export function auditorDayConflicts(input: {
  candidatureId: string;
  auditDate: IsoDate | null;
  teamUserIds: readonly string[];
  otherAudits: readonly OtherAudit[];
}): OtherAudit[] {
  if (input.auditDate === null) return [];
  const team = new Set(input.teamUserIds);
  return input.otherAudits.filter(
    (a) =>
      team.has(a.userId) &&
      a.candidatureId !== input.candidatureId &&
      a.auditDate === input.auditDate,
  );
}

/** Throws CONFLICT when a member of the team already audits elsewhere on the audit day. */
export function assertNoAuditorDayConflict(input: Parameters<typeof auditorDayConflicts>[0]): void {
  const conflicts = auditorDayConflicts(input);
  const [first] = conflicts;
  if (!first) return;
  const names = [...new Set(conflicts.map((c) => c.auditorName ?? "un auditeur de l'équipe"))];
  throw new DomainError(
    "CONFLICT",
    `${names.join(", ")} ${plural(names.length, "participe", "participent")} déjà à un autre audit le ${formatFrenchDateWithWeekday(first.auditDate)} : un audit dure la journée, un auditeur ne participe qu'à un audit par jour.`,
    {
      reason: "AUDITOR_BUSY",
      auditDate: first.auditDate,
      conflicts: conflicts.map((c) => ({ userId: c.userId, candidatureId: c.candidatureId })),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Declaration of independence and confidentiality

/** Version of the declaration's text: a new text gets a new version (signatures keep theirs). */
export const INDEPENDENCE_DECLARATION_VERSION = "2025-1";

/**
 * States in which an assigned auditor signs: once the dossier is submitted (there is something to
 * read), as long as auditors see the candidature (an auditor of a past audit signs to read it again).
 */
export const DECLARATION_STATES: readonly CandidatureState[] = AUDITOR_VISIBLE_STATES;

/** States in which the team works on the candidature (after them, the report is handed in). */
const TEAM_STATES: readonly CandidatureState[] = [
  "SUBMITTED",
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
];

/** The declaration an auditor signs, naming the establishments audited. */
export function independenceDeclarationText(
  establishments: readonly { name: string; uai: string | null }[],
): string {
  const names = establishments.map((e) => (e.uai ? `${e.name} (${e.uai})` : e.name));
  const audited =
    names.length > 1
      ? `des établissements ${names.slice(0, -1).join(", ")} et ${names.at(-1)}`
      : `de l'établissement ${names[0] ?? ""}`;
  return [
    "Déclaration d'indépendance et de confidentialité",
    `Appelé(e) à auditer la candidature au label « Lycée des métiers » ${audited}, je déclare sur l'honneur :`,
    "— n'avoir aucun conflit d'intérêts avec cet établissement ou ces établissements : je n'y exerce ni n'y ai exercé de fonction au cours des trois dernières années, je n'y ai pas de lien familial ou personnel avec un membre de l'équipe de direction ou de pilotage, je n'ai ni intérêt financier ni relation commerciale avec eux ;",
    "— m'engager à garder confidentiels le dossier de candidature, ses pièces, les échanges du jour de l'audit et les travaux de l'équipe d'audit, et à ne les utiliser que pour cet audit ;",
    "— m'engager à signaler sans délai à la DRAFPIC toute situation qui viendrait à mettre en cause mon indépendance.",
  ].join("\n");
}

/**
 * Checks a signature: once the dossier is submitted, not twice, on the current text, and with the
 * statement that there is no conflict of interest (an auditor who has one does not sign: DRAFPIC
 * changes the team).
 */
export function assertDeclarationSignable(input: {
  state: CandidatureState;
  alreadySigned: boolean;
  textVersion: string;
  noConflictOfInterest: boolean;
}): void {
  if (input.alreadySigned) {
    throw new DomainError(
      "CONFLICT",
      "Vous avez déjà signé la déclaration d'indépendance et de confidentialité pour cette candidature.",
      { reason: "ALREADY_SIGNED" },
    );
  }
  if (!DECLARATION_STATES.includes(input.state)) {
    throw new DomainError(
      "INVALID_TRANSITION",
      input.state === "ENGAGEMENT" || input.state === "DOSSIER_OPEN"
        ? "La déclaration se signe une fois le dossier déposé : il n'y a encore rien à lire."
        : `La déclaration ne se signe pas dans l'état « ${CANDIDATURE_STATE_LABELS[input.state]} ».`,
      { reason: "NOT_SIGNABLE", state: input.state },
    );
  }
  if (input.textVersion !== INDEPENDENCE_DECLARATION_VERSION) {
    throw new DomainError(
      "CONFLICT",
      `Le texte de la déclaration a changé (version ${INDEPENDENCE_DECLARATION_VERSION}, vous avez lu la version ${input.textVersion}) : relisez-le avant de signer.`,
      { reason: "STALE_TEXT", currentVersion: INDEPENDENCE_DECLARATION_VERSION },
    );
  }
  if (!input.noConflictOfInterest) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "Vous ne pouvez pas signer en déclarant un conflit d'intérêts : signalez-le à la DRAFPIC, qui modifiera l'équipe d'audit.",
      { reason: "CONFLICT_OF_INTEREST" },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// What an auditor does next

export type AuditStep =
  | "AWAIT_SUBMISSION"
  | "SIGN_DECLARATION"
  | "STUDY_DOSSIER"
  | "ASSESS"
  | "CONSOLIDATE_AND_FINALISE"
  | "DONE"
  | "CLOSED";

export const AUDIT_STEP_LABELS: Record<AuditStep, string> = {
  AWAIT_SUBMISSION: "Attendre le dépôt du dossier",
  SIGN_DECLARATION: "Signer la déclaration d'indépendance et de confidentialité",
  STUDY_DOSSIER: "Étudier le dossier déposé en attendant la visite préparatoire",
  ASSESS: "Renseigner sa grille d'évaluation, les axes de progrès et les engagements",
  CONSOLIDATE_AND_FINALISE:
    "Consolider l'évaluation de l'équipe et finaliser le rapport d'audit (auditeur principal)",
  DONE: "Rapport d'audit remis",
  CLOSED: "Candidature retirée",
};

/** States in which the team assesses (grid, findings, report): see `AUDIT_PHASE_STATES`. */
const WORKING_STATES: readonly CandidatureState[] = [
  "PREPARATORY_VISIT_DONE",
  "AUDIT_PLAN_RECEIVED",
  "AUDITED",
];

/** What an assigned auditor has to do next on a candidature. */
export function nextAuditStep(input: {
  state: CandidatureState;
  signed: boolean;
  lead: boolean;
  reportFinal: boolean;
}): AuditStep {
  if (input.state === "WITHDRAWN") return "CLOSED";
  if (input.state === "ENGAGEMENT" || input.state === "DOSSIER_OPEN") return "AWAIT_SUBMISSION";
  if (input.reportFinal || !TEAM_STATES.includes(input.state)) return "DONE";
  if (!input.signed) return "SIGN_DECLARATION";
  if (!WORKING_STATES.includes(input.state)) return "STUDY_DOSSIER";
  return input.lead ? "CONSOLIDATE_AND_FINALISE" : "ASSESS";
}
