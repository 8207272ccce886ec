/** Password hashing (argon2id, OWASP parameters) and the password policy. */
import argon2 from "argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { badInput } from "../../common/errors";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** argon2id with 19 MiB of memory, 2 iterations, parallelism 1 (OWASP's minimum recommendation). */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()),
);

export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(`Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  if (length > PASSWORD_MAX_LENGTH)
    problems.push(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered))
    problems.push(
      "Ce mot de passe figure parmi les mots de passe les plus courants : choisissez-en un autre.",
    );
  if (email && lowered === email.toLowerCase())
    problems.push("Le mot de passe ne doit pas être l'adresse électronique.");
  return problems;
}

export function assertPasswordPolicy(password: string, email?: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) throw badInput(problems.join(" "), { problems });
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
const DUMMY_HASH = hashPassword(`dummy-${Math.random()}-${Date.now()}`);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  try {
    return await argon2.verify(hash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}
