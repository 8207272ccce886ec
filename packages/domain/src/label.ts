/**
 * The label itself: what the BOEN publication creates for each establishment the rector approved —
 * its title (« Lycée des métiers » + intitulé), its five years of validity from the publication, its
 * mid-term follow-up due date — and its status over time (current, expired, superseded by the label of
 * a renewal).
 */
import { compareIsoDates, parseIsoDate, type IsoDate } from "./dates";
import { labelExpiryDate, midTermReviewDueDate } from "./deadlines";
import { DomainError } from "./errors";

/**
 * Stored status of a label: `CURRENT` from its publication; `EXPIRED` once the expiry is recorded
 * (EXPIRE_LABEL); `SUPERSEDED` when the label of a renewal of the same establishment is published.
 * What a reader sees is `effectiveLabelStatus`: a CURRENT label past its end date reads EXPIRED even
 * before anyone records the expiry.
 */
export type LabelStatus = "CURRENT" | "EXPIRED" | "SUPERSEDED";

export const LABEL_STATUSES: readonly LabelStatus[] = ["CURRENT", "EXPIRED", "SUPERSEDED"];

export const LABEL_STATUS_LABELS: Record<LabelStatus, string> = {
  CURRENT: "En vigueur",
  EXPIRED: "Expiré",
  SUPERSEDED: "Remplacé par le label renouvelé",
};

export function isLabelStatus(s: string): s is LabelStatus {
  return (LABEL_STATUSES as readonly string[]).includes(s);
}

/** The words every label title begins with. */
export const LABEL_TITLE_PREFIX = "Lycée des métiers";

/** Longest accepted label title (characters). */
export const LABEL_TITLE_MAX_LENGTH = 300;

/** « lycée des metiers », « LYCÉE DES MÉTIERS »… at the start of an intitulé. */
const PREFIX_PATTERN = /^lyc[ée]e\s+des\s+m[ée]tiers(?=$|[\s,:;.\-–—])/iu;

/**
 * The label's title from the candidature's intitulé (which highlights a core trade): « de la
 * maintenance navale » → « Lycée des métiers de la maintenance navale »; an intitulé that already
 * begins with the words (in any case, with or without accents) keeps them, written properly. Spaces
 * are collapsed and surrounding quotes removed. An empty intitulé is refused (BAD_USER_INPUT).
 */
export function labelTitleOf(intitule: string): string {
  const cleaned = intitule
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[«"“']\s*|\s*[»"”']$/g, "")
    .trim();
  const rest = PREFIX_PATTERN.test(cleaned) ? cleaned.replace(PREFIX_PATTERN, "").trim() : cleaned;
  if (rest === "") {
    throw new DomainError(
      "BAD_USER_INPUT",
      "L'intitulé du label est vide : il met en exergue un cœur de métier (« Lycée des métiers de … »).",
      { intitule },
    );
  }
  const title = /^[,.]/.test(rest)
    ? `${LABEL_TITLE_PREFIX}${rest}`
    : `${LABEL_TITLE_PREFIX} ${rest}`;
  if ([...title].length > LABEL_TITLE_MAX_LENGTH) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `L'intitulé du label dépasse ${LABEL_TITLE_MAX_LENGTH} caractères.`,
      { length: [...title].length },
    );
  }
  return title;
}

/** What a label holds from its publication on. */
export interface LabelTerms {
  title: string;
  /** The BOEN publication date. */
  startDate: IsoDate;
  /** Five years later (exclusive: the label is valid while today < endDate). */
  endDate: IsoDate;
  /** The mid-term follow-up (suivi intermédiaire) is due by then (30 months). */
  midTermReviewDueDate: IsoDate;
}

/** The terms of a label published on `publicationDate` under the intitulé `intitule`. */
export function labelTerms(intitule: string, publicationDate: IsoDate): LabelTerms {
  parseIsoDate(publicationDate);
  return {
    title: labelTitleOf(intitule),
    startDate: publicationDate,
    endDate: labelExpiryDate(publicationDate),
    midTermReviewDueDate: midTermReviewDueDate(publicationDate),
  };
}

/** The status a reader sees today: a CURRENT label whose end date is reached reads EXPIRED. */
export function effectiveLabelStatus(
  label: { status: LabelStatus; endDate: IsoDate },
  today: IsoDate,
): LabelStatus {
  if (label.status === "CURRENT" && compareIsoDates(today, label.endDate) >= 0) return "EXPIRED";
  return label.status;
}

/** The label is valid today: published, not superseded nor expired, today before its end date. */
export function isLabelValid(
  label: { status: LabelStatus; startDate: IsoDate; endDate: IsoDate },
  today: IsoDate,
): boolean {
  return (
    effectiveLabelStatus(label, today) === "CURRENT" && compareIsoDates(label.startDate, today) <= 0
  );
}
