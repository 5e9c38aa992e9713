/**
 * Speaks a round's prompt. A pause cuts it off and it is said again from the start at resume, so
 * it is never silently lost. Without a voice the reading time the voice would have taken passes
 * instead (pause-aware too).
 */
import { expectedSpeechMs } from './speech-timing';
import type { PauseGate } from './pause-gate';
import type { SpeakerPort, Timers } from './runner-deps';
import type { RoundClock } from './round-clock';

export type PromptTimes = {
  /** On the round clock: when the prompt started and ended being said (or shown). */
  startMs: number;
  endMs: number;
  /** A voice was there but never started. */
  speechFailed: boolean;
};

export async function speakPrompt(
  prompt: string,
  ctx: {
    speaker: SpeakerPort;
    clock: RoundClock;
    gate: PauseGate;
    timers: Timers;
    speechRate: number;
    current: () => boolean;
  },
): Promise<PromptTimes | null> {
  const { speaker, clock, gate, timers, current } = ctx;
  if (!speaker.available) {
    const startMs = clock.now();
    const readUntil = startMs + Math.max(1500, expectedSpeechMs(prompt, ctx.speechRate) - 2500);
    for (;;) {
      await gate.whenRunning();
      if (!current()) return null;
      const left = readUntil - clock.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => timers.setTimeout(resolve, left));
    }
    return { startMs, endMs: clock.now(), speechFailed: false };
  }
  let startMs: number | null = null;
  for (;;) {
    await gate.whenRunning();
    if (!current()) return null;
    const spoken = await speaker.speak(prompt);
    if (!current()) return null;
    if (spoken.startedAt !== null) startMs ??= clock.toClock(spoken.startedAt);
    if (!spoken.cancelled) {
      await gate.whenRunning();
      if (!current()) return null;
      if (startMs === null) return { startMs: clock.now(), endMs: clock.now(), speechFailed: true };
      return { startMs, endMs: clock.toClock(spoken.endedAt), speechFailed: false };
    }
    // Cut off by a pause: loop, wait for resume, and say it again.
  }
}
