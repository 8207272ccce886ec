/**
 * Password reset by an e-mailed, single-use, expiring link.
 *
 * - `requestPasswordReset(email)` answers `true` whatever the address: it checks nothing about the
 *   account, records the request for the throttling (per address — by its SHA-256 — and per IP, in
 *   PostgreSQL) and publishes `PasswordResetRequested`; after the commit a job is enqueued. The job
 *   looks the account up, creates the link and sends it: the answer's timing says nothing either.
 * - The link carries a random 256-bit token in its fragment (`#jeton=…`: never sent to a server by the
 *   browser, so not in any access log); only its SHA-256 is stored. A newer link replaces the older
 *   ones; it expires after `PASSWORD_RESET_TTL_MINUTES` (60) and is used once.
 * - `resetPassword(token, newPassword)` checks the token (unknown or replaced, expired, already used:
 *   three coded refusals), the password policy, then sets the password, uses the link, ends every
 *   session of the account and lifts its login lock-out (the way back for a locked-out user).
 */
import { createHash } from "node:crypto";
import { IsNull, MoreThan } from "typeorm";
import type { TransactionContext } from "../../context";
import { AppError } from "../../common/errors";
import { log } from "../../common/logger";
import { requiredEmail } from "../../common/text";
import type { Clock } from "../../kernel/clock";
import { recordChange } from "../audit-trail/audit-trail";
import { recordAuthEvent } from "../identity/auth-event";
import { assertPasswordPolicy, hashPassword } from "../identity/password";
import { endUserSessions } from "../identity/session.service";
import { hashToken, newToken } from "../identity/tokens";
import { AppUser, LoginFailure } from "../identity/user.entity";
import { deliverMail, type MailDeps } from "./mail-delivery";
import { MailDelivery, PasswordResetRequest, PasswordResetToken } from "./notification.entity";
import type { RequestPasswordResetInput, ResetPasswordInput } from "./notification.input";

/** Requests per address, and per IP, within the window. */
export const RESET_MAX_PER_ADDRESS = 3;
export const RESET_MAX_PER_IP = 10;
export const RESET_WINDOW_MINUTES = 60;

/** The portal page that reads the token from the fragment and asks for the new password. */
export const RESET_PAGE_PATH = "/mot-de-passe/reinitialiser";

function addressKey(email: string): string {
  return `address:${createHash("sha256").update(email, "utf8").digest("hex")}`;
}

export async function requestPasswordReset(
  tx: TransactionContext,
  input: RequestPasswordResetInput,
): Promise<boolean> {
  const email = requiredEmail(input.email);
  const keys = [addressKey(email), `ip:${tx.ip ?? "inconnue"}`];
  // Concurrent requests for one address (or from one IP) are counted one after the other.
  await tx.manager.query(
    "SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))",
    keys,
  );
  const now = tx.clock.now();
  const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
  const requests = tx.manager.getRepository(PasswordResetRequest);
  const [byAddress, byIp] = [
    await requests.count({ where: { key: keys[0], requestedAt: MoreThan(since) } }),
    await requests.count({ where: { key: keys[1], requestedAt: MoreThan(since) } }),
  ];
  if (byAddress >= RESET_MAX_PER_ADDRESS || byIp >= RESET_MAX_PER_IP) {
    await recordAuthEvent(tx.dataSource, {
      type: "LOCKED_OUT",
      email,
      ip: tx.ip,
      detail: "demandes de réinitialisation du mot de passe",
    });
    throw new AppError(
      "TOO_MANY_ATTEMPTS",
      `Trop de demandes de réinitialisation : réessayez dans ${RESET_WINDOW_MINUTES} minutes.`,
    );
  }
  await requests.insert(keys.map((key) => ({ key, requestedAt: now })));
  await recordAuthEvent(tx.dataSource, { type: "PASSWORD_RESET_REQUESTED", email, ip: tx.ip });
  await tx.publish({ type: "PasswordResetRequested", email, requestedAt: now });
  return true;
}

/** What the password reset job needs. */
export interface PasswordResetDeps extends MailDeps {
  clock: Clock;
  ttlMinutes: number;
}

