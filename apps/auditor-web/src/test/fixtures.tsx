/**
 * Test data of the auditor portal: the accounts (`me`), a submitted network dossier with its
 * referential, and the routes of a page as the portal mounts them.
 */
import type { ReactElement } from "react";
import type { RouteObject } from "react-router";
import { MeQuery } from "../auth/session";

export const AUDITOR = {
  __typename: "User",
  id: "u-auditrice",
  fullName: "Françoise Delmas",
  email: "auditrice@demo.ldm.fr",
  role: "AUDITOR",
  auditorProfile: "INSPECTOR",
  establishment: null,
} as const;

export const DRAFPIC = {
  __typename: "User",
  id: "u-drafpic",
  fullName: "Hélène Garnier",
  email: "drafpic@demo.ldm.fr",
  role: "DRAFPIC",
  auditorProfile: null,
  establishment: null,
} as const;

export const SCHOOL_HEAD = {
  __typename: "User",
  id: "u-cheffe",
  fullName: "Claire Martin",
  email: "cheffe@demo.ldm.fr",
  role: "SCHOOL_HEAD",
  auditorProfile: null,
  establishment: { __typename: "Establishment", id: "e-nice" },
} as const;

/** `me` answers this account (several times: the guard, the header and the page read it). */
export function meMock(user: object | null) {
  return { request: { query: MeQuery }, result: { data: { me: user } }, maxUsageCount: 10 };
}

/** A page mounted alone under the path it has in the portal. */
export function pageRoutes(path: string, element: ReactElement): RouteObject[] {
  return [
    { path, element },
    { path: "*", element: <p>Autre page</p> },
  ];
}
