/**
 * What the candidate's voice shows during a round: the level meter (still while paused) and the
 * "we can't hear you" warning, shown and logged once per silence and cleared when speech is heard.
 */
import type { RunnerLog } from './runner-deps';
import type { RunnerStore } from './runner-store';
import type { VoiceMonitor } from './voice-monitor';

export type VoiceNoticesDeps = {
  store: RunnerStore;
  voice: VoiceMonitor;
  log: RunnerLog;
  roundId: () => string;
  /** Now on the round's clock (ms since its recording started, paused time left out). */
  roundMs: () => number;
};

export class VoiceNotices {
  constructor(private readonly deps: VoiceNoticesDeps) {}

  /** A loudness reading (RMS 0–1) from the current round's recording. */
  level(rms: number): void {
    const { store, voice } = this.deps;
    if (store.getState().paused) return;
    const level = voice.update(rms);
    if (level !== store.getState().level) store.set({ level });
  }

  checkSilence(): void {
    const { store, voice } = this.deps;
    if (store.getState().recording !== 'on') return;
    const heard = voice.checkSilence();
    if (heard === 'heard' && store.getState().silent) store.set({ silent: false });
    if (heard === 'silent') {
      store.set({ silent: true });
      this.deps.log('mic-silent', { ms: this.deps.roundMs() }, this.deps.roundId());
    }
  }
}
