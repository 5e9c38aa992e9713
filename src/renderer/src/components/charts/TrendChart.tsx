/**
 * One trend over weeks: a line per series, with axis, grid and text in the theme's colours. Drawn as
 * plain SVG (a path and a dot per week per series, a few ticks): laying out five of these with a
 * charting library cost most of the Progress page's first paint. Screen readers get the summary in
 * aria-label at once; the per-dot tooltips and the numbers as a visually hidden table follow right
 * after the first paint (a deferred render), as nothing on screen waits for them.
 */
import { useDeferredValue } from 'react';
import { formatWeek } from '../../lib/format';
import type { WeekPoint } from '@shared/contract';
import { secondTicks } from '../../lib/time-allocation';
import { ChartLegend } from './ChartLegend';
import { niceTicks } from './chart-ticks';
import { useChartTheme, type ChartTheme } from './useChartTheme';
import { useChartWidth } from './useChartWidth';
import './TrendChart.css';

/** The keys of a week's averages that a line can draw (Progress' score and timing weeks by default). */
export type TrendKey = Exclude<keyof WeekPoint, 'weekStart' | 'rounds'>;

export type TrendSeries<K extends string = TrendKey> = {
  key: K;
  label: string;
  color: keyof ChartTheme;
};

/** One week: when it starts (epoch ms, as formatWeek reads it) and a value or null per series key. */
export type TrendPoint<K extends string> = { weekStart: number } & Record<K, number | null>;

type Props<K extends string> = {
  title: string;
  points: readonly TrendPoint<K>[];
  series: readonly TrendSeries<K>[];
  /** Formats a value on the axis and in the tooltip. */
  format: (value: number) => string;
  domain?: [number, number];
  /** Without a domain: round steps of seconds (0, 30 s, 1 min…), or of plain numbers (0, 0.05, 0.1…). */
  scale?: 'seconds' | 'number';
  /** A target range drawn as a shaded band behind the lines (the axis reaches past it). */
  targetBand?: readonly [number, number];
  height?: number;
  /** A short description for screen readers, e.g. "Weekly average scores, 1 to 5". */
  description: string;
};

const margin = { top: 8, right: 12, bottom: 24, left: 52 };
/** Week labels at least this far apart (px), like "Nov 30" at 11 px. */
const minLabelGap = 64;

export function TrendChart<K extends string = TrendKey>({
  title,
  points,
  series,
  format,
  domain,
  scale = 'seconds',
  targetBand,
  height = 220,
  description,
}: Props<K>) {
  const theme = useChartTheme();
  const [box, width] = useChartWidth<HTMLDivElement>(400);
  const details = useDeferredValue(true, false);
  // Scores get 1…5; durations and counts get round steps up past the largest value (and the band).
  let max = targetBand ? targetBand[1] : 0;
  for (const p of points) for (const s of series) max = Math.max(max, p[s.key] ?? 0);
  const ticks = domain
    ? Array.from({ length: domain[1] - domain[0] + 1 }, (_, i) => domain[0] + i)
    : scale === 'number'
      ? niceTicks(max, 4)
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

  const plotW = Math.max(1, width - margin.left - margin.right);
  const plotH = Math.max(1, height - margin.top - margin.bottom);
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  // Weeks sit in equal bands, a point in the middle of each (as a category axis draws them).
  const band = plotW / Math.max(1, points.length);
  const x = (i: number) => margin.left + band * (i + 0.5);
  const y = (v: number) => margin.top + plotH - ((v - low) / (high - low || 1)) * plotH;
  const labelEvery = Math.max(1, Math.ceil(minLabelGap / band));
  const bottom = margin.top + plotH;

  return (
    <section className="trend" aria-label={title}>
      <h3 className="trend-title">{title}</h3>
      {series.length > 1 ? (
        <ChartLegend entries={series.map((s) => ({ label: s.label, color: theme[s.color], shape: 'line' }))} />
      ) : null}
      <div
        ref={box}
        className="trend-chart"
        role="img"
        aria-label={`${description}, ${points.length} weeks. ${spoken}.`}
      >
        <svg className="trend-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          {targetBand ? (
            <rect
              className="trend-band"
              x={margin.left}
              width={plotW}
              y={y(Math.min(high, targetBand[1]))}
              height={Math.max(0, y(Math.max(low, targetBand[0])) - y(Math.min(high, targetBand[1])))}
              fill={theme.grid}
              fillOpacity={0.5}
            />
          ) : null}
          <g className="trend-grid" stroke={theme.grid}>
            {ticks.map((t) => (
              <line key={t} x1={margin.left} x2={margin.left + plotW} y1={y(t)} y2={y(t)} />
            ))}
          </g>
          <g className="trend-axis trend-axis-y" fontSize={11}>
            <line x1={margin.left} x2={margin.left} y1={margin.top} y2={bottom} stroke={theme.border} />
            {ticks.map((t) => (
              <text
                key={t}
                className="trend-tick"
                x={margin.left - 8}
                y={y(t)}
                fill={theme.muted}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {format(t)}
              </text>
            ))}
          </g>
          <g className="trend-axis trend-axis-x" fontSize={11}>
            <line x1={margin.left} x2={margin.left + plotW} y1={bottom} y2={bottom} stroke={theme.border} />
            {points.map((p, i) =>
              i % labelEvery === 0 ? (
                <text
                  key={p.weekStart}
                  className="trend-tick"
                  x={x(i)}
                  y={bottom + 16}
                  fill={theme.muted}
                  textAnchor="middle"
                >
                  {formatWeek(p.weekStart)}
                </text>
              ) : null,
            )}
          </g>
          {series.map((s) => {
            // Weeks with no value are skipped and the line joins their neighbours.
            let d = '';
            const dots = [];
            for (let i = 0; i < points.length; i++) {
              const v = points[i]![s.key];
              if (v === null) continue;
              const px = x(i).toFixed(1);
              const py = y(v).toFixed(1);
              d += `${d ? 'L' : 'M'}${px},${py}`;
              dots.push(
                <circle key={i} cx={px} cy={py} r={2.5}>
                  {details ? (
                    <title>{`Week of ${formatWeek(points[i]!.weekStart)}: ${s.label} ${format(v)}`}</title>
                  ) : null}
                </circle>,
              );
            }
            return (
              <g key={s.key} className="trend-series" data-series={s.key}>
                <path className="trend-line" d={d} fill="none" stroke={theme[s.color]} strokeWidth={2} />
                <g className="trend-dots" fill={theme[s.color]}>
                  {dots}
                </g>
              </g>
            );
          })}
        </svg>
      </div>
      {details ? <WeekTable title={title} points={points} series={series} format={format} /> : null}
    </section>
  );
}

function WeekTable<K extends string>({
  title,
  points,
  series,
  format,
}: Pick<Props<K>, 'title' | 'points' | 'series' | 'format'>) {
  return (
    <table className="visually-hidden">
      <caption>{title}, weekly averages</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.weekStart}>
            <th scope="row">{formatWeek(p.weekStart)}</th>
            {series.map((s) => {
              const v = p[s.key];
              return <td key={s.key}>{v === null ? 'no data' : format(v)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
