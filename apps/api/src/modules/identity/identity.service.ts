/** Authentication (login, logout, passwords, API tokens) and account management. */
import { In, IsNull, MoreThan, type EntityManager } from "typeorm";
import {
  accountShapeProblems,
  canRunProcedure,
  canRevokeApiToken,
  canSeeAccount,
  accountListScope,
} from "@ldm/domain";
import type { RequestContext, TransactionContext } from "../../context";
import { AppError, badInput, notFound } from "../../common/errors";
import { authorize, authorizeVisible, requireViewer } from "../../common/authz";
import { assertUuidOrNotFound } from "../../common/ids";
import { paginateByTime, type Connection } from "../../common/pagination";
import { optionalText, requiredEmail, requiredText } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { Establishment } from "../establishment/establishment.entity";
import { recordAuthEvent } from "./auth-event";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "./password";
import { API_TOKEN_PREFIX, endUserSessions, openSession } from "./session.service";
import { newToken } from "./tokens";
import { ApiToken, AppUser, LoginFailure, UserSession } from "./user.entity";
import type {
  ChangePasswordInput,
  CreateApiTokenInput,
  CreateUserInput,
  DeactivateUserInput,
  LoginInput,
  RevokeApiTokenInput,
  UsersArgs,
} from "./identity.input";

const BAD_CREDENTIALS = "Adresse électronique ou mot de passe incorrect.";

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Attempt =
  | { outcome: "locked"; by: "compte" | "adresse IP" }
  | { outcome: "failed"; user: AppUser | null }
  | { outcome: "ok"; user: AppUser };

/**
 * Checks a password under the throttling rules. Failures are counted per account and per IP in
 * PostgreSQL (several API instances share them). Concurrent attempts on one account (or from one IP)
 * are serialised by advisory locks held for the check, so N parallel requests cannot try more than the
 * limit. A failure is committed even though the caller then refuses the request.
 */
async function checkPasswordThrottled(
  ctx: RequestContext,
  email: string,
  password: string,
  userOf: (manager: EntityManager) => Promise<AppUser | null>,
): Promise<Attempt> {
  const { auth } = ctx;
  const accountKey = `account:${email}`;
  const ipKey = `ip:${ctx.ip ?? "inconnue"}`;
  return ctx.dataSource.transaction(async (manager) => {
    // Always in this order (account, then IP), so two attempts never wait on each other crosswise.
    await manager.query(
      "SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))",
      [accountKey, ipKey],
    );
    const since = new Date(Date.now() - auth.loginLockMinutes * 60_000);
    const failures = manager.getRepository(LoginFailure);
    const accountFailures = await failures.count({
      where: { key: accountKey, occurredAt: MoreThan(since) },
    });
    const ipFailures = await failures.count({ where: { key: ipKey, occurredAt: MoreThan(since) } });
    if (accountFailures >= auth.loginMaxFailuresPerAccount)
      return { outcome: "locked", by: "compte" } as const;
    if (ipFailures >= auth.loginMaxFailuresPerIp)
      return { outcome: "locked", by: "adresse IP" } as const;
    const user = await userOf(manager);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active || !user.passwordHash) {
      const now = new Date();
      await failures.insert([
        { key: accountKey, occurredAt: now },
        { key: ipKey, occurredAt: now },
      ]);
      return { outcome: "failed", user } as const;
    }
    await failures.delete({ key: accountKey });
    return { outcome: "ok", user } as const;
  });
}

async function refuseLocked(ctx: RequestContext, email: string, by: string): Promise<never> {
  await recordAuthEvent(ctx.dataSource, { type: "LOCKED_OUT", email, ip: ctx.ip, detail: by });
  throw new AppError(
    "TOO_MANY_ATTEMPTS",
    `Trop de tentatives de connexion : réessayez dans ${ctx.auth.loginLockMinutes} minutes.`,
  );
}

/** Logs in with e-mail and password; past the failure limits, refused whatever the password. */
export async function login(ctx: RequestContext, input: LoginInput): Promise<AppUser> {
  const email = normalizeEmail(input.email);
  const attempt = await checkPasswordThrottled(ctx, email, input.password, (m) =>
    m.getRepository(AppUser).findOne({ where: { email } }),
  );
  if (attempt.outcome === "locked") return refuseLocked(ctx, email, attempt.by);
  if (attempt.outcome === "failed") {
    const { user } = attempt;
    await recordAuthEvent(ctx.dataSource, {
      type: "LOGIN_FAILED",
      userId: user?.id ?? null,
      email,
      ip: ctx.ip,
      detail: user && !user.active ? "compte désactivé" : null,
    });
    throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  }
  const { user } = attempt;
  const { auth } = ctx;
  if (ctx.session.sessionId)
    await ctx.dataSource.getRepository(UserSession).delete({ id: ctx.session.sessionId });
  const { token, maxAgeMs } = await openSession(ctx.dataSource, auth, user.id, ctx.ip);
  ctx.session.set(token, maxAgeMs);
  await ctx.dataSource.getRepository(AppUser).update({ id: user.id }, { lastLoginAt: new Date() });
  ctx.viewer = {
    userId: user.id,
    role: user.role,
    establishmentId: user.establishmentId,
    readOnly: false,
  };
  await recordAuthEvent(ctx.dataSource, {
    type: "LOGIN_SUCCEEDED",
    userId: user.id,
    email,
    ip: ctx.ip,
  });
  return ctx.dataSource.getRepository(AppUser).findOneByOrFail({ id: user.id });
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (ctx.session.sessionId)
    await ctx.dataSource.getRepository(UserSession).delete({ id: ctx.session.sessionId });
  ctx.session.clear();
  await recordAuthEvent(ctx.dataSource, { type: "LOGOUT", userId: viewer.userId, ip: ctx.ip });
  return true;
}

