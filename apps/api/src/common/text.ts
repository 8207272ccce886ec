import { badInput } from "./errors";

/** Trims a required text field and checks its length; `label` is the French field name. */
export function requiredText(value: string, label: string, max = 200): string {
  const text = value.trim();
  if (text.length === 0) throw badInput(`Le champ « ${label} » est obligatoire.`);
  if (text.length > max) throw badInput(`Le champ « ${label} » dépasse ${max} caractères.`);
  return text;
}

export function optionalText(
  value: string | null | undefined,
  label: string,
  max = 200,
): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return requiredText(value, label, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function requiredEmail(value: string, label = "adresse électronique"): string {
  const email = requiredText(value, label, 254).toLowerCase();
  if (!EMAIL.test(email)) throw badInput(`L'adresse électronique « ${email} » est invalide.`);
  return email;
}
