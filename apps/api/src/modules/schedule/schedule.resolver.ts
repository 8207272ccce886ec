import { Arg, Query, Resolver } from "type-graphql";
import {
  generateAuditDaySchedule,
  isCriterionCode,
  type CriterionCode,
  type ScheduleOptions,
} from "@ldm/domain";
import { badInput } from "../../common/errors";
import { AuditDaySchedule, AuditDayScheduleOptionsInput } from "./schedule.type";

@Resolver(() => AuditDaySchedule)
export class ScheduleResolver {
  @Query(() => AuditDaySchedule, {
    description:
      "Programme d'une journée d'audit calculé par le générateur du domaine (aperçu ; le plan d'audit viendra avec l'audit).",
  })
  auditDaySchedule(
    @Arg("criteria", () => [String], { description: "Codes des critères présentés, dans l'ordre." })
    criteria: string[],
    @Arg("options", () => AuditDayScheduleOptionsInput, { nullable: true, description: "Options." })
    options?: AuditDayScheduleOptionsInput | null,
  ): AuditDaySchedule {
    const codes: CriterionCode[] = criteria.map((code) => {
      if (!isCriterionCode(code))
        throw badInput(`Le critère « ${code} » n'existe pas dans le référentiel.`);
      return code;
    });
    const opts: ScheduleOptions = { criteria: codes };
    for (const [key, value] of Object.entries(options ?? {})) {
      if (value !== null && value !== undefined)
        (opts as unknown as Record<string, unknown>)[key] = value;
    }
    return generateAuditDaySchedule(opts);
  }
}
