/**
 * The one place where failures become GraphQL errors: every refused call answers a French message
 * and an `extensions.code`; unexpected failures are logged and answered without internals.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DomainError, type DomainErrorCode } from "@ldm/domain";
import { log } from "./logger";

export type ErrorCode =
  | DomainErrorCode
  | "UNAUTHENTICATED"
  | "CANDIDATURE_LOCKED"
  | "TOO_MANY_ATTEMPTS"
  | "INTERNAL_SERVER_ERROR";

/** A refusal raised by the API itself (not by a domain rule). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError("NOT_FOUND", `${what} « ${id} » est introuvable.`, { id });
}

export function badInput(message: string, details?: Record<string, unknown>): AppError {
  return new AppError("BAD_USER_INPUT", message, details);
}

/** PostgreSQL error codes we translate into refusals rather than internal errors. */
const PG_UNIQUE_VIOLATION = "23505";
const PG_FOREIGN_KEY_VIOLATION = "23503";
const PG_INVALID_TEXT = "22P02";

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

const FRENCH_PREFIX: Record<string, string> = {
  GRAPHQL_VALIDATION_FAILED: "Requête GraphQL invalide",
  GRAPHQL_PARSE_FAILED: "Requête GraphQL illisible",
  BAD_USER_INPUT: "Données invalides",
  PERSISTED_QUERY_NOT_FOUND: "Requête persistée inconnue",
  BAD_REQUEST: "Requête HTTP invalide",
};

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError || original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  const code = pgCode(original);
  if (code === PG_UNIQUE_VIOLATION) {
    return {
      ...base,
      message: "Cet enregistrement existe déjà.",
      extensions: { code: "CONFLICT" },
    };
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) {
    return {
      ...base,
      message: "Un objet référencé est introuvable.",
      extensions: { code: "NOT_FOUND" },
    };
  }
  if (code === PG_INVALID_TEXT) {
    return { ...base, message: "Identifiant mal formé.", extensions: { code: "BAD_USER_INPUT" } };
  }
  const extCode = formatted.extensions?.code;
  if (extCode === "UNAUTHENTICATED") {
    return {
      ...base,
      message: formatted.message.replace(/^Context creation failed: /, ""),
      extensions: { code: extCode },
    };
  }
  if (typeof extCode === "string" && extCode !== "INTERNAL_SERVER_ERROR") {
    const prefix = FRENCH_PREFIX[extCode];
    return {
      ...base,
      message: prefix ? `${prefix} : ${formatted.message}` : formatted.message,
      extensions: { code: extCode },
    };
  }
  log("error", "erreur inattendue", {
    error: original instanceof Error ? (original.stack ?? original.message) : String(original),
  });
  return {
    ...base,
    message: "Erreur interne du serveur. L'incident a été journalisé.",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

export { GraphQLError };
