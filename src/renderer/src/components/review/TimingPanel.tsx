/**
 * Length, budget, overrun and follow-up latencies. With blind scoring they stay hidden until all
 * three scores are set, so the clock cannot colour the self-assessment.
 */
import type { AskedFollowUp } from '../../../../shared/contract';
import { formatMs } from './review-meta';

type Props = {
  hidden: boolean;
  durationMs: number | null;
  budgetSeconds: number;
  followUps: readonly AskedFollowUp[];
};

function latency(f: AskedFollowUp): string {
  if (f.scheduledMs === null || f.spokenStartMs === null) return '—';
  const delta = (f.spokenStartMs - f.scheduledMs) / 1000;
  return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)} s`;
}

export function TimingPanel({ hidden, durationMs, budgetSeconds, followUps }: Props) {
  if (hidden) {
    return (
      <p className="timing-hidden">
        Blind scoring is on: the recording length, overrun and follow-up timings appear once all three scores are set.
      </p>
    );
  }
  const overMs = durationMs === null ? null : durationMs - budgetSeconds * 1000;
  return (
    <div className="timing">
      <dl className="timing-facts">
        <div>
          <dt>Length</dt>
          <dd>{formatMs(durationMs)}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{formatMs(budgetSeconds * 1000)}</dd>
        </div>
        <div>
          <dt>Overrun</dt>
          <dd className={overMs !== null && overMs > 0 ? 'timing-over' : 'timing-ok'}>
            {overMs === null ? '—' : overMs > 0 ? `+${formatMs(overMs)}` : 'Within budget'}
          </dd>
        </div>
      </dl>
      {followUps.length ? (
        <table className="timing-table">
          <caption className="visually-hidden">Follow-up timings</caption>
          <thead>
            <tr>
              <th scope="col">Follow-up</th>
              <th scope="col">Asked at</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((f) => (
              <tr key={f.index}>
                <th scope="row">{f.text}</th>
                <td>{formatMs(f.spokenStartMs)}</td>
                <td title="From the scheduled time to when the question was spoken">{latency(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
