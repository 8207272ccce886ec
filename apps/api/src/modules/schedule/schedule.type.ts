import { Field, InputType, Int, ObjectType } from "type-graphql";
import { ScheduleSlotKindEnum } from "../../common/enums";

@ObjectType({ description: "Un temps de la journée d'audit." })
export class ScheduleSlot {
  @Field(() => ScheduleSlotKindEnum, { description: "Nature du temps." })
  kind!: string;

  @Field(() => String, { description: "Heure de début (HH:MM)." })
  start!: string;

  @Field(() => String, { description: "Heure de fin (HH:MM)." })
  end!: string;

  @Field(() => Int, { description: "Durée en minutes." })
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: "Critère concerné, le cas échéant." })
  criterionCode!: string | null;

  @Field(() => String, { description: "Libellé." })
  title!: string;

  @Field(() => [String], {
    description:
      "Intervenants : sur la présentation et les échanges d'un critère, ses pilotes (nom, fonction et, en réseau, établissement) ; vide sur les autres temps, dans l'aperçu public et pour les analystes (données personnelles).",
  })
  speakers!: string[];
}

@ObjectType({ description: "Programme d'une journée d'audit." })
export class AuditDaySchedule {
  @Field(() => [ScheduleSlot], { description: "Temps successifs." })
  slots!: ScheduleSlot[];

  @Field(() => String, { description: "Heure de début." })
  start!: string;

  @Field(() => String, { description: "Heure de fin." })
  end!: string;

  @Field(() => Int, { description: "Durée totale en minutes." })
  totalMinutes!: number;

  @Field(() => [String], {
    description:
      "Codes des critères présentés sans aucun pilote pour les exposer (programme d'une candidature ; toujours vide dans l'aperçu public).",
  })
  criteriaWithoutPilot!: string[];
}

@InputType({
  description: "Options du programme de la journée d'audit (valeurs par défaut du guide).",
})
export class AuditDayScheduleOptionsInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Heure de début (HH:MM), 08:30 par défaut ; la journée doit s'achever à 18 h au plus tard.",
  })
  startTime?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Accueil et visite de l'établissement, en minutes (45).",
  })
  visitMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Présentation générale de la démarche (30)." })
  generalPresentationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Exposé par critère (15)." })
  presentationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Échange par critère (15)." })
  exchangeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Durée d'une pause (15)." })
  breakMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Une pause tous les N critères (3)." })
  breakEveryCriteria?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Heure à partir de laquelle placer le déjeuner (12:00) ; le déjeuner tient entre 11 h 30 et 14 h.",
  })
  lunchStart?: string | null;

  @Field(() => Int, { nullable: true, description: "Durée du déjeuner (60)." })
  lunchMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Délibération des auditeurs (30)." })
  deliberationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: "Conclusions orales des auditeurs (45)." })
  conclusionsMinutes?: number | null;
}
