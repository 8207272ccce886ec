import type { DataSource } from "typeorm";
import { AuthEvent } from "./user.entity";
import { log } from "../../common/logger";

export type AuthEventType =
  | "LOGIN_SUCCEEDED"
  | "LOGIN_FAILED"
  | "LOCKED_OUT"
  | "LOGOUT"
  | "PASSWORD_CHANGED"
  | "PASSWORD_RESET_REQUESTED"
  | "PASSWORD_RESET"
  | "USER_DEACTIVATED"
  | "API_TOKEN_CREATED"
  | "API_TOKEN_REVOKED"
  | "ACCESS_DENIED";

/**
 * Records an authentication event or a refused authorization, outside any transaction (a refusal
 * rolls its mutation back but stays logged), and writes it to the structured log.
 */
export async function recordAuthEvent(
  ds: DataSource,
  event: {
    type: AuthEventType;
    userId?: string | null;
    email?: string | null;
    ip?: string | null;
    detail?: string | null;
  },
): Promise<void> {
  const row = {
    occurredAt: new Date(),
    type: event.type,
    userId: event.userId ?? null,
    email: event.email ?? null,
    ip: event.ip ?? null,
    detail: event.detail ?? null,
  };
  log(event.type === "LOGIN_SUCCEEDED" || event.type === "LOGOUT" ? "info" : "warn", "auth", row);
  await ds.getRepository(AuthEvent).insert(row);
}
