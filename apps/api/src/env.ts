/**
 * The API's configuration, read from environment variables in this one place (documented in
 * `.env.example` at the repository root). Every variable has a default that works on a fresh machine.
 */
import path from "node:path";

export interface ApiEnv {
  /** PostgreSQL URL; when empty, an embedded PostgreSQL is started under `embeddedDataDir`. */
  databaseUrl: string | null;
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  embeddedPort: number;
  /** Data directory of the embedded PostgreSQL. */
  embeddedDataDir: string;
  /** HTTP host and port of the GraphQL API. */
  host: string;
  port: number;
  /** Seed the demo data at start when the database holds no establishment. */
  seedOnStart: boolean;
  /** Milliseconds the pool waits for a free connection before failing. */
  dbConnectionTimeoutMs: number;
  /** Maximum connections in the pool. */
  dbPoolSize: number;
  /** Secret that signs the session cookie; empty: one is generated and kept in `.data/session-secret`. */
  sessionSecret: string | null;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends whatever the activity. */
  sessionAbsoluteHours: number;
  /** Failed logins for one account, then for one IP, within `loginLockMinutes`, before a lock-out. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginLockMinutes: number;
  /** Longest validity of a personal API token, in days. */
  apiTokenMaxDays: number;
  /** Express `trust proxy` setting (e.g. "loopback" behind a local reverse proxy); empty: off. */
  trustProxy: string | null;
  /** Structured log level: "info" (default), "warn", "error" or "silent" (the tests). */
  logLevel: string;
  /** Directory of the uploaded files (content-addressed by SHA-256). */
  storageDir: string;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** How e-mails leave: an SMTP server, or null (they are written to the log, not sent). */
  smtp: SmtpSettings | null;
  /** Sender of the e-mails (MAIL_FROM). */
  mailFrom: string;
  /** Public base URL of the platform, for the links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  /** This process works the job queue (reminders, e-mails); false: it only enqueues (JOB_WORKERS). */
  jobWorkers: boolean;
  /** When the reminder scan runs (cron, Europe/Paris) (REMINDER_SCAN_CRON). */
  reminderScanCron: string;
  /** Validity of a password reset link, in minutes (PASSWORD_RESET_TTL_MINUTES). */
  passwordResetTtlMinutes: number;
}

/** An SMTP server: a URL (smtp://user:password@host:587, smtps://… for implicit TLS), or its parts. */
export type SmtpSettings =
  | { url: string }
  | { host: string; port: number; secure: boolean; user: string | null; password: string | null };

/** Repository root (apps/api/src or apps/api/dist → three levels up). */
export const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Variable d'environnement ${name} invalide : « ${raw} » (entier positif attendu).`,
    );
  }
  return value;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return {
    databaseUrl:
      env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL.trim() : null,
    embeddedPort: intVar(env, "EMBEDDED_PG_PORT", 54329),
    embeddedDataDir: path.resolve(REPOSITORY_ROOT, env.EMBEDDED_PG_DIR ?? ".data/postgres"),
    host: env.HOST ?? "127.0.0.1",
    port: intVar(env, "PORT", 4000),
    seedOnStart: (env.SEED_ON_START ?? "true") !== "false",
    dbConnectionTimeoutMs: intVar(env, "DB_CONNECTION_TIMEOUT_MS", 5000),
    dbPoolSize: intVar(env, "DB_POOL_SIZE", 10),
    sessionSecret: env.SESSION_SECRET && env.SESSION_SECRET.length > 0 ? env.SESSION_SECRET : null,
    sessionIdleMinutes: intVar(env, "SESSION_IDLE_MINUTES", 120),
    sessionAbsoluteHours: intVar(env, "SESSION_ABSOLUTE_HOURS", 12),
    loginMaxFailuresPerAccount: intVar(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
    loginMaxFailuresPerIp: intVar(env, "LOGIN_MAX_FAILURES_PER_IP", 20),
    loginLockMinutes: intVar(env, "LOGIN_LOCK_MINUTES", 15),
    apiTokenMaxDays: intVar(env, "API_TOKEN_MAX_DAYS", 365),
    trustProxy: env.TRUST_PROXY && env.TRUST_PROXY !== "" ? env.TRUST_PROXY : null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    storageDir: path.resolve(REPOSITORY_ROOT, env.STORAGE_DIR || ".data/files"),
    maxUploadBytes: intVar(env, "MAX_UPLOAD_BYTES", 20 * 1024 * 1024),
    smtp: smtpSettings(env),
    mailFrom: nonEmpty(env.MAIL_FROM) ?? "Label Lycée des métiers <ne-pas-repondre@ldm.localhost>",
    publicUrl: (
      nonEmpty(env.PUBLIC_URL) ?? `http://${env.HOST ?? "127.0.0.1"}:${env.PORT || "4000"}`
    ).replace(/\/+$/, ""),
    jobWorkers: (env.JOB_WORKERS ?? "true") !== "false",
    reminderScanCron: nonEmpty(env.REMINDER_SCAN_CRON) ?? "0 7 * * *",
    passwordResetTtlMinutes: intVar(env, "PASSWORD_RESET_TTL_MINUTES", 60),
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== "" ? value.trim() : null;
}

function smtpSettings(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const url = nonEmpty(env.SMTP_URL);
  if (url) return { url };
  const host = nonEmpty(env.SMTP_HOST);
  if (!host) return null;
  const port = intVar(env, "SMTP_PORT", 587);
  return {
    host,
    port,
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" : port === 465,
    user: nonEmpty(env.SMTP_USER),
    password: env.SMTP_PASSWORD && env.SMTP_PASSWORD !== "" ? env.SMTP_PASSWORD : null,
  };
}
