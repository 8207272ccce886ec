import { Academie, Departement } from "../modules/academie/academie.entity";
import { Establishment } from "../modules/establishment/establishment.entity";
import {
  Candidature,
  CandidatureTransitionRecord,
  CoApplicant,
  CommonStrategy,
  CriterionPilot,
  CriterionResponse,
} from "../modules/candidature/candidature.entity";

/** Every TypeORM entity of the API. */
export const ENTITIES = [
  Academie,
  Departement,
  Establishment,
  Candidature,
  CoApplicant,
  CriterionResponse,
  CommonStrategy,
  CriterionPilot,
  CandidatureTransitionRecord,
];
