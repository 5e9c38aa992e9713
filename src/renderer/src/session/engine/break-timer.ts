/**
 * The break before a circuit's round: a countdown on performance.now()'s clock. Starting a new
 * break always stops the previous one, so no interval is ever left running behind it.
 */
import type { Timer, Timers } from './runner-deps';

export const BREAK_TICK_MS = 250;

export class BreakTimer {
  private timer: Timer | null = null;
  private endsAt = 0;
  private totalMs = 0;

  constructor(private readonly timers: Timers) {}

  get running(): boolean {
    return this.timer !== null;
  }

  /** Counts `ms` down: `onTick` with the time left, then `onElapsed` once at zero. */
  start(ms: number, onTick: (remainingMs: number) => void, onElapsed: () => void): void {
    this.stop();
    this.totalMs = ms;
    this.endsAt = this.timers.now() + ms;
    this.timer = this.timers.setInterval(() => {
      const remainingMs = this.remainingMs;
      if (remainingMs === 0) {
        this.stop();
        onElapsed();
      } else onTick(remainingMs);
    }, BREAK_TICK_MS);
  }

  get remainingMs(): number {
    return Math.max(0, this.endsAt - this.timers.now());
  }

  /** How much of the break was taken, in whole ms. */
  get takenMs(): number {
    return Math.round(this.totalMs - this.remainingMs);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
  }
}
