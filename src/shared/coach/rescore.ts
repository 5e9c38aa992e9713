/**
 * Honest self-scores: when to ask for a blind re-score of an old round, and how the two scores and
 * the measured signals compare. Pure (the clock comes in as `now`); docs/metrics.md, "Honest self-scores".
 */
import { z } from 'zod';
import type { RescoreSetting } from './enums';
import { mean, pearson, type PairSums } from './stats';

export const DAY_MS = 24 * 3600 * 1000;
/** "The first week of use": 7 days from the first recorded round. */
export const FIRST_WEEK_MS = 7 * DAY_MS;
/** At most one prompt per this long (asked, whatever the answer). */
export const PROMPT_EVERY_MS = DAY_MS;
/** A round is "old" once it was scored at least this long ago. */
export const MIN_ROUND_AGE_MS = 3 * DAY_MS;

export const dimension = z.enum(['clarity', 'rigor', 'speed']);
export type Dimension = z.infer<typeof dimension>;

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

export const rescorePair = z.object({
  answeredAt: z.number(),
  roundId: z.string(),
  title: z.string(),
  original: z.object({ clarity: z.number().nullable(), rigor: z.number().nullable(), speed: z.number().nullable() }),
  rescore: z.object({ clarity: z.number().nullable(), rigor: z.number().nullable(), speed: z.number().nullable() }),
});
export type RescorePair = z.infer<typeof rescorePair>;

export const dimensionDrift = z.object({
  dimension,
  pairs: z.number().int(),
  /** Mean |re-score − earlier score|, in rubric points; null without a pair. */
  meanAbsDiff: z.number().nullable(),
  /** Mean (re-score − earlier score): below 0 the earlier score was generous. */
  meanDiff: z.number().nullable(),
  /** Oldest first: each answered re-score's difference. */
  points: z.array(z.object({ at: z.number(), diff: z.number() })),
});
export type DimensionDrift = z.infer<typeof dimensionDrift>;

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

/** One score value's rounds and the mean of a measured signal over them (SQL GROUP BY score). */
export const scoreGroup = z.object({ score: z.number().int(), rounds: z.number().int(), meanSignal: z.number() });
export type ScoreGroup = z.infer<typeof scoreGroup>;

export const signalRelation = z.object({
  /** e.g. "speed score vs overrun". */
  score: dimension,
  signal: z.enum(['overrunSeconds', 'missedPoints']),
  groups: z.array(scoreGroup),
  /** Pearson's r of score and signal; an honest speed score runs against overrun (r < 0). */
  r: z.number().nullable(),
  rounds: z.number().int(),
});
export type SignalRelation = z.infer<typeof signalRelation>;

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
