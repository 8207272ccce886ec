import { DomainError } from "./errors";

/** Check letters of the UAI code: 23 letters, without I, O and Q. */
export const UAI_CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

const UAI_PATTERN = /^\d{7}[A-Z]$/;

/** The check letter of a 7-digit number: `"ABCDEFGHJKLMNPRSTUVWXYZ"[n % 23]`. */
export function uaiCheckLetter(sevenDigits: string): string {
  if (!/^\d{7}$/.test(sevenDigits)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `« ${sevenDigits} » n'est pas une partie numérique de code UAI : 7 chiffres sont attendus.`,
      { value: sevenDigits },
    );
  }
  return UAI_CHECK_LETTERS.charAt(Number(sevenDigits) % 23);
}

/** Exactly 7 digits followed by the right uppercase check letter (0750655E is valid, 0750655F is not). */
export function isValidUai(s: string): boolean {
  return UAI_PATTERN.test(s) && uaiCheckLetter(s.slice(0, 7)) === s.charAt(7);
}

/** Trims and uppercases. */
export function normalizeUai(s: string): string {
  return s.trim().toUpperCase();
}

/** Returns the normalised UAI or throws BAD_USER_INPUT explaining what is wrong. */
export function assertValidUai(s: string): string {
  const uai = normalizeUai(s);
  if (!UAI_PATTERN.test(uai)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le code UAI « ${s} » est invalide : il doit comporter 7 chiffres suivis d'une lettre (par exemple 0750655E).`,
      { value: s, reason: "FORMAT" },
    );
  }
  const expected = uaiCheckLetter(uai.slice(0, 7));
  if (expected !== uai.charAt(7)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `Le code UAI « ${s} » est invalide : la lettre de contrôle devrait être « ${expected} » et non « ${uai.charAt(7)} ».`,
      { value: s, reason: "CHECK_LETTER", expectedLetter: expected },
    );
  }
  return uai;
}
