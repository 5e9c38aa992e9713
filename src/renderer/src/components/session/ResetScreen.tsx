/**
 * Between rounds: where you are in the session (the most prominent line), whether the question type
 * changes (said quietly when it does not), what the next round asks for, and a break on circuits.
 */
import type { RoundView } from '@shared/contract';
import { useLibrary } from '../../api/library';
import { formatDuration, plural } from '../../lib/format';
import { indexQuestionTypes, questionTypeTitle } from '../../lib/question-types';
import { BreakTimer } from './BreakTimer';
import { EndSessionButton } from './EndSessionButton';
import type { BreakState } from '../../session/engine/runner-state';
import './ResetScreen.css';
import { roundTitle as sharedRoundTitle } from '@shared/round-title';

type Props = {
  previous: RoundView | null;
  next: RoundView;
  total: number;
  breakState: BreakState | null;
  pending: boolean;
  onSkipBreak: () => void;
  onStart: () => void;
  onEnd: () => void;
};

export function roundTitle(round: RoundView): string {
  return sharedRoundTitle(round, ' — ');
}

export function ResetScreen({ previous, next, total, breakState, pending, onSkipBreak, onStart, onEnd }: Props) {
  const { data: library } = useLibrary();
  const types = indexQuestionTypes(library?.questionTypes ?? []);
  const nextType = questionTypeTitle(types, next.questionType);
  const shape = types.get(next.questionType)?.answerShape ?? [];
  const number = next.index + 1;

  return (
    <section className="reset-screen panel" aria-labelledby="reset-heading">
      <h2 id="reset-heading" className="reset-position" tabIndex={-1}>
        <span className="reset-position-label">Next:</span>{' '}
        <span className="reset-position-value">
          round {number} of {total}
        </span>
      </h2>
      {previous && previous.questionType === next.questionType ? (
        <p className="reset-switch reset-switch-same">Same question type: {nextType}</p>
      ) : previous ? (
        <p className="reset-switch">
          Switching from <span className="reset-switch-from">{questionTypeTitle(types, previous.questionType)}</span> to{' '}
          <strong className="reset-switch-to">{nextType}</strong>
        </p>
      ) : (
        <p className="reset-switch">
          Question type: <strong className="reset-switch-to">{nextType}</strong>
        </p>
      )}
      <p className="reset-meta">
        {previous ? (
          <>
            From <strong>{roundTitle(previous)}</strong> to <strong>{roundTitle(next)}</strong>
          </>
        ) : (
          <strong>{roundTitle(next)}</strong>
        )}{' '}
        · {next.category} · {formatDuration(next.budgetSeconds * 1000)} to answer ·{' '}
        {plural(next.followUps.length, 'follow-up')}
      </p>
      {breakState ? <BreakTimer state={breakState} onSkip={onSkipBreak} /> : null}
      {shape.length > 0 ? (
        <div className="reset-shape">
          <h3>Answer shape for {nextType.toLowerCase()}</h3>
          <ol>
            {shape.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <div className="reset-actions">
        <button type="button" className="btn btn-primary btn-large" disabled={pending} onClick={onStart}>
          Start round {number}
        </button>
        <span className="muted reset-hint">The prompt is spoken, then a chime: start answering at the chime.</span>
        <EndSessionButton disabled={pending} onEnd={onEnd} />
      </div>
    </section>
  );
}
