/**
 * What to tell the user about a failure: the API answers French messages with an `extensions.code`
 * (GraphQL errors, and `{ errors: [...] }` on the file endpoints); anything else (network down, proxy
 * error, unreadable answer) becomes a generic French message. Never a stack.
 */
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { TFunction } from "i18next";
import { UploadError } from "./upload/uploadFile";

export interface ErrorSummary {
  /** `api`: messages written by the API; `network`: the service could not be reached or answered badly. */
  kind: "api" | "network";
  messages: string[];
  /** `extensions.code` of the first error, when the API gave one (e.g. `TOO_MANY_ATTEMPTS`). */
  code: string | undefined;
}

export function summarizeError(error: unknown, t: TFunction<"ui">): ErrorSummary {
  if (CombinedGraphQLErrors.is(error)) {
    const messages = [...new Set(error.errors.map((e) => e.message).filter(Boolean))];
    const code = error.errors[0]?.extensions?.["code"];
    return {
      kind: "api",
      messages: messages.length > 0 ? messages : [t("error.generic")],
      code: typeof code === "string" ? code : undefined,
    };
  }
  if (error instanceof UploadError) {
    if (error.code === "NETWORK")
      return { kind: "network", messages: [t("error.network")], code: error.code };
    if (error.code === "ABORTED")
      return { kind: "api", messages: [t("error.uploadAborted")], code: error.code };
    return { kind: "api", messages: [error.message], code: error.code };
  }
  return { kind: "network", messages: [t("error.network")], code: undefined };
}

/** `extensions.code` of the first GraphQL error, if any. */
export function graphQLErrorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.["code"];
    return typeof code === "string" ? code : undefined;
  }
  if (error instanceof UploadError) return error.code;
  return undefined;
}
