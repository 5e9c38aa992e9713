/**
 * Asks follow-ups one at a time: the chime, then the question spoken so that it starts at its
 * scheduled moment (speak() is called early by the synthesiser's measured start-up time, from a
 * precise timeout, not a tick). A pause cuts the speech off; at resume the question is said again
 * from the start, never silently lost. Leaving the round drops everything queued.
 */
import type { FollowUpTrigger } from './runner-state';
import type { PauseGate } from './pause-gate';
import type { SpeakerPort, Timers } from './runner-deps';
import type { RoundClock } from './round-clock';

/** Let the follow-up chime finish before the voice starts. */
export const CUE_LEAD_MS = 400;

export type PendingAsk = {
  /** The planned follow-up's index; absent for an ad hoc question. */
  index?: number;
  text: string;
  trigger: FollowUpTrigger;
  /** When it should start being spoken, on the round clock; null: as soon as possible. */
  scheduledMs: number | null;
  /** False: no chime, the voice starts as soon as it can (the mode asks into a pause). Default true. */
  chime?: boolean;
};

export type AskerContext = {
  timers: Timers;
  gate: PauseGate;
  clock: RoundClock;
  speaker: SpeakerPort | null;
  /** False once the round was left: every step stops there. */
  current: () => boolean;
  /** Chime now or at a performance.now() moment. */
  cue: (atPerfMs?: number) => void;
  /** The question is on screen; `roundMs` is on the round clock. Returns a handle for `onSpoken`. */
  onShown: (ask: PendingAsk, roundMs: number) => number;
  /** It started (or, without a voice, was shown) at `startMs`; both on the round clock. */
  onSpoken: (key: number, ask: PendingAsk, startMs: number, endMs: number | null) => void;
  onSpeechError: () => void;
  warn: (...args: unknown[]) => void;
};

export class FollowUpAsker {
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly ctx: AskerContext) {}

  enqueue(ask: PendingAsk): void {
    this.waiting++;
    this.queue = this.queue
      .then(() => this.ask(ask))
      .catch((error: unknown) => this.ctx.warn(error))
      .finally(() => this.waiting--);
  }

  /** Something is queued or being asked. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /** Resolves when everything queued so far has been asked (or dropped). */
  idle(): Promise<void> {
    return this.queue;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.ctx.timers.setTimeout(resolve, Math.max(0, ms)));
  }

  /** Waits until `roundMs` on the round clock; paused time does not count. False if the round was left. */
  private async until(roundMs: number): Promise<boolean> {
    const { clock, gate, current } = this.ctx;
    for (;;) {
      await gate.whenRunning();
      if (!current()) return false;
      const left = roundMs - clock.now();
      if (left <= 0) return true;
      await this.sleep(left);
    }
  }

  private async ask(ask: PendingAsk): Promise<void> {
    const { clock, gate, current, timers, speaker } = this.ctx;
    await gate.whenRunning();
    if (!current()) return;
    const latency = speaker?.available ? speaker.startLatencyMs : 0;
    let speakAtMs: number;
    if (ask.chime === false) {
      speakAtMs = ask.scheduledMs ?? clock.now();
    } else if (ask.scheduledMs !== null && ask.scheduledMs - CUE_LEAD_MS > clock.now()) {
      // Booked on the audio clock, so the chime is on time even if this ran early or a little late.
      this.ctx.cue(timers.now() + (ask.scheduledMs - CUE_LEAD_MS - clock.now()));
      speakAtMs = ask.scheduledMs - latency;
    } else {
      this.ctx.cue();
      speakAtMs = clock.now() + Math.max(0, CUE_LEAD_MS - latency);
    }
    if (!(await this.until(speakAtMs))) return;
    const key = this.ctx.onShown(ask, clock.now());
    if (!speaker?.available) {
      const shown = clock.now();
      this.ctx.onSpoken(key, ask, shown, shown);
      return;
    }
    let startMs: number | null = null;
    let endedAt = timers.now();
    for (;;) {
      const spoken = await speaker.speak(ask.text, (at) => {
        if (startMs !== null) return;
        startMs = clock.toClock(at);
        this.ctx.onSpoken(key, ask, startMs, null);
      });
      endedAt = spoken.endedAt;
      if (!current()) return;
      if (!spoken.cancelled) break;
      // Cut off by a pause: say it again once the round goes on.
      await gate.whenRunning();
      if (!current()) return;
    }
    const end = clock.toClock(endedAt);
    if (startMs === null) {
      this.ctx.onSpeechError();
      const shown = clock.now();
      this.ctx.onSpoken(key, ask, shown, end);
    } else {
      this.ctx.onSpoken(key, ask, startMs, Math.max(startMs, end));
    }
  }
}
