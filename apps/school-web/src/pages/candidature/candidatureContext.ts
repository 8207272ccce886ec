/**
 * What every page of a candidature gets from `CandidatureLayout`: the id from the URL and the shell
 * (title, kind, state, criteria). Each page fetches the rest itself, with its own query.
 */
import { useOutletContext, useParams } from "react-router";
import { graphql } from "../../gql";
import type { CandidatureShellQuery } from "../../gql/graphql";

export const CandidatureShellQueryDocument = graphql(`
  query CandidatureShell($id: ID!) {
    candidature(id: $id) {
      id
      labelTitle
      kind
      state
      awardType
      criteria {
        code
        number
        shortTitle
        optional
      }
    }
  }
`);

export type CandidatureShell = CandidatureShellQuery["candidature"];

/** The `:candidatureId` of the URL. */
export function useCandidatureId(): string {
  const { candidatureId } = useParams();
  if (!candidatureId) throw new Error("Route sans :candidatureId");
  return candidatureId;
}

/** The shell loaded by `CandidatureLayout` (title, kind, state, criteria). */
export function useCandidatureShell(): CandidatureShell {
  return useOutletContext<CandidatureShell>();
}
