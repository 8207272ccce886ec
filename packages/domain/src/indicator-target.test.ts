import fc from "fast-check";
import {
  formatIndicatorTarget,
  parseIndicatorTarget,
  targetLines,
  targetMidpoint,
  type IndicatorTarget,
} from "./indicator-target";

const atLeast = (value: number): IndicatorTarget => ({ kind: "AT_LEAST", value });
const atMost = (value: number): IndicatorTarget => ({ kind: "AT_MOST", value });
const equals = (value: number): IndicatorTarget => ({ kind: "EQUALS", value });
const between = (min: number, max: number): IndicatorTarget => ({ kind: "BETWEEN", min, max });

describe("parseIndicatorTarget", () => {
  const cases: [string, string | null, IndicatorTarget | null][] = [
    // Plain numbers, French decimals, thousands, percentages.
    ["80", null, equals(80)],
    ["12,5", null, equals(12.5)],
    ["12.5", null, equals(12.5)],
    ["80 %", "%", equals(80)],
    ["80%", null, equals(80)],
    ["80\u00a0%", "%", equals(80)],
    ["80\u202f%", null, equals(80)],
    ["1 200", null, equals(1200)],
    ["1\u202f200,5 €", "€", equals(1200.5)],
    ["0,8", null, equals(0.8)],
    ["-3", null, equals(-3)],
    ["−3 %", null, equals(-3)],
    ["0", null, equals(0)],
    ["80 pour cent", null, equals(80)],
    ["= 15", null, equals(15)],
    ["environ 15", null, equals(15)],
    ["env. 15 élèves", "élèves", equals(15)],
    ["~15", null, equals(15)],
    ["≈ 15", null, equals(15)],
    ["15 environ", null, equals(15)],
    ["Objectif : 90 %", "%", equals(90)],
    ["Cible 90", null, equals(90)],
    ["atteindre 95 %", "%", equals(95)],
    ["100 %.", "%", equals(100)],
    // At least.
    [">= 12", null, atLeast(12)],
    [">=12", null, atLeast(12)],
    ["≥ 12", null, atLeast(12)],
    ["⩾ 12", null, atLeast(12)],
    ["=> 12", null, atLeast(12)],
    ["> 10", null, atLeast(10)],
    ["au moins 80", null, atLeast(80)],
    ["Au moins 80 %", "%", atLeast(80)],
    ["AU MOINS 80 %", null, atLeast(80)],
    ["au minimum 3 partenaires", "partenaires", atLeast(3)],
    ["minimum 3", null, atLeast(3)],
    ["min. 3", null, atLeast(3)],
    ["80 % minimum", "%", atLeast(80)],
    ["80 % au moins", null, atLeast(80)],
    ["5 ou plus", null, atLeast(5)],
    ["5 et plus", null, atLeast(5)],
    ["5+", null, atLeast(5)],
    ["plus de 50 élèves", "élèves", atLeast(50)],
    ["plus de 50 élèves", "élève", atLeast(50)],
    ["supérieur à 50", null, atLeast(50)],
    ["supérieur ou égal à 12,5", null, atLeast(12.5)],
    ["supérieure ou égale à 75 %", "%", atLeast(75)],
    ["à partir de 4", null, atLeast(4)],
    ["au-delà de 4", null, atLeast(4)],
    ["pas moins de 10", null, atLeast(10)],
    // At most.
    ["<= 5", null, atMost(5)],
    ["≤ 5 %", "%", atMost(5)],
    ["< 5", null, atMost(5)],
    ["au plus 5", null, atMost(5)],
    ["au maximum 5 %", "%", atMost(5)],
    ["maximum 5", null, atMost(5)],
    ["max 5", null, atMost(5)],
    ["5 % max", "%", atMost(5)],
    ["5 maximum", null, atMost(5)],
    ["5 ou moins", null, atMost(5)],
    ["moins de 5 %", "%", atMost(5)],
    ["inférieur à 5", null, atMost(5)],
    ["inférieur ou égal à 2,5", null, atMost(2.5)],
    ["pas plus de 2 exclusions", "exclusions", atMost(2)],
    ["jusqu'à 10", null, atMost(10)],
    ["jusqu’à 10", null, atMost(10)],
    ["< -2", null, atMost(-2)],
    // Between.
    ["entre 10 et 20", null, between(10, 20)],
    ["Entre 10 % et 20 %", "%", between(10, 20)],
    ["entre 10 et 20 élèves", "élèves", between(10, 20)],
    ["10 à 20", null, between(10, 20)],
    ["de 10 à 20", null, between(10, 20)],
    ["de 10 a 20", null, between(10, 20)],
    ["10-20", null, between(10, 20)],
    ["10 - 20", null, between(10, 20)],
    ["10 – 20 %", "%", between(10, 20)],
    ["[10 ; 20]", null, between(10, 20)],
    ["compris entre 12,5 et 15", null, between(12.5, 15)],
    ["de 20 à 10", null, between(10, 20)],
    ["entre -5 et 5", null, between(-5, 5)],
    ["de 1 000 à 2 000 €", "€", between(1000, 2000)],
    // Not a numeric target.
    ["", null, null],
    ["   ", null, null],
    ["en hausse", null, null],
    ["Augmenter", null, null],
    ["stable", null, null],
    ["+5", null, null],
    ["+5 points", "points", null],
    ["10 % de plus", "%", null],
    ["80 % des élèves", "%", null],
    ["au moins 80 élèves", null, null],
    ["au moins 80 élèves", "%", null],
    ["entre 10 et", null, null],
    ["10 20", null, null],
    ["10 et 20", null, null],
    ["au moins 10 et au plus 20", null, null],
  ];

  it.each(cases)("reads « %s » (unit %s)", (text, unit, expected) => {
    expect(parseIndicatorTarget(text, unit)).toEqual(expected);
  });

  it("reads « entre 10 et 20 » as a range, where the screen read 10 and the PDF nothing", () => {
    expect(parseIndicatorTarget("entre 10 et 20", null)).toEqual({
      kind: "BETWEEN",
      min: 10,
      max: 20,
    });
  });

  it("accepts null or undefined", () => {
    expect(parseIndicatorTarget(null)).toBeNull();
    expect(parseIndicatorTarget(undefined, "%")).toBeNull();
  });

  it("reads back any number it formats (property)", () => {
    const valueArb = fc
      .integer({ min: -100000, max: 100000 })
      .map((n) => n / 100)
      .map((n) => (Object.is(n, -0) ? 0 : n));
    const targetArb: fc.Arbitrary<IndicatorTarget> = fc.oneof(
      valueArb.map(atLeast),
      valueArb.map(atMost),
      valueArb.map(equals),
      fc.tuple(valueArb, valueArb).map(([a, b]) => between(Math.min(a, b), Math.max(a, b))),
    );
    fc.assert(
      fc.property(targetArb, fc.constantFrom(null, "%", "élèves", "€"), (target, unit) => {
        const text = formatIndicatorTarget(target, unit);
        expect(parseIndicatorTarget(text, unit)).toEqual(target);
      }),
    );
  });
});

describe("targetLines and formatIndicatorTarget", () => {
  it("gives the line(s) a chart draws", () => {
    expect(targetLines(null)).toEqual([]);
    expect(targetLines(atLeast(80))).toEqual([80]);
    expect(targetLines(atMost(5))).toEqual([5]);
    expect(targetLines(equals(12.5))).toEqual([12.5]);
    expect(targetLines(between(10, 20))).toEqual([10, 20]);
    expect(targetLines(parseIndicatorTarget("entre 10 et 20", null))).toEqual([10, 20]);
    expect(targetMidpoint(between(10, 20))).toBe(15);
    expect(targetMidpoint(atLeast(80))).toBe(80);
    expect(targetMidpoint(null)).toBeNull();
  });

  it("writes a target back in French", () => {
    expect(formatIndicatorTarget(atLeast(80), "%")).toBe("≥\u00a080\u00a0%");
    expect(formatIndicatorTarget(atMost(2.5), "élèves")).toBe("≤\u00a02,5\u00a0élèves");
    expect(formatIndicatorTarget(equals(1200), null)).toBe("1\u202f200");
    expect(formatIndicatorTarget(between(10, 20), "%")).toBe("entre 10 et 20\u00a0%");
  });
});
