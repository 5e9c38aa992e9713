/** "What I'll change": the recent postmortems' change lines, newest first. */
import type { ProgressView } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import './ActionList.css';

export function ActionList({ actions }: { actions: ProgressView['actions'] }) {
  if (actions.length === 0) {
    return <p className="muted">Write a “what will I change” line in a round’s postmortem and it is listed here.</p>;
  }
  return (
    <ul className="actions" data-testid="action-list">
      {actions.map((a) => (
        <li key={a.roundId}>
          <p className="action-change">{a.change}</p>
          <p className="action-meta">
            {a.title} · {formatDateTime(a.at)}
          </p>
        </li>
      ))}
    </ul>
  );
}
