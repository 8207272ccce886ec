/**
 * The one reading of an indicator's target (« cible »), shared by the portal's chart and the PDF export:
 * French numbers (« 12,5 », « 1 200 », « 80 % ») and the usual French phrasings of a bound
 * (« au moins 80 », « >= 12 », « au plus 5 », « entre 10 et 20 », « 10 à 20 »…). A target that is not
 * one of these (« en hausse », « +5 points », « 80 % des élèves ») has no numeric reading: null.
 */

export type IndicatorTargetKind = "AT_LEAST" | "AT_MOST" | "EQUALS" | "BETWEEN";

/** A numeric target: a bound (`value`) or a range (`min` <= `max`). Strict bounds (« > 10 ») read as bounds. */
export type IndicatorTarget =
  | { kind: "AT_LEAST" | "AT_MOST" | "EQUALS"; value: number; min?: undefined; max?: undefined }
  | { kind: "BETWEEN"; min: number; max: number; value?: undefined };

export const INDICATOR_TARGET_KIND_LABELS: Record<IndicatorTargetKind, string> = {
  AT_LEAST: "Au moins",
  AT_MOST: "Au plus",
  EQUALS: "Égal à",
  BETWEEN: "Entre",
};

/** The placeholder of a number in the skeleton of a target. */
const N = "#";

const AT_LEAST_BEFORE = [
  "au moins",
  "au minimum",
  "minimum",
  "min",
  "min.",
  "a minima",
  "plus de",
  "pas moins de",
  "supérieur à",
  "supérieure à",
  "supérieur ou égal à",
  "supérieure ou égale à",
  "sup. à",
  "au-delà de",
  "au delà de",
  "à partir de",
  ">=",
  "=>",
  "≥",
  ">",
];
const AT_LEAST_AFTER = [
  "au moins",
  "au minimum",
  "minimum",
  "min",
  "min.",
  "ou plus",
  "et plus",
  "ou +",
  "et +",
  "+",
  "ou davantage",
  "ou au-delà",
  "et au-delà",
];
const AT_MOST_BEFORE = [
  "au plus",
  "au maximum",
  "maximum",
  "max",
  "max.",
  "moins de",
  "pas plus de",
  "inférieur à",
  "inférieure à",
  "inférieur ou égal à",
  "inférieure ou égale à",
  "inf. à",
  "jusqu'à",
  "<=",
  "=<",
  "≤",
  "<",
];
const AT_MOST_AFTER = [
  "au plus",
  "au maximum",
  "maximum",
  "max",
  "max.",
  "ou moins",
  "et moins",
  "au max",
];
const EQUALS_BEFORE = [
  "",
  "=",
  "==",
  "environ",
  "env.",
  "env",
  "~",
  "≈",
  "soit",
  "exactement",
  "autour de",
  "de l'ordre de",
  "égal à",
  "égale à",
  "atteindre",
];
const EQUALS_AFTER = ["", "environ"];
const BETWEEN_PATTERNS = [
  `entre ${N} et ${N}`,
  `compris entre ${N} et ${N}`,
  `comprise entre ${N} et ${N}`,
  `de ${N} à ${N}`,
  `de ${N} a ${N}`,
  `de ${N} jusqu'à ${N}`,
  `${N} à ${N}`,
  `${N}-${N}`,
  `${N} - ${N}`,
  `[${N} ; ${N}]`,
  `[${N};${N}]`,
  `[${N} - ${N}]`,
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches `before # after` for any of the phrases, spaces around symbols optional. */
function boundPattern(before: readonly string[], after: readonly string[]): RegExp {
  const alt = (phrases: readonly string[]) =>
    phrases
      .filter((p) => p !== "")
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|");
  const optionalBefore = before.includes("") ? "?" : "";
  const optionalAfter = after.includes("") ? "?" : "";
  return new RegExp(
    `^(?:(?:${alt(before)}) ?)${optionalBefore}${N}(?: ?(?:${alt(after)}))${optionalAfter}$`,
  );
}

const AT_LEAST_SKELETONS = [
  boundPattern(AT_LEAST_BEFORE, [""]),
  boundPattern([""], AT_LEAST_AFTER),
];
const AT_MOST_SKELETONS = [boundPattern(AT_MOST_BEFORE, [""]), boundPattern([""], AT_MOST_AFTER)];
const EQUALS_SKELETONS = [boundPattern(EQUALS_BEFORE, EQUALS_AFTER)];
const BETWEEN_SKELETONS = new Set(BETWEEN_PATTERNS);

/** Prefixes naming the target itself: « objectif : 80 % », « cible 80 % ». */
const TARGET_PREFIX =
  /^(?:valeur cible|valeur visée|objectif visé|objectif|cible|visé|visée)\s*:?\s*/;

/** A French number: « 12 », « 12,5 », « 12.5 », « 1 200 », « 1 200,5 ». */
const NUMBER = /\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/y;

/** Characters after which a « - » right before a digit is a minus sign, not a range dash. */
const SIGN_CONTEXT = /(?:^|[\s(=<>≤≥~≈:[;])$/;

function normalize(text: string, unit: string | null | undefined): string {
  let s = text
    .normalize("NFC")
    .replace(/[\u00a0\u202f\u2007\u2009]/g, " ")
    .replace(/[’‘]/g, "'")
    .replace(/[−‒–—]/g, "-")
    .replace(/⩾/g, "≥")
    .replace(/⩽/g, "≤")
    .toLocaleLowerCase("fr-FR")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;!]+$/, "")
    .trim();
  s = s.replace(TARGET_PREFIX, "");
  const units = ["%", "pour cent", "pourcent", "pourcents"];
  const u = unit?.trim().toLocaleLowerCase("fr-FR") ?? "";
  if (u !== "") {
    units.push(u);
    if (/\p{L}s$/u.test(u)) units.push(u.slice(0, -1));
    else if (/\p{L}$/u.test(u)) units.push(`${u}s`);
  }
  for (const name of units.sort((a, b) => b.length - a.length)) {
    s = s.replace(new RegExp(`(?<!\\p{L})${escape(name)}(?!\\p{L})`, "gu"), " ");
  }
  return s.replace(/:/g, " ").replace(/\s+/g, " ").trim();
}

/** The text with its numbers replaced by `#`, and the numbers. */
function skeletonOf(s: string): { skeleton: string; values: number[] } | null {
  let skeleton = "";
  const values: number[] = [];
  let i = 0;
  while (i < s.length) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(s);
    if (match && /\d/.test(s.charAt(i))) {
      let value = Number(match[0].replace(/ /g, "").replace(",", "."));
      if (skeleton.endsWith("-") && SIGN_CONTEXT.test(skeleton.slice(0, -1))) {
        skeleton = skeleton.slice(0, -1);
        value = -value;
      }
      if (!Number.isFinite(value)) return null;
      values.push(value === 0 ? 0 : value);
      skeleton += N;
      i += match[0].length;
    } else {
      skeleton += s.charAt(i);
      i += 1;
    }
  }
  return { skeleton: skeleton.replace(/\s+/g, " ").trim(), values };
}

