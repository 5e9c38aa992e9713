/** Reading stored rows the coach's rules take: metrics, scores and titles, parsed with zod. */
import { roundMetrics, type RoundMetrics } from '../../../shared/metrics';
import { roundTitle } from '../../../shared/round-title';
import { median, mean } from '../../../shared/coach/stats';
import type { SignalValues } from '../../../shared/coach/fatigue';

/** A stored metrics document, or null when absent or no longer valid (never throws on old rows). */
export function parseMetrics(json: string | null): RoundMetrics | null {
  if (!json) return null;
  try {
    const parsed = roundMetrics.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function planTitle(planJson: string): { title: string; prompt: string } {
  try {
    const plan = JSON.parse(planJson) as { title?: string; itemTitle: string; prompt?: string };
    return { title: roundTitle(plan), prompt: plan.prompt ?? '' };
  } catch {
    return { title: 'Round', prompt: '' };
  }
}

export const followUpLatency = (m: RoundMetrics | null): number | null =>
  m ? median(m.followUps.map((f) => f.responseLatencyMs)) : null;

export type ScoreColumns = { clarity: number | null; rigor: number | null; speed: number | null };

/** The five fatigue signals of one round. */
export function signalsOf(metricsJson: string | null, s: ScoreColumns): SignalValues {
  const m = parseMetrics(metricsJson);
  return {
    thinkTime: m?.thinkTimeMs ?? null,
    followUpLatency: followUpLatency(m),
    longPauses: m ? m.pauses.long : null,
    overrun: m ? m.overrunMs : null,
    score: mean([s.clarity, s.rigor, s.speed]),
  };
}
