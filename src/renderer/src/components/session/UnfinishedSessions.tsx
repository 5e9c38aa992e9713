/** Sessions left unfinished (crash, closed window): resume at the next round, or close them. */
import { useState } from 'react';
import type { UnfinishedSession } from '@shared/contract';
import { formatDateTime, plural } from '../../lib/format';
import { Icon } from '../ui/Icon';
import './UnfinishedSessions.css';

type Props = {
  sessions: UnfinishedSession[];
  onResume: (sessionId: string) => Promise<void>;
  onClose: (sessionId: string) => Promise<void>;
};

function summary(session: UnfinishedSession): string {
  const recovered = session.recoveredRounds.length;
  if (recovered > 0) return `${session.title} — ${plural(recovered, 'round')} recovered`;
  if (session.nextRoundIndex !== null) return `${session.title} — stopped at round ${session.nextRoundIndex + 1}`;
  return `${session.title} — not finished`;
}

export function UnfinishedSessions({ sessions, onResume, onClose }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (sessions.length === 0) return null;

  const run = async (sessionId: string, action: (id: string) => Promise<void>) => {
    setBusy(sessionId);
    setError(null);
    try {
      await action(sessionId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="unfinished-list">
      {sessions.map((session) => (
        <section key={session.sessionId} className="unfinished" aria-label="Unfinished session">
          <Icon name="review" size={18} />
          <div className="unfinished-body">
            <p className="unfinished-title">{summary(session)}</p>
            <p className="unfinished-meta">
              Started {formatDateTime(session.createdAt)}. Its recordings are kept
              {session.nextRoundIndex !== null ? `; resuming continues at round ${session.nextRoundIndex + 1}.` : '.'}
            </p>
          </div>
          <div className="unfinished-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy !== null}
              onClick={() => void run(session.sessionId, onResume)}
            >
              Resume<span className="visually-hidden"> {session.title}</span>
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy !== null}
              onClick={() => void run(session.sessionId, onClose)}
            >
              Close<span className="visually-hidden"> {session.title}</span>
            </button>
          </div>
        </section>
      ))}
      {error ? (
        <p className="unfinished-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
