/**
 * What the runner needs of live listening during one round: start it for the round's recording,
 * hear its utterances (words and coverage so far) and its status, and stop sending audio at the
 * round's end. `session/browser/` makes the real one (AudioWorklet → 'live:frames', events back);
 * unit tests make a fake. Pure types: no React, no DOM.
 */
import type { LiveStartOutput, LiveStatus, LiveUtterance } from '@shared/contract';

export type LiveEvents = { utterance: LiveUtterance; status: LiveStatus };

export type LiveSource = {
  /**
   * Starts listening to the round's recording. `recordingStartPerfMs` is the recording's t0 on
   * performance.now()'s clock, which places the audio on the recording timeline. Resolves with
   * whether it listens (no model: not listening, and the round runs as before).
   */
  start(round: { roundId: string; recordingId: string; recordingStartPerfMs: number }): Promise<LiveStartOutput>;
  /** Subscribes to this round's events; returns the unsubscribe. */
  on<K extends keyof LiveEvents>(event: K, listener: (payload: LiveEvents[K]) => void): () => void;
  /** Pauses/resumes sending audio with the recording. */
  pause(): void;
  resume(): void;
  /** Stops sending audio (round end or abandon); utterances already sent may still arrive. */
  stop(): void;
};
