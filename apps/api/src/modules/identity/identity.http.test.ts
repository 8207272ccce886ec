/**
 * Authentication over real HTTP: session cookie, login throttling, logout, password change, account
 * deactivation, session expiry, read-only API tokens, argon2id parameters and CSRF prevention.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Role } from "@ldm/domain";
import { createTestApp, type TestApp } from "../../test/test-app";
import { insertEstablishment, insertUser } from "../../test/fixtures";
import { SESSION_COOKIE } from "./auth.config";
import { hashPassword } from "./password";

const PASSWORD = "Lycee-des-metiers-2026!";
const NEW_PASSWORD = "Un-autre-secret-bien-long-42";
const BAD_CREDENTIALS = "Adresse électronique ou mot de passe incorrect.";

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id email role } }`;
const ME = `{ me { id email role } }`;
const CANDIDATURES = `{ candidatures { totalCount edges { node { id } } } }`;
const LOGOUT = `mutation { logout }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name prefix expiresAt revokedAt } }
}`;
const REVOKE_TOKEN = `mutation($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) { id revokedAt }
}`;

interface GraphQLBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of arbitrary GraphQL answers
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[];
}

interface HttpAnswer {
  status: number;
  body: GraphQLBody;
  /** The last `Set-Cookie` header for the session cookie, if any. */
  sessionSetCookie: string | undefined;
  /** `name=value` to send back, when the answer set a session cookie (not one that clears it). */
  cookie: string | undefined;
}

/** POSTs a GraphQL operation as JSON, with an optional session cookie or bearer token. */
async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  auth: { cookie?: string | null; token?: string } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const sessionSetCookie = response.headers
    .getSetCookie()
    .filter((h) => h.startsWith(`${SESSION_COOKIE}=`))
    .at(-1);
  return {
    status: response.status,
    body: (await response.json()) as GraphQLBody,
    sessionSetCookie,
    cookie:
      sessionSetCookie && !clears(sessionSetCookie) ? sessionSetCookie.split(";")[0] : undefined,
  };
}

/** A `Set-Cookie` that deletes the cookie (expired; Express signs the empty value of a signed cookie). */
function clears(setCookie: string): boolean {
  return /;\s*Expires=Thu, 01 Jan 1970/i.test(setCookie) || /;\s*Max-Age=0\b/i.test(setCookie);
}

function login(url: string, email: string, password: string, cookie?: string) {
  return gql(url, LOGIN, { input: { email, password } }, { cookie });
}

/** Logs in and returns the session cookie, failing the test otherwise. */
async function loggedIn(url: string, email: string, password = PASSWORD): Promise<string> {
  const answer = await login(url, email, password);
  expect(answer.body.errors).toBeUndefined();
  if (!answer.cookie) throw new Error(`Pas de cookie de session pour ${email}`);
  return answer.cookie;
}

/** Id of the account the cookie (or token) authenticates, or null. */
async function whoAmI(url: string, auth: { cookie?: string; token?: string }) {
  const answer = await gql(url, ME, undefined, auth);
  expect(answer.body.errors).toBeUndefined();
  return (answer.body.data?.me?.id as string | undefined) ?? null;
}

function errorOf(answer: HttpAnswer) {
  const [error] = answer.body.errors ?? [];
  if (!error) throw new Error(`Refus attendu, succès obtenu : ${JSON.stringify(answer.body)}`);
  return { code: error.extensions?.code, message: error.message };
}

function attributes(setCookie: string): string[] {
  return setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

interface AuthEventRow {
  type: string;
  userId: string | null;
  email: string | null;
  ip: string | null;
  detail: string | null;
}

async function authEvents(
  ds: DataSource,
  filter: { userId?: string; email?: string },
): Promise<AuthEventRow[]> {
  return (await ds.query(
    `SELECT type, user_id AS "userId", email, ip, detail FROM auth_event
     WHERE ($1::uuid IS NOT NULL AND user_id = $1::uuid) OR ($2::text IS NOT NULL AND email = $2::text)
     ORDER BY occurred_at, id`,
    [filter.userId ?? null, filter.email ?? null],
  )) as AuthEventRow[];
}

async function count(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await ds.query(`SELECT count(*)::int AS n FROM ${sql}`, params)) as {
    n: number;
  }[];
  return row?.n ?? 0;
}

