/**
 * Retakes side by side: attempts at one prompt, measure by measure, with which way each moved from
 * the first attempt to the last. Pure; docs/metrics.md, "Retake side by side".
 */
import { type RetakeAttempt, retakeMeasure, type RetakeMeasure } from '../contract/coach';

/** Which way is better; length has none (a longer answer is not better or worse in itself). */
const better: Record<RetakeMeasure, 'lower' | 'higher' | null> = {
  durationMs: null,
  thinkTimeMs: 'lower',
  coreAnswerMs: 'lower',
  followUpLatencyMs: 'lower',
  pointsCovered: 'higher',
  pointsMissed: 'lower',
  clarity: 'higher',
  rigor: 'higher',
  speed: 'higher',
};

export type RetakeRow = {
  measure: RetakeMeasure;
  values: (number | null)[];
  /** First measured attempt → last measured attempt. */
  change: 'better' | 'worse' | 'same' | 'changed' | null;
};

/** Attempts oldest first → one row per measure. */
export function retakeRows(attempts: readonly RetakeAttempt[]): RetakeRow[] {
  return retakeMeasure.options.map((measure) => {
    const values = attempts.map((a) => a[measure]);
    const present = values.filter((v): v is number => v !== null);
    let change: RetakeRow['change'] = null;
    if (present.length >= 2) {
      const diff = present[present.length - 1]! - present[0]!;
      const way = better[measure];
      if (diff === 0) change = 'same';
      else if (way === null) change = 'changed';
      else change = diff < 0 === (way === 'lower') ? 'better' : 'worse';
    }
    return { measure, values, change };
  });
}
