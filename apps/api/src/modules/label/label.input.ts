import { ArgsType, Field, ID, InputType } from "type-graphql";
import type { LabelStatus } from "@ldm/domain";
import { PageArgs } from "../../common/pagination";
import { LabelStatusEnum } from "./label.entity";

@InputType({ description: "Filtres du registre des labels." })
export class LabelFilter {
  @Field(() => String, {
    nullable: true,
    description: "Académie de l'établissement (AIX_MARSEILLE ou NICE), selon son département.",
  })
  academieCode?: string | null;

  @Field(() => LabelStatusEnum, {
    nullable: true,
    description: "Statut du label aujourd'hui (un label échu se lit « expiré »).",
  })
  status?: LabelStatus | null;

  @Field(() => ID, { nullable: true, description: "Établissement labellisé." })
  establishmentId?: string | null;
}

@ArgsType()
export class LabelsArgs extends PageArgs {
  @Field(() => LabelFilter, { nullable: true, description: "Filtres." })
  filter?: LabelFilter | null;
}

@ArgsType()
export class PublicLabelRegistryArgs {
  @Field(() => String, {
    nullable: true,
    description: "Académie (AIX_MARSEILLE ou NICE) ; toutes par défaut.",
  })
  academieCode?: string | null;
}
