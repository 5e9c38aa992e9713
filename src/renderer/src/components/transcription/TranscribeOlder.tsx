/**
 * "Transcribe older rounds": asks the engine for every older round with audio and no transcript
 * (transcription:backfill) and follows it with transcription:progress. Mounted by Settings →
 * Transcription; without a chosen model the button says what to do first.
 */
import { useEffect, useState } from 'react';
import type { TranscriptionProgress } from '@shared/contract';
import { call, subscribe } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { plural } from '../../lib/format';
import './TranscribeOlder.css';

type State = { kind: 'idle' } | { kind: 'asking' } | { kind: 'nothing' } | { kind: 'failed'; message: string };

export function TranscribeOlder({ modelChosen }: { modelChosen: boolean }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [progress, setProgress] = useState<TranscriptionProgress | null>(null);

  useEffect(() => subscribe('transcription:progress', setProgress), []);

  const start = () => {
    setState({ kind: 'asking' });
    call('transcription:backfill', {}).then(
      (result) => setState(result.queued === 0 ? { kind: 'nothing' } : { kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  };

  const working = progress !== null && progress.total > 0 && progress.done < progress.total;
  const finished = progress !== null && progress.total > 0 && progress.done >= progress.total;
  return (
    <div className="transcribe-older">
      <div className="transcribe-older-row">
        <button
          type="button"
          className="btn"
          onClick={start}
          disabled={!modelChosen || working || state.kind === 'asking'}
          aria-describedby="transcribe-older-status"
        >
          Transcribe older rounds
        </button>
        <p id="transcribe-older-status" className="transcribe-older-status" role="status">
          {!modelChosen
            ? 'Choose and download a model first.'
            : state.kind === 'failed'
              ? state.message
              : state.kind === 'nothing'
                ? 'Every round with a recording already has a transcript.'
                : working
                  ? `Transcribing: ${progress.done} of ${plural(progress.total, 'round')} done.`
                  : finished
                    ? `Done: ${plural(progress.total, 'older round')} transcribed.`
                    : 'Rounds recorded before you chose a model have no transcript yet.'}
        </p>
      </div>
      {working || finished ? (
        <progress
          className="transcribe-older-progress"
          aria-label="Transcribing older rounds"
          max={progress.total}
          value={progress.done}
        >
          {progress.done} of {progress.total}
        </progress>
      ) : null}
    </div>
  );
}
