/** After the last round (or ending early): each round's outcome, recording and follow-ups. */
import type { RoundView, SessionView } from '@shared/contract';
import { openReview } from '../../api/review';
import { formatDuration, plural } from '../../lib/format';
import { RoundStatusBadge } from '../ui/RoundStatusBadge';
import { roundTitle } from './ResetScreen';
import './SessionComplete.css';

type Props = { session: SessionView; endedEarly: boolean; onGoToLibrary: () => void; onAllSessions: () => void };

function recordingText(round: RoundView): string {
  const recording = round.recording;
  if (!recording) return 'No recording';
  if (recording.durationMs !== null) return `${formatDuration(recording.durationMs)} recorded`;
  if (recording.status === 'failed')
    return recording.bytes > 0 ? 'Recording kept (length unknown)' : 'No audio arrived';
  return 'Recording saved';
}

export function SessionComplete({ session, endedEarly, onGoToLibrary, onAllSessions }: Props) {
  const done = session.rounds.filter((r) => r.status === 'done' || r.status === 'recovered').length;
  return (
    <section className="session-complete panel" aria-labelledby="session-complete-heading">
      <header className="session-complete-header">
        <h2 id="session-complete-heading" tabIndex={-1}>
          Session complete
        </h2>
        <p className="muted">
          {endedEarly ? 'Ended early. ' : ''}
          {done} of {plural(session.rounds.length, 'round')} answered. Every recording is saved for review.
        </p>
      </header>
      <ol className="session-complete-list">
        {session.rounds.map((round) => (
          <li key={round.id} className="session-complete-round">
            <span className="session-complete-index" aria-hidden="true">
              {round.index + 1}
            </span>
            <span className="session-complete-title">
              <span className="visually-hidden">Round {round.index + 1}: </span>
              {roundTitle(round)}
            </span>
            <RoundStatusBadge status={round.status} />
            <span className="session-complete-detail">{recordingText(round)}</span>
            <span className="session-complete-detail">{plural(round.askedFollowUps.length, 'follow-up')} asked</span>
            {round.recording && round.recording.durationMs !== null ? (
              <button type="button" className="btn btn-small" onClick={() => openReview(round.id)}>
                Review round {round.index + 1}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="session-complete-actions">
        <button type="button" className="btn btn-primary" onClick={onGoToLibrary}>
          Go to the Library
        </button>
        <button type="button" className="btn" onClick={onAllSessions}>
          All sessions
        </button>
      </div>
    </section>
  );
}
