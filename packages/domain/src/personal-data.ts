/**
 * The one place that marks personal data: entity name → fields holding personal data.
 * Those fields are hidden from analysts.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  User: Object.freeze(["fullName", "email", "phone"]),
  AuthEvent: Object.freeze(["email"]),
});

export function isPersonalDataField(entity: string, field: string): boolean {
  return PERSONAL_DATA_FIELDS[entity]?.includes(field) ?? false;
}
