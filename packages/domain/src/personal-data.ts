/**
 * The one place that marks personal data: entity name → fields holding personal data.
 * Those fields are hidden from analysts.
 */
export const PERSONAL_DATA_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  User: Object.freeze(["fullName", "email", "phone"]),
  AuthEvent: Object.freeze(["email"]),
  /** A commitment's owner may name a person (« Mme Durand, proviseure adjointe »). */
  AuditCommitment: Object.freeze(["owner"]),
  ReferentInspector: Object.freeze(["fullName", "email"]),
  PreparatoryVisitAttendee: Object.freeze(["fullName"]),
  AuditPlanSlot: Object.freeze(["speakers"]),
  GralmSessionMember: Object.freeze(["fullName"]),
  MidTermReviewAttendee: Object.freeze(["fullName"]),
});

export function isPersonalDataField(entity: string, field: string): boolean {
  return PERSONAL_DATA_FIELDS[entity]?.includes(field) ?? false;
}
