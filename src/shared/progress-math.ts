/**
 * The arithmetic the Progress numbers share, wherever their sums come from: rounding, area stats
 * from counts and sums, the weakest-area order and medians (docs/metrics.md, "Progress").
 */
import type { AreaStat } from './contract';

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A week's average score (1–5, two decimals) from the sum and count of the scores given. */
export const averageScore = (sum: number, count: number): number | null => (count === 0 ? null : round2(sum / count));
/** A week's average of a metric, in seconds with one decimal, from its sum (ms) and count. */
export const averageSeconds = (sumMs: number, count: number): number | null =>
  count === 0 ? null : round1(sumMs / 1000 / count);

/** Counts and sums for one area, as SQL (or a loop) adds them up. */
export type AreaSums = {
  key: string;
  rounds: number;
  /** Rounds with at least one score. */
  scored: number;
  scoreSum: number;
  scoreCount: number;
  flags: number;
};

export function areaStat(a: AreaSums): AreaStat {
  return {
    key: a.key,
    rounds: a.rounds,
    scoredRounds: a.scored,
    averageScore: averageScore(a.scoreSum, a.scoreCount),
    flags: a.flags,
    flagsPerRound: a.rounds === 0 ? 0 : round2(a.flags / a.rounds),
  };
}

/**
 * The weakest areas first: lowest average score, then most flags per round. Areas with fewer than
 * `minRounds` rounds are left out (one bad round is not a pattern); unscored areas sort last.
 */
export function weakestAreas(areas: readonly AreaStat[], limit = 3, minRounds = 3): AreaStat[] {
  return areas
    .filter((a) => a.rounds >= minRounds && (a.averageScore !== null || a.flags > 0))
    .sort(
      (a, b) =>
        (a.averageScore ?? Infinity) - (b.averageScore ?? Infinity) ||
        b.flagsPerRound - a.flagsPerRound ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}

/** Median of the values given (sorted in place), or null for none. */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = values.sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** The window of most recent analysed rounds a baseline is the median of (the report card uses it too). */
export const BASELINE_WINDOW = 50;
