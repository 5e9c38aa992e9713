/**
 * Honest self-scores: when to ask for a blind re-score of an old round, and how the two scores and
 * the measured signals compare. Pure (the clock comes in as `now`); docs/metrics.md, "Honest self-scores".
 */
import type { RescoreSetting } from '../enums';
import { mean, pearson, type PairSums } from './stats';
import {
  dimension,
  type Dimension,
  type RescorePair,
  type DimensionDrift,
  type ScoreGroup,
  type SignalRelation,
} from '../contract/coach';

export const DAY_MS = 24 * 3600 * 1000;
/** "The first week of use": 7 days from the first recorded round. */
export const FIRST_WEEK_MS = 7 * DAY_MS;
/** At most one prompt per this long (asked, whatever the answer). */
export const PROMPT_EVERY_MS = DAY_MS;
/** A round is "old" once it was scored at least this long ago. */
export const MIN_ROUND_AGE_MS = 3 * DAY_MS;

/** Whether prompts are on: "auto" is off until a week after the first recorded round. */
export function rescoreEnabled(setting: RescoreSetting, firstRoundAt: number | null, now: number): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return firstRoundAt !== null && now - firstRoundAt >= FIRST_WEEK_MS;
}

/** Not nagging: no new prompt within a day of the last one asked. */
export function mayAskAgain(lastAskedAt: number | null, now: number): boolean {
  return lastAskedAt === null || now - lastAskedAt >= PROMPT_EVERY_MS;
}

/** How far the blind re-scores differ from the earlier scores, per dimension, over time. */
export function scoreDrift(pairs: readonly RescorePair[]): DimensionDrift[] {
  const ordered = [...pairs].sort((a, b) => a.answeredAt - b.answeredAt);
  return dimension.options.map((d) => {
    const points = ordered.flatMap((p) => {
      const a = p.original[d];
      const b = p.rescore[d];
      return a === null || b === null ? [] : [{ at: p.answeredAt, diff: b - a }];
    });
    return {
      dimension: d,
      pairs: points.length,
      meanAbsDiff: mean(points.map((p) => Math.abs(p.diff))),
      meanDiff: mean(points.map((p) => p.diff)),
      points,
    };
  });
}

export function relationOf(
  score: Dimension,
  signal: SignalRelation['signal'],
  groups: readonly (ScoreGroup & { sums: PairSums })[],
): SignalRelation {
  const total: PairSums = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
  for (const g of groups) {
    total.n += g.sums.n;
    total.sx += g.sums.sx;
    total.sy += g.sums.sy;
    total.sxx += g.sums.sxx;
    total.syy += g.sums.syy;
    total.sxy += g.sums.sxy;
  }
  return {
    score,
    signal,
    groups: groups.map(({ score: s, rounds, meanSignal }) => ({ score: s, rounds, meanSignal })),
    r: pearson(total),
    rounds: total.n,
  };
}
