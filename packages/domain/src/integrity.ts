/**
 * Integrity rules the API checks before it writes: pure functions that throw a coded French
 * DomainError (or return a decision) from the facts the API loads.
 */
import { ACADEMIES } from "./academies";
import { AUDITOR_PROFILE_LABELS, type AuditorProfile } from "./authorization";
import type { AwardType } from "./candidature";
import { addMonths, compareIsoDates, formatFrenchDate, parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { isOpenCandidatureState, type CandidatureState } from "./lifecycle";
import { assertValidUai } from "./uai";

// ---------------------------------------------------------------------------------------------
// Engagement documents

/**
 * The engagement letter and the board minutes (procès-verbal du conseil d'administration) of one
 * establishment: neither dated in the future, and the board minutes not after the engagement letter
 * (the board approves the candidature, then the letter is sent with its minutes). Either date may
 * still be missing (null). Throws BAD_USER_INPUT.
 */
export function assertEngagementDates(input: {
  engagementLetterOn: IsoDate | null;
  boardMinutesOn: IsoDate | null;
  today: IsoDate;
  /** Named in the messages when given (networks: one pair of documents per co-applicant). */
  establishmentName?: string;
}): void {
  const { engagementLetterOn: letter, boardMinutesOn: minutes, today } = input;
  parseIsoDate(today);
  const of = input.establishmentName ? ` de ${input.establishmentName}` : "";
  if (letter !== null) {
    parseIsoDate(letter);
    if (compareIsoDates(letter, today) > 0) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `La lettre d'engagement${of} ne peut pas être datée du ${formatFrenchDate(letter)}, après aujourd'hui (${formatFrenchDate(today)}).`,
        { engagementLetterOn: letter, today, reason: "ENGAGEMENT_LETTER_IN_FUTURE" },
      );
    }
  }
  if (minutes !== null) {
    parseIsoDate(minutes);
    if (compareIsoDates(minutes, today) > 0) {
      throw new DomainError(
        "BAD_USER_INPUT",
        `Le procès-verbal du conseil d'administration${of} ne peut pas être daté du ${formatFrenchDate(minutes)}, après aujourd'hui (${formatFrenchDate(today)}).`,
        { boardMinutesOn: minutes, today, reason: "BOARD_MINUTES_IN_FUTURE" },
      );
    }
  }
  if (letter !== null && minutes !== null && compareIsoDates(minutes, letter) > 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le procès-verbal du conseil d'administration${of} (${formatFrenchDate(minutes)}) ne peut pas être postérieur à la lettre d'engagement (${formatFrenchDate(letter)}) : le conseil d'administration approuve la candidature avant l'envoi de la lettre, qui est jointe à son procès-verbal.`,
      { engagementLetterOn: letter, boardMinutesOn: minutes, reason: "BOARD_MINUTES_AFTER_LETTER" },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// UAI and département

const CORSICA_UAI_PREFIXES: Record<string, string> = { "2A": "620", "2B": "720" };

function departementDisplay(code: string): string {
  const name = ACADEMIES.flatMap((a) => a.departements).find((d) => d.code === code)?.name;
  const extra: Record<string, string> = { "2A": "Corse-du-Sud", "2B": "Haute-Corse" };
  const label = name ?? extra[code];
  return label ? `${code} (${label})` : code;
}

/**
 * The first three characters of the UAI codes of a département's establishments: its number
 * zero-padded to three digits ("06" / "6" / "006" → "006", "13" → "013", "971" → "971"); Corsica's
 * two départements use 620 (2A, Corse-du-Sud) and 720 (2B, Haute-Corse) — "02A" is read as "2A", and
 * the former single code "20" as either. Throws BAD_USER_INPUT for a malformed code.
 */
export function uaiPrefixesOfDepartement(departementCode: string): string[] {
  const code = departementCode.trim().toUpperCase();
  const corsica = /^0?(2[AB])$/.exec(code)?.[1];
  if (corsica) return [CORSICA_UAI_PREFIXES[corsica] ?? ""];
  if (/^\d{1,3}$/.test(code) && Number(code) > 0) {
    if (Number(code) === 20) return ["620", "720"];
    return [String(Number(code)).padStart(3, "0")];
  }
  throw new DomainError(
    "BAD_USER_INPUT",
    `Le code département « ${departementCode} » est invalide (attendu : un numéro comme 06, 13 ou 971, ou 2A / 2B).`,
    { departement: departementCode },
  );
}

/**
 * The UAI is valid and belongs to the département: its first three digits are the département code
 * zero-padded (006 for 06 Alpes-Maritimes, 013 for 13 Bouches-du-Rhône; 620 / 720 for 2A / 2B).
 * Returns the normalised UAI; throws BAD_USER_INPUT.
 */
export function assertUaiInDepartement(uai: string, departementCode: string): string {
  const normalized = assertValidUai(uai);
  const prefixes = uaiPrefixesOfDepartement(departementCode);
  if (!prefixes.includes(normalized.slice(0, 3))) {
    const code = departementCode
      .trim()
      .toUpperCase()
      .replace(/^0(?=2[AB]$)/, "");
    const display = /^\d+$/.test(code)
      ? departementDisplay(String(Number(code)).padStart(2, "0"))
      : departementDisplay(code);
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le code UAI ${normalized} ne correspond pas au département ${display} : les codes UAI de ce département commencent par ${prefixes.join(" ou ")}.`,
      { uai: normalized, departement: departementCode, expectedPrefixes: prefixes },
    );
  }
  return normalized;
}

