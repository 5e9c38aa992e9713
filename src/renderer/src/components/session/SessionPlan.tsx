/** The planned rounds of a session (before the live runner exists). Follow-up text is never shown. */
import type { SessionView } from '@shared/contract';
import { useLibrary } from '../../api/library';
import { formatDuration, plural } from '../../lib/format';
import { indexQuestionTypes, questionTypeTitle } from '../../lib/question-types';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import './SessionPlan.css';
import { roundTitle } from '@shared/round-title';

export function SessionPlan({ session }: { session: SessionView }) {
  const { data: library } = useLibrary();
  const types = indexQuestionTypes(library?.questionTypes ?? []);
  const answering = session.rounds.reduce((sum, r) => sum + r.budgetSeconds, 0);
  const breaks = session.rounds.reduce((sum, r) => sum + (r.breakBefore?.seconds ?? 0), 0);

  return (
    <section className="session-plan panel" aria-labelledby="session-plan-heading">
      <header className="session-plan-header">
        <h2 id="session-plan-heading">Planned rounds</h2>
        <span className="session-plan-total">
          {plural(session.rounds.length, 'round')} · {formatDuration(answering * 1000)} answering
          {breaks > 0 ? ` · ${formatDuration(breaks * 1000)} of breaks` : ''}
        </span>
      </header>
      <ol className="session-plan-list">
        {session.rounds.map((round) => (
          <li key={round.id} className="session-plan-entry">
            {round.breakBefore ? (
              <div className="session-plan-break">
                <Icon name="coffee" size={14} />
                <span>
                  Break before round {round.index + 1}: {round.breakBefore.label} ·{' '}
                  {formatDuration(round.breakBefore.seconds * 1000)}
                  {round.breakBefore.note ? ` — ${round.breakBefore.note}` : ''}
                </span>
              </div>
            ) : null}
            <div className="session-plan-round">
              <span className="session-plan-index" aria-hidden="true">
                {round.index + 1}
              </span>
              <div className="session-plan-body">
                <span className="session-plan-title">
                  <span className="visually-hidden">Round {round.index + 1}: </span>
                  {roundTitle(round, ' — ')}
                </span>
                <span className="session-plan-meta">
                  {round.category} · <Badge tone="accent">{questionTypeTitle(types, round.questionType)}</Badge> ·{' '}
                  {plural(round.followUps.length, 'follow-up')} (hidden until the round)
                </span>
              </div>
              <span className="session-plan-budget">
                <span className="visually-hidden">Budget </span>
                {formatDuration(round.budgetSeconds * 1000)}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
