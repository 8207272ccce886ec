/** Error codes shared by every rule of the domain; the API maps them to its own error codes. */
export type DomainErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "INVALID_TRANSITION"
  | "CONFLICT"
  | "FORBIDDEN"
  | "DEADLINE_PASSED"
  /** The audit report is final: it, the grid and the findings no longer change. */
  | "REPORT_FINALISED"
  /** The audit team writes only from the preparatory visit to the recorded audit. */
  | "AUDIT_PHASE_CLOSED";

/** A business-rule violation. The message is French: it is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