/**
 * The job: creates the link of the account with this address (if any, and active) and sends it. A
 * retried job whose e-mail went out (or may have: SENDING) sends no second link; one whose e-mail
 * failed sends a new link (the first one was never delivered, and is replaced).
 */
export async function sendPasswordResetLink(
  deps: PasswordResetDeps,
  data: { email: string },
  jobId: string,
): Promise<"SENT" | "NO_ACCOUNT" | "ALREADY_SENT" | "SKIPPED"> {
  const dedupKey = `password-reset:${jobId}`;
  const user = await deps.dataSource
    .getRepository(AppUser)
    .findOne({ where: { email: data.email.trim().toLowerCase(), active: true } });
  if (!user) {
    log("info", "réinitialisation demandée pour une adresse sans compte actif : rien n'est envoyé");
    return "NO_ACCOUNT";
  }
  const previous = await deps.dataSource.getRepository(MailDelivery).findOneBy({ dedupKey });
  if (previous && (previous.status === "SENT" || previous.status === "SENDING")) {
    return "ALREADY_SENT";
  }
  const { token, hash } = newToken();
  const now = deps.clock.now();
  const deliveryId = await deps.dataSource.transaction(async (manager) => {
    await manager
      .getRepository(PasswordResetToken)
      .update({ userId: user.id, usedAt: IsNull(), revoked: false }, { revoked: true });
    await manager.getRepository(PasswordResetToken).insert({
      userId: user.id,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.ttlMinutes * 60_000),
      usedAt: null,
      revoked: false,
    });
    if (previous) return previous.id;
    const inserted = await manager.getRepository(MailDelivery).insert({
      dedupKey,
      template: "PASSWORD_RESET",
      userId: user.id,
      toAddress: user.email,
      subject: "Réinitialisation de votre mot de passe",
      payload: { recipientName: user.fullName, ttlMinutes: deps.ttlMinutes },
      status: "PENDING",
      attempts: 0,
    });
    return (inserted.identifiers[0] as { id: string }).id;
  });
  const link = `${deps.publicUrl}${RESET_PAGE_PATH}#jeton=${token}`;
  return deliverMail(deps, deliveryId, { link });
}

const INVALID =
  "Ce lien de réinitialisation n'est pas valide, ou a été remplacé par un lien plus récent : utilisez le dernier lien reçu, ou demandez-en un nouveau.";

export async function resetPassword(
  tx: TransactionContext,
  input: ResetPasswordInput,
): Promise<boolean> {
  const token = input.token.trim();
  if (token.length === 0 || token.length > 200) throw new AppError("RESET_LINK_INVALID", INVALID);
  const tokens = tx.manager.getRepository(PasswordResetToken);
  const found = await tokens.findOne({
    where: { tokenHash: hashToken(token) },
    lock: { mode: "pessimistic_write" },
  });
  if (!found || found.revoked) throw new AppError("RESET_LINK_INVALID", INVALID);
  if (found.usedAt) {
    throw new AppError(
      "RESET_LINK_USED",
      "Ce lien de réinitialisation a déjà servi : il n'est utilisable qu'une fois. Demandez-en un nouveau si nécessaire.",
    );
  }
  const now = tx.clock.now();
  if (found.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(
      "RESET_LINK_EXPIRED",
      "Ce lien de réinitialisation a expiré : demandez-en un nouveau.",
    );
  }
  const users = tx.manager.getRepository(AppUser);
  const user = await users.findOneBy({ id: found.userId });
  if (!user?.active) throw new AppError("RESET_LINK_INVALID", INVALID);
  assertPasswordPolicy(input.newPassword, user.email);
  await users.update({ id: user.id }, { passwordHash: await hashPassword(input.newPassword) });
  await tokens.update({ id: found.id }, { usedAt: now });
  await tokens.update({ userId: user.id, usedAt: IsNull(), revoked: false }, { revoked: true });
  await endUserSessions(tx.manager, user.id);
  await tx.manager.getRepository(LoginFailure).delete({ key: `account:${user.email}` });
  tx.session.clear();
  await recordChange(tx, "User", user.id, { passwordHash: "old" }, { passwordHash: "new" });
  await recordAuthEvent(tx.dataSource, { type: "PASSWORD_RESET", userId: user.id, ip: tx.ip });
  return true;
}
