/**
 * Global middlewares: every root operation requires an authenticated caller except the public ones; API
 * tokens are read-only. (Personal fields: `personal-data.middleware.ts`.)
 */
import type { MiddlewareFn } from "type-graphql";
import type { RequestContext } from "../context";
import { AppError } from "./errors";
import { authorize } from "./authz";

/** Operations open without authentication (public reference data, and logging in). */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set([
  "login",
  "me",
  "referential",
  "referentialVersions",
  "auditDaySchedule",
  "publicLabelRegistry",
  "requestPasswordReset",
  "resetPassword",
]);

export const OperationGuard: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const root = info.parentType.name;
  if (root === "Query" || root === "Mutation") {
    context.operation = info.fieldName;
    if (!PUBLIC_OPERATIONS.has(info.fieldName) && !context.viewer) {
      throw new AppError("UNAUTHENTICATED", "Authentification requise : connectez-vous.");
    }
    if (root === "Mutation" && context.viewer?.readOnly) {
      await authorize(context, false, "jeton d'API en lecture seule");
    }
  }
  return next();
};
