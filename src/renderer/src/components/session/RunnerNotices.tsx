/**
 * What went wrong or needs attention during a round: recording stopped, no voice, silence, live
 * listening fallen behind, failed actions.
 */
import type { RunnerState } from '../../session/engine/runner-state';
import { Notice } from './Notice';

type Props = { state: RunnerState; onRetry: () => void; onDismissError: () => void };

export const silenceMessage = 'We can’t hear you — is the microphone muted?';
export const notSavingMessage =
  'Loop Coach is not answering, so the recording is kept in this window and being retried.';
export const voiceMissingMessage =
  'No speech voice is available: prompts and follow-ups are shown as text with a cue sound.';

export function RunnerNotices({ state, onRetry, onDismissError }: Props) {
  return (
    <div className="runner-notices">
      {state.error ? (
        <Notice
          tone="danger"
          role="alert"
          title="That did not work"
          actions={
            state.phase === 'finishing' ? (
              <button type="button" className="btn" onClick={onRetry} disabled={state.pending}>
                Try again
              </button>
            ) : (
              <button type="button" className="btn" onClick={onDismissError}>
                Dismiss
              </button>
            )
          }
        >
          {state.error} Your recordings so far are kept.
        </Notice>
      ) : null}
      {state.notSaving ? (
        <Notice tone="danger" role="alert" title="Your answer is not being saved right now">
          {notSavingMessage} Keep answering: nothing is lost while this page stays open. Follow-ups wait until saving
          works again.
        </Notice>
      ) : null}
      {state.recordingNotice ? (
        <Notice tone="danger" role="alert" title="Recording stopped">
          {state.recordingNotice} The round goes on without recording: keep answering, the timer and follow-ups
          continue.
        </Notice>
      ) : null}
      {state.silent ? (
        <Notice tone="warn" role="status">
          {silenceMessage} Check the mute switch or the input chosen in your system settings.
        </Notice>
      ) : null}
      {state.liveNotice ? (
        <Notice tone="info" role="status">
          {state.liveNotice}
        </Notice>
      ) : null}
      {state.voiceMissing ? (
        <Notice tone="info" role="status">
          {voiceMissingMessage}
        </Notice>
      ) : null}
    </div>
  );
}
