import type { ApiEnv } from "../../env";

/** Settings of authentication (from the environment; tests pass their own). */
export interface AuthConfig {
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginLockMinutes: number;
  apiTokenMaxDays: number;
}

export const SESSION_COOKIE = "ldm_session";

export function authConfigFrom(env: ApiEnv, sessionSecret: string): AuthConfig {
  return {
    sessionSecret,
    sessionIdleMinutes: env.sessionIdleMinutes,
    sessionAbsoluteHours: env.sessionAbsoluteHours,
    loginMaxFailuresPerAccount: env.loginMaxFailuresPerAccount,
    loginMaxFailuresPerIp: env.loginMaxFailuresPerIp,
    loginLockMinutes: env.loginLockMinutes,
    apiTokenMaxDays: env.apiTokenMaxDays,
  };
}
