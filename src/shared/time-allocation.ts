/**
 * How a round's answering time was spent, for the time-allocation chart: think time, core-answer
 * time and follow-ups, each cut at the budget, and the overrun beyond it (docs/metrics.md words).
 * The four parts add up to the answering time. Pure and shared: the main side computes it for
 * session:allocation.
 */
import type { TimeAllocationView } from './contract/allocation';
import type { RoundMetrics } from './metrics';

export type TimeAllocation = TimeAllocationView;

const s = (ms: number) => Math.round(ms / 100) / 10;

export function timeAllocation(budgetSeconds: number, metrics: RoundMetrics): TimeAllocation {
  const answering = Math.max(0, metrics.answeringMs);
  const budget = budgetSeconds * 1000;
  // With no speech at all, the whole answer window was spent thinking.
  const think = Math.min(answering, Math.max(0, metrics.thinkTimeMs ?? answering));
  const core = Math.min(answering - think, Math.max(0, metrics.coreAnswerMs ?? 0));
  const within = (start: number, length: number) => Math.max(0, Math.min(start + length, budget) - start);
  const clipped = (start: number, length: number) => (start >= budget ? 0 : within(start, length));
  const followUps = answering - think - core;
  return {
    budgetSeconds,
    actualSeconds: s(answering),
    thinkSeconds: s(clipped(0, think)),
    coreAnswerSeconds: s(clipped(think, core)),
    followUpsSeconds: s(clipped(think + core, followUps)),
    overrunSeconds: s(Math.max(0, answering - budget)),
  };
}

/** Round tick steps in seconds, so the axis reads 0, 5 min, 10 min… rather than 6.7 min. */
const steps = [10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600];

/** Axis ticks from 0 past `max` seconds, at most about `most` of them. */
export function secondTicks(max: number, most = 6): number[] {
  const step = steps.find((s) => max / s <= most) ?? Math.ceil(max / most / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}
