/** "What I'll change": the recent postmortems' change lines, newest first, each opening its round's review. */
import type { ProgressAction } from '@shared/contract';
import { openReview } from '../../api/review';
import { formatDateTime } from '../../lib/format';
import './ActionList.css';

export function ActionList({ actions }: { actions: readonly ProgressAction[] }) {
  if (actions.length === 0) {
    return <p className="muted">Write a “what will I change” line in a round’s postmortem and it is listed here.</p>;
  }
  return (
    <ul className="actions" data-testid="action-list">
      {actions.map((a) => (
        <li key={a.roundId}>
          <p className="action-change">{a.change}</p>
          <p className="action-meta">
            <button
              type="button"
              className="action-open"
              onClick={() => openReview(a.roundId)}
              aria-label={`Review ${a.title}, ${formatDateTime(a.at)}`}
            >
              {a.title}
            </button>{' '}
            · {formatDateTime(a.at)}
          </p>
        </li>
      ))}
    </ul>
  );
}
