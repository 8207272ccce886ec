import { Arg, Query, Resolver } from "type-graphql";
import { generateAuditDaySchedule, isCriterionCode, type CriterionCode } from "@ldm/domain";
import { badInput } from "../../common/errors";
import { scheduleOptionsOf } from "./schedule-options";
import { AuditDaySchedule, AuditDayScheduleOptionsInput } from "./schedule.type";

@Resolver(() => AuditDaySchedule)
export class ScheduleResolver {
  @Query(() => AuditDaySchedule, {
    description:
      "Programme type d'une journée d'audit calculé par le générateur du domaine (aperçu public, sans intervenants ; le programme d'une candidature, avec ses pilotes, est le champ `auditDaySchedule` de `Candidature`). Refusé (BAD_USER_INPUT) si la journée finirait après 18 h ou si le déjeuner sort de la plage 11 h 30 – 14 h.",
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
    return generateAuditDaySchedule(scheduleOptionsOf(codes, options));
  }
}
