/**
 * The follow-up clock of one round: decides when each planned follow-up is due, on the round clock
 * (ms since the recording started, paused time left out), and hands it on. A timeout is armed at the
 * next timed follow-up's exact moment (minus its lead), so it never waits for a tick; the 50 ms tick
 * serves the modes that listen to the candidate's voice (at the next pause, pressure) and the
 * on-screen clock.
 *
 * Holds stop new follow-ups: `paused` (the round is paused; the clock stands still too) and
 * `not-saving` (the recording is not being saved; the clock runs on). Follow-ups that came due
 * during a hold are handed on when the last hold is released.
 */
import { shouldAsk, type ScheduledFollowUp, type VoiceActivity } from './follow-up-schedule';
import type { Timer, Timers } from './runner-deps';

export const TICK_MS = 50;

export type HoldReason = 'paused' | 'not-saving';

export type FollowUpClockOptions = {
  timers: Timers;
  schedule: ScheduledFollowUp[];
  /** The answer cue, on the round clock. */
  answerCueMs: number;
  /** The round clock now (ms since the recording started, without paused time). */
  roundNow: () => number;
  voice: () => VoiceActivity;
  /** How long before its due time a follow-up is handed on (its chime, the synthesiser's start-up). */
  leadMs: (followUp: ScheduledFollowUp) => number;
  /** A follow-up is due; `scheduledMs` is on the round clock. */
  onDue: (followUp: ScheduledFollowUp, scheduledMs: number) => void;
  /** Every tick while not paused, with the round clock. */
  onTick: (roundMs: number) => void;
};

export class FollowUpClock {
  private next = 0;
  private readonly holds = new Set<HoldReason>();
  private tickTimer: Timer | null = null;
  private dueTimer: Timer | null = null;
  private stopped = false;

  constructor(private readonly options: FollowUpClockOptions) {}

  start(): void {
    if (this.stopped || this.tickTimer !== null) return;
    this.tickTimer = this.options.timers.setInterval(() => this.check(), TICK_MS);
    this.armDue();
  }

  get held(): ReadonlySet<HoldReason> {
    return this.holds;
  }

  /** Follow-ups handed on so far. */
  get handedOn(): number {
    return this.next;
  }

  hold(reason: HoldReason): void {
    this.holds.add(reason);
    this.clearDue();
  }

  release(reason: HoldReason): void {
    if (!this.holds.delete(reason)) return;
    if (this.holds.size === 0 && !this.stopped) {
      this.check();
      this.armDue();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.tickTimer !== null) this.options.timers.clearInterval(this.tickTimer);
    this.tickTimer = null;
    this.clearDue();
  }

  private check(): void {
    if (this.stopped || this.holds.has('paused')) return;
    const { schedule, answerCueMs, roundNow, voice, leadMs, onDue, onTick } = this.options;
    const now = roundNow();
    if (this.holds.size === 0) {
      const activity = voice();
      let handed = false;
      while (this.next < schedule.length) {
        const followUp = schedule[this.next]!;
        if (!shouldAsk(followUp, now - answerCueMs + leadMs(followUp), activity)) break;
        this.next++;
        handed = true;
        onDue(followUp, answerCueMs + followUp.dueMs);
      }
      if (handed) this.armDue();
    }
    onTick(now);
  }

  /** A timeout at the next follow-up's moment minus its lead, so it is handed on between ticks. */
  private armDue(): void {
    this.clearDue();
    const next = this.options.schedule[this.next];
    if (!next || this.holds.size > 0 || this.stopped) return;
    const { answerCueMs, roundNow, leadMs, timers } = this.options;
    const delay = Math.max(0, answerCueMs + next.dueMs - leadMs(next) - roundNow());
    // +1: a timer may fire a fraction of a ms early on the rounded round clock.
    this.dueTimer = timers.setTimeout(() => {
      this.dueTimer = null;
      this.check();
    }, delay + 1);
  }

  private clearDue(): void {
    if (this.dueTimer !== null) this.options.timers.clearTimeout(this.dueTimer);
    this.dueTimer = null;
  }
}
