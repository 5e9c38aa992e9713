/**
 * A soft two-note chime before each follow-up and at the answer cue, made with WebAudio (no files).
 *
 * A chime can be booked for a moment on performance.now()'s clock: it is placed on the audio clock
 * (AudioContext.currentTime, correlated through getOutputTimestamp) so it sounds then, however late
 * the JavaScript that booked it ran.
 */
import type { CueKind } from '../engine/runner-deps';

export type PlayCue = (kind?: CueKind, atPerfMs?: number) => void;

let context: AudioContext | null = null;

/** The audio clock's time for a performance.now() moment (now, if the correlation is unavailable). */
function audioTimeFor(ctx: AudioContext, atPerfMs: number | undefined): number {
  if (atPerfMs === undefined) return ctx.currentTime;
  const stamp = ctx.getOutputTimestamp?.();
  if (!stamp?.performanceTime || stamp.contextTime === undefined) return ctx.currentTime;
  return Math.max(ctx.currentTime, stamp.contextTime + (atPerfMs - stamp.performanceTime) / 1000);
}

export const playCue: PlayCue = (kind = 'follow-up', atPerfMs) => {
  try {
    context ??= new AudioContext();
    void context.resume();
    const notes = kind === 'answer' ? [660, 880] : kind === 'time' ? [520, 390] : [740, 587];
    const start = audioTimeFor(context, atPerfMs) + 0.01;
    notes.forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.14;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.12, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
      osc.connect(gain).connect(context!.destination);
      osc.start(t);
      osc.stop(t + 0.25);
    });
  } catch {
    // No audio output: the on-screen follow-up still shows.
  }
};
