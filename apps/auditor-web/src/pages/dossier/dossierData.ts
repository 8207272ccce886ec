/**
 * The submitted dossier as its readers see it: the frozen snapshot (`submittedDossier { dossier }`, a
 * typed, versioned contract) and the referential of its version (criteria, expectations, Qualéduc
 * fiches). `DossierLayout` loads both once; every page of the reader reads them with
 * `useDossierContext()`.
 */
import { useOutletContext } from "react-router";
import { graphql } from "../../gql";
import type { DossierReferentialQuery, SubmittedDossierQuery } from "../../gql/graphql";

export const SubmittedDossierQueryDocument = graphql(`
  query SubmittedDossier($id: ID!) {
    candidature(id: $id) {
      id
      labelTitle
      state
      referentialVersion
      submittedDossier {
        id
        submittedAt
        sha256
        dossier {
          schemaVersion
          candidature {
            id
            kind
            awardType
            labelTitle
            auditDate
            referentialVersion
          }
          members {
            establishmentId
            name
            uai
            isLead
            engagementLetterOn
            boardMinutesOn
            optionalCriterionVariant
          }
          responses {
            establishmentId
            criterionCode
            narrative
            planned
            done
            measured
            improved
            selfAssessedLevel
            addressedExpectationIds
            citedEvidenceIds
            qualeducFicheCodes
            emblematicActionTitle
            emblematicActionDescription
            metByEuroscol
          }
          commonStrategies {
            criterionCode
            text
          }
          indicators {
            id
            establishmentId
            name
            kind
            unit
            direction
            target
            source
            criterionCodes
            values {
              schoolYear
              numericValue
              textValue
            }
          }
          evidence {
            id
            establishmentId
            title
            kind
            effectiveDate
            criterionCodes
            currentRevision
            revisions {
              id
              revision
              fileName
              mediaType
              sizeBytes
              uploadedAt
            }
          }
        }
      }
    }
  }
`);

export const DossierReferentialQueryDocument = graphql(`
  query DossierReferential($version: String!) {
    referential(version: $version) {
      version
      title
      criteria {
        code
        number
        title
        shortTitle
        optional
        networkCommonStrategy
        metByEuroscolNote
        expectations {
          id
          text
          scope
        }
        qualeducFiches {
          code
          title
        }
      }
    }
  }
`);

export type DossierCandidature = SubmittedDossierQuery["candidature"];
export type Snapshot = NonNullable<DossierCandidature["submittedDossier"]>;
export type FrozenDossier = Snapshot["dossier"];
export type FrozenMember = FrozenDossier["members"][number];
export type FrozenResponse = FrozenDossier["responses"][number];
export type FrozenIndicator = FrozenDossier["indicators"][number];
export type FrozenEvidence = FrozenDossier["evidence"][number];
export type ReferentialCriterion = DossierReferentialQuery["referential"]["criteria"][number];

export interface DossierContext {
  candidature: DossierCandidature;
  snapshot: Snapshot;
  dossier: FrozenDossier;
  /** The criteria of this dossier, in order: the national ones and each criterion 9 chosen. */
  criteria: ReferentialCriterion[];
  /** The members, the lead first. */
  members: FrozenMember[];
  memberName(establishmentId: string | null | undefined): string | null;
}

/** The criteria a dossier answers: 1 to 8, and 9-a / 9-b when a member chose it (or answered it). */
export function dossierCriteria(
  dossier: FrozenDossier,
  criteria: readonly ReferentialCriterion[],
): ReferentialCriterion[] {
  const chosen = new Set<string>();
  for (const m of dossier.members) {
    if (m.optionalCriterionVariant) chosen.add(m.optionalCriterionVariant === "A" ? "9a" : "9b");
  }
  for (const r of dossier.responses) chosen.add(r.criterionCode);
  return criteria
    .filter((c) => !c.optional || chosen.has(c.code))
    .slice()
    .sort((a, b) => a.number - b.number || a.code.localeCompare(b.code));
}

export function useDossierContext(): DossierContext {
  return useOutletContext<DossierContext>();
}
