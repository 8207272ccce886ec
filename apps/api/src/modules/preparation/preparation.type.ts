import { Field, Int, ObjectType } from "type-graphql";
import { ScheduleSlotKindEnum } from "../../common/enums";

@ObjectType({ description: "Un temps du plan d'audit." })
export class AuditPlanSlot {
  @Field(() => ScheduleSlotKindEnum, { description: "Nature du temps." })
  kind!: string;

  @Field(() => String, { description: "Heure de début (HH:MM)." })
  start!: string;

  @Field(() => String, { description: "Heure de fin (HH:MM)." })
  end!: string;

  @Field(() => Int, { description: "Durée en minutes." })
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: "Critère présenté, le cas échéant." })
  criterionCode!: string | null;

  @Field(() => String, { description: "Intitulé." })
  title!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "Intervenants de l'établissement (nom, fonction) ; masqués pour les analystes (données personnelles).",
  })
  speakers!: string[] | null;
}
