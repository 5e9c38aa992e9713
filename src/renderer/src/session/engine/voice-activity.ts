/**
 * A light, adaptive speech/silence tracker on the recorder's loudness, used live to find the
 * candidate's pauses (follow-up timing, silence warnings). Offline analysis uses a real VAD.
 */
export class VoiceActivityTracker {
  private noiseFloor = 0.003;
  private speaking = false;
  private spoke = false;
  private since = 0;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  update(rms: number): void {
    // The floor follows quiet input quickly and loud input slowly.
    this.noiseFloor = rms < this.noiseFloor ? rms * 0.5 + this.noiseFloor * 0.5 : this.noiseFloor * 0.999 + rms * 0.001;
    const threshold = Math.max(0.012, this.noiseFloor * 3);
    const speaking = rms > threshold;
    if (speaking !== this.speaking) {
      this.speaking = speaking;
      this.spoke ||= speaking;
      this.since = this.now();
    }
  }

  /** `spoke`: speech was heard since this tracker started (a silence then follows the candidate's words). */
  get state(): { speaking: boolean; spoke: boolean; silentForMs: number; speakingForMs: number } {
    const forMs = this.now() - this.since;
    return {
      speaking: this.speaking,
      spoke: this.spoke,
      silentForMs: this.speaking ? 0 : forMs,
      speakingForMs: this.speaking ? forMs : 0,
    };
  }
}
