import { Field, ObjectType } from "type-graphql";
import { GraphQLLocalDate } from "graphql-scalars";
import { LABEL_STATUS_LABELS, type LabelStatus } from "@ldm/domain";
import { Check, Column, Entity, Index, Unique } from "typeorm";
import { enumOf } from "../../common/enums";
import { EstablishmentPart } from "../candidature/candidature.entity";

export const LabelStatusEnum = enumOf(
  "LabelStatus",
  "Statut d'un label : en vigueur, expiré, ou remplacé par le label d'un renouvellement.",
  LABEL_STATUS_LABELS,
);

/**
 * The label of one establishment, created by the BOEN publication of the candidature that obtained it
 * (one per establishment the rector approved): its title, five years of validity from the publication,
 * the due date of its mid-term follow-up. `status` is the stored status (`CURRENT`, then `EXPIRED` once
 * the expiry is recorded or `SUPERSEDED` by the label of a renewal); readers see the effective status
 * (`effectiveLabelStatus`: a CURRENT label past its end date reads EXPIRED).
 */
@ObjectType({
  description:
    "Label « Lycée des métiers » d'un établissement, créé par sa publication au BOEN (valable cinq ans).",
})
@Entity({ name: "label" })
@Unique("uq_label_candidature_establishment", ["candidatureId", "establishmentId"])
@Check("ck_label_status", "status IN ('CURRENT','EXPIRED','SUPERSEDED')")
@Check(
  "ck_label_dates",
  "start_date < mid_term_review_due_date AND mid_term_review_due_date < end_date",
)
@Index("idx_label_start", ["startDate", "id"])
export class Label extends EstablishmentPart {
  @Field(() => String, {
    description:
      "Intitulé du label (« Lycée des métiers … », qui met en exergue un cœur de métier).",
  })
  @Column({ type: "text" })
  title!: string;

  @Field(() => GraphQLLocalDate, {
    description: "Début de validité : date de publication au BOEN.",
  })
  @Column({ name: "start_date", type: "date" })
  startDate!: string;

  @Field(() => GraphQLLocalDate, {
    description:
      "Fin de validité, cinq ans après la publication (le label vaut jusqu'à la veille).",
  })
  @Index()
  @Column({ name: "end_date", type: "date" })
  endDate!: string;

  @Field(() => GraphQLLocalDate, {
    description:
      "Date à laquelle le suivi intermédiaire est dû (trente mois après la publication).",
  })
  @Column({ name: "mid_term_review_due_date", type: "date" })
  midTermReviewDueDate!: string;

  /** Stored status; GraphQL answers the effective one (see the resolver). */
  @Index()
  @Column({ type: "text", default: "CURRENT" })
  status!: LabelStatus;

  @Field(() => String, {
    nullable: true,
    description: "Référence de la publication au BOEN (ex. « BO n° 12 du 19 mars 2026 »).",
  })
  @Column({ name: "boen_reference", type: "text", nullable: true })
  boenReference!: string | null;
}
