/** Opening a round's audio: the microphone, then the round's recording on the main side. */
import type { RoundView } from '@shared/contract';
import { MicrophoneError, microphoneMessages, type MicrophoneProblem } from './microphone-problems';
import type { LiveSource } from './live-source';
import type { MediaHandlers, MediaPort, RunnerDeps } from './runner-deps';

/** Live listening on the round's microphone, not started yet (it needs the recording's t0). */
export type RoundLive = { source: LiveSource; recordingId: string };

export type RoundOpening =
  | { kind: 'open'; media: MediaPort; live: RoundLive | null }
  /** Why it could not start, in words for the user; `micProblem` when the microphone was the cause. */
  | { kind: 'problem'; message: string; micProblem?: MicrophoneProblem }
  /** The round was left meanwhile: everything opened was closed again. */
  | { kind: 'left' };

export async function openRound(
  deps: Pick<RunnerDeps, 'openMicrophone' | 'call' | 'mimeType' | 'createMedia' | 'createLive'>,
  sessionId: string,
  round: RoundView,
  current: () => boolean,
  handlers: MediaHandlers,
): Promise<RoundOpening> {
  let stream;
  try {
    stream = await deps.openMicrophone();
  } catch (error) {
    const micProblem = error instanceof MicrophoneError ? error.problem : 'unknown';
    const message = error instanceof MicrophoneError ? error.message : microphoneMessages.unknown;
    return { kind: 'problem', message, micProblem };
  }
  try {
    const { recording } = await deps.call('round:begin', {
      sessionId,
      roundIndex: round.index,
      mimeType: deps.mimeType() || 'audio/webm',
    });
    if (!current()) {
      stream.stopTracks();
      void deps.call('recording:finish', { recordingId: recording.id }).catch(() => undefined);
      return { kind: 'left' };
    }
    const media = deps.createMedia(stream, recording, handlers);
    const source = deps.createLive?.(stream);
    return { kind: 'open', media, live: source ? { source, recordingId: recording.id } : null };
  } catch (error) {
    stream.stopTracks();
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'problem', message: `The round’s recording could not start: ${reason}` };
  }
}
