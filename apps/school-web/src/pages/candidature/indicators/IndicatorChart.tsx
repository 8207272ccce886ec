import { fr } from "@codegouvfr/react-dsfr";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, formatValue } from "./schoolYears";

export interface IndicatorChartProps {
  name: string;
  unit: string | null | undefined;
  target: string | null | undefined;
  values: readonly { schoolYear: string; numericValue?: number | null }[];
}

const W = 360;
const H = 180;
const PAD = { top: 16, right: 16, bottom: 32, left: 48 };

/** The target as a number, when it is one (« 85 », « 85 % », « ≥ 85 »). */
function numericTarget(target: string | null | undefined): number | null {
  const m = target ? /-?\d+(?:[.,]\d+)?/.exec(target) : null;
  return m ? Number(m[0].replace(",", ".")) : null;
}

/**
 * A small line chart of a quantitative indicator over the school years, in inline SVG: a text
 * alternative (`role="img"` named and described with every value) and the same data as a table.
 */
export function IndicatorChart({ name, unit, target, values }: IndicatorChartProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const points = values
    .filter((v): v is { schoolYear: string; numericValue: number } => v.numericValue != null)
    .slice()
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  if (points.length === 0) {
    return <p className={fr.cx("fr-text--sm")}>{t("dossier.indicators.noChart")}</p>;
  }
  const goal = numericTarget(target);
  const ys = points.map((p) => p.numericValue).concat(goal !== null ? [goal] : []);
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
    .map((p) => `${p.schoolYear} : ${formatValue(p, unit, "QUANTITATIVE", lng)}`)
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
        <title id={titleId}>{t("dossier.indicators.chartTitle", { name })}</title>
        <desc id={descId}>
          {describe}
          {goal !== null ? ` ; ${t("dossier.indicators.target")} : ${target ?? ""}` : ""}
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
          <g>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(goal)}
              y2={y(goal)}
              stroke="var(--text-default-success, #18753c)"
              strokeDasharray="6 4"
            />
            <text
              x={W - PAD.right}
              y={y(goal) - 4}
              textAnchor="end"
              fontSize="11"
              fill="var(--text-default-success, #18753c)"
            >
              {t("dossier.indicators.target")}
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
        {t("dossier.indicators.chartCaption", { unit: unit ?? "—" })}
        {goal !== null ? ` ${t("dossier.indicators.chartTarget", { target: target ?? "" })}` : ""}
      </figcaption>
    </figure>
  );
}
