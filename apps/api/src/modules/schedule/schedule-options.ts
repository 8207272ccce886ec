/** The domain's schedule options from the GraphQL input (unset fields keep the guide's defaults). */
import type { CriterionCode, ScheduleOptions } from "@ldm/domain";
import type { AuditDayScheduleOptionsInput } from "./schedule.type";

export function scheduleOptionsOf(
  criteria: CriterionCode[],
  options: AuditDayScheduleOptionsInput | null | undefined,
): ScheduleOptions {
  const opts: ScheduleOptions = { criteria };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== null && value !== undefined)
      (opts as unknown as Record<string, unknown>)[key] = value;
  }
  return opts;
}
