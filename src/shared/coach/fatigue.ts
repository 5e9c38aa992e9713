/**
 * Fatigue and recovery across a loop, as pure functions: each round of a multi-round session against
 * the candidate's own baseline for its question type, the first→last trend, and how the round after
 * the worst one went. No clock, no I/O: the main side loads the numbers (src/main/services/coach/).
 * Every number is defined in docs/metrics.md, "Fatigue across a loop".
 */
import { mean, median } from './stats';
import {
  fatigueSignal,
  type FatigueSignal,
  type SignalValues,
  type Baseline,
  type FatigueRound,
  type SessionFatigue,
  type FatigueHistory,
} from '../contract/coach';

/**
 * How far from baseline counts as "a lot", per signal: the deviation is (value − baseline) divided by
 * the larger of the baseline and this floor, so a 0 s baseline overrun does not make every second ∞.
 */
export const DEVIATION_FLOOR: Record<FatigueSignal, number> = {
  thinkTime: 5000,
  followUpLatency: 1000,
  longPauses: 2,
  overrun: 30_000,
  score: 1,
};
/** A round whose strain is at most this is "back at baseline". */
export const RECOVERED_STRAIN = 0.15;
/** Earlier rounds of a question type a baseline is the median of. */
export const BASELINE_WINDOW = 30;

const signals = fatigueSignal.options;
const emptyValues = (): SignalValues => ({
  thinkTime: null,
  followUpLatency: null,
  longPauses: null,
  overrun: null,
  score: null,
});

/** The medians of earlier rounds' values, signal by signal. */
export function baselineOf(history: readonly SignalValues[]): Baseline {
  const out: Baseline = { ...emptyValues(), rounds: history.length };
  for (const s of signals) out[s] = median(history.map((h) => h[s]));
  return out;
}

const clamp = (x: number) => Math.max(-1, Math.min(1, x));

/** Per-signal deviation from baseline, worse is positive (for the score, a lower score is worse). */
export function deviations(values: SignalValues, base: Baseline): SignalValues {
  const out = emptyValues();
  for (const s of signals) {
    const v = values[s];
    const b = base[s];
    if (v === null || b === null) continue;
    const scale = Math.max(Math.abs(b), DEVIATION_FLOOR[s]);
    out[s] = clamp(s === 'score' ? (b - v) / scale : (v - b) / scale);
  }
  return out;
}

export type LoopRoundInput = {
  roundId: string;
  index: number;
  title: string;
  questionType: string;
  values: SignalValues;
};

export function loopFatigue(
  session: { sessionId: string; title: string; createdAt: number },
  rounds: readonly LoopRoundInput[],
  baselines: ReadonlyMap<string, Baseline>,
): SessionFatigue {
  const ordered = [...rounds].sort((a, b) => a.index - b.index);
  const out: FatigueRound[] = ordered.map((r) => {
    const base = baselines.get(r.questionType) ?? { ...emptyValues(), rounds: 0 };
    const dev = deviations(r.values, base);
    return { ...r, baseline: base, deviations: dev, strain: mean(signals.map((s) => dev[s])) };
  });
  const strained = out.filter((r): r is FatigueRound & { strain: number } => r.strain !== null);
  const multiRound = strained.length >= 2;
  let trend: SessionFatigue['trend'] = null;
  let recovery: SessionFatigue['recovery'] = null;
  if (multiRound) {
    const first = strained[0]!;
    const last = strained[strained.length - 1]!;
    const perSignal = emptyValues();
    for (const s of signals) {
      const a = first.deviations[s];
      const b = last.deviations[s];
      perSignal[s] = a === null || b === null ? null : b - a;
    }
    trend = { firstIndex: first.index, lastIndex: last.index, strainChange: last.strain - first.strain, perSignal };
    // The worst round is the highest strain above baseline; the earliest wins a tie.
    let worst: (typeof strained)[number] | null = null;
    for (const r of strained) if (r.strain > 0 && (worst === null || r.strain > worst.strain)) worst = r;
    const next = worst ? strained.find((r) => r.index > worst.index) : undefined;
    if (worst && next) {
      recovery = {
        worstIndex: worst.index,
        nextIndex: next.index,
        worstStrain: worst.strain,
        nextStrain: next.strain,
        recovered: next.strain <= RECOVERED_STRAIN,
      };
    }
  }
  return {
    sessionId: session.sessionId,
    title: session.title,
    createdAt: session.createdAt,
    rounds: out,
    multiRound,
    trend,
    recovery,
  };
}

/** Many sessions' fatigue, newest first, reduced to what the Progress chart draws. */
export function fatigueHistoryOf(loops: readonly SessionFatigue[]): FatigueHistory {
  const sessions = loops
    .filter((l) => l.multiRound && l.trend)
    .map((l) => {
      const strained = l.rounds.filter((r) => r.strain !== null);
      return {
        sessionId: l.sessionId,
        title: l.title,
        createdAt: l.createdAt,
        rounds: l.rounds.length,
        strainChange: l.trend!.strainChange,
        firstStrain: strained[0]!.strain!,
        lastStrain: strained[strained.length - 1]!.strain!,
        recovered: l.recovery ? l.recovery.recovered : null,
      };
    });
  const withRecovery = sessions.filter((s) => s.recovered !== null);
  return {
    sessions,
    meanStrainChange: mean(sessions.map((s) => s.strainChange)),
    recoveries: { recovered: withRecovery.filter((s) => s.recovered).length, of: withRecovery.length },
  };
}