// ---------------------------------------------------------------------------------------------
// One open candidature per establishment

/** How many of these candidature states are open (`isOpenCandidatureState`). */
export function countOpenCandidatures(states: readonly CandidatureState[]): number {
  return states.filter(isOpenCandidatureState).length;
}

/**
 * An establishment takes part in at most one open candidature (one whose procedure runs: from the
 * engagement to the rector's approval; see `isOpenCandidatureState`). `openCandidatureCount` counts
 * its OTHER open candidatures, the one being created or joined excluded. Throws CONFLICT.
 */
export function assertOneOpenCandidature(
  establishmentName: string,
  openCandidatureCount: number,
): void {
  if (!Number.isInteger(openCandidatureCount) || openCandidatureCount < 0) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le nombre de candidatures en cours doit être un entier positif ou nul (reçu : ${openCandidatureCount}).`,
      { openCandidatureCount },
    );
  }
  if (openCandidatureCount > 0) {
    throw new DomainError(
      "CONFLICT",
      `${establishmentName} figure déjà dans une candidature en cours : un établissement ne peut participer qu'à une seule candidature ouverte à la fois (retirez-la ou attendez la décision du recteur).`,
      { establishmentName, openCandidatureCount },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// First award or renewal

/**
 * A renewal may follow a label expired less than this many months ago (the platform's rule, not the
 * seeds': configurable here). A current label always allows it.
 */
export const RENEWAL_GRACE_MONTHS = 12;

/** One label of an establishment: from its publication (BOEN) to its expiry (publication + 5 years). */
export interface LabelPeriod {
  startsOn: IsoDate;
  /** Exclusive: the label is valid while today < expiresOn. */
  expiresOn: IsoDate;
}

/** The label valid today (startsOn <= today < expiresOn), the latest-expiring one if several. */
export function currentLabel(labels: readonly LabelPeriod[], today: IsoDate): LabelPeriod | null {
  const current = labels.filter(
    (l) => compareIsoDates(l.startsOn, today) <= 0 && compareIsoDates(today, l.expiresOn) < 0,
  );
  return current.sort((a, b) => compareIsoDates(b.expiresOn, a.expiresOn))[0] ?? null;
}

/** The label a renewal may be linked to: the current one, else the latest expired < 12 months ago. */
export function renewableLabel(labels: readonly LabelPeriod[], today: IsoDate): LabelPeriod | null {
  const current = currentLabel(labels, today);
  if (current) return current;
  const recent = labels.filter(
    (l) =>
      compareIsoDates(l.expiresOn, today) <= 0 &&
      compareIsoDates(today, addMonths(l.expiresOn, RENEWAL_GRACE_MONTHS)) < 0,
  );
  return recent.sort((a, b) => compareIsoDates(b.expiresOn, a.expiresOn))[0] ?? null;
}

/**
 * A renewal is linked to the establishment's current label, or to one expired less than
 * `RENEWAL_GRACE_MONTHS` (12) months ago: returns that label. A first award is refused while a label is
 * current (it is then a renewal); after an expiry both are accepted during the grace period, only a
 * first award after it. Throws CONFLICT (the choice contradicts the recorded labels).
 */
export function assertAwardType(input: {
  awardType: AwardType;
  labels: readonly LabelPeriod[];
  today: IsoDate;
  establishmentName?: string;
}): LabelPeriod | null {
  const { awardType, labels, today } = input;
  parseIsoDate(today);
  for (const l of labels) {
    parseIsoDate(l.startsOn);
    parseIsoDate(l.expiresOn);
  }
  const who = input.establishmentName ?? "L'établissement";
  if (awardType === "FIRST_AWARD") {
    const current = currentLabel(labels, today);
    if (current) {
      throw new DomainError(
        "CONFLICT",
        `${who} est labellisé jusqu'au ${formatFrenchDate(current.expiresOn)} : sa candidature est un renouvellement, pas une première labellisation.`,
        { awardType, current, reason: "LABEL_CURRENT" },
      );
    }
    return null;
  }
  const renewable = renewableLabel(labels, today);
  if (!renewable) {
    const latest = [...labels].sort((a, b) => compareIsoDates(b.expiresOn, a.expiresOn))[0];
    throw new DomainError(
      "CONFLICT",
      latest
        ? `${who} n'a plus de label depuis le ${formatFrenchDate(latest.expiresOn)}, il y a plus de ${RENEWAL_GRACE_MONTHS} mois : sa candidature est une première labellisation, pas un renouvellement.`
        : `${who} n'a jamais été labellisé : sa candidature est une première labellisation, pas un renouvellement.`,
      { awardType, latestExpiry: latest?.expiresOn ?? null, reason: "NO_RENEWABLE_LABEL" },
    );
  }
  return renewable;
}

// ---------------------------------------------------------------------------------------------
// Audit team

/** The profile that an audit team must hold at least once. */
export const REQUIRED_AUDITOR_PROFILE: AuditorProfile = "INSPECTOR";

/**
 * What an audit team lacks, in French: the team is made of the académie's inspectors, whom company
 * advisers (CEE), engineers for schools (IPE) or branch representatives may join — at least one
 * inspector. [] when the team is fit.
 */
export function auditTeamProblems(
  members: readonly { profile: AuditorProfile | null }[],
): string[] {
  if (members.length === 0) return ["L'équipe d'audit n'a aucun auditeur."];
  const problems: string[] = [];
  const unknown = members.filter(
    (m) => m.profile === null || !(m.profile in AUDITOR_PROFILE_LABELS),
  );
  if (unknown.length > 0) {
    problems.push(
      `${unknown.length} auditeur${unknown.length > 1 ? "s n'ont" : " n'a"} pas de profil (inspecteur, CEE, IPE ou représentant de branche).`,
    );
  }
  if (!members.some((m) => m.profile === REQUIRED_AUDITOR_PROFILE)) {
    problems.push(
      "L'équipe d'audit doit comprendre au moins un inspecteur de l'académie (les CEE, IPE et représentants de branche s'y associent).",
    );
  }
  return problems;
}

/** No audit is recorded without a team holding at least one inspector. Throws INVALID_TRANSITION. */
export function assertAuditTeam(members: readonly { profile: AuditorProfile | null }[]): void {
  const problems = auditTeamProblems(members);
  if (problems.length > 0) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `L'audit ne peut pas être enregistré : ${problems.map((p) => p.charAt(0).toLowerCase() + p.slice(1)).join(" ")}`,
      { problems },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Co-applicants' submission approvals

function instant(value: Date | string, field: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'horodatage « ${String(value)} » (${field}) est invalide.`,
      { field, value: String(value) },
    );
  }
  return time;
}

/**
 * A co-applicant head's approval of the submission is stale (to be withdrawn) when the dossier changed
 * after it. A change at the same instant does not withdraw it; no approval or no change → false.
 */
export function isApprovalStale(input: {
  approvedAt: Date | string | null;
  dossierChangedAt: Date | string | null;
}): boolean {
  if (input.approvedAt === null || input.dossierChangedAt === null) return false;
  return (
    instant(input.dossierChangedAt, "dernière modification du dossier") >
    instant(input.approvedAt, "approbation du dépôt")
  );
}

/** The establishments whose submission approval the dossier change withdraws. */
export function staleApprovals(
  members: readonly { establishmentId: string; submissionApprovedAt: Date | string | null }[],
  dossierChangedAt: Date | string | null,
): string[] {
  return members
    .filter((m) => isApprovalStale({ approvedAt: m.submissionApprovedAt, dossierChangedAt }))
    .map((m) => m.establishmentId);
}
