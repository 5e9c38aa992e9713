/** The most recent sessions, newest first; each can be opened to see its plan. */
import { useState, type ReactNode } from 'react';
import type { RecentSessions as RecentSessionsState, SessionListEntry } from '../../api/sessions';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import { Badge } from '../ui/Badge';
import { ShowMore } from '../ui/ShowMore';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import './RecentSessions.css';

const statusLabel: Record<SessionListEntry['status'], string> = {
  planned: 'Planned',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
  abandoned: 'Abandoned',
};

type Props = {
  recent: RecentSessionsState;
  onOpen?: (sessionId: string) => Promise<void>;
  /** Shown when there are no sessions at all. */
  empty: ReactNode;
  headingLevel?: 'h2' | 'h3';
};

export function RecentSessions({ recent, onOpen, empty, headingLevel = 'h2' }: Props) {
  const [openError, setOpenError] = useState<string | null>(null);
  const Heading = headingLevel;
  const { sessions, error, reload } = recent;

  let body: ReactNode;
  if (error && !sessions) {
    body = <LoadError icon="alert" title="Could not load your sessions" error={error} onRetry={reload} />;
  } else if (!sessions) {
    body = <StateMessage kind="loading" title="Loading sessions…" compact />;
  } else if (sessions.length === 0) {
    body = empty;
  } else {
    body = (
      <>
        <ul className="recent-list" aria-label="Sessions">
          {sessions.map((session) => (
            <li key={session.id} className="recent-row">
              <div className="recent-main">
                <span className="recent-title">{session.title}</span>
                <span className="recent-meta">
                  {formatDateTime(session.createdAt)} · {plural(session.roundCount, 'round')}
                </span>
              </div>
              <Badge tone={session.status === 'ended' ? 'accent' : 'neutral'}>{statusLabel[session.status]}</Badge>
              {onOpen ? (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Open ${session.title}`}
                  onClick={() => {
                    setOpenError(null);
                    onOpen(session.id).catch((err: unknown) => setOpenError(errorMessage(err)));
                  }}
                >
                  Open
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <ShowMore list={recent} what="sessions" />
      </>
    );
  }

  return (
    <section className="recent panel" aria-labelledby="recent-heading">
      <Heading id="recent-heading" className="recent-heading">
        Recent sessions
      </Heading>
      {openError ? (
        <p className="recent-error" role="alert">
          Could not open that session: {openError}
        </p>
      ) : null}
      {body}
    </section>
  );
}
