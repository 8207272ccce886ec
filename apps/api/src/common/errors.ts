/**
 * The one place where failures become answers, for every HTTP surface (GraphQL, files, exports): every
 * refused call answers a French message, an `extensions.code` and its HTTP status; unexpected failures
 * are logged and answered without internals.
 */
import type express from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DomainError, type DomainErrorCode } from "@ldm/domain";
import { log } from "./logger";

export type ErrorCode =
  | DomainErrorCode
  | "UNAUTHENTICATED"
  | "CANDIDATURE_LOCKED"
  | "TOO_MANY_ATTEMPTS"
  | "FILE_TOO_LARGE"
  | "UNSUPPORTED_FILE_TYPE"
  | "BAD_REQUEST"
  | "RESET_LINK_INVALID"
  | "RESET_LINK_EXPIRED"
  | "RESET_LINK_USED"
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

/** The HTTP status of an error code. */
export function httpStatusOf(code: string): number {
  switch (code) {
    case "BAD_USER_INPUT":
    case "BAD_REQUEST":
    case "RESET_LINK_INVALID":
    case "RESET_LINK_EXPIRED":
    case "RESET_LINK_USED":
      return 400;
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
    case "CANDIDATURE_LOCKED":
    case "INVALID_TRANSITION":
    case "DEADLINE_PASSED":
    case "REPORT_FINALISED":
    case "AUDIT_PHASE_CLOSED":
      return 409;
    case "FILE_TOO_LARGE":
      return 413;
    case "UNSUPPORTED_FILE_TYPE":
      return 415;
    case "TOO_MANY_ATTEMPTS":
      return 429;
    default:
      return 500;
  }
}

/** What a failure answers: status, code, French message and optional details. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const INTERNAL: ErrorAnswer = {
  status: 500,
  code: "INTERNAL_SERVER_ERROR",
  message: "Erreur interne du serveur. L'incident a été journalisé.",
};

/** The answer to a thrown error (domain, API, database), or null when it is unexpected. */
export function knownErrorAnswer(error: unknown): ErrorAnswer | null {
  if (error instanceof DomainError || error instanceof AppError) {
    return {
      status: httpStatusOf(error.code),
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  switch (pgCode(error)) {
    case PG_UNIQUE_VIOLATION:
      return { status: 409, code: "CONFLICT", message: "Cet enregistrement existe déjà." };
    case PG_FOREIGN_KEY_VIOLATION:
      return { status: 404, code: "NOT_FOUND", message: "Un objet référencé est introuvable." };
    case PG_INVALID_TEXT:
      return { status: 400, code: "BAD_USER_INPUT", message: "Identifiant mal formé." };
  }
  return null;
}

/** Like `knownErrorAnswer`, logging an unexpected error and answering it without internals. */
export function errorAnswer(error: unknown, where: Record<string, unknown> = {}): ErrorAnswer {
  const known = knownErrorAnswer(error);
  if (known) return known;
  log("error", "erreur inattendue", {
    ...where,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return INTERNAL;
}

/** Sends the answer to `error` as JSON, in the shape of a GraphQL error list. */
export function sendErrorAnswer(
  res: express.Response,
  error: unknown,
  where: Record<string, unknown> = {},
): void {
  const answer = errorAnswer(error, where);
  if (answer.code === "UNAUTHENTICATED") res.setHeader("WWW-Authenticate", 'Bearer realm="ldm"');
  res.setHeader("Cache-Control", "no-store");
  res.status(answer.status).json({
    errors: [
      {
        message: answer.message,
        extensions: { code: answer.code, ...(answer.details ? { details: answer.details } : {}) },
      },
    ],
  });
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  const known = knownErrorAnswer(original);
  if (known) {
    return {
      ...base,
      message: known.message,
      extensions: { code: known.code, ...(known.details ? { details: known.details } : {}) },
    };
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
  const internal = errorAnswer(original);
  return { ...base, message: internal.message, extensions: { code: internal.code } };
}

export { GraphQLError };
