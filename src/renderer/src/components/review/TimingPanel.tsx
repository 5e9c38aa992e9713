/**
 * Length, budget, overrun, and when each follow-up was asked on the recording with the app's delivery
 * delay (how late it spoke the question against its schedule — the app's timing, not the candidate's;
 * the report card's "your response time" is the candidate's). With blind scoring they stay hidden
 * until all three scores are set, so the clock cannot colour the self-assessment.
 */
import { useId } from 'react';
import type { AskedFollowUp } from '@shared/contract';
import { formatClock, formatDuration, formatOffset } from '../../lib/format';

type Props = {
  hidden: boolean;
  durationMs: number | null;
  budgetSeconds: number;
  followUps: readonly AskedFollowUp[];
};

/** Spoken start − scheduled time, both on the recording's timeline. */
function deliveryDelay(f: AskedFollowUp): string {
  if (f.scheduledMs === null || f.spokenStartMs === null) return '—';
  return formatOffset(f.spokenStartMs - f.scheduledMs);
}

const delayExplained =
  'Delivery delay: how much later than scheduled the app started speaking the question. It measures the app, not you.';

export function TimingPanel({ hidden, durationMs, budgetSeconds, followUps }: Props) {
  const noteId = useId();
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
          <dd>{formatDuration(durationMs)}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{formatDuration(budgetSeconds * 1000)}</dd>
        </div>
        <div>
          <dt>Overrun</dt>
          <dd className={overMs !== null && overMs > 0 ? 'timing-over' : 'timing-ok'}>
            {overMs === null ? '—' : overMs > 0 ? `+${formatDuration(overMs)}` : 'Within budget'}
          </dd>
        </div>
      </dl>
      {followUps.length ? (
        <>
          <table className="timing-table" aria-describedby={noteId}>
            <caption className="visually-hidden">Follow-up timings</caption>
            <thead>
              <tr>
                <th scope="col">Follow-up</th>
                <th scope="col" title="Time on the recording when the app started speaking the question">
                  Asked at (recording)
                </th>
                <th scope="col" title={delayExplained}>
                  Delivery delay
                </th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.index}>
                  <th scope="row">{f.text}</th>
                  <td>{f.spokenStartMs === null ? '—' : formatClock(f.spokenStartMs)}</td>
                  <td>{deliveryDelay(f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id={noteId} className="timing-note">
            {delayExplained} Your own response time to each follow-up is in the report card.
          </p>
        </>
      ) : null}
    </div>
  );
}
