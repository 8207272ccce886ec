import { AppError } from "../../common/errors";
import {
  assertPasswordPolicy,
  hashPassword,
  passwordProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from "./password";

/** Parameters of a PHC argon2 string ($argon2id$v=19$m=…,t=…,p=…$salt$hash), in any order. */
function argon2Parameters(hash: string): {
  algorithm: string;
  version: string;
  m: number;
  t: number;
  p: number;
} {
  const [, algorithm = "", version = "", params = ""] = hash.split("$");
  const values = Object.fromEntries(
    params.split(",").map((kv) => {
      const [key = "", value = ""] = kv.split("=");
      return [key, Number(value)];
    }),
  );
  return { algorithm, version, m: values.m ?? NaN, t: values.t ?? NaN, p: values.p ?? NaN };
}

describe("password hashing", () => {
  const password = "Lycee-des-metiers-2026!";
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword(password);
  });

  it("uses argon2id with at least OWASP's parameters (19 MiB, 2 iterations, parallelism 1)", () => {
    expect(hash).toMatch(/^\$argon2id\$v=19\$/);
    const params = argon2Parameters(hash);
    expect(params).toEqual({ algorithm: "argon2id", version: "v=19", m: 19456, t: 2, p: 1 });
    expect(params.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(params.t).toBeGreaterThanOrEqual(2);
  });

  it("salts every hash", async () => {
    expect(await hashPassword(password)).not.toBe(hash);
  });

  it("verifies the right password only", async () => {
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, `${password} `)).toBe(false);
    expect(await verifyPassword(hash, password.toUpperCase())).toBe(false);
  });

  it("answers false, never throws, for a missing or malformed hash and an oversized password", async () => {
    expect(await verifyPassword(null, password)).toBe(false);
    expect(await verifyPassword("pas-un-hash", password)).toBe(false);
    expect(await verifyPassword(hash, "x".repeat(PASSWORD_MAX_LENGTH * 4 + 1))).toBe(false);
  });
});

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblems("Un-secret-bien-long-42")).toEqual([]);
    expect(() => assertPasswordPolicy("Un-secret-bien-long-42")).not.toThrow();
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters (counted as code points)`, () => {
    expect(passwordProblems("Court-1")).toEqual([
      "Le mot de passe doit comporter au moins 12 caractères.",
    ]);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblems("🔒".repeat(11))).toHaveLength(1);
    expect(passwordProblems("🔒".repeat(12))).toEqual([]);
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(passwordProblems("a-b".repeat(43) + "c")).toEqual([
      "Le mot de passe ne doit pas dépasser 128 caractères.",
    ]);
  });

  it("refuses a common password, whatever its case", () => {
    for (const common of ["password1234", "PASSWORD1234", "123456789012", "qwerty123456"]) {
      expect(passwordProblems(common)).toEqual([
        "Ce mot de passe figure parmi les mots de passe les plus courants : choisissez-en un autre.",
      ]);
    }
  });

  it("refuses the e-mail address as password", () => {
    expect(passwordProblems("Marie.Curie@tests.ldm.fr", "marie.curie@tests.ldm.fr")).toEqual([
      "Le mot de passe ne doit pas être l'adresse électronique.",
    ]);
  });

  it("throws BAD_USER_INPUT with every problem in French", () => {
    let error: unknown;
    try {
      assertPasswordPolicy("password");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("BAD_USER_INPUT");
    expect(appError.message).toMatch(/au moins 12 caractères/);
    expect(appError.message).toMatch(/mots de passe les plus courants/);
    expect(appError.details).toEqual({ problems: expect.any(Array) });
  });
});
