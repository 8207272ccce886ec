import { Field, ID, InputType, Int } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { ScheduleSlotKind, VisitAttendeeKind } from "@ldm/domain";
import { ScheduleSlotKindEnum } from "../../common/enums";
import { AuditDayScheduleOptionsInput } from "../schedule/schedule.type";
import { VisitAttendeeKindEnum } from "./preparation.entity";

@InputType({
  description:
    "Désignation de l'inspecteur référent d'un établissement : un compte d'inspecteur de la plateforme, ou une personne sans compte (nom et, au besoin, adresse électronique).",
})
export class SetReferentInspectorInput {
  @Field(() => ID, { description: "Établissement." })
  establishmentId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Compte de l'inspecteur (auditeur actif de profil « inspecteur »).",
  })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "Nom d'un inspecteur sans compte." })
  fullName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Adresse électronique d'un inspecteur sans compte.",
  })
  email?: string | null;
}

@InputType({ description: "Participant à la visite préparatoire." })
export class VisitAttendeeInput {
  @Field(() => VisitAttendeeKindEnum, { description: "Qualité du participant." })
  kind!: VisitAttendeeKind;

  @Field(() => ID, { nullable: true, description: "DRAFPIC : compte du membre de l'équipe." })
  userId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Inspecteur référent : établissement (de la candidature) dont le référent participe.",
  })
  establishmentId?: string | null;

  @Field(() => String, { nullable: true, description: "Autre participant : son nom." })
  fullName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Fonction (par défaut celle du compte, ou « Inspecteur référent »).",
  })
  jobTitle?: string | null;
}

@InputType({
  description:
    "Planification (ou déplacement) de la visite préparatoire d'une candidature déposée ; un champ absent reste inchangé.",
})
export class PlanPreparatoryVisitInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, {
    description:
      "Date prévue : un jour ouvré, aujourd'hui ou plus tard, après le dépôt et au plus tard à la date limite du plan d'audit.",
  })
  plannedOn!: string;

  @Field(() => [VisitAttendeeInput], {
    nullable: true,
    description: "Participants prévus (remplacent la liste précédente).",
  })
  attendees?: VisitAttendeeInput[] | null;

  @Field(() => String, { nullable: true, description: "Notes (vide : effacées)." })
  notes?: string | null;
}

@InputType({
  description:
    "Enregistrement de la visite préparatoire comme effectuée (étape « Visite préparatoire effectuée »).",
})
export class RecordPreparatoryVisitInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, {
    description: "Date à laquelle la visite a eu lieu (passée ou du jour, après le dépôt).",
  })
  heldOn!: string;

  @Field(() => [VisitAttendeeInput], {
    description: "Participants présents, dont au moins un membre de la DRAFPIC.",
  })
  attendees!: VisitAttendeeInput[];

  @Field(() => String, {
    nullable: true,
    description: "Notes de la visite (absentes : celles de la planification restent).",
  })
  notes?: string | null;
}

@InputType({
  description:
    "Proposition du plan d'audit par le générateur de programme (remplace le brouillon existant).",
})
export class ProposeAuditPlanInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => AuditDayScheduleOptionsInput, {
    nullable: true,
    description: "Options du programme (valeurs par défaut du guide).",
  })
  options?: AuditDayScheduleOptionsInput | null;

  @Field(() => Int, {
    nullable: true,
    description: "Version du brouillon remplacé (obligatoire s'il en existe un).",
  })
  expectedVersion?: number | null;
}

@InputType({ description: "Un temps du plan d'audit, tel qu'ajusté par le chef d'établissement." })
export class AuditPlanSlotInput {
  @Field(() => ScheduleSlotKindEnum, { description: "Nature du temps." })
  kind!: ScheduleSlotKind;

  @Field(() => String, { description: "Heure de début (HH:MM)." })
  start!: string;

  @Field(() => String, { description: "Heure de fin (HH:MM)." })
  end!: string;

  @Field(() => String, {
    nullable: true,
    description: "Critère présenté (présentation et échanges seulement).",
  })
  criterionCode?: string | null;

  @Field(() => String, { description: "Intitulé." })
  title!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: "Intervenants de l'établissement (nom, fonction).",
  })
  speakers!: string[];
}

@InputType({ description: "Ajustement du plan d'audit (horaires, intervenants, note)." })
export class UpdateAuditPlanInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => Int, { description: "Version du plan sur laquelle porte la modification." })
  expectedVersion!: number;

  @Field(() => [AuditPlanSlotInput], { description: "Tous les temps de la journée, dans l'ordre." })
  slots!: AuditPlanSlotInput[];

  @Field(() => String, {
    nullable: true,
    description: "Note pour la DRAFPIC et les auditeurs (accès, accueil…).",
  })
  note?: string | null;
}

@InputType({ description: "Transmission du plan d'audit à la DRAFPIC." })
export class SubmitAuditPlanInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => Int, { description: "Version du plan transmise." })
  expectedVersion!: number;
}
