/** One trend over weeks: a line per series, with axis, grid and text in the theme's colours. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatWeek } from '../../lib/format';
import type { WeekPoint } from '../../../../shared/contract';
import { secondTicks } from '../../lib/time-allocation';
import { ChartLegend } from './ChartLegend';
import { tooltipStyle, useChartTheme, type ChartTheme } from './useChartTheme';
import './TrendChart.css';

export type TrendSeries = {
  key: Exclude<keyof WeekPoint, 'weekStart' | 'rounds'>;
  label: string;
  color: keyof ChartTheme;
};

type Props = {
  title: string;
  points: readonly WeekPoint[];
  series: readonly TrendSeries[];
  /** Formats a value on the axis and in the tooltip. */
  format: (value: number) => string;
  domain?: [number, number];
  height?: number;
  /** A short description for screen readers, e.g. "Weekly average scores, 1 to 5". */
  description: string;
};

export function TrendChart({ title, points, series, format, domain, height = 220, description }: Props) {
  const theme = useChartTheme();
  // Scores get 1…5; durations get round steps (0, 30 s, 1 min…) up past the largest value.
  let max = 0;
  for (const p of points) for (const s of series) max = Math.max(max, p[s.key] ?? 0);
  const ticks = domain
    ? Array.from({ length: domain[1] - domain[0] + 1 }, (_, i) => domain[0] + i)
    : secondTicks(Math.max(max, 1), 4);
  const last = points.at(-1);
  const first = points[0];
  const spoken =
    first && last
      ? series
          .map((s) => {
            const a = first[s.key];
            const b = last[s.key];
            return (
              `${s.label}: ${a === null ? 'no data' : format(a)} in the week of ${formatWeek(first.weekStart)}, ` +
              `${b === null ? 'no data' : format(b)} in the week of ${formatWeek(last.weekStart)}`
            );
          })
          .join('; ')
      : 'no data';
  return (
    <section className="trend" aria-label={title}>
      <h3 className="trend-title">{title}</h3>
      {series.length > 1 ? (
        <ChartLegend entries={series.map((s) => ({ label: s.label, color: theme[s.color], shape: 'line' }))} />
      ) : null}
      <div className="trend-chart" role="img" aria-label={`${description}, ${points.length} weeks. ${spoken}.`}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 400, height }}>
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={theme.grid} vertical={false} />
            <XAxis
              dataKey="weekStart"
              tickFormatter={formatWeek}
              tick={{ fill: theme.muted, fontSize: 11 }}
              stroke={theme.border}
              minTickGap={16}
              tickMargin={6}
            />
            <YAxis
              domain={[ticks[0]!, ticks.at(-1)!]}
              ticks={ticks}
              tickFormatter={format}
              tick={{ fill: theme.muted, fontSize: 11 }}
              stroke={theme.border}
              width={52}
              allowDecimals={false}
            />
            <Tooltip
              labelFormatter={(week) => `Week of ${formatWeek(Number(week))}`}
              formatter={(value) => format(Number(value))}
              {...tooltipStyle(theme)}
              cursor={{ stroke: theme.border }}
            />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="monotone"
                stroke={theme[s.color]}
                strokeWidth={2}
                dot={{ r: 2.5, fill: theme[s.color], strokeWidth: 0 }}
                activeDot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
