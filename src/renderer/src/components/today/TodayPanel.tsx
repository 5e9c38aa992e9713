/**
 * "Today" at the top of the Library: the short session the schedule proposes (docs/metrics.md,
 * "Practise next"), why each item is there, one button to start it, snooze or retire per item, a seed
 * circuit when the single rounds look ready, and what comes up next. Open by default once there is
 * history; a first-time user sees it folded to one line.
 */
import { useState } from 'react';
import type { SessionSource, TodayEntry, TodayView } from '@shared/contract';
import { retireItem, snoozeItem, todayResource, useToday } from '../../api/today';
import { errorMessage } from '../../lib/errors';
import { formatDuration, plural } from '../../lib/format';
import { Badge, type BadgeTone } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { TodayLater, dueIn } from './TodayLater';
import './TodayPanel.css';

type Props = {
  /** Starts a session through the Library's own start path (session:start). */
  onStart: (source: SessionSource) => void;
  starting: boolean;
};

const reasonLabel: Record<TodayEntry['reason'], { text: string; tone: BadgeTone }> = {
  weak: { text: 'Weak last time', tone: 'circuit' },
  due: { text: 'Due again', tone: 'loop' },
  'question-type': { text: 'Question type due', tone: 'accent' },
  'new-category': { text: 'New category', tone: 'mock' },
};

/** Whether Today is unfolded, kept while the Library is left and revisited (null: the default). */
let openChoice: boolean | null = null;

function summary(view: TodayView): string {
  if (view.items.length === 0) {
    if (view.circuit) return 'Nothing single is due: a circuit looks ready.';
    const next = view.upcoming[0];
    return next
      ? `Nothing is due today. Next: ${next.title}, ${dueIn(next.dueAt, view.nowMs)}.`
      : 'Nothing is due today.';
  }
  return `${plural(view.items.length, 'item')} · ${formatDuration(view.budgetSeconds * 1000)}`;
}

export function TodayPanel({ onStart, starting }: Props) {
  const { data: view, error } = useToday();
  const [open, setOpen] = useState<boolean | null>(openChoice);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (!view) {
    return error ? (
      <section className="today panel" aria-label="Today">
        <p className="today-error" role="alert">
          Could not work out today’s practice: {errorMessage(error)}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void todayResource.refresh().catch(() => undefined)}
          >
            Try again
          </button>
        </p>
      </section>
    ) : null;
  }

  const unfolded = open ?? view.hasHistory;
  const toggle = () => {
    openChoice = !unfolded;
    setOpen(!unfolded);
  };
  const act = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="today panel" aria-labelledby="today-heading" data-testid="today">
      <div className="today-head">
        <Icon name="clock" size={18} />
        <div className="today-title">
          <h2 id="today-heading">Today</h2>
          <p className="today-sub">{view.hasHistory ? summary(view) : `New here: ${summary(view)} to start with`}</p>
        </div>
        <div className="today-actions">
          {view.items.length > 0 ? (
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={starting}
              onClick={() => onStart({ type: 'items', ids: view.items.map((e) => e.itemId) })}
            >
              <Icon name="play" size={14} />
              {starting ? 'Starting…' : 'Start today’s session'}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-expanded={unfolded}
            aria-controls="today-body"
            onClick={toggle}
          >
            {unfolded ? 'Hide' : 'Show'}
            <span className="visually-hidden"> today’s practice</span>
          </button>
        </div>
      </div>

      {unfolded ? (
        <div id="today-body" className="today-body">
          {view.items.length > 0 ? (
            <ol className="today-items" aria-label="Proposed items">
              {view.items.map((entry) => (
                <li key={entry.itemId} className="today-item">
                  <div className="today-item-head">
                    <span className="today-item-title">{entry.title}</span>
                    <Badge tone={reasonLabel[entry.reason].tone}>{reasonLabel[entry.reason].text}</Badge>
                  </div>
                  <p className="today-why" title={entry.why}>
                    {entry.why}
                  </p>
                  <div className="today-item-foot">
                    <span className="today-meta">
                      {entry.category} · {formatDuration(entry.budgetSeconds * 1000)}
                    </span>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={busy !== null}
                      title="Leave it out until tomorrow"
                      onClick={() => void act(entry.itemId, () => snoozeItem(entry.itemId, 1))}
                    >
                      Snooze<span className="visually-hidden"> {entry.title}</span> a day
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={busy !== null}
                      title="Never propose it again (you can bring it back below)"
                      onClick={() => void act(entry.itemId, () => retireItem(entry.itemId, true))}
                    >
                      Retire<span className="visually-hidden"> {entry.title}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          ) : null}
          {view.circuit ? (
            <div className="today-circuit" aria-label="Circuit ready">
              <Badge tone="circuit">Circuit</Badge>
              <div className="today-circuit-body">
                <span className="today-item-title">{view.circuit.title}</span>
                <p className="today-why">{view.circuit.why}</p>
              </div>
              <button
                type="button"
                className="btn btn-small"
                disabled={starting}
                onClick={() => onStart({ type: 'circuit', id: view.circuit!.id })}
              >
                Start circuit<span className="visually-hidden"> {view.circuit.title}</span> (
                {formatDuration(view.circuit.totalMinutes * 60_000)})
              </button>
            </div>
          ) : null}
          <TodayLater
            view={view}
            busy={busy !== null}
            onBringBack={(itemId) => void act(itemId, () => retireItem(itemId, false))}
            onWake={(itemId) => void act(itemId, () => snoozeItem(itemId, 0))}
          />
          {actionError ? (
            <p className="today-error" role="alert">
              {actionError}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
