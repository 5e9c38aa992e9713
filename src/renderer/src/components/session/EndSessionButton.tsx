/** "End session", confirmed in place: the recordings so far are kept, rounds not started are left out. */
import { useState } from 'react';
import './EndSessionButton.css';

type Props = { disabled: boolean; onEnd: () => void };

export function EndSessionButton({ disabled, onEnd }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn btn-ghost end-session-button"
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        End session
      </button>
    );
  }
  return (
    <div
      className="end-session-confirm"
      role="alertdialog"
      aria-labelledby="end-confirm-title"
      aria-describedby="end-confirm-text"
    >
      <div>
        <p id="end-confirm-title" className="end-session-confirm-title">
          End the session now?
        </p>
        <p id="end-confirm-text" className="end-session-confirm-text">
          Recordings so far are kept. Rounds you have not started are left out.
        </p>
      </div>
      <div className="end-session-confirm-buttons">
        <button type="button" className="btn" autoFocus onClick={() => setConfirming(false)}>
          Keep going
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            onEnd();
          }}
        >
          End now
        </button>
      </div>
    </div>
  );
}
