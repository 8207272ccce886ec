/**
 * The renewal of a label: started from the establishment's current label (or one expired less than
 * `RENEWAL_GRACE_MONTHS` ago), it opens a RENEWAL candidature pre-filled from the dossier frozen at the
 * previous submission — under the current referential, every status reset — and shows, per criterion,
 * what changed since (narratives, indicators, evidence) and which evidence is older than three school
 * years.
 */
import type { CandidatureKind } from "./candidature";
import { parseIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertAwardType, type LabelPeriod } from "./integrity";
import { CANDIDATURE_STATE_LABELS, type CandidatureState } from "./lifecycle";
import { hasText } from "./readiness";
import {
  answersCriterion,
  expectationsFor,
  getReferential,
  type OptionalCriterionVariant,
} from "./referential";

// ---------------------------------------------------------------------------------------------
// Starting a renewal

/** A label of the establishment and the candidature that obtained it. */
export interface RenewableLabelFacts extends LabelPeriod {
  candidatureId: string;
}

/** States in which an earlier renewal no longer stands in the way (it was withdrawn or refused). */
export const ENDED_RENEWAL_STATES: readonly CandidatureState[] = ["WITHDRAWN", "REFUSED"];

/**
 * The label a renewal renews and the candidature that obtained it: the establishment's current label,
 * or the latest one expired less than `RENEWAL_GRACE_MONTHS` ago (`assertAwardType`, CONFLICT when
 * there is none: never labelled, or expired too long ago); refused (CONFLICT) when a renewal of that
 * label is already engaged (any state but withdrawn or refused).
 */
export function decideRenewal(input: {
  establishmentName: string;
  labels: readonly RenewableLabelFacts[];
  today: IsoDate;
  /** The candidatures that renew one of these labels' candidatures, with their state. */
  renewals: readonly { renewsCandidatureId: string; state: CandidatureState }[];
}): RenewableLabelFacts {
  const renewed = assertAwardType({
    awardType: "RENEWAL",
    labels: input.labels,
    today: input.today,
    establishmentName: input.establishmentName,
  });
  const label = input.labels.find((l) => l === renewed)!;
  const running = input.renewals.find(
    (r) => r.renewsCandidatureId === label.candidatureId && !ENDED_RENEWAL_STATES.includes(r.state),
  );
  if (running) {
    throw new DomainError(
      "CONFLICT",
      `Le renouvellement du label de ${input.establishmentName} est déjà engagé (candidature dans l'état « ${CANDIDATURE_STATE_LABELS[running.state]} ») : poursuivez-le, ou retirez-le avant d'en engager un autre.`,
      { state: running.state, reason: "RENEWAL_ALREADY_STARTED" },
    );
  }
  return label;
}

/** A member of the renewed candidature, and whether it holds a renewable label obtained by it. */
export interface PreviousMemberFacts {
  establishmentId: string;
  name: string;
  /** It holds a label obtained by the renewed candidature, still renewable today. */
  renewable: boolean;
}

/**
 * The establishments of the renewal: the lead, then its co-applicants — those asked for, or by default
 * every other member of the renewed candidature whose label (obtained by it) is still renewable. A
 * co-applicant asked for must have been a member of the renewed candidature with such a label (another
 * establishment joins the renewal afterwards, like any co-applicant). The kind follows: a network from
 * two establishments on. Throws BAD_USER_INPUT.
 */
