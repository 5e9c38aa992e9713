/**
 * The runner's one speaker, made on first use (a voice that arrives late is picked up by the
 * speaker itself), and the "no voice" notice: shown and logged once while no voice is available,
 * cleared when one turns up.
 */
import type { RunnerDeps, RunnerLog, SpeakerPort } from './runner-deps';
import type { RunnerStore } from './runner-store';

export type RunnerSpeakerDeps = {
  makeSpeaker: RunnerDeps['makeSpeaker'];
  store: RunnerStore;
  log: RunnerLog;
  /** The current round, for the voice-missing log entry. */
  roundId: () => string;
};

export class RunnerSpeaker {
  private speakerPromise: Promise<SpeakerPort> | null = null;
  private speaker: SpeakerPort | null = null;

  constructor(private readonly deps: RunnerSpeakerDeps) {}

  get(): Promise<SpeakerPort> {
    const { store } = this.deps;
    this.speakerPromise ??= this.deps.makeSpeaker().then((speaker) => {
      this.speaker = speaker;
      return speaker;
    });
    return this.speakerPromise.then((speaker) => {
      if (!speaker.available && !store.getState().voiceMissing) {
        store.set({ voiceMissing: true });
        this.deps.log('voice-missing', {}, this.deps.roundId());
      } else if (speaker.available && store.getState().voiceMissing) store.set({ voiceMissing: false });
      return speaker;
    });
  }

  /** Cuts off whatever is being said (nothing when the speaker is not made yet). */
  cancel(): void {
    this.speaker?.cancel();
  }
}
