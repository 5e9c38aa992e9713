/**
 * Follow-ups asked so far this round, newest first, with when they were asked as a position on the
 * round's recording (m:ss) — the same clock and format as the review's follow-up list and markers.
 */
import { formatClock } from '../../lib/format';
import type { AskedEntry } from '../../session/engine/runner-state';
import './FollowUpLog.css';

type Props = { asked: AskedEntry[]; total: number };

export function FollowUpLog({ asked, total }: Props) {
  const newestFirst = [...asked].reverse();
  return (
    <section className="follow-up-log" aria-labelledby="follow-up-log-heading">
      <div className="follow-up-log-head">
        <h3 id="follow-up-log-heading">Follow-ups</h3>
        <span className="follow-up-log-count">
          {asked.length} asked{total > 0 ? ` · ${total} planned` : ''}
          <span className="follow-up-log-clock"> · times on the recording</span>
        </span>
      </div>
      <ol className="follow-up-log-list" role="log" aria-label="Follow-ups" aria-live="polite">
        {newestFirst.map((entry, i) => (
          <li key={entry.key} className={`follow-up-log-entry${i === 0 ? ' follow-up-log-newest' : ''}`}>
            <span className="follow-up-log-time">
              <span className="visually-hidden">Asked at </span>
              {formatClock(entry.recordingMs)}
              <span className="visually-hidden"> on the recording: </span>
            </span>
            <span className="follow-up-log-text">
              {entry.text}
              {entry.trigger === 'adhoc' ? <span className="follow-up-log-tag"> · ad hoc</span> : null}
            </span>
          </li>
        ))}
      </ol>
      {asked.length === 0 ? <p className="follow-up-log-empty">Follow-ups appear here as they are asked.</p> : null}
    </section>
  );
}