export async function changePassword(
  ctx: TransactionContext,
  input: ChangePasswordInput,
): Promise<boolean> {
  const viewer = requireViewer(ctx);
  await authorize(ctx, !viewer.readOnly, "jeton en lecture seule");
  const user = await ctx.manager.getRepository(AppUser).findOneByOrFail({ id: viewer.userId });
  // The current password is checked under the same throttling as a login (a stolen session cannot guess it).
  const attempt = await checkPasswordThrottled(ctx, user.email, input.currentPassword, (m) =>
    m.getRepository(AppUser).findOneBy({ id: user.id }),
  );
  if (attempt.outcome === "locked") return refuseLocked(ctx, user.email, attempt.by);
  if (attempt.outcome === "failed")
    throw new AppError("UNAUTHENTICATED", "Le mot de passe actuel est incorrect.");
  assertPasswordPolicy(input.newPassword, user.email);
  await ctx.manager
    .getRepository(AppUser)
    .update({ id: user.id }, { passwordHash: await hashPassword(input.newPassword) });
  await endUserSessions(ctx.manager, user.id);
  ctx.session.clear();
  await recordChange(ctx, "User", user.id, { passwordHash: "old" }, { passwordHash: "new" });
  await recordAuthEvent(ctx.dataSource, { type: "PASSWORD_CHANGED", userId: user.id, ip: ctx.ip });
  return true;
}

/** Creates an account (DRAFPIC, or the administration command with `viewer` null). */
export async function createUser(
  ctx: TransactionContext,
  input: CreateUserInput,
  options: { asAdministrator?: boolean } = {},
): Promise<AppUser> {
  if (!options.asAdministrator)
    await authorize(ctx, canRunProcedure(requireViewer(ctx)), "création de compte");
  const email = requiredEmail(input.email);
  const establishmentId = input.establishmentId ?? null;
  const problems = accountShapeProblems({
    role: input.role,
    establishmentId,
    auditorProfile: input.auditorProfile ?? null,
  });
  if (problems.length > 0) throw badInput(problems.join(" "), { problems });
  if (establishmentId) {
    assertUuidOrNotFound("L'établissement", establishmentId);
    if (
      !(await ctx.manager.getRepository(Establishment).exists({ where: { id: establishmentId } }))
    )
      throw notFound("L'établissement", establishmentId);
  }
  assertPasswordPolicy(input.password, email);
  const repo = ctx.manager.getRepository(AppUser);
  if (await repo.exists({ where: { email } })) {
    throw new AppError("CONFLICT", `Un compte existe déjà pour l'adresse ${email}.`);
  }
  const user = await repo.save(
    repo.create({
      email,
      fullName: requiredText(input.fullName, "nom et prénom", 120),
      role: input.role,
      auditorProfile: input.auditorProfile ?? null,
      establishmentId,
      jobTitle: optionalText(input.jobTitle, "fonction", 120),
      phone: optionalText(input.phone, "téléphone", 30),
      passwordHash: await hashPassword(input.password),
      active: true,
      lastLoginAt: null,
    }),
  );
  await recordChange(ctx, "User", user.id, null, user);
  return user;
}

