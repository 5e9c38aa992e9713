/** Reading stored rows the coach's rules take: metrics, scores and titles, parsed with zod. */
import { roundMetrics, type RoundMetrics } from '../../../shared/metrics';
import { roundTitle } from '../../../shared/round-title';
import { median, mean } from '../../../shared/coach/stats';
import type { SignalValues } from '../../../shared/contract/coach';

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

/** The signals as SQL extracts them from the stored metrics (json_extract), with the round's scores. */
export type SignalColumns = ScoreColumns & {
  think_ms: number | null;
  overrun_ms: number | null;
  long_pauses: number | null;
  /** JSON array of the follow-ups' response latencies (null entries kept), or null without metrics. */
  latencies_json: string | null;
};

/**
 * The same five signals as signalsOf, from columns SQL already picked out of the metrics document:
 * parsing 30 whole metrics documents per baseline with zod was most of a history page's time.
 */
export function signalsFromColumns(c: SignalColumns): SignalValues {
  let latencies: (number | null)[] = [];
  try {
    const parsed: unknown = c.latencies_json ? JSON.parse(c.latencies_json) : [];
    if (Array.isArray(parsed)) latencies = parsed.map((v) => (typeof v === 'number' ? v : null));
  } catch {
    latencies = [];
  }
  return {
    thinkTime: c.think_ms,
    followUpLatency: median(latencies),
    longPauses: c.long_pauses,
    overrun: c.overrun_ms,
    score: mean([c.clarity, c.rigor, c.speed]),
  };
}