// The structured auth log lines (one per event) are not needed in the test output.
const consoleLog = console.log.bind(console);
beforeAll(() => {
  jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes('"msg":"auth"')) return;
    consoleLog(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

let sharedHash: string;
beforeAll(async () => {
  // One argon2id hash shared by every account of this file (hashing costs ~50 ms).
  sharedHash = await hashPassword(PASSWORD);
});

/** An account whose password is PASSWORD, without hashing again. */
async function account(ds: DataSource, role: Role, establishmentId: string | null = null) {
  const { user } = await insertUser(ds, { role, establishmentId });
  await ds.query("UPDATE app_user SET password_hash = $1 WHERE id = $2", [sharedHash, user.id]);
  return user;
}

describe("sessions over HTTP", () => {
  let app: TestApp;
  let url: string;
  let establishmentId: string;
  beforeAll(async () => {
    app = await createTestApp();
    url = await app.listen();
    establishmentId = (await insertEstablishment(app.dataSource)).id;
  });
  afterAll(() => app.close());

  it("logs in: 200, an httpOnly SameSite=Strict cookie (not Secure over HTTP), me, LOGIN_SUCCEEDED", async () => {
    const user = await account(app.dataSource, "SCHOOL_HEAD", establishmentId);
    const answer = await login(url, user.email.toUpperCase(), PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.login).toEqual({
      id: user.id,
      email: user.email,
      role: "SCHOOL_HEAD",
    });
    expect(answer.sessionSetCookie).toBeDefined();
    const attrs = attributes(answer.sessionSetCookie ?? "");
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=strict");
    expect(attrs).toContain("path=/");
    expect(attrs).not.toContain("secure");
    expect(attrs).toContain(`max-age=${12 * 3600}`);
    // Signed by cookie-parser ("s:" prefix), and only the hash of the token is stored.
    expect(answer.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=s%3A`));
    const rawToken = decodeURIComponent(answer.cookie!.split("=")[1]!)
      .slice(2)
      .replace(/\.[^.]+$/, "");
    const sessions = (await app.dataSource.query(
      'SELECT token_hash AS "tokenHash" FROM user_session WHERE user_id = $1',
      [user.id],
    )) as { tokenHash: string }[];
    expect(sessions).toEqual([{ tokenHash: createHash("sha256").update(rawToken).digest("hex") }]);

    const me = await gql(url, ME, undefined, { cookie: answer.cookie });
    expect(me.body.data?.me).toEqual({ id: user.id, email: user.email, role: "SCHOOL_HEAD" });
    const events = await authEvents(app.dataSource, { userId: user.id });
    expect(events).toEqual([
      {
        type: "LOGIN_SUCCEEDED",
        userId: user.id,
        email: user.email,
        ip: expect.stringContaining("127.0.0.1"),
        detail: null,
      },
    ]);
    const [row] = (await app.dataSource.query(
      `SELECT last_login_at AS "lastLoginAt" FROM app_user WHERE id = $1`,
      [user.id],
    )) as { lastLoginAt: Date | null }[];
    expect(row?.lastLoginAt).toBeInstanceOf(Date);
  });

  it("renews the session at login: a new cookie, and the previous one no longer authenticates", async () => {
    const user = await account(app.dataSource, "SCHOOL_STAFF", establishmentId);
    const first = await loggedIn(url, user.email);
    const second = await login(url, user.email, PASSWORD, first);
    expect(second.body.errors).toBeUndefined();
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(first);
    expect(await whoAmI(url, { cookie: first })).toBeNull();
    expect(await whoAmI(url, { cookie: second.cookie })).toBe(user.id);
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(1);
    // Logging in again with the now-unknown cookie still yields a working session.
    const third = await login(url, user.email, PASSWORD, first);
    expect(third.cookie).toBeDefined();
    expect(await whoAmI(url, { cookie: third.cookie })).toBe(user.id);
  });

  it("ignores a tampered or unsigned session cookie", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const cookie = await loggedIn(url, user.email);
    const value = decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1));
    const unsigned = value.slice(2).replace(/\.[^.]+$/, "");
    expect(await whoAmI(url, { cookie: `${SESSION_COOKIE}=${unsigned}` })).toBeNull();
    const tampered = `${SESSION_COOKIE}=${encodeURIComponent(`s:${unsigned}.AAAA${value.slice(-20)}`)}`;
    expect(await whoAmI(url, { cookie: tampered })).toBeNull();
    expect(await whoAmI(url, { cookie })).toBe(user.id);
  });

  it("answers a wrong password and an unknown e-mail with the same generic French message", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const wrong = await login(url, user.email, "pas-le-bon-mot-de-passe");
    const unknown = await login(url, "personne.inconnue@tests.ldm.fr", PASSWORD);
    for (const answer of [wrong, unknown]) {
      expect(errorOf(answer)).toEqual({ code: "UNAUTHENTICATED", message: BAD_CREDENTIALS });
      expect(answer.body.data).toBeNull();
      expect(answer.cookie).toBeUndefined();
    }
    expect((await authEvents(app.dataSource, { userId: user.id })).map((e) => e.type)).toEqual([
      "LOGIN_FAILED",
    ]);
    expect(
      (await authEvents(app.dataSource, { email: "personne.inconnue@tests.ldm.fr" })).map(
        (e) => e.type,
      ),
    ).toEqual(["LOGIN_FAILED"]);
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);
  });

  it("answers UNAUTHENTICATED outside the public operations without a session", async () => {
    const anonymous = await gql(url, CANDIDATURES);
    expect(errorOf(anonymous).code).toBe("UNAUTHENTICATED");
    expect(anonymous.body.data).toBeNull();
    const me = await gql(url, ME);
    expect(me.body).toEqual({ data: { me: null } });
    const logout = await gql(url, LOGOUT);
    expect(errorOf(logout).code).toBe("UNAUTHENTICATED");
  });

  it("logs out: the cookie is cleared, the session row is gone, the cookie no longer authenticates", async () => {
    const user = await account(app.dataSource, "SCHOOL_HEAD", establishmentId);
    const cookie = await loggedIn(url, user.email);
    expect(await whoAmI(url, { cookie })).toBe(user.id);
    const answer = await gql(url, LOGOUT, undefined, { cookie });
    expect(answer.body).toEqual({ data: { logout: true } });
    // Cleared: expired in 1970, same Path/HttpOnly/SameSite (its value is the signed empty string).
    expect(answer.sessionSetCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(attributes(answer.sessionSetCookie ?? "")).toEqual(
      expect.arrayContaining(["path=/", "httponly", "samesite=strict"]),
    );
    expect(answer.cookie).toBeUndefined();
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);
    expect(await whoAmI(url, { cookie })).toBeNull();
    expect(errorOf(await gql(url, CANDIDATURES, undefined, { cookie })).code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await authEvents(app.dataSource, { userId: user.id })).map((e) => e.type)).toEqual([
      "LOGIN_SUCCEEDED",
      "LOGOUT",
    ]);
  });

  it("changes the password: policy in French, every session ends, the new password works, not the old", async () => {
    const user = await account(app.dataSource, "SCHOOL_STAFF", establishmentId);
    const one = await loggedIn(url, user.email);
    const two = await loggedIn(url, user.email);
    expect(one).not.toBe(two);
    const change = (currentPassword: string, newPassword: string) =>
      gql(url, CHANGE_PASSWORD, { input: { currentPassword, newPassword } }, { cookie: one });

    const short = errorOf(await change(PASSWORD, "Court-1"));
    expect(short.code).toBe("BAD_USER_INPUT");
    expect(short.message).toMatch(/au moins 12 caractères/);
    const common = errorOf(await change(PASSWORD, "password1234"));
    expect(common.code).toBe("BAD_USER_INPUT");
    expect(common.message).toMatch(/mots de passe les plus courants/);
    const wrongCurrent = errorOf(await change("pas-le-mot-de-passe-actuel", NEW_PASSWORD));
    expect(wrongCurrent).toEqual({
      code: "UNAUTHENTICATED",
      message: "Le mot de passe actuel est incorrect.",
    });
    // Refusals change nothing: both sessions still authenticate.
    expect(await whoAmI(url, { cookie: one })).toBe(user.id);
    expect(await whoAmI(url, { cookie: two })).toBe(user.id);

    const changed = await change(PASSWORD, NEW_PASSWORD);
    expect(changed.body).toEqual({ data: { changePassword: true } });
    expect(changed.sessionSetCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(changed.cookie).toBeUndefined();
    expect(await whoAmI(url, { cookie: one })).toBeNull();
    expect(await whoAmI(url, { cookie: two })).toBeNull();
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);

    expect(errorOf(await login(url, user.email, PASSWORD))).toEqual({
      code: "UNAUTHENTICATED",
      message: BAD_CREDENTIALS,
    });
    const fresh = await loggedIn(url, user.email, NEW_PASSWORD);
    expect(await whoAmI(url, { cookie: fresh })).toBe(user.id);
    const [row] = (await app.dataSource.query(
      `SELECT password_hash AS "hash" FROM app_user WHERE id = $1`,
      [user.id],
    )) as { hash: string }[];
    expect(row?.hash).toMatch(/^\$argon2id\$/);
    expect(row?.hash).not.toBe(sharedHash);
    expect((await authEvents(app.dataSource, { userId: user.id })).map((e) => e.type)).toContain(
      "PASSWORD_CHANGED",
    );
  });

  it("ends a session idle for 3 hours", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const cookie = await loggedIn(url, user.email);
    expect(await whoAmI(url, { cookie })).toBe(user.id);
    await app.dataSource.query(
      "UPDATE user_session SET last_seen_at = now() - interval '3 hours' WHERE user_id = $1",
      [user.id],
    );
    expect(await whoAmI(url, { cookie })).toBeNull();
    expect(errorOf(await gql(url, CANDIDATURES, undefined, { cookie })).code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);
  });

  it("keeps a session active for less than the idle limit", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const cookie = await loggedIn(url, user.email);
    await app.dataSource.query(
      "UPDATE user_session SET last_seen_at = now() - interval '100 minutes' WHERE user_id = $1",
      [user.id],
    );
    expect(await whoAmI(url, { cookie })).toBe(user.id);
    // The request refreshed last_seen_at.
    expect(
      await count(
        app.dataSource,
        "user_session WHERE user_id = $1 AND last_seen_at > now() - interval '1 minute'",
        [user.id],
      ),
    ).toBe(1);
  });

  it("ends a session past its absolute expiry", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const cookie = await loggedIn(url, user.email);
    await app.dataSource.query(
      "UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [user.id],
    );
    expect(await whoAmI(url, { cookie })).toBeNull();
    expect(errorOf(await gql(url, CANDIDATURES, undefined, { cookie })).code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("deactivates an account (DRAFPIC): its sessions and API tokens end, it can no longer log in", async () => {
    const drafpic = await account(app.dataSource, "DRAFPIC");
    const target = await account(app.dataSource, "SCHOOL_HEAD", establishmentId);
    const adminCookie = await loggedIn(url, drafpic.email);
    const targetCookie = await loggedIn(url, target.email);
    const created = await gql(
      url,
      CREATE_TOKEN,
      { input: { name: "tableau de bord", expiresInDays: 30 } },
      { cookie: targetCookie },
    );
    const token = created.body.data?.createApiToken.token as string;
    expect(await whoAmI(url, { token })).toBe(target.id);

    const DEACTIVATE = `mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { id active } }`;
    // A school head may not deactivate an account: refused and logged.
    const denied = await gql(
      url,
      DEACTIVATE,
      { input: { userId: drafpic.id } },
      { cookie: targetCookie },
    );
    expect(errorOf(denied).code).toBe("FORBIDDEN");
    expect(
      (await authEvents(app.dataSource, { userId: target.id })).some(
        (e) => e.type === "ACCESS_DENIED" && e.detail?.startsWith("deactivateUser"),
      ),
    ).toBe(true);

    const answer = await gql(
      url,
      DEACTIVATE,
      { input: { userId: target.id } },
      { cookie: adminCookie },
    );
    expect(answer.body).toEqual({ data: { deactivateUser: { id: target.id, active: false } } });
    expect(await whoAmI(url, { cookie: targetCookie })).toBeNull();
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [target.id])).toBe(0);
    expect(
      await count(app.dataSource, "api_token WHERE user_id = $1 AND revoked_at IS NULL", [
        target.id,
      ]),
    ).toBe(0);
    const byToken = await gql(url, ME, undefined, { token });
    expect(byToken.status).toBe(401);
    expect(errorOf(byToken).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await login(url, target.email, PASSWORD))).toEqual({
      code: "UNAUTHENTICATED",
      message: BAD_CREDENTIALS,
    });
    const types = (await authEvents(app.dataSource, { userId: target.id })).map((e) => e.type);
    expect(types).toContain("USER_DEACTIVATED");
    expect(types.at(-1)).toBe("LOGIN_FAILED");
    // The DRAFPIC's own session is untouched.
    expect(await whoAmI(url, { cookie: adminCookie })).toBe(drafpic.id);
  });

  it("creates accounts with an argon2id hash (m=19456, t=2, p=1) and the password policy", async () => {
    const drafpic = await account(app.dataSource, "DRAFPIC");
    const cookie = await loggedIn(url, drafpic.email);
    const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }`;
    const input = {
      email: "Nouvelle.Pilote@Tests.ldm.fr",
      fullName: "Nouvelle Pilote",
      role: "SCHOOL_STAFF",
      establishmentId,
      password: "password1234",
    };
    const common = errorOf(await gql(url, CREATE_USER, { input }, { cookie }));
    expect(common.code).toBe("BAD_USER_INPUT");
    expect(common.message).toMatch(/mots de passe les plus courants/);
    const created = await gql(
      url,
      CREATE_USER,
      { input: { ...input, password: NEW_PASSWORD } },
      { cookie },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data?.createUser.id as string;
    const [row] = (await app.dataSource.query(
      `SELECT email, password_hash AS "hash" FROM app_user WHERE id = $1`,
      [id],
    )) as { email: string; hash: string }[];
    expect(row?.email).toBe("nouvelle.pilote@tests.ldm.fr");
    // PHC string: $argon2id$v=19$<params>$<salt>$<hash>; the library writes the params as m,p,t.
    const [, algorithm, version, params] = (row?.hash ?? "").split("$");
    expect([algorithm, version]).toEqual(["argon2id", "v=19"]);
    const p = Object.fromEntries(
      (params ?? "").split(",").map((kv) => [kv.split("=")[0], Number(kv.split("=")[1])]),
    );
    expect(p).toEqual({ m: 19456, t: 2, p: 1 });
    expect(p.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(p.t).toBeGreaterThanOrEqual(2);
    // The hash never reaches the audit trail.
    const audit = (await app.dataSource.query(
      "SELECT changes::text AS changes FROM audit_log WHERE entity_id = $1",
      [id],
    )) as { changes: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((a) => a.changes).join()).not.toContain("$argon2");
    const session = await loggedIn(url, "nouvelle.pilote@tests.ldm.fr", NEW_PASSWORD);
    expect(await whoAmI(url, { cookie: session })).toBe(id);
  });

  it("keeps CSRF prevention on: text/plain and form posts are refused with 400, nothing runs", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const body = JSON.stringify({
      query: LOGIN,
      variables: { input: { email: user.email, password: PASSWORD } },
    });
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent(ME)}`);
    expect(get.status).toBe(400);
    expect(await authEvents(app.dataSource, { userId: user.id })).toEqual([]);
  });
});

describe("read-only API tokens over HTTP", () => {
  let app: TestApp;
  let url: string;
  let establishmentId: string;
  let owner: { id: string; email: string };
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp();
    url = await app.listen();
    establishmentId = (await insertEstablishment(app.dataSource)).id;
    owner = await account(app.dataSource, "SCHOOL_HEAD", establishmentId);
    cookie = await loggedIn(url, owner.email);
    const created = await app.execute(
      `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
      { input: { establishmentId, labelTitle: "Métiers de la mer" } },
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  async function createToken(name: string): Promise<{ token: string; id: string }> {
    const answer = await gql(url, CREATE_TOKEN, { input: { name, expiresInDays: 30 } }, { cookie });
    expect(answer.body.errors).toBeUndefined();
    const created = answer.body.data?.createApiToken as {
      token: string;
      apiToken: { id: string };
    };
    return { token: created.token, id: created.apiToken.id };
  }

  it("shows the token once (ldm_…) and stores only its SHA-256 hash", async () => {
    const answer = await gql(
      url,
      CREATE_TOKEN,
      { input: { name: "tableau de bord académique", expiresInDays: 30 } },
      { cookie },
    );
    expect(answer.body.errors).toBeUndefined();
    const { token, apiToken } = answer.body.data?.createApiToken as {
      token: string;
      apiToken: { id: string; name: string; prefix: string; revokedAt: string | null };
    };
    expect(token).toMatch(/^ldm_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken).toMatchObject({
      name: "tableau de bord académique",
      prefix: token.slice(0, 10),
      revokedAt: null,
    });
    const rows = (await app.dataSource.query(
      `SELECT token_hash AS "tokenHash", row_to_json(t)::text AS "json" FROM api_token t WHERE id = $1`,
      [apiToken.id],
    )) as { tokenHash: string; json: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
    expect(rows[0]?.json).not.toContain(token);
    // Nowhere else either (audit trail, authentication events).
    for (const table of ["audit_log", "auth_event", "user_session"]) {
      expect(
        await count(app.dataSource, `${table} t WHERE row_to_json(t)::text LIKE $1`, [
          `%${token}%`,
        ]),
      ).toBe(0);
    }
    // The list of tokens never shows it again.
    const list = await gql(url, `{ apiTokens { id name prefix } }`, undefined, { cookie });
    expect(list.body.data?.apiTokens).toContainEqual({
      id: apiToken.id,
      name: "tableau de bord académique",
      prefix: token.slice(0, 10),
    });
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(
      (await authEvents(app.dataSource, { userId: owner.id })).some(
        (e) => e.type === "API_TOKEN_CREATED" && e.detail === apiToken.id,
      ),
    ).toBe(true);
  });

  it("reads me and candidatures with Authorization: Bearer", async () => {
    const { token, id } = await createToken("lecture");
    const me = await gql(url, ME, undefined, { token });
    expect(me.status).toBe(200);
    expect(me.body.data?.me).toEqual({ id: owner.id, email: owner.email, role: "SCHOOL_HEAD" });
    const list = await gql(url, CANDIDATURES, undefined, { token });
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.candidatures.totalCount).toBe(1);
    expect(me.cookie).toBeUndefined();
    expect(
      await count(app.dataSource, "api_token WHERE id = $1 AND last_used_at IS NOT NULL", [id]),
    ).toBe(1);
  });

  it("refuses every mutation with a token (FORBIDDEN, logged as ACCESS_DENIED)", async () => {
    const { token, id } = await createToken("mutations");
    const before = await count(app.dataSource, "candidature");
    const attempts: [string, string, Record<string, unknown>?][] = [
      [
        "createIndividualCandidature",
        `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id } }`,
        { input: { establishmentId } },
      ],
      ["createApiToken", CREATE_TOKEN, { input: { name: "jeton de jeton", expiresInDays: 1 } }],
      ["revokeApiToken", REVOKE_TOKEN, { input: { tokenId: id } }],
      [
        "changePassword",
        CHANGE_PASSWORD,
        { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
      ],
      ["logout", LOGOUT],
      ["login", LOGIN, { input: { email: owner.email, password: PASSWORD } }],
    ];
    for (const [operation, query, variables] of attempts) {
      const answer = await gql(url, query, variables, { token });
      expect({ operation, ...errorOf(answer) }).toEqual({
        operation,
        code: "FORBIDDEN",
        message: "Vous n'avez pas le droit d'effectuer cette opération.",
      });
      expect(answer.cookie).toBeUndefined();
    }
    expect(await count(app.dataSource, "candidature")).toBe(before);
    expect(
      await count(app.dataSource, "api_token WHERE id = $1 AND revoked_at IS NULL", [id]),
    ).toBe(1);
    const denied = (await authEvents(app.dataSource, { userId: owner.id }))
      .filter((e) => e.type === "ACCESS_DENIED")
      .map((e) => e.detail?.split(" : ")[0]);
    expect(denied).toEqual(expect.arrayContaining(attempts.map(([operation]) => operation)));
    // The token and the session still work.
    expect(await whoAmI(url, { token })).toBe(owner.id);
    expect(await whoAmI(url, { cookie })).toBe(owner.id);
  });

  it("refuses a revoked token with UNAUTHENTICATED and HTTP 401", async () => {
    const { token, id } = await createToken("à révoquer");
    expect(await whoAmI(url, { token })).toBe(owner.id);
    const revoked = await gql(url, REVOKE_TOKEN, { input: { tokenId: id } }, { cookie });
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data?.revokeApiToken.revokedAt).toEqual(expect.any(String));
    for (const query of [ME, CANDIDATURES]) {
      const answer = await gql(url, query, undefined, { token });
      expect(answer.status).toBe(401);
      expect(errorOf(answer)).toEqual({
        code: "UNAUTHENTICATED",
        message: "Jeton d'API invalide, révoqué ou expiré.",
      });
    }
    expect(
      (await authEvents(app.dataSource, { userId: owner.id })).some(
        (e) => e.type === "API_TOKEN_REVOKED" && e.detail === id,
      ),
    ).toBe(true);
  });

  it("refuses an expired token", async () => {
    const { token, id } = await createToken("expiré");
    expect(await whoAmI(url, { token })).toBe(owner.id);
    await app.dataSource.query(
      "UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1",
      [id],
    );
    const answer = await gql(url, ME, undefined, { token });
    expect(answer.status).toBe(401);
    expect(errorOf(answer).code).toBe("UNAUTHENTICATED");
  });

  it("refuses a made-up token, even on a public operation and alongside a valid cookie", async () => {
    const madeUp = `ldm_${randomBytes(32).toString("base64url")}`;
    for (const auth of [
      { token: madeUp },
      { token: madeUp, cookie },
      { token: "n'importe quoi" },
    ]) {
      const answer = await gql(url, ME, undefined, auth);
      expect(answer.status).toBe(401);
      expect(errorOf(answer).code).toBe("UNAUTHENTICATED");
      expect(answer.body.data ?? null).toBeNull();
    }
  });
});

describe("login throttling over HTTP", () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    // TEST_AUTH: 5 failures per account, 20 per IP, 15 minutes of lock.
    app = await createTestApp();
    url = await app.listen();
  });
  afterAll(() => app.close());

  it("locks an account after 5 failures, even with the right password; others still log in", async () => {
    const victim = await account(app.dataSource, "ANALYST");
    const other = await account(app.dataSource, "ANALYST");
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await login(url, victim.email, `mauvais-${i}`))).toEqual({
        code: "UNAUTHENTICATED",
        message: BAD_CREDENTIALS,
      });
    }
    const locked = await login(url, victim.email, PASSWORD);
    expect(errorOf(locked)).toEqual({
      code: "TOO_MANY_ATTEMPTS",
      message: "Trop de tentatives de connexion : réessayez dans 15 minutes.",
    });
    expect(locked.cookie).toBeUndefined();
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [victim.id])).toBe(0);
    // Same IP, another account: not locked.
    const cookie = await loggedIn(url, other.email);
    expect(await whoAmI(url, { cookie })).toBe(other.id);
    const events = await authEvents(app.dataSource, { email: victim.email });
    expect(events.map((e) => e.type)).toEqual([...Array(5).fill("LOGIN_FAILED"), "LOCKED_OUT"]);
    expect(events.at(-1)).toMatchObject({
      detail: "compte",
      ip: expect.stringContaining("127.0.0.1"),
    });
    // The lock is lifted once the failures are older than the lock duration.
    await app.dataSource.query(
      "UPDATE login_failure SET occurred_at = now() - interval '16 minutes' WHERE key = $1",
      [`account:${victim.email}`],
    );
    expect(await whoAmI(url, { cookie: await loggedIn(url, victim.email) })).toBe(victim.id);
  });

  it("refuses a document with two aliased login fields, and runs neither", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const failuresBefore = await count(app.dataSource, "login_failure");
    const eventsBefore = await count(app.dataSource, "auth_event");
    const right = { email: user.email, password: PASSWORD };
    const wrong = { email: user.email, password: "mauvais" };
    const documents = [
      `mutation($a: LoginInput!, $b: LoginInput!) {
        a: login(input: $a) { id }
        b: login(input: $b) { id }
      }`,
      `mutation($a: LoginInput!, $b: LoginInput!) {
        a: login(input: $a) { id }
        ... on Mutation { b: login(input: $b) { id } }
      }`,
    ];
    for (const query of documents) {
      for (const variables of [
        { a: wrong, b: right },
        { a: right, b: wrong },
      ]) {
        const answer = await gql(url, query, variables);
        const error = errorOf(answer);
        expect(error.code).toBe("BAD_USER_INPUT");
        expect(error.message).toMatch(/Une seule tentative de connexion par requête/);
        expect(answer.status).toBe(400);
        expect(answer.body.data ?? null).toBeNull();
        expect(answer.cookie).toBeUndefined();
      }
    }
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);
    expect(await count(app.dataSource, "login_failure")).toBe(failuresBefore);
    expect(await count(app.dataSource, "auth_event")).toBe(eventsBefore);
    expect(await authEvents(app.dataSource, { email: user.email })).toEqual([]);
  });

  it("refuses a batch of login operations (HTTP batching is off)", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        ["a", "b", "c"].map((p) => ({
          query: LOGIN,
          variables: { input: { email: user.email, password: p } },
        })),
      ),
    });
    expect(response.status).toBe(400);
    expect(await authEvents(app.dataSource, { email: user.email })).toEqual([]);
  });

  it("still locks out when attempts come one request at a time", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++)
      codes.push(errorOf(await login(url, user.email, `essai-${i}`)).code);
    expect(codes).toEqual([
      ...Array(5).fill("UNAUTHENTICATED"),
      ...Array(3).fill("TOO_MANY_ATTEMPTS"),
    ]);
    expect(errorOf(await login(url, user.email, PASSWORD)).code).toBe("TOO_MANY_ATTEMPTS");
    const types = (await authEvents(app.dataSource, { email: user.email })).map((e) => e.type);
    expect(types).toEqual([...Array(5).fill("LOGIN_FAILED"), ...Array(4).fill("LOCKED_OUT")]);
    expect(types).not.toContain("LOGIN_SUCCEEDED");
  });

  it("refuses two logins hidden in a named fragment spread", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const answer = await gql(
      url,
      `mutation($a: LoginInput!, $b: LoginInput!) { ...Attempts }
       fragment Attempts on Mutation { a: login(input: $a) { id } b: login(input: $b) { id } }`,
      {
        a: { email: user.email, password: PASSWORD },
        b: { email: user.email, password: "mauvais" },
      },
    );
    // Today: `a` runs (session opened, cookie set, LOGIN_SUCCEEDED), then `b` fails (LOGIN_FAILED).
    expect(errorOf(answer).code).toBe("BAD_USER_INPUT");
    expect(answer.cookie).toBeUndefined();
    expect(await authEvents(app.dataSource, { email: user.email })).toEqual([]);
    expect(await count(app.dataSource, "user_session WHERE user_id = $1", [user.id])).toBe(0);
  });
});

