/** The Review screen's default view: rounds waiting to be scored, and recent sessions to summarise. */
import type { ReviewQueueEntry } from '@shared/contract';
import { useReviewQueue } from '../../api/review';
import { useRecentSessions } from '../../api/sessions';
import { useSettings } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatDuration, plural } from '../../lib/format';
import { Badge } from '../ui/Badge';
import { RescorePrompt } from '../coach/RescorePrompt';
import { ScreenHeader } from '../ui/ScreenHeader';
import { ShowMore } from '../ui/ShowMore';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import { TranscriptSearch } from './TranscriptSearch';
import './ReviewLists.css';

type Props = {
  /** atMs: open the review at this moment of the recording (a transcript search hit). */
  onOpenRound: (roundId: string, atMs?: number) => void;
  onSummary: (sessionId: string) => void;
};

function QueueRow({ entry, blind, onOpen }: { entry: ReviewQueueEntry; blind: boolean; onOpen: () => void }) {
  const started = entry.startedAt === null ? 'Not started' : formatDateTime(entry.startedAt);
  const partial = entry.scores.clarity !== null || entry.scores.rigor !== null || entry.scores.speed !== null;
  return (
    <li>
      <button type="button" className="queue-row" aria-label={`Review ${entry.title}`} onClick={onOpen}>
        <span className="queue-main">
          <span className="queue-title">{entry.title}</span>
          <span className="queue-meta">
            {entry.sessionTitle} · {started}
          </span>
        </span>
        {partial ? <Badge tone="circuit">Partly scored</Badge> : null}
        <Badge tone="neutral">{entry.category}</Badge>
        <span className="queue-duration" title={blind ? 'Hidden by blind scoring' : 'Recording length'}>
          {blind ? '—' : formatDuration(entry.durationMs)}
        </span>
        <span className="queue-go" aria-hidden="true">
          Review ›
        </span>
      </button>
    </li>
  );
}

export function ReviewHome({ onOpenRound, onSummary }: Props) {
  const queue = useReviewQueue();
  const recent = useRecentSessions(20);
  const { data: settings } = useSettings();
  const blind = settings?.blindScoring ?? false;

  let queueBody;
  if (queue.error && !queue.entries) {
    queueBody = (
      <LoadError icon="alert" title="Could not load the rounds to score" error={queue.error} onRetry={queue.reload} />
    );
  } else if (!queue.entries) {
    queueBody = <StateMessage kind="loading" title="Loading rounds to score…" compact />;
  } else if (queue.entries.length === 0 && recent.sessions?.length) {
    queueBody = (
      <StateMessage kind="empty" icon="review" title="Nothing to score — every recorded round is scored" compact>
        Rounds you answer in your next session appear here, newest first.
      </StateMessage>
    );
  } else if (queue.entries.length === 0) {
    queueBody = (
      <StateMessage kind="empty" icon="review" title="Nothing to review yet — recorded rounds appear here" compact>
        Once you answer rounds in a session, each recording shows up here to be played back and scored.
      </StateMessage>
    );
  } else {
    queueBody = (
      <>
        <ul className="queue-list" aria-label="Rounds to score">
          {queue.entries.map((entry) => (
            <QueueRow key={entry.roundId} entry={entry} blind={blind} onOpen={() => onOpenRound(entry.roundId)} />
          ))}
        </ul>
        <ShowMore list={queue} what="rounds to score" />
      </>
    );
  }

  let sessionsBody;
  if (recent.error && !recent.sessions) {
    sessionsBody = (
      <StateMessage kind="error" icon="alert" title="Could not load your sessions" compact>
        {errorMessage(recent.error)}
      </StateMessage>
    );
  } else if (!recent.sessions) {
    sessionsBody = <StateMessage kind="loading" title="Loading sessions…" compact />;
  } else if (recent.sessions.length === 0) {
    sessionsBody = (
      <StateMessage kind="empty" title="No sessions yet" compact>
        Sessions you start in the Library are listed here.
      </StateMessage>
    );
  } else {
    sessionsBody = (
      <>
        <ul className="review-session-list" aria-label="Sessions">
          {recent.sessions.map((session) => (
            <li key={session.id} className="review-session-row">
              <span className="queue-main">
                <span className="queue-title">{session.title}</span>
                <span className="queue-meta">
                  {formatDateTime(session.createdAt)} · {plural(session.roundCount, 'round')}
                </span>
              </span>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Summary of ${session.title}`}
                onClick={() => onSummary(session.id)}
              >
                Summary
              </button>
            </li>
          ))}
        </ul>
        <ShowMore list={recent} what="sessions" />
      </>
    );
  }

  return (
    <div className="review-home">
      <ScreenHeader title="Review" subtitle="Listen back, score yourself and compare with the expected points." />
      <RescorePrompt />
      <TranscriptSearch onOpen={onOpenRound} />
      <section className="panel review-list-panel" aria-labelledby="queue-heading">
        <div className="review-list-head">
          <h2 id="queue-heading">To score</h2>
          {queue.entries && queue.entries.length ? (
            <span className="muted">
              {queue.hasMore ? `${queue.entries.length} shown` : plural(queue.entries.length, 'round')}, newest first
            </span>
          ) : null}
        </div>
        {queueBody}
      </section>
      <section className="panel review-list-panel" aria-labelledby="review-sessions-heading">
        <div className="review-list-head">
          <h2 id="review-sessions-heading">Recent sessions</h2>
        </div>
        {sessionsBody}
      </section>
    </div>
  );
}
