import { Field, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { DeadlineKindEnum } from "../../common/enums";

@ObjectType({ description: "Échéance de la procédure calculée à partir des dates connues." })
export class Deadline {
  @Field(() => DeadlineKindEnum, { description: "Nature de l'échéance." })
  kind!: string;

  @Field(() => GraphQLLocalDate, { description: "Date de l'échéance." })
  date!: string;

  @Field(() => String, { description: "Libellé." })
  label!: string;
}

@ObjectType({ description: "État de préparation d'un critère." })
export class CriterionReadiness {
  @Field(() => String, { description: "Code du critère." })
  criterionCode!: string;

  @Field(() => Boolean, { description: "Vrai si rien ne manque sur ce critère." })
  ready!: boolean;

  @Field(() => [String], { description: "Ce qui manque encore." })
  missing!: string[];
}

@ObjectType({ description: "État de préparation du dossier avant son dépôt." })
export class Readiness {
  @Field(() => Boolean, { description: "Vrai si le dossier peut être déposé." })
  ready!: boolean;

  @Field(() => [String], { description: "Tout ce qui manque encore." })
  missing!: string[];

  @Field(() => [CriterionReadiness], { description: "Détail par critère." })
  criteria!: CriterionReadiness[];
}
