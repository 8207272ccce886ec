import { Field, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";

/** A line of the public registry: what anyone may know of a labelled establishment. */
@ObjectType({
  description:
    "Établissement labellisé « Lycée des métiers » (registre public : intitulé et validité, sans donnée personnelle).",
})
export class PublicLabel {
  @Field(() => String, { description: "Code UAI de l'établissement." })
  uai!: string;

  @Field(() => String, { description: "Nom de l'établissement." })
  establishmentName!: string;

  @Field(() => String, { description: "Commune." })
  city!: string;

  @Field(() => String, { description: "Code du département." })
  departementCode!: string;

  @Field(() => String, { description: "Code de l'académie." })
  academieCode!: string;

  @Field(() => String, { description: "Nom de l'académie." })
  academieName!: string;

  @Field(() => String, { description: "Intitulé du label." })
  title!: string;

  @Field(() => GraphQLLocalDate, { description: "Début de validité (publication au BOEN)." })
  startDate!: string;

  @Field(() => GraphQLLocalDate, {
    description: "Fin de validité (cinq ans après la publication).",
  })
  endDate!: string;
}
