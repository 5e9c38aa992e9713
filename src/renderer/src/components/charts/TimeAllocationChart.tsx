/**
 * Where a session's time went: per round, the planned budget beside the actual answering time, the
 * actual split into think time, core answer, follow-ups and overrun (stacked horizontal bars), with a
 * legend, a spoken summary for screen readers and the numbers as a table. The bars are plain SVG
 * (AllocationBars.tsx).
 */
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatDuration } from '../../lib/format';
import { StateMessage } from '../ui/StateMessage';
import { AllocationBars, allocationParts as parts } from './AllocationBars';
import { ChartLegend } from './ChartLegend';
import { useChartTheme } from './useChartTheme';
import { useSessionAllocation, type AllocationRow, type SessionAllocation } from './useSessionAllocation';
import './TimeAllocationChart.css';

export type TimeAllocationChartProps = {
  sessionId: string;
  /** Level of the chart's heading (default h3). */
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** Heading text (default "Time allocation"). */
  title?: string;
};

const sec = (s: number) => formatDuration(s * 1000);

function summary(rows: AllocationRow[]): string {
  return rows
    .map((r) => {
      const a = r.allocation;
      if (!a) return `${r.label}, ${r.title}: planned ${sec(r.budgetSeconds)}, not analysed.`;
      return (
        `${r.label}, ${r.title}: planned ${sec(a.budgetSeconds)}, actual ${sec(a.actualSeconds)} — ` +
        `think time ${sec(a.thinkSeconds)}, core answer ${sec(a.coreAnswerSeconds)}, ` +
        `follow-ups ${sec(a.followUpsSeconds)}, overrun ${sec(a.overrunSeconds)}.`
      );
    })
    .join(' ');
}

/** Fetches the session's allocation itself (session:allocation) and keeps it current. */
export function TimeAllocationChart({ sessionId, ...view }: TimeAllocationChartProps) {
  const { data, error } = useSessionAllocation(sessionId);
  return <TimeAllocationView data={data} error={error} {...view} />;
}

export type TimeAllocationViewProps = Omit<TimeAllocationChartProps, 'sessionId'> & {
  /** Null while loading (or when loading failed: then `error` says why). */
  data: SessionAllocation | null;
  error?: unknown;
};

/** Draws an allocation the caller already has (Progress gets it inside progress:get). */
export function TimeAllocationView({
  data,
  error = null,
  headingLevel = 'h3',
  title = 'Time allocation',
}: TimeAllocationViewProps) {
  const theme = useChartTheme();
  const Heading = headingLevel;

  let body;
  if (!data) {
    body = error ? (
      <StateMessage kind="error" title="Could not load the session" compact>
        {errorMessage(error)}
      </StateMessage>
    ) : (
      <StateMessage kind="loading" title="Loading the session…" compact />
    );
  } else if (data.rows.length === 0) {
    body = (
      <StateMessage kind="empty" title="No rounds were recorded in this session" compact>
        Time allocation appears once a round has been answered and analysed.
      </StateMessage>
    );
  } else {
    body = (
      <>
        <p className="time-alloc-session">
          {data.session.title} · {formatDateTime(data.session.createdAt)}
        </p>
        <ChartLegend
          entries={[
            { label: 'Planned budget', color: theme.budget },
            ...parts.map((p) => ({ label: p.label, color: theme[p.color] })),
          ]}
        />
        <div className="time-alloc-chart" role="img" aria-label={`Time allocation. ${summary(data.rows)}`}>
          <AllocationBars rows={data.rows} theme={theme} />
        </div>
        <details className="time-alloc-details">
          <summary>Show the numbers</summary>
          <AllocationTable rows={data.rows} />
        </details>
      </>
    );
  }

  return (
    <section className="time-alloc" data-testid="time-allocation">
      <Heading className="time-alloc-title">{title}</Heading>
      {body}
    </section>
  );
}

function AllocationTable({ rows }: { rows: AllocationRow[] }) {
  return (
    <table className="time-alloc-table">
      <thead>
        <tr>
          <th scope="col">Round</th>
          <th scope="col">Planned</th>
          <th scope="col">Actual</th>
          <th scope="col">Think time</th>
          <th scope="col">Core answer</th>
          <th scope="col">Follow-ups</th>
          <th scope="col">Overrun</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.roundId}>
            <th scope="row">
              {r.label}
              <span className="time-alloc-round-title">{r.title}</span>
            </th>
            <td>{sec(r.budgetSeconds)}</td>
            {r.allocation ? (
              <>
                <td>{sec(r.allocation.actualSeconds)}</td>
                <td>{sec(r.allocation.thinkSeconds)}</td>
                <td>{sec(r.allocation.coreAnswerSeconds)}</td>
                <td>{sec(r.allocation.followUpsSeconds)}</td>
                <td>{sec(r.allocation.overrunSeconds)}</td>
              </>
            ) : (
              <td colSpan={5} className="time-alloc-none">
                Not analysed
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
