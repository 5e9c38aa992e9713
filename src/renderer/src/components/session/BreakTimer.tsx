/** A circuit's break before the next round: a countdown and "Skip break". */
import type { BreakState } from '../../session/engine/runner-state';
import { formatClock } from '../../lib/format';
import { Icon } from '../ui/Icon';
import './BreakTimer.css';

type Props = { state: BreakState; onSkip: () => void };

export function BreakTimer({ state, onSkip }: Props) {
  return (
    <section className="break-timer" aria-label="Break">
      <Icon name="coffee" size={22} />
      <div className="break-timer-body">
        <p className="break-timer-label">{state.label}</p>
        {state.note ? <p className="break-timer-note">{state.note}</p> : null}
      </div>
      <div className="break-timer-clock" role="timer" aria-label="Break timer">
        {state.over ? 'Break over' : `${formatClock(state.remainingMs + 999)} left`}
      </div>
      {state.over ? null : (
        <button type="button" className="btn" onClick={onSkip}>
          Skip break
        </button>
      )}
    </section>
  );
}
