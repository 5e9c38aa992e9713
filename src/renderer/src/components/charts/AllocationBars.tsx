/**
 * The time-allocation bars as plain SVG: per round, the planned budget above the actual answering
 * time split into its parts (stacked), on a shared seconds axis. Plain SVG because a charting
 * library's layout cost the Progress page more than the rest of its first paint; each bar carries
 * a native tooltip, and the chart's caller gives the spoken summary and the table.
 */
import { formatAxisSeconds, formatDuration } from '../../lib/format';
import { secondTicks } from '../../lib/time-allocation';
import type { ChartTheme } from './useChartTheme';
import { useChartWidth } from './useChartWidth';
import type { AllocationRow } from './useSessionAllocation';

export const allocationParts = [
  { key: 'thinkSeconds', label: 'Think time', color: 'think' },
  { key: 'coreAnswerSeconds', label: 'Core answer', color: 'core' },
  { key: 'followUpsSeconds', label: 'Follow-ups', color: 'followUps' },
  { key: 'overrunSeconds', label: 'Overrun', color: 'overrun' },
] as const;

const margin = { top: 4, right: 28, bottom: 24, left: 76 };
/** Each round's band; the two bars fill 82 % of it with 3 px between them. */
const band = 64;
const sec = (s: number) => formatDuration(s * 1000);

export function AllocationBars({ rows, theme }: { rows: readonly AllocationRow[]; theme: ChartTheme }) {
  const [box, width] = useChartWidth<HTMLDivElement>(600);
  const height = margin.top + rows.length * band + margin.bottom;
  const longest = Math.max(1, ...rows.map((r) => Math.max(r.budgetSeconds, r.allocation?.actualSeconds ?? 0)));
  const ticks = secondTicks(longest);
  const plotW = Math.max(1, width - margin.left - margin.right);
  const x = (s: number) => (s / ticks.at(-1)!) * plotW;
  const bar = (band * 0.82 - 3) / 2;
  const bottom = margin.top + rows.length * band;
  return (
    <div ref={box}>
      <svg
        className="time-alloc-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
      >
        <g stroke={theme.grid}>
          {ticks.map((t) => (
            <line key={t} x1={margin.left + x(t)} x2={margin.left + x(t)} y1={margin.top} y2={bottom} />
          ))}
        </g>
        <g fontSize={12}>
          <line x1={margin.left} x2={margin.left + plotW} y1={bottom} y2={bottom} stroke={theme.border} />
          {ticks.map((t) => (
            <text
              key={t}
              className="time-alloc-tick"
              x={margin.left + x(t)}
              y={bottom + 16}
              fill={theme.muted}
              textAnchor="middle"
            >
              {formatAxisSeconds(t)}
            </text>
          ))}
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={bottom} stroke={theme.border} />
        </g>
        {rows.map((r, i) => {
          const top = margin.top + i * band + band * 0.09;
          let at = margin.left;
          return (
            <g key={r.roundId} className="time-alloc-round">
              <text
                x={margin.left - 8}
                y={margin.top + (i + 0.5) * band}
                fill={theme.text}
                fontSize={12}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {r.label}
              </text>
              <rect
                className="time-alloc-bar"
                data-part="planned"
                x={margin.left}
                y={top}
                width={x(r.budgetSeconds)}
                height={bar}
                fill={theme.budget}
              >
                <title>{`${r.label}: planned budget ${sec(r.budgetSeconds)}`}</title>
              </rect>
              {allocationParts.map((p) => {
                const seconds = r.allocation?.[p.key] ?? 0;
                if (seconds <= 0) return null;
                const left = at;
                at += x(seconds);
                return (
                  <rect
                    key={p.key}
                    className="time-alloc-bar"
                    data-part={p.key}
                    x={left}
                    y={top + bar + 3}
                    width={x(seconds)}
                    height={bar}
                    fill={theme[p.color]}
                  >
                    <title>{`${r.label}: ${p.label.toLowerCase()} ${sec(seconds)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
