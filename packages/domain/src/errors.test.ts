import { DomainError, isDomainError } from "./errors";

describe("DomainError", () => {
  it("carries a code, a French message and details", () => {
    const error = new DomainError("NOT_FOUND", "Introuvable", { id: "x" });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("Introuvable");
    expect(error.details).toEqual({ id: "x" });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
  });
});
