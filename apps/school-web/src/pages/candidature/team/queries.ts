/** The queries of the team page (shared by its components). */
import { graphql } from "../../../gql";

export const CandidaturePilotsQuery = graphql(`
  query CandidaturePilots($id: ID!) {
    candidature(id: $id) {
      id
      state
      kind
      criteria {
        code
        number
        shortTitle
      }
      members {
        id
        isLead
        optionalCriterionVariant
        establishment {
          id
          name
        }
      }
      pilots {
        ...PilotItem
      }
    }
  }
`);

export const PilotItemFragment = graphql(`
  fragment PilotItem on CriterionPilot {
    id
    criterionCode
    establishment {
      id
    }
    user {
      id
      fullName
      jobTitle
    }
  }
`);

export const SteeringTeamQuery = graphql(`
  query SteeringTeam($establishmentId: ID!) {
    users(first: 100, filter: { establishmentId: $establishmentId, active: true }) {
      totalCount
      edges {
        node {
          id
          fullName
          email
          jobTitle
          role
        }
      }
    }
  }
`);