export async function deactivateUser(
  ctx: TransactionContext,
  input: DeactivateUserInput,
): Promise<AppUser> {
  const viewer = requireViewer(ctx);
  await authorize(ctx, canRunProcedure(viewer), "désactivation de compte");
  assertUuidOrNotFound("Le compte", input.userId);
  const repo = ctx.manager.getRepository(AppUser);
  const before = await repo.findOneBy({ id: input.userId });
  if (!before) throw notFound("Le compte", input.userId);
  if (before.id === viewer.userId)
    throw badInput("Vous ne pouvez pas désactiver votre propre compte.");
  await repo.update({ id: before.id }, { active: false });
  await endUserSessions(ctx.manager, before.id);
  await ctx.manager
    .getRepository(ApiToken)
    .update({ userId: before.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  const after = await repo.findOneByOrFail({ id: before.id });
  await recordChange(ctx, "User", before.id, before, after);
  await recordAuthEvent(ctx.dataSource, {
    type: "USER_DEACTIVATED",
    userId: before.id,
    ip: ctx.ip,
    detail: `par ${viewer.userId}`,
  });
  return after;
}

export async function createApiToken(
  ctx: TransactionContext,
  input: CreateApiTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const viewer = requireViewer(ctx);
  await authorize(ctx, !viewer.readOnly, "un jeton ne crée pas de jeton");
  if (
    !Number.isInteger(input.expiresInDays) ||
    input.expiresInDays < 1 ||
    input.expiresInDays > ctx.auth.apiTokenMaxDays
  ) {
    throw badInput(`La durée de validité d'un jeton va de 1 à ${ctx.auth.apiTokenMaxDays} jours.`);
  }
  const { token, hash } = newToken(API_TOKEN_PREFIX);
  const repo = ctx.manager.getRepository(ApiToken);
  const apiToken = await repo.save(
    repo.create({
      userId: viewer.userId,
      name: requiredText(input.name, "nom du jeton", 100),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: hash,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      revokedAt: null,
      lastUsedAt: null,
    }),
  );
  await recordChange(ctx, "ApiToken", apiToken.id, null, apiToken);
  await recordAuthEvent(ctx.dataSource, {
    type: "API_TOKEN_CREATED",
    userId: viewer.userId,
    ip: ctx.ip,
    detail: apiToken.id,
  });
  return { token, apiToken };
}

export async function revokeApiToken(
  ctx: TransactionContext,
  input: RevokeApiTokenInput,
): Promise<ApiToken> {
  const viewer = requireViewer(ctx);
  await authorize(ctx, !viewer.readOnly, "jeton en lecture seule");
  assertUuidOrNotFound("Le jeton", input.tokenId);
  const repo = ctx.manager.getRepository(ApiToken);
  const before = await repo.findOneBy({ id: input.tokenId });
  if (!before) throw notFound("Le jeton", input.tokenId);
  await authorizeVisible(ctx, canRevokeApiToken(viewer, before), "Le jeton", input.tokenId);
  if (!before.revokedAt) await repo.update({ id: before.id }, { revokedAt: new Date() });
  const after = await repo.findOneByOrFail({ id: before.id });
  await recordChange(ctx, "ApiToken", before.id, before, after);
  await recordAuthEvent(ctx.dataSource, {
    type: "API_TOKEN_REVOKED",
    userId: before.userId,
    ip: ctx.ip,
    detail: before.id,
  });
  return after;
}

export function myApiTokens(ctx: RequestContext): Promise<ApiToken[]> {
  const viewer = requireViewer(ctx);
  return ctx.dataSource
    .getRepository(ApiToken)
    .find({ where: { userId: viewer.userId }, order: { createdAt: "DESC" } });
}

export async function getUser(ctx: RequestContext, id: string): Promise<AppUser> {
  const viewer = requireViewer(ctx);
  assertUuidOrNotFound("Le compte", id);
  const user = await ctx.dataSource.getRepository(AppUser).findOneBy({ id });
  if (!user) throw notFound("Le compte", id);
  await authorizeVisible(ctx, canSeeAccount(viewer, user), "Le compte", id);
  return user;
}

export async function listUsers(
  ctx: RequestContext,
  args: UsersArgs,
): Promise<Connection<AppUser>> {
  const viewer = requireViewer(ctx);
  const f = args.filter ?? {};
  const qb = ctx.dataSource.getRepository(AppUser).createQueryBuilder("u");
  // School users see the accounts of their establishment (to name pilots); auditors only themselves.
  const scope = accountListScope(viewer);
  if (scope.kind === "ESTABLISHMENT") {
    qb.andWhere("(u.establishment_id = :own OR u.id = :me)", {
      own: scope.establishmentId,
      me: viewer.userId,
    });
  } else if (scope.kind === "SELF") qb.andWhere("u.id = :me", { me: viewer.userId });
  if (f.role) qb.andWhere("u.role = :role", { role: f.role });
  if (f.establishmentId) {
    assertUuidOrNotFound("L'établissement", f.establishmentId);
    qb.andWhere("u.establishment_id = :eid", { eid: f.establishmentId });
  }
  if (f.active !== null && f.active !== undefined)
    qb.andWhere("u.active = :active", { active: f.active });
  return paginateByTime(qb, args, {
    column: "created_at",
    direction: "ASC",
    timeOf: (u) => u.createdAt,
  });
}

export async function usersByIds(ctx: RequestContext, ids: string[]): Promise<AppUser[]> {
  return ids.length === 0 ? [] : ctx.dataSource.getRepository(AppUser).findBy({ id: In(ids) });
}