export function renewalMembers(input: {
  leadEstablishmentId: string;
  previousMembers: readonly PreviousMemberFacts[];
  /** null: the default. */
  requestedCoApplicantIds: readonly string[] | null;
}): { kind: CandidatureKind; members: { establishmentId: string; isLead: boolean }[] } {
  const { leadEstablishmentId, previousMembers } = input;
  const others = previousMembers.filter((m) => m.establishmentId !== leadEstablishmentId);
  let coApplicants: string[];
  if (input.requestedCoApplicantIds === null) {
    coApplicants = others.filter((m) => m.renewable).map((m) => m.establishmentId);
  } else {
    const requested = [...new Set(input.requestedCoApplicantIds)];
    if (requested.includes(leadEstablishmentId)) {
      throw new DomainError(
        "BAD_USER_INPUT",
        "L'établissement porteur du renouvellement ne figure pas parmi ses cocandidats.",
        { reason: "LEAD_AS_CO_APPLICANT" },
      );
    }
    for (const id of requested) {
      const member = others.find((m) => m.establishmentId === id);
      if (!member) {
        throw new DomainError(
          "BAD_USER_INPUT",
          `L'établissement « ${id} » ne faisait pas partie de la candidature labellisée : il rejoindra le renouvellement comme cocandidat, une fois celui-ci engagé.`,
          { establishmentId: id, reason: "NOT_A_PREVIOUS_MEMBER" },
        );
      }
      if (!member.renewable) {
        throw new DomainError(
          "BAD_USER_INPUT",
          `${member.name} n'a pas de label renouvelable issu de cette candidature.`,
          { establishmentId: id, reason: "NO_RENEWABLE_LABEL" },
        );
      }
    }
    coApplicants = requested;
  }
  return {
    kind: coApplicants.length > 0 ? "NETWORK" : "INDIVIDUAL",
    members: [
      { establishmentId: leadEstablishmentId, isLead: true },
      ...coApplicants.map((establishmentId) => ({ establishmentId, isLead: false })),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// What the renewal takes from the previous dossier

/** The criterion codes of the current referential among `codes` (an older referential's are dropped). */
export function carriedCriterionCodes(version: string, codes: readonly string[]): string[] {
  const known = new Set<string>(getReferential(version).criteria.map((c) => c.code));
  return [...new Set(codes.filter((c) => known.has(c)))];
}

/** A previous answer on a criterion, as frozen. */
export interface PreviousResponseFacts {
  criterionCode: string;
  narrative: string;
  planned: string;
  done: string;
  measured: string;
  improved: string;
  qualeducFicheCodes: readonly string[];
  emblematicActionTitle: string | null;
  emblematicActionDescription: string | null;
}

/** What a renewal's answer starts from. */
export interface CarriedResponse {
  narrative: string;
  planned: string;
  done: string;
  measured: string;
  improved: string;
  qualeducFicheCodes: string[];
  emblematicActionTitle: string | null;
  emblematicActionDescription: string | null;
  /** Reset: the school assesses itself again. */
  selfAssessedLevel: null;
  /** Reset: the school ticks again, against the current referential, what it addresses. */
  addressedExpectationIds: string[];
  /** Reset: the Euroscol label is claimed again (it may have lapsed). */
  metByEuroscol: false;
}

/**
 * The renewal's answer on a criterion, from the previous one, or null when it is not carried (the
 * criterion is not in the current referential, or the establishment no longer answers it). The texts
 * (narrative, the four steps of the improvement approach, the emblematic action) and the Qualéduc fiches
 * still in the referential are carried; the self-assessed level, the expectations ticked and the
 * Euroscol claim are reset — they are statuses the school states again for this candidature.
 */
export function carryOverResponse(
  version: string,
  variant: OptionalCriterionVariant | null,
  previous: PreviousResponseFacts,
): CarriedResponse | null {
  const referential = getReferential(version);
  if (!referential.criteria.some((c) => c.code === previous.criterionCode)) return null;
  if (!answersCriterion(variant, previous.criterionCode)) return null;
  const fiches = new Set(referential.qualeducFiches.map((f) => f.code));
  return {
    narrative: previous.narrative,
    planned: previous.planned,
    done: previous.done,
    measured: previous.measured,
    improved: previous.improved,
    qualeducFicheCodes: [...new Set(previous.qualeducFicheCodes.filter((c) => fiches.has(c)))],
    emblematicActionTitle: previous.emblematicActionTitle,
    emblematicActionDescription: previous.emblematicActionDescription,
    selfAssessedLevel: null,
    addressedExpectationIds: [],
    metByEuroscol: false,
  };
}

/**
 * The expectations ticked in the previous dossier that are still expectations of the criterion in the
 * current referential, for a candidature of this kind (offered to the school to tick again, since the
 * renewal resets the ticks).
 */
export function carriedExpectationIds(
  version: string,
  kind: CandidatureKind,
  criterionCode: string,
  ids: readonly string[],
): string[] {
  const criterion = getReferential(version).criteria.find((c) => c.code === criterionCode);
  if (!criterion) return [];
  const wanted = new Set(ids);
  return expectationsFor(criterion, kind)
    .map((e) => e.id)
    .filter((id) => wanted.has(id));
}

/** Evidence older than this many school years is flagged in a renewal. */
export const RENEWAL_EVIDENCE_MAX_SCHOOL_YEARS = 3;

function schoolYearStart(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return month >= 9 ? year : year - 1;
}

/**
 * How many school years separate `date` from `today` (0: the same school year, which starts on
 * 1 September).
 */
export function schoolYearsBetween(date: IsoDate, today: IsoDate): number {
  return schoolYearStart(today) - schoolYearStart(date);
}

/**
 * Evidence dated before the last three school years (the current one and the two before it) is older
 * than three school years: on 2026-03-15 (school year 2025-2026), evidence of 2022-2023 or earlier.
 */
export function isEvidenceOutdated(effectiveDate: IsoDate, today: IsoDate): boolean {
  return schoolYearsBetween(effectiveDate, today) >= RENEWAL_EVIDENCE_MAX_SCHOOL_YEARS;
}

// ---------------------------------------------------------------------------------------------
// What changed since the last label

export type RenewalChange = "ADDED" | "REMOVED" | "CHANGED" | "UNCHANGED";

export const RENEWAL_CHANGES: readonly RenewalChange[] = [
  "ADDED",
  "REMOVED",
  "CHANGED",
  "UNCHANGED",
];

export const RENEWAL_CHANGE_LABELS: Record<RenewalChange, string> = {
  ADDED: "Ajouté",
  REMOVED: "Retiré",
  CHANGED: "Modifié",
  UNCHANGED: "Inchangé",
};

/** The fields whose change the diff names, with their French labels. */
export const RENEWAL_FIELD_LABELS: Record<string, string> = {
  narrative: "synthèse",
  planned: "ce qui est prévu",
  done: "ce qui est fait",
  measured: "ce qui est mesuré",
  improved: "ce qui est amélioré",
  emblematicAction: "action emblématique",
  name: "intitulé",
  unit: "unité",
  target: "cible",
  values: "valeurs",
  title: "titre",
  effectiveDate: "date de la pièce",
  file: "fichier",
};

export interface RenewalResponseFacts {
  establishmentId: string;
  criterionCode: string;
  narrative: string;
  planned: string;
  done: string;
  measured: string;
  improved: string;
  emblematicActionTitle: string | null;
  emblematicActionDescription: string | null;
}

export interface RenewalIndicatorFacts {
  id: string;
  establishmentId: string;
  name: string;
  unit: string | null;
  target: string | null;
  criterionCodes: readonly string[];
  values: readonly { schoolYear: string; numericValue: number | null; textValue: string | null }[];
}

export interface RenewalEvidenceFacts {
  id: string;
  establishmentId: string | null;
  title: string;
  effectiveDate: IsoDate;
  criterionCodes: readonly string[];
  /** Content address of its current file (null: none). */
  sha256: string | null;
}

export interface RenewalDossierFacts {
  responses: readonly RenewalResponseFacts[];
  indicators: readonly RenewalIndicatorFacts[];
  evidence: readonly RenewalEvidenceFacts[];
}

export interface RenewalResponseDiff {
  establishmentId: string;
  change: RenewalChange;
  changedFields: string[];
}

export interface RenewalItemDiff {
  /** The renewal's item (null: removed). */
  currentId: string | null;
  /** The previous dossier's item (null: added). */
  previousId: string | null;
  establishmentId: string | null;
  /** Its name (indicator) or title (evidence), the current one when it exists. */
  title: string;
  change: RenewalChange;
  changedFields: string[];
}

export interface RenewalEvidenceDiff extends RenewalItemDiff {
  effectiveDate: IsoDate;
  /** A current piece older than three school years (`isEvidenceOutdated`). */
  outdated: boolean;
}

export interface RenewalCriterionDiff {
  criterionCode: string;
  /** Something was added, removed or changed on this criterion. */
  changed: boolean;
  responses: RenewalResponseDiff[];
  indicators: RenewalItemDiff[];
  evidence: RenewalEvidenceDiff[];
  outdatedEvidenceCount: number;
}

/** Rich text compared without markup differences of spacing. */
function sameText(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) => (s ?? "").replace(/\s+/g, " ").replace(/>\s+</g, "><").trim();
  return norm(a) === norm(b);
}

function responseHasText(r: RenewalResponseFacts): boolean {
  return (
    [r.narrative, r.planned, r.done, r.measured, r.improved, r.emblematicActionDescription].some(
      (t) => hasText(t),
    ) || (r.emblematicActionTitle ?? "").trim() !== ""
  );
}

function responseFieldChanges(prev: RenewalResponseFacts, curr: RenewalResponseFacts): string[] {
  const fields: string[] = [];
  for (const f of ["narrative", "planned", "done", "measured", "improved"] as const) {
    if (!sameText(prev[f], curr[f])) fields.push(f);
  }
  if (
    !sameText(prev.emblematicActionTitle, curr.emblematicActionTitle) ||
    !sameText(prev.emblematicActionDescription, curr.emblematicActionDescription)
  ) {
    fields.push("emblematicAction");
  }
  return fields;
}

function valuesKey(values: RenewalIndicatorFacts["values"]): string {
  return JSON.stringify(
    [...values]
      .map((v) => [v.schoolYear, v.numericValue, (v.textValue ?? "").trim()])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

function indicatorFieldChanges(prev: RenewalIndicatorFacts, curr: RenewalIndicatorFacts): string[] {
  const fields: string[] = [];
  if (!sameText(prev.name, curr.name)) fields.push("name");
  if (!sameText(prev.unit, curr.unit)) fields.push("unit");
  if (!sameText(prev.target, curr.target)) fields.push("target");
  if (valuesKey(prev.values) !== valuesKey(curr.values)) fields.push("values");
  return fields;
}

function evidenceFieldChanges(prev: RenewalEvidenceFacts, curr: RenewalEvidenceFacts): string[] {
  const fields: string[] = [];
  if (!sameText(prev.title, curr.title)) fields.push("title");
  if (prev.effectiveDate !== curr.effectiveDate) fields.push("effectiveDate");
  if (prev.sha256 !== curr.sha256) fields.push("file");
  return fields;
}

/** Pairs the items supporting one criterion: a current item with the previous one it was copied from. */
function diffItems<
  T extends { id: string; establishmentId: string | null; criterionCodes: readonly string[] },
>(
  code: string,
  previous: readonly T[],
  current: readonly T[],
  origins: ReadonlyMap<string, string>,
  fieldChanges: (prev: T, curr: T) => string[],
): { prev: T | null; curr: T | null; change: RenewalChange; changedFields: string[] }[] {
  const prevHere = previous.filter((i) => i.criterionCodes.includes(code));
  const currHere = current.filter((i) => i.criterionCodes.includes(code));
  const matched = new Set<string>();
  const result: {
    prev: T | null;
    curr: T | null;
    change: RenewalChange;
    changedFields: string[];
  }[] = [];
  for (const curr of currHere) {
    const originId = origins.get(curr.id);
    const prev = originId
      ? prevHere.find((p) => p.id === originId && !matched.has(p.id))
      : undefined;
    if (prev) {
      matched.add(prev.id);
      const changedFields = fieldChanges(prev, curr);
      result.push({
        prev,
        curr,
        change: changedFields.length > 0 ? "CHANGED" : "UNCHANGED",
        changedFields,
      });
    } else {
      result.push({ prev: null, curr, change: "ADDED", changedFields: [] });
    }
  }
  for (const prev of prevHere) {
    if (!matched.has(prev.id))
      result.push({ prev, curr: null, change: "REMOVED", changedFields: [] });
  }
  return result;
}

/**
 * Per criterion of the renewal (`criterionCodes`, in the referential's order), what changed since the
 * previous label: each establishment's answer (added, removed — its texts emptied —, changed with the
 * fields, unchanged), the indicators and the evidence supporting the criterion (a renewal's item is
 * paired with the previous item it was copied from, `origins`: current id → previous id; an item no
 * longer supporting the criterion is removed from it, a new one added), and which current evidence is
 * older than three school years. Items of establishments outside `establishmentIds` are left out.
 */
export function renewalDiff(input: {
  previous: RenewalDossierFacts;
  current: RenewalDossierFacts;
  origins: ReadonlyMap<string, string>;
  criterionCodes: readonly string[];
  establishmentIds: readonly string[];
  today: IsoDate;
}): RenewalCriterionDiff[] {
  const members = new Set(input.establishmentIds);
  const keep = <T extends { establishmentId: string | null }>(items: readonly T[]) =>
    items.filter((i) => i.establishmentId === null || members.has(i.establishmentId));
  const previous = {
    responses: keep(input.previous.responses),
    indicators: keep(input.previous.indicators),
    evidence: keep(input.previous.evidence),
  };
  const current = {
    responses: keep(input.current.responses),
    indicators: keep(input.current.indicators),
    evidence: keep(input.current.evidence),
  };
  return input.criterionCodes.map((code) => {
    const responses: RenewalResponseDiff[] = [];
    for (const establishmentId of input.establishmentIds) {
      const prev = previous.responses.find(
        (r) => r.criterionCode === code && r.establishmentId === establishmentId,
      );
      const curr = current.responses.find(
        (r) => r.criterionCode === code && r.establishmentId === establishmentId,
      );
      const had = prev !== undefined && responseHasText(prev);
      const has = curr !== undefined && responseHasText(curr);
      if (!had && !has) continue;
      if (!had) responses.push({ establishmentId, change: "ADDED", changedFields: [] });
      else if (!has) responses.push({ establishmentId, change: "REMOVED", changedFields: [] });
      else {
        const changedFields = responseFieldChanges(prev, curr!);
        responses.push({
          establishmentId,
          change: changedFields.length > 0 ? "CHANGED" : "UNCHANGED",
          changedFields,
        });
      }
    }
    const indicators: RenewalItemDiff[] = diffItems(
      code,
      previous.indicators,
      current.indicators,
      input.origins,
      indicatorFieldChanges,
    ).map(({ prev, curr, change, changedFields }) => ({
      currentId: curr?.id ?? null,
      previousId: prev?.id ?? null,
      establishmentId: (curr ?? prev)!.establishmentId,
      title: (curr ?? prev)!.name,
      change,
      changedFields,
    }));
    const evidence: RenewalEvidenceDiff[] = diffItems(
      code,
      previous.evidence,
      current.evidence,
      input.origins,
      evidenceFieldChanges,
    ).map(({ prev, curr, change, changedFields }) => {
      const item = (curr ?? prev)!;
      return {
        currentId: curr?.id ?? null,
        previousId: prev?.id ?? null,
        establishmentId: item.establishmentId,
        title: item.title,
        change,
        changedFields,
        effectiveDate: item.effectiveDate,
        outdated: curr !== null && isEvidenceOutdated(curr.effectiveDate, input.today),
      };
    });
    const changed = [...responses, ...indicators, ...evidence].some(
      (d) => d.change !== "UNCHANGED",
    );
    return {
      criterionCode: code,
      changed,
      responses,
      indicators,
      evidence,
      outdatedEvidenceCount: evidence.filter((e) => e.outdated).length,
    };
  });
}
