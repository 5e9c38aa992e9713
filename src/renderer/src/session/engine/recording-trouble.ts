/**
 * Recording trouble mid-round: chunks not reaching the disk (say so, and ask no new follow-up until
 * they do again) and the recording stopping by itself (the round goes on without it).
 */
import type { RoundFollowUps } from './round-follow-ups';
import type { MediaLoss, RunnerLog, UploadStatus } from './runner-deps';
import type { RunnerStore } from './runner-store';

export type RecordingTroubleDeps = {
  store: RunnerStore;
  log: RunnerLog;
  roundId: () => string;
  /** The current round's follow-ups, once the answer cue has started them. */
  followUps: () => RoundFollowUps | null;
};

export class RecordingTrouble {
  constructor(private readonly deps: RecordingTroubleDeps) {}

  uploadStatus(status: Exclude<UploadStatus, { state: 'failed' }>): void {
    const { store, followUps } = this.deps;
    if (status.state === 'retrying') {
      // Nothing reaches the disk: say so, and ask nothing new until it does again.
      store.set({ notSaving: { unsavedChunks: status.unsavedChunks, reason: status.reason } });
      followUps()?.hold('not-saving');
    } else if (store.getState().notSaving) {
      store.set({ notSaving: null });
      followUps()?.release('not-saving');
    }
  }

  lost(loss: MediaLoss): void {
    this.deps.log(
      'mic-error',
      { problem: loss.kind === 'unplugged' ? 'unplugged' : 'upload-failed', message: loss.message.slice(0, 500) },
      this.deps.roundId(),
    );
    this.deps.store.set({
      recording: 'stopped',
      recordingNotice: loss.message,
      notSaving: null,
      level: 0,
      silent: false,
    });
    // The round goes on without recording: follow-ups continue.
    this.deps.followUps()?.release('not-saving');
  }
}
