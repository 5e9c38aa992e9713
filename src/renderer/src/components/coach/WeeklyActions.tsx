/**
 * Progress: the weekly action list (coach:actions). Made when a week ends or on request; each action
 * is checked off once practised.
 */
import { useState } from 'react';
import { call } from '../../api/client';
import { useActionList } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { localTimeZone, weekStart } from '../../lib/local-week';
import './coach.css';

export function WeeklyActions() {
  // The candidate's current week began on their local Monday; a list is due for the week before it.
  const [monday] = useState(() => weekStart(Date.now(), localTimeZone()));
  const list = useActionList(monday);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    action()
      .catch((e: unknown) => setProblem(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const data = list.data;
  return (
    <section className="panel progress-section coach-section" aria-labelledby="progress-weekly-actions">
      <h2 id="progress-weekly-actions">This week’s actions</h2>
      <p className="muted coach-lead">
        At most five, from your “what I’ll change” lines, the question that stumped you, your most frequent flags, your
        weakest area and where you rambled.
      </p>
      {list.error && !data ? <p className="muted">Could not load the action list: {errorMessage(list.error)}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="weekly-actions" data-testid="weekly-actions">
          {data.items.map((item) => (
            <li key={item.id} className={item.doneAt ? 'is-done' : ''}>
              <label>
                <input
                  type="checkbox"
                  checked={item.doneAt !== null}
                  onChange={(e) => {
                    const done = e.target.checked;
                    // Ticked at once; the stored list replaces it (or the old one comes back on failure).
                    list.set({
                      ...data,
                      items: data.items.map((i) => (i.id === item.id ? { ...i, doneAt: done ? Date.now() : null } : i)),
                    });
                    run(async () => {
                      try {
                        list.set(await call('coach:actionCheck', { itemId: item.id, done }));
                      } catch (error) {
                        list.set(data);
                        throw error;
                      }
                    });
                  }}
                />
                <span>
                  <span className="weekly-action-text">{item.text}</span>
                  <span className="weekly-action-why">{item.why}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : data ? (
        <p className="muted">Nothing to act on from that week yet.</p>
      ) : list.error ? null : (
        <p className="muted">No list yet: one is made when a week of practice ends, or now on request.</p>
      )}
      <div className="coach-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => run(async () => list.set(await call('coach:actionsGenerate', {})))}
        >
          Make a list from the last 7 days
        </button>
        {data ? (
          <span className="muted">
            {data.reason === 'week-end' ? 'Made at the end of the week' : 'Made on request'},{' '}
            {formatDateTime(data.createdAt)}.
          </span>
        ) : null}
        {problem ? <span role="alert">{problem}</span> : null}
      </div>
    </section>
  );
}
