// A horizontal bar chart drawn on the server as SVG: no JavaScript, a title and description for
// screen readers, every bar labelled with its exact figure in words (so no meaning rests on
// colour or length alone). The page puts a table with the same figures next to it.
import type { ChartBar } from "../../domain/timebank/reports";

export const CHART_BAR_WIDTH = 360;

export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: readonly ChartBar[] }) {
  if (bars.length === 0) return null;
  const rowHeight = 34;
  const labelWidth = 250;
  const height = bars.length * rowHeight + 8;
  return (
    <svg
      className="potluck-chart"
      viewBox={`0 0 ${labelWidth + CHART_BAR_WIDTH + 170} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
      data-testid={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const label = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
        return (
          <g key={`${bar.label}-${index}`}>
            <text x={0} y={y + 17} fontSize="14" fill="#0b0c0c">{label}</text>
            <rect x={labelWidth} y={y} width={CHART_BAR_WIDTH} height={22} fill="#f3f2f1" stroke="#b1b4b6" />
            <rect x={labelWidth} y={y} width={bar.width} height={22} fill="#1d70b8" />
            <text x={labelWidth + CHART_BAR_WIDTH + 8} y={y + 17} fontSize="14" fill="#0b0c0c">{bar.valueText}</text>
          </g>
        );
      })}
    </svg>
  );
}
