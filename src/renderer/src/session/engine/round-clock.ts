/**
 * A round's clock: ms since the recording started (t0), not counting paused time, so every stored
 * time lines up with the audio (the recorder pauses with it).
 */
export class RoundClock {
  private pausedAt: number | null = null;
  private pausedTotal = 0;

  constructor(
    private readonly t0: number,
    private readonly perfNow: () => number,
  ) {}

  /** Round time now, in whole ms. */
  now(): number {
    return this.toClock(this.pausedAt ?? this.perfNow());
  }

  /** Converts a performance.now() reading taken while running into round time. */
  toClock(perfAt: number): number {
    return Math.max(0, Math.round(perfAt - this.t0 - this.pausedTotal));
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(): void {
    this.pausedAt ??= this.perfNow();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.pausedTotal += this.perfNow() - this.pausedAt;
    this.pausedAt = null;
  }
}
