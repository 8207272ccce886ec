import {
  AWARD_TYPE_LABELS,
  CANDIDATURE_KIND_LABELS,
  assertCanRemoveCoApplicant,
  assertValidMembership,
  requiresCommonStrategy,
} from "./candidature";

const lead = (id: string) => ({ establishmentId: id, isLead: true });
const member = (id: string) => ({ establishmentId: id, isLead: false });

describe("candidature membership", () => {
  it("labels kinds and award types in French", () => {
    expect(CANDIDATURE_KIND_LABELS.NETWORK).toBe("Candidature en réseau");
    expect(AWARD_TYPE_LABELS.RENEWAL).toBe("Renouvellement");
  });

  it("accepts valid memberships", () => {
    expect(() => assertValidMembership("INDIVIDUAL", [lead("a")])).not.toThrow();
    expect(() => assertValidMembership("NETWORK", [lead("a"), member("b")])).not.toThrow();
    expect(() =>
      assertValidMembership("NETWORK", [member("a"), member("b"), lead("c")]),
    ).not.toThrow();
  });

  it("rejects invalid individual candidatures", () => {
    expect(() => assertValidMembership("INDIVIDUAL", [])).toThrow(/exactement un établissement/);
    expect(() => assertValidMembership("INDIVIDUAL", [lead("a"), member("b")])).toThrow(
      /exactement un établissement/,
    );
    expect(() => assertValidMembership("INDIVIDUAL", [member("a")])).toThrow(/porteur/);
  });

  it("rejects invalid network candidatures with precise messages", () => {
    expect(() => assertValidMembership("NETWORK", [lead("a")])).toThrow(
      "Une candidature en réseau réunit au moins deux établissements",
    );
    expect(() => assertValidMembership("NETWORK", [lead("a"), member("a")])).toThrow(
      "L'établissement « a » figure deux fois",
    );
    expect(() => assertValidMembership("NETWORK", [member("a"), member("b")])).toThrow(
      "Une candidature en réseau a exactement un établissement porteur",
    );
    expect(() => assertValidMembership("NETWORK", [lead("a"), lead("b")])).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  it("asks for common strategies on 4, 5, 6 and 8 in a network only", () => {
    expect(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9a", "9b"].filter((c) =>
        requiresCommonStrategy("NETWORK", c),
      ),
    ).toEqual(["4", "5", "6", "8"]);
    expect(requiresCommonStrategy("INDIVIDUAL", "4")).toBe(false);
  });

  it("guards the removal of a co-applicant", () => {
    const three = [lead("a"), member("b"), member("c")];
    expect(() => assertCanRemoveCoApplicant("NETWORK", three, "b")).not.toThrow();
    expect(() => assertCanRemoveCoApplicant("NETWORK", three, "a")).toThrow(/porteur/);
    expect(() => assertCanRemoveCoApplicant("NETWORK", three, "z")).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => assertCanRemoveCoApplicant("NETWORK", [lead("a"), member("b")], "b")).toThrow(
      /au moins deux/,
    );
    expect(() => assertCanRemoveCoApplicant("INDIVIDUAL", [lead("a")], "a")).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });
});
