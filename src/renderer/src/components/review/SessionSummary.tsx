/** Every round of one session: title, status, length and scores, each opening its review. */
import { useSessionSummary } from '../../api/review';
import { useSettings } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatDuration, plural } from '../../lib/format';
import { RoundStatusBadge } from '../ui/RoundStatusBadge';
import { Icon } from '../ui/Icon';
import { StateMessage } from '../ui/StateMessage';
import { allScored, roundLabel } from './review-meta';
import { ScoreChips } from './ScoreChips';
import { TimeAllocationChart } from '../charts/TimeAllocationChart';
import { SessionFatigue } from '../coach/SessionFatigue';
import './ReviewLists.css';

type Props = {
  sessionId: string;
  onBack: () => void;
  onOpenRound: (roundId: string) => void;
  onOpenSession: (sessionId: string) => Promise<void>;
};

export function SessionSummary({ sessionId, onBack, onOpenRound, onOpenSession }: Props) {
  const summary = useSessionSummary(sessionId);
  const { data: settings } = useSettings();
  const blind = settings?.blindScoring ?? false;

  const header = (title: string, meta?: string) => (
    <header className="subview-header">
      <button type="button" className="btn btn-ghost round-review-back" onClick={onBack}>
        <Icon name="back" />
        Review list
      </button>
      <div className="subview-heading">
        <h1 tabIndex={-1} data-screen-heading="">
          {title}
        </h1>
        {meta ? <p className="round-review-meta">{meta}</p> : null}
      </div>
    </header>
  );

  if (summary.error && !summary.data) {
    return (
      <div className="review-home">
        {header('Session summary')}
        <div className="panel">
          <StateMessage kind="error" icon="alert" title="Could not load this session">
            {errorMessage(summary.error)}
          </StateMessage>
        </div>
      </div>
    );
  }
  if (!summary.data) return <StateMessage kind="loading" title="Loading the session…" />;

  const { session, reviews } = summary.data;
  const scoredCount = session.rounds.filter((r) => {
    const review = reviews.get(r.id);
    return review ? allScored(review.scores) : false;
  }).length;

  return (
    <div className="review-home">
      {header(
        `Summary: ${session.title}`,
        `${formatDateTime(session.createdAt)} · ${plural(session.rounds.length, 'round')} · ${scoredCount} scored`,
      )}
      <section className="panel review-list-panel" aria-label="Rounds">
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Round</th>
              <th scope="col">Status</th>
              <th scope="col">Length</th>
              <th scope="col">Scores</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {session.rounds.map((round) => {
              const review = reviews.get(round.id);
              const scores = review?.scores ?? { clarity: null, rigor: null, speed: null };
              const recorded = round.recording !== null && round.recording.durationMs !== null;
              const hideLength = blind && !allScored(scores);
              const title = roundLabel(round);
              return (
                <tr key={round.id}>
                  <td className="summary-index">{round.index + 1}</td>
                  <th scope="row" className="summary-title">
                    {title}
                    <span className="summary-sub">{round.category}</span>
                  </th>
                  <td>
                    <RoundStatusBadge status={round.status} />
                  </td>
                  <td className="summary-num">
                    {recorded ? (hideLength ? '—' : formatDuration(round.recording!.durationMs)) : 'No audio'}
                  </td>
                  <td>
                    <ScoreChips scores={scores} />
                  </td>
                  <td className="summary-actions">
                    {recorded ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Review ${title}`}
                        onClick={() => onOpenRound(round.id)}
                      >
                        Review
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {blind && scoredCount < session.rounds.length ? null : (
        <section className="panel" aria-label="Time allocation">
          <TimeAllocationChart
            sessionId={session.id}
            headingLevel="h2"
            title="Time allocation: planned against actual"
          />
        </section>
      )}
      {blind && scoredCount < session.rounds.length ? null : <SessionFatigue sessionId={session.id} />}
      <div>
        <button
          type="button"
          className="btn"
          onClick={() => void onOpenSession(session.id).catch(() => undefined)}
          aria-label={`Open ${session.title} in the Session screen`}
        >
          Open in the Session screen
        </button>
      </div>
    </div>
  );
}