describe("login throttling per IP over HTTP", () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp({
      auth: { loginMaxFailuresPerIp: 3, loginMaxFailuresPerAccount: 100 },
    });
    url = await app.listen();
  });
  afterAll(() => app.close());

  it("locks an IP address after 3 failures across different e-mails", async () => {
    const user = await account(app.dataSource, "ANALYST");
    for (const email of ["a@tests.ldm.fr", "b@tests.ldm.fr", "c@tests.ldm.fr"]) {
      expect(errorOf(await login(url, email, "mauvais")).code).toBe("UNAUTHENTICATED");
    }
    const locked = await login(url, user.email, PASSWORD);
    expect(errorOf(locked).code).toBe("TOO_MANY_ATTEMPTS");
    expect(locked.cookie).toBeUndefined();
    expect(errorOf(await login(url, "d@tests.ldm.fr", "mauvais")).code).toBe("TOO_MANY_ATTEMPTS");
    const locks = (await authEvents(app.dataSource, { email: user.email })).filter(
      (e) => e.type === "LOCKED_OUT",
    );
    expect(locks).toEqual([
      {
        type: "LOCKED_OUT",
        userId: null,
        email: user.email,
        ip: expect.stringContaining("127.0.0.1"),
        detail: "adresse IP",
      },
    ]);
    expect(await count(app.dataSource, "auth_event WHERE type = 'LOCKED_OUT'")).toBe(2);
  });
});

describe("login throttling under concurrent requests", () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp({ auth: { loginMaxFailuresPerIp: 1000 } });
    url = await app.listen();
  });
  afterAll(() => app.close());

  it("checks at most 5 passwords of one account when 12 attempts arrive at once", async () => {
    const user = await account(app.dataSource, "ANALYST");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(url, user.email, `essai-parallele-${i}`)),
    );
    const checked = answers.filter((a) => errorOf(a).code === "UNAUTHENTICATED").length;
    const locked = answers.filter((a) => errorOf(a).code === "TOO_MANY_ATTEMPTS").length;
    expect(checked + locked).toBe(12);
    expect(checked).toBeLessThanOrEqual(5);
  });
});
