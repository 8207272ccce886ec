import { Field, ID, InputType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import type { EvidenceKind } from "@ldm/domain";
import { EvidenceKindEnum } from "../../common/enums";

@InputType({
  description:
    "Modification des informations d'une pièce justificative ; un champ absent reste inchangé (le fichier se remplace par un nouvel envoi sur POST /files/evidence, qui ajoute une version).",
})
export class UpdateEvidenceInput {
  @Field(() => ID, { description: "Pièce justificative." })
  evidenceId!: string;

  @Field(() => String, { nullable: true, description: "Titre de la pièce." })
  title?: string | null;

  @Field(() => EvidenceKindEnum, { nullable: true, description: "Nature de la pièce." })
  kind?: EvidenceKind | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date propre de la pièce (AAAA-MM-JJ), distincte de la date de dépôt.",
  })
  effectiveDate?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Critères étayés par la pièce (codes ; au moins un).",
  })
  criterionCodes?: string[] | null;
}

@InputType({
  description:
    "Suppression d'une pièce justificative et de ses versions (refusée tant qu'une réponse la cite).",
})
export class DeleteEvidenceInput {
  @Field(() => ID, { description: "Pièce justificative." })
  evidenceId!: string;
}
