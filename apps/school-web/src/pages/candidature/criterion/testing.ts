/**
 * Fixtures of the dossier pages' component tests: the signed-in account (`me`) and a route tree that
 * mounts one page under `/candidatures/:candidatureId`.
 */
import { createElement, type ReactElement } from "react";
import { Outlet, type RouteObject } from "react-router";
import { MeQuery } from "../../../auth/currentUser";

export const CANDIDATURE_ID = "c1";
export const OWN = { __typename: "Establishment", id: "e1", name: "Lycée Les Oliviers" } as const;
export const OTHER = { __typename: "Establishment", id: "e2", name: "Lycée La Baie" } as const;

export function meMock(role: "SCHOOL_HEAD" | "SCHOOL_STAFF" = "SCHOOL_HEAD", id = "u1") {
  return {
    request: { query: MeQuery },
    maxUsageCount: 10,
    result: {
      data: {
        me: {
          __typename: "User",
          id,
          fullName: "Valérie Castellan",
          email: "cheffe@demo.ldm.fr",
          role,
          establishment: OWN,
        },
      },
    },
  };
}

/** `/candidatures/c1/<segment>` rendering `page`. */
export function candidatureRoutes(segment: string, page: ReactElement): RouteObject[] {
  return [
    {
      path: "/candidatures/:candidatureId",
      element: createElement(Outlet),
      children: [{ path: segment, element: page }],
    },
  ];
}

export const members = [
  { __typename: "CoApplicant", id: "m1", isLead: true, establishment: OWN },
  { __typename: "CoApplicant", id: "m2", isLead: false, establishment: OTHER },
];
