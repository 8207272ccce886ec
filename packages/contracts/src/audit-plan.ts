/**
 * The audit plan (`audit_plan.content`): the audit-day programme the head of the lead establishment
 * adjusts from the schedule generator's proposal and sends to DRAFPIC. A versioned contract like the
 * frozen dossier: the API validates what it stores and what it reads; the rules of the day (18:00,
 * lunch window, every criterion presented once…) are the domain's (`assertAuditPlan`), checked on top.
 */
import { z } from "zod";

/** Version written by the API today. */
export const AUDIT_PLAN_SCHEMA_VERSION = 1;

/**
 * The kinds of time of version 1, written out (not read from @ldm/domain) so that a stored plan reads
 * the same whatever the domain becomes; a test checks they are the domain's schedule slot kinds.
 */
export const AUDIT_PLAN_SLOT_KINDS = [
  "WELCOME_VISIT",
  "GENERAL_PRESENTATION",
  "CRITERION_PRESENTATION",
  "CRITERION_EXCHANGE",
  "BREAK",
  "LUNCH",
  "AUDITOR_DELIBERATION",
  "CONCLUSIONS",
] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "heure HH:MM attendue");

export const auditPlanSlotSchema = z.object({
  kind: z.enum(AUDIT_PLAN_SLOT_KINDS),
  start: time,
  end: time,
  /** The criterion of a presentation or an exchange (« 1 » … « 8 », « 9a », « 9b »), else null. */
  criterionCode: z.string().min(1).max(3).nullable(),
  title: z.string().min(1).max(200),
  /** Who speaks for the establishment (names as they should appear). */
  speakers: z.array(z.string().min(1).max(200)).max(20),
});

export const auditPlanContentSchema = z.object({
  schemaVersion: z.literal(AUDIT_PLAN_SCHEMA_VERSION),
  slots: z.array(auditPlanSlotSchema).min(1).max(60),
  /** The head's note to DRAFPIC and the auditors (access, parking, who welcomes them…). */
  note: z.string().max(5000).nullable(),
});

export type AuditPlanContent = z.infer<typeof auditPlanContentSchema>;
export type AuditPlanSlotContent = z.infer<typeof auditPlanSlotSchema>;

/** Reads stored content of any known version as the current one (only version 1 exists). */
export function readAuditPlanContent(content: unknown): AuditPlanContent {
  const raw = (content ?? {}) as Record<string, unknown>;
  if (raw.schemaVersion !== AUDIT_PLAN_SCHEMA_VERSION) {
    throw new Error(`Version de plan d'audit inconnue : ${String(raw.schemaVersion)}.`);
  }
  return auditPlanContentSchema.parse(raw);
}
