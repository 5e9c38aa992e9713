/**
 * When to ask each follow-up, per mode. Pure functions of the clock and the candidate's voice
 * activity, so the timing rules are tested without a browser.
 */
import type { FollowUpMode, RoundPlan } from '../../../shared/contract';

export type ScheduledFollowUp = {
  index: number;
  text: string;
  /** Ms from the answer cue at which it becomes due. */
  dueMs: number;
  trigger: 'scheduled' | 'jittered' | 'at-pause' | 'pressure';
};

/** At the next pause: how long a silence counts as a pause, and the longest we wait for one. */
export const PAUSE_MS = 1000;
export const MAX_PAUSE_WAIT_MS = 10_000;
/** Pressure: cut in once the candidate has been talking this long, or after this wait at most. */
export const PRESSURE_SPEECH_MS = 400;
export const MAX_PRESSURE_WAIT_MS = 4000;

export function scheduleFollowUps(
  round: Pick<RoundPlan, 'followUps' | 'budgetSeconds'>,
  mode: FollowUpMode,
  random: () => number,
): ScheduledFollowUp[] {
  if (mode === 'partner') return [];
  const trigger =
    mode === 'jittered'
      ? 'jittered'
      : mode === 'at-pause'
        ? 'at-pause'
        : mode === 'pressure'
          ? 'pressure'
          : 'scheduled';
  let previous = 0;
  return round.followUps.map((f, index) => {
    let dueMs = f.atSeconds * 1000;
    if (mode === 'jittered' && f.jitterSeconds > 0) dueMs += (random() * 2 - 1) * f.jitterSeconds * 1000;
    // Keep them in order and inside the budget whatever the jitter did.
    dueMs = Math.round(Math.min(Math.max(dueMs, previous), round.budgetSeconds * 1000 - 1000));
    previous = dueMs;
    return { index, text: f.text, dueMs, trigger };
  });
}

export type VoiceActivity = {
  /** Ms the candidate has been silent (0 while speaking). */
  silentForMs: number;
  /** Ms the candidate has been speaking without a pause (0 while silent). */
  speakingForMs: number;
};

/** Whether a due follow-up should be asked now. */
export function shouldAsk(followUp: ScheduledFollowUp, elapsedMs: number, voice: VoiceActivity): boolean {
  if (elapsedMs < followUp.dueMs) return false;
  const waited = elapsedMs - followUp.dueMs;
  switch (followUp.trigger) {
    case 'scheduled':
    case 'jittered':
      return true;
    case 'at-pause':
      return voice.silentForMs >= PAUSE_MS || waited >= MAX_PAUSE_WAIT_MS;
    case 'pressure':
      return voice.speakingForMs >= PRESSURE_SPEECH_MS || waited >= MAX_PRESSURE_WAIT_MS;
  }
}

/** Timing lights against the budget: green until 50 %, amber to 75 %, red to 100 %, then overrun. */
export type TimingLight = 'green' | 'amber' | 'red' | 'overrun';
export function timingLight(elapsedMs: number, budgetSeconds: number): TimingLight {
  const share = elapsedMs / (budgetSeconds * 1000);
  if (share >= 1) return 'overrun';
  if (share >= 0.75) return 'red';
  if (share >= 0.5) return 'amber';
  return 'green';
}
