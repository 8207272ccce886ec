import { Field, ID, InputType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { CommitmentProgress, VisitAttendeeKind } from "@ldm/domain";
import { VisitAttendeeKindEnum } from "../preparation/preparation.entity";
import { CommitmentProgressEnum } from "./follow-up.entity";

@InputType({ description: "Participant au suivi intermédiaire." })
export class MidTermAttendeeInput {
  @Field(() => VisitAttendeeKindEnum, { description: "Qualité du participant." })
  kind!: VisitAttendeeKind;

  @Field(() => ID, { nullable: true, description: "DRAFPIC : compte du membre de l'équipe." })
  userId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Inspecteur référent : établissement (de la candidature) dont l'inspecteur référent est venu.",
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

@InputType({ description: "Point sur un engagement pris lors de l'audit." })
export class CommitmentReviewInput {
  @Field(() => ID, { description: "Engagement (de la candidature, en vigueur)." })
  commitmentId!: string;

  @Field(() => CommitmentProgressEnum, {
    description: "Réalisé, en cours, non engagé ou abandonné.",
  })
  progress!: CommitmentProgress;

  @Field(() => String, {
    nullable: true,
    description: "Commentaire, obligatoire si l'engagement n'est pas réalisé.",
  })
  comment?: string | null;
}

@InputType({
  description:
    "Enregistrement du suivi intermédiaire d'un label (DRAFPIC) : il fait passer la candidature à « Suivi intermédiaire effectué ».",
})
export class RecordMidTermReviewInput {
  @Field(() => ID, { description: "Candidature labellisée." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, {
    description:
      "Date du suivi (aujourd'hui ou avant, pendant la validité du label, pas avant sa publication).",
  })
  heldOn!: string;

  @Field(() => [MidTermAttendeeInput], {
    description:
      "Participants : au moins un membre de la DRAFPIC, et les inspecteurs référents venus.",
  })
  attendees!: MidTermAttendeeInput[];

  @Field(() => String, { description: "Constats du suivi (texte brut)." })
  findings!: string;

  @Field(() => [CommitmentReviewInput], {
    description:
      "Le point sur chaque engagement en vigueur pris lors de l'audit (tous, une fois chacun).",
  })
  commitments!: CommitmentReviewInput[];
}

@InputType({
  description:
    "Engagement du renouvellement du label d'un établissement : une candidature de renouvellement préremplie à partir du dossier de la labellisation précédente.",
})
export class StartRenewalInput {
  @Field(() => ID, {
    description:
      "Établissement dont le label (en vigueur, ou expiré depuis moins de douze mois) est renouvelé ; il porte la candidature.",
  })
  establishmentId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Cocandidats (établissements de la candidature labellisée dont le label est renouvelable). Par défaut : tous ; une liste vide pour une candidature individuelle.",
  })
  coApplicantEstablishmentIds?: string[] | null;
}
