import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import {
  PROCEDURE_DEADLINE_LABELS,
  REMINDER_PARTY_LABELS,
  type ProcedureDeadlineKind,
  type ReminderParty,
} from "@ldm/domain";
import { enumOf } from "../../common/enums";
import { PageArgs } from "../../common/pagination";

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: "Vrai : seulement les notifications non lues (totalCount les compte).",
  })
  unreadOnly?: boolean | null;
}

@InputType({ description: "Marque une de ses notifications comme lue." })
export class MarkNotificationReadInput {
  @Field(() => ID, { description: "Notification." })
  notificationId!: string;
}

@ArgsType()
export class MyDeadlinesArgs {
  @Field(() => Int, {
    defaultValue: 90,
    description: "Horizon en jours à partir d'aujourd'hui (1 à 1 830, 90 par défaut).",
  })
  withinDays!: number;
}

export const ProcedureDeadlineKindEnum = enumOf(
  "ProcedureDeadlineKind",
  "Nature d'une échéance de la procédure ou du label.",
  PROCEDURE_DEADLINE_LABELS,
);

export const ReminderPartyEnum = enumOf(
  "ReminderParty",
  "Partie concernée par une échéance.",
  REMINDER_PARTY_LABELS,
);

@ObjectType({ description: "Échéance à venir qui concerne l'utilisateur connecté." })
export class UpcomingDeadline {
  @Field(() => String, { description: "Identifiant stable de l'échéance à cette date." })
  key!: string;

  @Field(() => ProcedureDeadlineKindEnum, { description: "Nature de l'échéance." })
  kind!: ProcedureDeadlineKind;

  @Field(() => GraphQLLocalDate, { description: "Date de l'échéance." })
  date!: string;

  @Field(() => Int, { description: "Nombre de jours restants (0 : aujourd'hui)." })
  daysLeft!: number;

  @Field(() => String, { description: "Intitulé en français." })
  title!: string;

  @Field(() => ID, { description: "Candidature concernée." })
  candidatureId!: string;

  @Field(() => String, { description: "Nom de la candidature (établissement ou réseau)." })
  candidatureName!: string;

  @Field(() => [ReminderPartyEnum], { description: "Parties concernées par l'échéance." })
  parties!: ReminderParty[];
}

@InputType({ description: "Demande d'un lien de réinitialisation du mot de passe." })
export class RequestPasswordResetInput {
  @Field(() => String, { description: "Adresse électronique du compte." })
  email!: string;
}

@InputType({ description: "Nouveau mot de passe choisi avec un lien de réinitialisation." })
export class ResetPasswordInput {
  @Field(() => String, { description: "Jeton reçu dans le lien (à usage unique)." })
  token!: string;

  @Field(() => String, {
    description: "Nouveau mot de passe (au moins 12 caractères, pas un mot de passe courant).",
  })
  newPassword!: string;
}
