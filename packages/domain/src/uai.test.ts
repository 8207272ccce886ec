import fc from "fast-check";
import { DomainError } from "./errors";
import { UAI_CHECK_LETTERS, assertValidUai, isValidUai, normalizeUai, uaiCheckLetter } from "./uai";

describe("UAI", () => {
  it("computes the check letter", () => {
    expect(uaiCheckLetter("0750655")).toBe("E");
    expect(() => uaiCheckLetter("075065")).toThrow(DomainError);
  });

  it("validates codes", () => {
    expect(isValidUai("0750655E")).toBe(true);
    expect(isValidUai("0750655F")).toBe(false);
    expect(isValidUai("0750655e")).toBe(false);
    expect(isValidUai(" 0750655E")).toBe(false);
    expect(isValidUai("075065E")).toBe(false);
  });

  it("normalises and asserts", () => {
    expect(normalizeUai(" 0750655e ")).toBe("0750655E");
    expect(assertValidUai(" 0750655e ")).toBe("0750655E");
    expect(() => assertValidUai("075-0655E")).toThrow(
      /Le code UAI « 075-0655E » est invalide : il doit comporter 7 chiffres/,
    );
    expect(() => assertValidUai("0750655F")).toThrow(
      "Le code UAI « 0750655F » est invalide : la lettre de contrôle devrait être « E » et non « F ».",
    );
    try {
      assertValidUai("0750655F");
    } catch (error) {
      expect((error as DomainError).code).toBe("BAD_USER_INPUT");
      expect((error as DomainError).details).toMatchObject({ expectedLetter: "E" });
    }
  });

  it("digits + check letter is valid, any other letter is not", () => {
    const digits = fc.stringMatching(/^\d{7}$/);
    const letter = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""));
    fc.assert(
      fc.property(digits, letter, (d, l) => {
        const expected = uaiCheckLetter(d);
        expect(UAI_CHECK_LETTERS).toContain(expected);
        expect(isValidUai(d + expected)).toBe(true);
        expect(isValidUai(d + l)).toBe(l === expected);
      }),
    );
  });
});
