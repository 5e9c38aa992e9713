/**
 * When to ask each follow-up, per mode (the rules themselves live in follow-up-modes.ts). Pure
 * functions of the clock and the candidate's voice activity, so the timing is tested without a browser.
 */
import type { FollowUpMode, RoundPlan } from '@shared/contract';
import { followUpModes, type VoiceActivity } from './follow-up-modes';

export type { VoiceActivity } from './follow-up-modes';

export type ScheduledFollowUp = {
  index: number;
  text: string;
  /** Ms from the answer cue at which it becomes due. */
  dueMs: number;
  /** The mode that placed it, whose rule decides when it is asked. */
  trigger: FollowUpMode;
};

export function scheduleFollowUps(
  round: Pick<RoundPlan, 'followUps' | 'budgetSeconds'>,
  mode: FollowUpMode,
  random: () => number,
): ScheduledFollowUp[] {
  const { dueMs: placed } = followUpModes[mode];
  if (placed === null) return [];
  let previous = 0;
  return round.followUps.map((f, index) => {
    // Keep them in order and inside the budget whatever the jitter did.
    const dueMs = Math.round(Math.min(Math.max(placed(f, random), previous), round.budgetSeconds * 1000 - 1000));
    previous = dueMs;
    return { index, text: f.text, dueMs, trigger: mode };
  });
}

/** Whether a due follow-up should be asked now. */
export function shouldAsk(followUp: ScheduledFollowUp, elapsedMs: number, voice: VoiceActivity): boolean {
  if (elapsedMs < followUp.dueMs) return false;
  return followUpModes[followUp.trigger].shouldAsk(elapsedMs - followUp.dueMs, voice);
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
