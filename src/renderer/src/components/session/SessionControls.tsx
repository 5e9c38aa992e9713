/** Pause/Resume, Next round (Finish session on the last), Skip round and End session (confirmed). */
import { EndSessionButton } from './EndSessionButton';
import './SessionControls.css';

type Props = {
  paused: boolean;
  lastRound: boolean;
  disabled: boolean;
  onTogglePause: () => void;
  onNext: () => void;
  onSkip: () => void;
  onEnd: () => void;
};

export function SessionControls({ paused, lastRound, disabled, onTogglePause, onNext, onSkip, onEnd }: Props) {
  return (
    <div className="session-controls" role="group" aria-label="Session controls">
      <button type="button" className="btn" disabled={disabled} onClick={onTogglePause}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={onNext}>
        {lastRound ? 'Finish session' : 'Next round'}
      </button>
      <button type="button" className="btn" disabled={disabled} onClick={onSkip}>
        Skip round
      </button>
      <span className="session-controls-spacer" />
      <EndSessionButton disabled={disabled} onEnd={onEnd} />
    </div>
  );
}
