/** The query and mutation of the readiness page. */
import { graphql } from "../../../gql";

export const CandidatureReadinessFragment = graphql(`
  fragment CandidatureReadiness on Candidature {
    id
    kind
    state
    auditDate
    submittedAt
    availableTransitions
    members {
      id
      isLead
      establishment {
        id
        name
      }
    }
    criteria {
      code
      number
      shortTitle
    }
    readiness {
      ready
      missing
      criteria {
        criterionCode
        ready
        missing
      }
    }
    deadlines {
      kind
      date
    }
    submittedDossier {
      id
      sha256
      submittedAt
    }
  }
`);

export const CandidatureReadinessQuery = graphql(`
  query CandidatureReadinessPage($id: ID!) {
    candidature(id: $id) {
      ...CandidatureReadiness
    }
  }
`);

export const SubmitDossierMutation = graphql(`
  mutation SubmitDossier($input: TransitionCandidatureInput!) {
    transitionCandidature(input: $input) {
      ...CandidatureReadiness
      history {
        id
        transition
        effectiveDate
      }
    }
  }
`);
