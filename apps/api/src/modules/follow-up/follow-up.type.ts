/** GraphQL types of a renewal's diff (computed by the domain's `renewalDiff`, never stored). */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { RENEWAL_CHANGE_LABELS, type RenewalChange } from "@ldm/domain";
import { enumOf } from "../../common/enums";

export const RenewalChangeEnum = enumOf(
  "RenewalChange",
  "Ce qui a changé depuis le dernier label : ajouté, retiré, modifié ou inchangé.",
  RENEWAL_CHANGE_LABELS,
);

@ObjectType({
  description: "Réponse d'un établissement sur un critère, comparée au dernier label.",
})
export class RenewalResponseDiff {
  @Field(() => ID, { description: "Établissement." })
  establishmentId!: string;

  @Field(() => RenewalChangeEnum, {
    description: "Ajoutée, retirée (textes vidés), modifiée ou inchangée.",
  })
  change!: RenewalChange;

  @Field(() => [String], {
    description:
      "Champs modifiés : narrative, planned, done, measured, improved, emblematicAction.",
  })
  changedFields!: string[];

  @Field(() => [String], {
    description:
      "Attendus cochés dans le dossier précédent, toujours attendus du critère : les coches sont remises à zéro, à cocher de nouveau.",
  })
  previousExpectationIds!: string[];
}

@ObjectType({ description: "Indicateur d'un critère, comparé au dernier label." })
export class RenewalIndicatorDiff {
  @Field(() => ID, { nullable: true, description: "Indicateur du renouvellement (vide : retiré)." })
  currentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Indicateur du dossier précédent (vide : ajouté).",
  })
  previousId!: string | null;

  @Field(() => ID, { nullable: true, description: "Établissement qui le suit." })
  establishmentId!: string | null;

  @Field(() => String, { description: "Intitulé (l'actuel s'il existe)." })
  title!: string;

  @Field(() => RenewalChangeEnum, { description: "Ajouté, retiré, modifié ou inchangé." })
  change!: RenewalChange;

  @Field(() => [String], { description: "Champs modifiés : name, unit, target, values." })
  changedFields!: string[];
}

@ObjectType({ description: "Pièce justificative d'un critère, comparée au dernier label." })
export class RenewalEvidenceDiff {
  @Field(() => ID, { nullable: true, description: "Pièce du renouvellement (vide : retirée)." })
  currentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Pièce du dossier précédent (vide : ajoutée).",
  })
  previousId!: string | null;

  @Field(() => ID, { nullable: true, description: "Établissement auteur." })
  establishmentId!: string | null;

  @Field(() => String, { description: "Titre (l'actuel s'il existe)." })
  title!: string;

  @Field(() => RenewalChangeEnum, { description: "Ajoutée, retirée, modifiée ou inchangée." })
  change!: RenewalChange;

  @Field(() => [String], { description: "Champs modifiés : title, effectiveDate, file." })
  changedFields!: string[];

  @Field(() => GraphQLLocalDate, { description: "Date propre de la pièce." })
  effectiveDate!: string;

  @Field(() => Boolean, {
    description:
      "Pièce du renouvellement datée d'avant les trois dernières années scolaires (l'année en cours et les deux précédentes).",
  })
  outdated!: boolean;
}

@ObjectType({ description: "Ce qui a changé sur un critère depuis le dernier label." })
export class RenewalCriterionDiff {
  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;

  @Field(() => Boolean, { description: "Vrai si quelque chose a été ajouté, retiré ou modifié." })
  changed!: boolean;

  @Field(() => [RenewalResponseDiff], { description: "Réponses des établissements." })
  responses!: RenewalResponseDiff[];

  @Field(() => [RenewalIndicatorDiff], { description: "Indicateurs étayant le critère." })
  indicators!: RenewalIndicatorDiff[];

  @Field(() => [RenewalEvidenceDiff], { description: "Pièces étayant le critère." })
  evidence!: RenewalEvidenceDiff[];

  @Field(() => Int, { description: "Pièces de plus de trois années scolaires." })
  outdatedEvidenceCount!: number;
}

@ObjectType({
  description:
    "Comparaison d'une candidature de renouvellement avec le dossier figé de la labellisation précédente.",
})
export class RenewalDiff {
  @Field(() => ID, { description: "Candidature dont le label est renouvelé." })
  renewsCandidatureId!: string;

  @Field(() => Boolean, { description: "Vrai si un critère au moins a changé." })
  changed!: boolean;

  @Field(() => Int, {
    description: "Pièces du renouvellement de plus de trois années scolaires (chacune une fois).",
  })
  outdatedEvidenceCount!: number;

  @Field(() => [RenewalCriterionDiff], { description: "Par critère du renouvellement." })
  criteria!: RenewalCriterionDiff[];
}
