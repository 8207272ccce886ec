import { ArgsType, Field, ID, InputType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { CaenOpinion, GralmProposal, RectorOutcome } from "@ldm/domain";
import { PageArgs } from "../../common/pagination";
import { CaenOpinionEnum, GralmProposalEnum, RectorOutcomeEnum } from "./decision.entity";

@InputType({ description: "Membre présent à une session du GRALM (nom et fonction)." })
export class GralmMemberInput {
  @Field(() => String, { description: "Nom et prénom." })
  fullName!: string;

  @Field(() => String, { description: "Fonction ou qualité (ex. « IEN-ET », « DRAFPIC »)." })
  role!: string;
}

@InputType({ description: "Création d'une session du GRALM." })
export class CreateGralmSessionInput {
  @Field(() => GraphQLLocalDate, { description: "Date de la session." })
  sessionDate!: string;

  @Field(() => [GralmMemberInput], { description: "Membres présents (au moins un)." })
  members!: GralmMemberInput[];

  @Field(() => String, {
    nullable: true,
    description: "Observations générales consignées au procès-verbal.",
  })
  notes?: string | null;
}

@InputType({
  description:
    "Modification d'une session du GRALM : membres et observations à tout moment, date tant qu'aucune proposition n'est enregistrée.",
})
export class UpdateGralmSessionInput {
  @Field(() => ID, { description: "Session." })
  sessionId!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Nouvelle date de la session." })
  sessionDate?: string | null;

  @Field(() => [GralmMemberInput], {
    nullable: true,
    description: "Membres présents (remplacent la liste actuelle).",
  })
  members?: GralmMemberInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Observations générales (une chaîne vide les efface).",
  })
  notes?: string | null;
}

@InputType({
  description: "Inscription ou retrait d'une candidature à l'ordre du jour d'une session.",
})
export class GralmSessionCandidatureInput {
  @Field(() => ID, { description: "Session du GRALM." })
  sessionId!: string;

  @Field(() => ID, { description: "Candidature (rapport d'audit remis)." })
  candidatureId!: string;
}

@InputType({ description: "Proposition du GRALM pour une candidature de la session." })
export class RecordGralmProposalInput {
  @Field(() => ID, { description: "Session du GRALM." })
  sessionId!: string;

  @Field(() => ID, { description: "Candidature inscrite à la session." })
  candidatureId!: string;

  @Field(() => GralmProposalEnum, {
    description: "Proposition : favorable, défavorable ou ajournée.",
  })
  proposal!: GralmProposal;

  @Field(() => String, { description: "Motivation de la proposition (obligatoire)." })
  motivation!: string;
}

@InputType({ description: "Avis du (INTER-)CAEN sur une candidature." })
export class RecordCaenOpinionInput {
  @Field(() => ID, { description: "Candidature proposée par le GRALM." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de la séance du CAEN." })
  opinionDate!: string;

  @Field(() => CaenOpinionEnum, { description: "Avis favorable ou défavorable." })
  opinion!: CaenOpinion;

  @Field(() => String, { nullable: true, description: "Commentaire." })
  comment?: string | null;
}

@InputType({ description: "Décision du recteur pour un établissement." })
export class RectorOutcomeInput {
  @Field(() => ID, { description: "Établissement de la candidature, dans l'académie du recteur." })
  establishmentId!: string;

  @Field(() => RectorOutcomeEnum, { description: "Label accordé ou refusé." })
  outcome!: RectorOutcome;
}

@InputType({
  description:
    "Décision du recteur d'une académie pour les établissements de la candidature qui en relèvent (un réseau réparti sur deux académies reçoit deux décisions).",
})
export class RecordRectorDecisionInput {
  @Field(() => ID, { description: "Candidature dont le CAEN a rendu son avis." })
  candidatureId!: string;

  @Field(() => String, { description: "Académie du recteur (AIX_MARSEILLE ou NICE)." })
  academieCode!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de la décision." })
  decidedOn!: string;

  @Field(() => [RectorOutcomeInput], {
    description: "Décision pour chaque établissement de la candidature situé dans cette académie.",
  })
  outcomes!: RectorOutcomeInput[];

  @Field(() => String, { nullable: true, description: "Commentaire ou motivation." })
  comment?: string | null;
}

@InputType({ description: "Publication du label au BOEN." })
export class RecordBoenPublicationInput {
  @Field(() => ID, { description: "Candidature approuvée par le recteur." })
  candidatureId!: string;

  @Field(() => GraphQLLocalDate, {
    description: "Date de publication au BOEN : début de validité du label.",
  })
  publicationDate!: string;

  @Field(() => String, {
    nullable: true,
    description: "Référence de la publication (ex. « BO n° 12 du 19 mars 2026 »).",
  })
  boenReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Intitulé publié, s'il diffère de celui de la candidature (par exemple après une proposition de modification des auditeurs).",
  })
  labelTitle?: string | null;
}

@ArgsType()
export class GralmSessionArgs {
  @Field(() => ID, { description: "Identifiant de la session." })
  id!: string;
}

@ArgsType()
export class GralmSessionsArgs extends PageArgs {}
