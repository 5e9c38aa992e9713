/**
 * The candidate's voice during a round, from the recorder's loudness: the level meter's 0–100,
 * speech and pauses (for the follow-up modes that listen), and the "we can't hear you" warning.
 */
import type { VoiceActivity } from './follow-up-schedule';
import { VoiceActivityTracker } from './voice-activity';

export const SILENCE_WARNING_MS = 10_000;

export class VoiceMonitor {
  private tracker: VoiceActivityTracker;
  private levelSeen = false;
  private warned = false;

  constructor(private readonly now: () => number) {
    this.tracker = new VoiceActivityTracker(now);
  }

  /** Starts listening afresh (a new round, the answer cue, after a pause): past silence no longer counts. */
  reset(options: { forgetLevel?: boolean } = {}): void {
    this.tracker = new VoiceActivityTracker(this.now);
    this.warned = false;
    if (options.forgetLevel) this.levelSeen = false;
  }

  /** A loudness reading (RMS 0–1); returns the meter's level 0–100. */
  update(rms: number): number {
    this.levelSeen = true;
    this.tracker.update(rms);
    const db = 20 * Math.log10(Math.max(rms, 1e-6));
    return Math.round(Math.min(1, Math.max(0, (db + 60) / 60)) * 100);
  }

  /** The voice alone; whether a silence ends a thought is end-of-thought.ts's call. */
  get activity(): Omit<VoiceActivity, 'endOfThought'> & { speaking: boolean; spoke: boolean } {
    return this.tracker.state;
  }

  /** 'silent' once when quiet for SILENCE_WARNING_MS, 'heard' whenever speech is heard, else null. */
  checkSilence(): 'silent' | 'heard' | null {
    if (!this.levelSeen) return null;
    const voice = this.tracker.state;
    if (voice.speaking) {
      this.warned = false;
      return 'heard';
    }
    if (voice.silentForMs >= SILENCE_WARNING_MS && !this.warned) {
      this.warned = true;
      return 'silent';
    }
    return null;
  }
}
