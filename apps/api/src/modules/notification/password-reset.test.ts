/**
 * Password reset by e-mail, end to end: the request (same answer for any address, throttled), the job
 * that creates the link and sends it to a real SMTP server, the link parsed back from the e-mail, and
 * `resetPassword` with its refusals (weak password, link used, replaced, expired, unknown).
 */
import type { Viewer } from "@ldm/domain";
import { createJobs, type Jobs } from "../../jobs/jobs";
import type { JobQueue } from "../../jobs/job-queue";
import { fixedClock } from "../../kernel/clock";
import { createMailer } from "../../mail/mailer";
import { rowCounts, insertEstablishment, insertUser } from "../../test/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../../test/smtp";
import { createTestApp, ok, refused, TEST_AUTH, type TestApp } from "../../test/test-app";
import { openSession } from "../identity/session.service";
import { hashToken } from "../identity/tokens";
import { AppUser, LoginFailure, UserSession } from "../identity/user.entity";
import { PasswordResetToken } from "./notification.entity";

const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id } }`;
const NEW_PASSWORD = "Mistral-Garrigue-Lavande-2033";
const LINK = /https:\/\/label\.example\.fr\/mot-de-passe\/reinitialiser#jeton=([A-Za-z0-9_-]+)/;
const TABLES = ["password_reset_request", "password_reset_token", "mail_delivery", "user_session"];

describe("password reset", () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let jobs: Jobs;
  const clock = fixedClock(new Date());
  let user: { viewer: Viewer; user: AppUser };
  const email = "proviseure.reset@ac-test.fr";

  const request = (address: string) => app.execute(REQUEST, { input: { email: address } }, null);
  const reset = (token: string, newPassword = NEW_PASSWORD) =>
    app.execute(RESET, { input: { token, newPassword } }, null);
  /** Waits for the n-th e-mail and returns the token of its link. */
  async function tokenOfMail(n: number): Promise<string> {
    const mails = await smtp.waitFor(n);
    const mail = mails[n - 1]!;
    expect(mail.to).toEqual([email]);
    return LINK.exec(mail.parsed.text ?? "")![1]!;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    let target: JobQueue | null = null;
    app = await createTestApp({ jobs: { send: (q, d, o) => target!.send(q, d, o) }, clock });
    jobs = createJobs(app.dataSource, {
      mailer: createMailer({ smtp: { url: smtp.url }, from: "ne-pas-repondre@ldm.test" }),
      publicUrl: "https://label.example.fr",
      pollingIntervalSeconds: 0.5,
      clock,
      passwordResetTtlMinutes: 60,
    });
    await jobs.start();
    target = jobs;
    const establishment = await insertEstablishment(app.dataSource);
    user = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: establishment.id,
      email,
      fullName: "Hélène Martin",
      password: "Ancien-Mot-De-Passe-2020",
    });
    const gone = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      email: "ancien.chef@ac-test.fr",
      establishmentId: establishment.id,
    });
    await app.dataSource.getRepository(AppUser).update({ id: gone.user.id }, { active: false });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await app?.close();
  });

  it("answers the same for any address, and e-mails a link to an active account only", async () => {
    const known = await request(email.toUpperCase());
    const unknown = await request("personne@ac-test.fr");
    const inactive = await request("ancien.chef@ac-test.fr");
    expect(known).toEqual({ data: { requestPasswordReset: true } });
    expect(unknown).toEqual(known);
    expect(inactive).toEqual(known);
    const [mail] = await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.received).toHaveLength(1);
    expect(mail!.parsed.subject).toBe("Réinitialisation de votre mot de passe");
    expect(mail!.parsed.text).toContain("Bonjour Hélène Martin,");
    expect(mail!.parsed.text).toContain("Ce lien est valable 60 minutes et ne sert qu'une fois.");
    const token = LINK.exec(mail!.parsed.text ?? "")![1]!;
    expect(mail!.parsed.html).toContain(
      `href="https://label.example.fr/mot-de-passe/reinitialiser#jeton=${token}"`,
    );
    // Only the token's SHA-256 is kept: neither the tables nor the job queue hold the token.
    const [row] = await app.dataSource.getRepository(PasswordResetToken).find();
    expect(row!.tokenHash).toBe(hashToken(token));
    for (const sql of [
      "SELECT count(*)::int AS n FROM mail_delivery WHERE payload::text LIKE $1",
      "SELECT count(*)::int AS n FROM pgboss.job WHERE data::text LIKE $1 OR output::text LIKE $1",
      "SELECT count(*)::int AS n FROM auth_event WHERE coalesce(detail, '') LIKE $1",
    ]) {
      expect(await app.dataSource.query(sql, [`%${token}%`])).toEqual([{ n: 0 }]);
    }
  });

  it("refuses a weak password without using the link; then resets, ends the sessions, lifts the lock-out", async () => {
    const token = await tokenOfMail(1);
    const weak = refused(await reset(token, "motdepasse"));
    expect(weak.code).toBe("BAD_USER_INPUT");
    expect(weak.message).toContain("au moins 12 caractères");
    const session = await openSession(app.dataSource, TEST_AUTH, user.user.id, "192.0.2.9");
    expect(session.token).toBeTruthy();
    await app.dataSource
      .getRepository(LoginFailure)
      .insert(
        Array.from({ length: 5 }, () => ({ key: `account:${email}`, occurredAt: new Date() })),
      );
    expect(
      refused(await app.execute(LOGIN, { input: { email, password: NEW_PASSWORD } }, null)).code,
    ).toBe("TOO_MANY_ATTEMPTS");
    expect(await reset(token)).toEqual({ data: { resetPassword: true } });
    expect(await app.dataSource.getRepository(UserSession).countBy({ userId: user.user.id })).toBe(
      0,
    );
    expect(
      ok(
        await app.execute<{ login: { id: string } }>(
          LOGIN,
          { input: { email, password: NEW_PASSWORD } },
          null,
        ),
      ).login.id,
    ).toBe(user.user.id);
    const [events] = (await app.dataSource.query(
      "SELECT count(*)::int AS n FROM auth_event WHERE type = 'PASSWORD_RESET' AND user_id = $1",
      [user.user.id],
    )) as { n: number }[];
    expect(events!.n).toBe(1);
  });

  it("refuses a link used once already, in French, changing nothing", async () => {
    const token = await tokenOfMail(1);
    const hash = (await app.dataSource.getRepository(AppUser).findOneByOrFail({ id: user.user.id }))
      .passwordHash;
    const before = await rowCounts(app.dataSource, TABLES);
    expect(refused(await reset(token, "Un-Autre-Mot-De-Passe-2034"))).toEqual({
      code: "RESET_LINK_USED",
      message:
        "Ce lien de réinitialisation a déjà servi : il n'est utilisable qu'une fois. Demandez-en un nouveau si nécessaire.",
    });
    expect(await rowCounts(app.dataSource, TABLES)).toEqual(before);
    expect(
      (await app.dataSource.getRepository(AppUser).findOneByOrFail({ id: user.user.id }))
        .passwordHash,
    ).toBe(hash);
  });

  it("refuses a link replaced by a newer one, an expired one, an unknown one", async () => {
    ok(await request(email));
    const older = await tokenOfMail(2);
    ok(await request(email));
    const newer = await tokenOfMail(3);
    expect(newer).not.toBe(older);
    const before = await rowCounts(app.dataSource, TABLES);
    expect(refused(await reset(older))).toEqual({
      code: "RESET_LINK_INVALID",
      message:
        "Ce lien de réinitialisation n'est pas valide, ou a été remplacé par un lien plus récent : utilisez le dernier lien reçu, ou demandez-en un nouveau.",
    });
    expect(refused(await reset("jeton-inventé")).code).toBe("RESET_LINK_INVALID");
    expect(refused(await reset("")).code).toBe("RESET_LINK_INVALID");
    clock.advance(61 * 60_000);
    expect(refused(await reset(newer))).toEqual({
      code: "RESET_LINK_EXPIRED",
      message: "Ce lien de réinitialisation a expiré : demandez-en un nouveau.",
    });
    expect(await rowCounts(app.dataSource, TABLES)).toEqual(before);
  });

  it("throttles the requests per address and per IP, whether the account exists or not", async () => {
    clock.advance(61 * 60_000); // a new window
    const mailsBefore = smtp.received.length;
    for (let i = 0; i < 3; i++) ok(await request(email));
    const before = await rowCounts(app.dataSource, TABLES);
    const tooMany = refused(await request(email));
    expect(tooMany).toEqual({
      code: "TOO_MANY_ATTEMPTS",
      message: "Trop de demandes de réinitialisation : réessayez dans 60 minutes.",
    });
    for (let i = 0; i < 3; i++) ok(await request("inconnu@ac-test.fr"));
    expect(refused(await request("inconnu@ac-test.fr")).code).toBe("TOO_MANY_ATTEMPTS");
    // 6 accepted from this IP in this window: 4 more, then refused whatever the address.
    for (let i = 0; i < 4; i++) ok(await request(`autre.${i}@ac-test.fr`));
    expect(refused(await request("encore.un@ac-test.fr")).code).toBe("TOO_MANY_ATTEMPTS");
    await smtp.waitFor(mailsBefore + 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.length).toBe(mailsBefore + 3);
    expect((await rowCounts(app.dataSource, TABLES)).password_reset_request).toBe(
      before.password_reset_request! + 2 * 7,
    );
  });
});
