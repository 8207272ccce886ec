/**
 * The criteria a candidature's establishments answer: the national ones and, for each establishment,
 * the criterion 9 variant it chose (« au choix de l'établissement »), with the expectations of the
 * candidature's kind. Pure: rows in, domain criteria out.
 */
import {
  criteriaForMember,
  criteriaForMemberVariants,
  criterionDisplayCode,
  getCriterion,
  type Criterion,
  type OptionalCriterionVariant,
} from "@ldm/domain";
import { badInput } from "../../common/errors";
import type { Candidature, CoApplicant } from "./candidature.entity";

/**
 * The criteria of a candidature's dossier: the national ones and each criterion 9 variant chosen by at
 * least one member, with the expectations of the candidature's kind.
 */
export function candidatureCriteria(
  c: Pick<Candidature, "referentialVersion" | "kind">,
  members: readonly Pick<CoApplicant, "optionalCriterionVariant">[],
): Criterion[] {
  return criteriaForMemberVariants(
    c.referentialVersion,
    members.map((m) => m.optionalCriterionVariant),
    c.kind,
  );
}

/** The lead's criterion 9 (the candidature-level value older clients and frozen dossiers read). */
export function leadOptionalCriterionVariant(
  members: readonly Pick<CoApplicant, "isLead" | "optionalCriterionVariant">[],
): OptionalCriterionVariant | null {
  return members.find((m) => m.isLead)?.optionalCriterionVariant ?? null;
}

/**
 * Checks that the criterion exists in the referential and that this member answers it
 * (`criteriaForMember`: the national criteria and the criterion 9 variant the establishment chose).
 */
export function assertMemberCriterion(
  c: Candidature,
  member: Pick<CoApplicant, "optionalCriterionVariant">,
  code: string,
): Criterion {
  const criterion = getCriterion(c.referentialVersion, code.trim());
  const answered = criteriaForMember(
    c.referentialVersion,
    c.kind,
    member.optionalCriterionVariant,
  ).find((x) => x.code === criterion.code);
  if (!answered) {
    throw badInput(
      `Le critère ${criterionDisplayCode(criterion.code)} n'est pas retenu par cet établissement (son chef d'établissement choisit d'abord la variante du critère 9).`,
      { criterionCode: criterion.code },
    );
  }
  return answered;
}
