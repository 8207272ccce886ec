import fc from "fast-check";
import {
  assertExpectationIds,
  assertQualeducFicheCodes,
  assertSchoolYear,
  assertSupportedCriteria,
  canBeMetByEuroscol,
  indicatorTrend,
} from "./dossier";
import { CURRENT_REFERENTIAL_VERSION as V, getCriterion } from "./referential";

describe("dossier rules", () => {
  it("accepts consecutive school years only", () => {
    expect(assertSchoolYear(" 2021-2022 ")).toBe("2021-2022");
    expect(() => assertSchoolYear("2021-2023")).toThrow(
      /année scolaire « 2021-2023 » est invalide/,
    );
    expect(() => assertSchoolYear("2021")).toThrow(/invalide/);
  });

  it("computes the trend of an indicator and whether it improves", () => {
    const values = [
      { schoolYear: "2023-2024", value: 70 },
      { schoolYear: "2021-2022", value: 60 },
      { schoolYear: "2022-2023", value: null },
    ];
    expect(indicatorTrend("HIGHER_IS_BETTER", values)).toEqual({
      trend: "RISING",
      improving: true,
    });
    expect(indicatorTrend("LOWER_IS_BETTER", values)).toEqual({
      trend: "RISING",
      improving: false,
    });
    expect(indicatorTrend("NEUTRAL", values)).toEqual({ trend: "RISING", improving: null });
    expect(indicatorTrend("HIGHER_IS_BETTER", [{ schoolYear: "2021-2022", value: 5 }]).trend).toBe(
      "INSUFFICIENT_DATA",
    );
    expect(
      indicatorTrend("HIGHER_IS_BETTER", [
        { schoolYear: "2021-2022", value: 100 },
        { schoolYear: "2022-2023", value: 101 },
      ]).trend,
    ).toBe("STABLE");
  });

  it("never calls a rise a fall (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const { trend } = indicatorTrend("HIGHER_IS_BETTER", [
            { schoolYear: "2020-2021", value: a },
            { schoolYear: "2021-2022", value: b },
          ]);
          if (trend === "RISING") expect(b).toBeGreaterThan(a);
          if (trend === "FALLING") expect(b).toBeLessThan(a);
        },
      ),
    );
  });

  it("validates expectations, Qualéduc fiches and supported criteria", () => {
    const four = getCriterion(V, "4");
    expect(assertExpectationIds(four, ["4.2", "4.1", "4.1"])).toEqual(["4.1", "4.2"]);
    expect(() => assertExpectationIds(four, ["5.1"])).toThrow(
      /Attendu\(s\) inconnu\(s\) pour le critère 4 : 5\.1/,
    );
    expect(assertQualeducFicheCodes(V, ["Q.3.5", "Q.3.5"])).toEqual(["Q.3.5"]);
    expect(() => assertQualeducFicheCodes(V, ["Q.9.9"])).toThrow(/Qualéduc inconnue/);
    expect(assertSupportedCriteria(V, ["4", "6", "4"])).toEqual(["4", "6"]);
    expect(() => assertSupportedCriteria(V, ["12"])).toThrow(/critère/);
    expect(() => assertSupportedCriteria(V, [])).toThrow(/au moins un critère/);
    expect(canBeMetByEuroscol(V, "6")).toBe(true);
    expect(canBeMetByEuroscol(V, "5")).toBe(false);
    expect(canBeMetByEuroscol(V, "9a")).toBe(false);
  });

  it("drops the retired expectation 6.10 and refuses network-only ones for an individual candidature", () => {
    const six = getCriterion(V, "6");
    expect(assertExpectationIds(six, ["6.10", "6.2", "6.1"])).toEqual(["6.1", "6.2"]);
    expect(() => assertExpectationIds(six, ["6.11"])).toThrow(
      /inconnu\(s\) pour le critère 6 : 6\.11/,
    );
    const four = getCriterion(V, "4");
    expect(assertExpectationIds(four, ["4.7", "4.1"], "NETWORK")).toEqual(["4.1", "4.7"]);
    expect(assertExpectationIds(four, ["4.7", "4.1"])).toEqual(["4.1", "4.7"]);
    expect(() => assertExpectationIds(four, ["4.1", "4.7"], "INDIVIDUAL")).toThrow(
      "L'attendu 4.7 du critère 4 ne concerne que les candidatures en réseau : une candidature individuelle ne peut pas le cocher.",
    );
    expect(() => assertExpectationIds(four, ["4.7"], "INDIVIDUAL")).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { networkOnly: ["4.7"] } }),
    );
    expect(assertExpectationIds(getCriterion(V, "8"), ["8.17"], "INDIVIDUAL")).toEqual(["8.17"]);
  });
});
