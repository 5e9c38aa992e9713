/** The round could not start recording: try again, or run the round without recording. */
import { EndSessionButton } from './EndSessionButton';
import { Notice } from './Notice';

type Props = {
  roundNumber: number;
  message: string;
  pending: boolean;
  onRetry: () => void;
  onContinueWithout: () => void;
  onEnd: () => void;
};

export function StartProblem({ roundNumber, message, pending, onRetry, onContinueWithout, onEnd }: Props) {
  return (
    <Notice
      tone="danger"
      role="alert"
      title={`Round ${roundNumber} cannot record yet`}
      actions={
        <>
          <button type="button" className="btn btn-primary" disabled={pending} onClick={onRetry}>
            Try again
          </button>
          <button type="button" className="btn" disabled={pending} onClick={onContinueWithout}>
            Continue without recording
          </button>
          <EndSessionButton disabled={pending} onEnd={onEnd} />
        </>
      }
    >
      <p>{message}</p>
      <p className="muted">Without recording, the round still runs: prompt, timer and follow-ups.</p>
    </Notice>
  );
}
