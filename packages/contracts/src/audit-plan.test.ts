import { generateAuditDaySchedule, SCHEDULE_SLOT_KIND_LABELS } from "@ldm/domain";
import {
  AUDIT_PLAN_SCHEMA_VERSION,
  AUDIT_PLAN_SLOT_KINDS,
  auditPlanContentSchema,
  readAuditPlanContent,
} from "./audit-plan";

const slots = generateAuditDaySchedule({
  criteria: ["1", "2"],
  pilots: { "1": ["Mme A"] },
}).slots.map(({ durationMinutes: _d, ...slot }) => slot);

describe("audit plan contract", () => {
  it("holds the domain's kinds of time", () => {
    expect([...AUDIT_PLAN_SLOT_KINDS].sort()).toEqual(
      Object.keys(SCHEDULE_SLOT_KIND_LABELS).sort(),
    );
  });

  it("reads the generator's programme with a note", () => {
    const content = {
      schemaVersion: AUDIT_PLAN_SCHEMA_VERSION,
      slots,
      note: "Accueil au portail B.",
    };
    expect(readAuditPlanContent(JSON.parse(JSON.stringify(content)))).toEqual(content);
  });

  it("refuses drifted content and unknown versions", () => {
    const base = { schemaVersion: AUDIT_PLAN_SCHEMA_VERSION, slots, note: null };
    expect(auditPlanContentSchema.safeParse({ ...base, slots: [] }).success).toBe(false);
    expect(
      auditPlanContentSchema.safeParse({ ...base, slots: [{ ...slots[0], start: "8h30" }] })
        .success,
    ).toBe(false);
    expect(
      auditPlanContentSchema.safeParse({ ...base, slots: [{ ...slots[0], kind: "PICNIC" }] })
        .success,
    ).toBe(false);
    expect(() => readAuditPlanContent({ ...base, schemaVersion: 2 })).toThrow(
      "Version de plan d'audit inconnue : 2.",
    );
  });
});
