/** What Today does not propose now: the next due dates (and snoozes), and the retired items to bring back. */
import type { TodayView } from '@shared/contract';
import { formatDateTime } from '../../lib/format';

type Props = {
  view: TodayView;
  busy: boolean;
  onBringBack: (itemId: string) => void;
  onWake: (itemId: string) => void;
};

const DAY_MS = 24 * 3600 * 1000;

/** "now", "in 5 h", "tomorrow", "in 3 days": how far a due date is from the view's own clock. */
export function dueIn(dueAt: number, nowMs: number): string {
  const ms = dueAt - nowMs;
  if (ms <= 0) return 'now';
  if (ms < DAY_MS) return `in ${Math.max(1, Math.round(ms / 3_600_000))} h`;
  const days = Math.round(ms / DAY_MS);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export function TodayLater({ view, busy, onBringBack, onWake }: Props) {
  if (view.upcoming.length === 0 && view.retired.length === 0) return null;
  return (
    <details className="today-later">
      <summary>
        Coming up ({view.upcoming.length}){view.retired.length > 0 ? ` · Retired (${view.retired.length})` : ''}
      </summary>
      <div className="today-later-body">
        {view.upcoming.length > 0 ? (
          <ul className="today-upcoming" aria-label="Coming up">
            {view.upcoming.map((u) => (
              <li key={u.itemId}>
                <span className="today-item-title" title={u.title}>
                  {u.title}
                </span>
                <span className="today-meta" title={formatDateTime(u.dueAt)}>
                  {u.snoozedUntil !== null ? 'snoozed, back ' : 'due '}
                  {dueIn(u.dueAt, view.nowMs)}
                </span>
                {u.snoozedUntil !== null ? (
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    disabled={busy}
                    onClick={() => onWake(u.itemId)}
                  >
                    End snooze<span className="visually-hidden"> of {u.title}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {view.retired.length > 0 ? (
          <ul className="today-upcoming" aria-label="Retired">
            {view.retired.map((r) => (
              <li key={r.itemId}>
                <span className="today-item-title">{r.title}</span>
                <span className="today-meta">retired {formatDateTime(r.retiredAt)}</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  disabled={busy}
                  onClick={() => onBringBack(r.itemId)}
                >
                  Bring back<span className="visually-hidden"> {r.title}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
