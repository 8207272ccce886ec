import { fr } from "@codegouvfr/react-dsfr";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, formatQuantity } from "../formatNumber";

/**
 * The numeric reading of a target, as @ldm/domain's `parseIndicatorTarget` gives it (the one parser, for
 * the chart and the PDF): a bound or a range.
 */
export type ChartTarget =
  | { kind: "AT_LEAST" | "AT_MOST" | "EQUALS"; value: number }
  | { kind: "BETWEEN"; min: number; max: number };

export interface IndicatorChartProps {
  name: string;
  unit: string | null | undefined;
  /** The target as written (« au moins 80 % »). */
  target: string | null | undefined;
  /** Its reading by the domain, `parseIndicatorTarget(target, unit)`: null draws no line. */
  goal: ChartTarget | null;
  values: readonly { schoolYear: string; numericValue?: number | null }[];
}

/** The values a target draws: the bound, or both ends of a range. */
function targetLines(goal: ChartTarget | null): number[] {
  if (goal === null) return [];
  return goal.kind === "BETWEEN" ? [goal.min, goal.max] : [goal.value];
}

const W = 360;
const H = 180;
/** The right margin holds the last school year's label (centred on its point) and the target's label. */
const PAD = { top: 16, right: 40, bottom: 32, left: 48 };

/**
 * A small line chart of a quantitative indicator over the school years, in inline SVG: a text
 * alternative (`role="img"` named and described with every value) and the same data as a table. The
 * target is read by the domain's parser, as in the PDF (the caller passes that reading, `goal`): a
 * dashed line for a bound (« au moins 80 % »), two and the band between them for a range (« entre 10
 * et 20 % »), nothing for a wording.
 */
export function IndicatorChart({ name, unit, target, goal, values }: IndicatorChartProps) {
  const { t, i18n } = useTranslation("ui");
  const lng = i18n.language;
  const id = useId();
  const points = values
    .filter((v): v is { schoolYear: string; numericValue: number } => v.numericValue != null)
    .slice()
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  if (points.length === 0) {
    return <p className={fr.cx("fr-text--sm")}>{t("chart.empty")}</p>;
  }
  const lines = targetLines(goal);
  const ys = [...points.map((p) => p.numericValue), ...lines];
  let min = Math.min(...ys);
  let max = Math.max(...ys);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const margin = (max - min) * 0.15;
  const allPositive = min >= 0;
  min -= margin;
  if (allPositive && min < 0) min = 0;
  max += margin;
  const x = (i: number) =>
    PAD.left +
    (points.length === 1
      ? (W - PAD.left - PAD.right) / 2
      : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / (max - min);
  const describe = points
    .map((p) => `${p.schoolYear} : ${formatQuantity(p.numericValue, unit, lng)}`)
    .join(" ; ");
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className={fr.cx("fr-m-0")}>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W, height: "auto", display: "block" }}
      >
        <title id={titleId}>{t("chart.title", { name })}</title>
        <desc id={descId}>
          {describe}
          {goal !== null ? ` ; ${t("chart.target")} : ${target ?? ""}` : ""}
        </desc>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          stroke="var(--border-default-grey, #ddd)"
        />
        <line
          x1={PAD.left}
          x2={PAD.left}
          y1={PAD.top}
          y2={H - PAD.bottom}
          stroke="var(--border-default-grey, #ddd)"
        />
        {[min, max].map((v) => (
          <text
            key={v}
            x={PAD.left - 6}
            y={y(v) + 4}
            textAnchor="end"
            fontSize="11"
            fill="var(--text-mention-grey, #666)"
          >
            {formatNumber(Math.round(v * 10) / 10, lng)}
          </text>
        ))}
        {goal !== null && (
          <g data-testid="indicator-target">
            {goal.kind === "BETWEEN" && (
              <rect
                data-testid="indicator-target-band"
                x={PAD.left}
                width={W - PAD.left - PAD.right}
                y={y(goal.max)}
                height={y(goal.min) - y(goal.max)}
                fill="var(--text-default-success, #18753c)"
                fillOpacity="0.1"
              />
            )}
            {lines.map((v) => (
              <line
                key={v}
                data-testid="indicator-target-line"
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke="var(--text-default-success, #18753c)"
                strokeDasharray="6 4"
              />
            ))}
            {/* In the right margin, facing the line or the middle of the band: clear of the data. */}
            <text
              x={W - PAD.right + 3}
              y={(y(Math.min(...lines)) + y(Math.max(...lines))) / 2 + 4}
              textAnchor="start"
              fontSize="10"
              fill="var(--text-default-success, #18753c)"
            >
              {t("chart.target")}
            </text>
          </g>
        )}
        <polyline
          fill="none"
          stroke="var(--text-action-high-blue-france, #000091)"
          strokeWidth="2"
          points={points.map((p, i) => `${x(i)},${y(p.numericValue)}`).join(" ")}
        />
        {points.map((p, i) => (
          <g key={p.schoolYear}>
            <circle
              cx={x(i)}
              cy={y(p.numericValue)}
              r="4"
              fill="var(--text-action-high-blue-france, #000091)"
            />
            <text
              x={x(i)}
              y={y(p.numericValue) - 8}
              textAnchor="middle"
              fontSize="11"
              fill="currentColor"
            >
              {formatNumber(p.numericValue, lng)}
            </text>
            <text
              x={x(i)}
              y={H - PAD.bottom + 16}
              textAnchor="middle"
              fontSize="11"
              fill="currentColor"
            >
              {p.schoolYear}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className={fr.cx("fr-text--xs", "fr-mt-1v")}>
        {t("chart.caption", { unit: unit ?? "—" })}
        {goal !== null
          ? ` ${t(goal.kind === "BETWEEN" ? "chart.targetRange" : "chart.targetLine", { target: target ?? "" })}`
          : ""}
      </figcaption>
    </figure>
  );
}
