import { screen } from "@testing-library/react";
import { renderWithI18n } from "../test-utils";
import { IndicatorChart, type ChartTarget } from "./IndicatorChart";

const values = [
  { schoolYear: "2021-2022", numericValue: 8 },
  { schoolYear: "2022-2023", numericValue: 14 },
  { schoolYear: "2023-2024", numericValue: 22 },
];

/** The chart of `values` with a target as written and as the domain reads it. */
function renderChart(target: string | null, goal: ChartTarget | null) {
  return renderWithI18n(
    <IndicatorChart
      name="Taux de remplissage"
      unit="%"
      target={target}
      goal={goal}
      values={values}
    />,
  );
}

/** The y coordinate of each target line, top to bottom. */
function targetLineYs(): number[] {
  return screen
    .queryAllByTestId("indicator-target-line")
    .map((line) => Number(line.getAttribute("y1")))
    .sort((a, b) => a - b);
}

/** The y coordinate of a value's point (its circle). */
function pointY(container: HTMLElement, index: number): number {
  return Number(container.querySelectorAll("circle")[index]?.getAttribute("cy"));
}

describe("IndicatorChart", () => {
  it("draws both bounds of a range and the band between them", () => {
    const { container } = renderChart("entre 10 et 20 %", { kind: "BETWEEN", min: 10, max: 20 });
    const [top = 0, bottom = 0] = targetLineYs();
    expect(targetLineYs()).toHaveLength(2);
    // 20 is drawn between the points 14 and 22, 10 between 8 and 14 (y grows downwards).
    expect(top).toBeGreaterThan(pointY(container, 2));
    expect(top).toBeLessThan(pointY(container, 1));
    expect(bottom).toBeGreaterThan(pointY(container, 1));
    expect(bottom).toBeLessThan(pointY(container, 0));
    const band = screen.getByTestId("indicator-target-band");
    expect(Number(band.getAttribute("y"))).toBeCloseTo(top);
    expect(Number(band.getAttribute("height"))).toBeCloseTo(bottom - top);
    expect(
      screen.getByText(
        /Lignes en pointillés : les bornes de la cible \(entre 10 et 20 %\), la bande entre elles\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("img", {
        name: "Évolution de l'indicateur « Taux de remplissage » par année scolaire",
      }),
    ).toHaveAccessibleDescription(
      "2021-2022 : 8\u00a0% ; 2022-2023 : 14\u00a0% ; 2023-2024 : 22\u00a0% ; Cible : entre 10 et 20 %",
    );
  });

  it("draws one line for a bound, at its value", () => {
    const { container } = renderChart("au moins 15 %", { kind: "AT_LEAST", value: 15 });
    const lines = targetLineYs();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBeGreaterThan(pointY(container, 2));
    expect(lines[0]).toBeLessThan(pointY(container, 1));
    expect(screen.queryByTestId("indicator-target-band")).not.toBeInTheDocument();
    expect(
      screen.getByText(/Ligne en pointillés : la cible \(au moins 15 %\)\./),
    ).toBeInTheDocument();
  });

  it("draws no line for a target that is not a number", () => {
    for (const target of ["en hausse", null]) {
      const { unmount } = renderChart(target, null);
      expect(targetLineYs()).toHaveLength(0);
      expect(screen.queryByText(/pointillés/)).not.toBeInTheDocument();
      unmount();
    }
  });

  it("says so when there is nothing to draw", () => {
    renderWithI18n(<IndicatorChart name="Taux" unit="%" target={null} goal={null} values={[]} />);
    expect(screen.getByText("Pas encore de valeur à représenter.")).toBeInTheDocument();
  });
});