/**
 * Reads an indicator's target: `{ kind: "AT_LEAST" | "AT_MOST" | "EQUALS", value }` or
 * `{ kind: "BETWEEN", min, max }` (min <= max), or null when the text is empty or not a numeric target.
 * The indicator's unit (« % », « élèves »…, singular or plural) and « % » may follow any number.
 */
export function parseIndicatorTarget(
  text: string | null | undefined,
  unit?: string | null,
): IndicatorTarget | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const parsed = skeletonOf(normalize(text, unit));
  if (!parsed) return null;
  const { skeleton, values } = parsed;
  if (values.length === 2 && BETWEEN_SKELETONS.has(skeleton)) {
    const [a = 0, b = 0] = values;
    return { kind: "BETWEEN", min: Math.min(a, b), max: Math.max(a, b) };
  }
  if (values.length !== 1) return null;
  const value = values[0] ?? 0;
  if (AT_LEAST_SKELETONS.some((p) => p.test(skeleton))) return { kind: "AT_LEAST", value };
  if (AT_MOST_SKELETONS.some((p) => p.test(skeleton))) return { kind: "AT_MOST", value };
  if (EQUALS_SKELETONS.some((p) => p.test(skeleton))) return { kind: "EQUALS", value };
  return null;
}

/** The value(s) a chart draws as target lines: one for a bound, two for a range, none for null. */
export function targetLines(target: IndicatorTarget | null): number[] {
  if (target === null) return [];
  return target.kind === "BETWEEN" ? [target.min, target.max] : [target.value];
}

/** The value a single-line chart draws: the bound, or the middle of a range; null without target. */
export function targetMidpoint(target: IndicatorTarget | null): number | null {
  if (target === null) return null;
  return target.kind === "BETWEEN" ? (target.min + target.max) / 2 : target.value;
}

function frenchNumber(n: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(n);
}

/**
 * A target written back in French: « ≥ 80 % », « ≤ 5 élèves », « 12,5 », « entre 10 et 20 élèves ».
 * Numbers and units are joined by a no-break space.
 */
export function formatIndicatorTarget(target: IndicatorTarget, unit?: string | null): string {
  const u = unit?.trim() ? `\u00a0${unit.trim()}` : "";
  switch (target.kind) {
    case "AT_LEAST":
      return `≥\u00a0${frenchNumber(target.value)}${u}`;
    case "AT_MOST":
      return `≤\u00a0${frenchNumber(target.value)}${u}`;
    case "EQUALS":
      return `${frenchNumber(target.value)}${u}`;
    case "BETWEEN":
      return `entre ${frenchNumber(target.min)} et ${frenchNumber(target.max)}${u}`;
  }
}
