/**
 * The spaced-repetition rule behind "Today", as pure functions of stored history: an attempt's
 * quality from its scores, missed expected points, overrun and flags; and from the latest attempts
 * of an item (or of a question type), when it is due again. Defined in docs/metrics.md ("Practise
 * next"). Every time here is wall-clock ms since the epoch; `nowMs` is always an argument.
 */
import { z } from 'zod';
import { flagId } from '../enums';

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** An attempt below this quality is weak: it comes back after WEAK_INTERVAL_MS. */
export const WEAK_BELOW = 0.6;
/** An attempt from this quality on is strong: its interval is doubled. */
export const STRONG_FROM = 0.85;
/** A weak attempt comes back at the next sitting (12 h: the next evening, or the next morning). */
export const WEAK_INTERVAL_MS = 12 * HOUR_MS;
/** The first solid attempt comes back after 3 days; each further one in a row doubles it. */
export const BASE_INTERVAL_MS = 3 * DAY_MS;
export const MAX_INTERVAL_MS = 60 * DAY_MS;
/**
 * How many latest attempts decide the schedule. A run of 6 solid attempts already reaches the
 * 60-day cap (3 × 2^5 = 96 days), so older attempts never change the result.
 */
export const RECENT_ATTEMPTS = 6;
/** Quality used for the scores of an attempt nobody has scored yet (neither weak nor strong). */
export const UNSCORED_QUALITY = 0.6;

/**
 * One attempt: an item's rounds in one session (or, for a question type, one round). Scores are the
 * means over its scored rounds (1–5, null when none is scored); points and flags are summed.
 */
export const attemptSignals = z.object({
  /** When the attempt started (wall clock, epoch ms). */
  at: z.number(),
  clarity: z.number().nullable(),
  rigor: z.number().nullable(),
  speed: z.number().nullable(),
  /** Expected points ticked "missed" in review, and how many expected points the rounds had. */
  missedPoints: z.number().int().min(0),
  expectedPoints: z.number().int().min(0),
  /** The largest overrun of its rounds (0: within budget, or not analysed). */
  overrunMs: z.number().int().min(0),
  /** Flags raised by the speech analysis, over-budget excluded (the overrun already counts). */
  flags: z.array(flagId),
});
export type AttemptSignals = z.infer<typeof attemptSignals>;

export const verdict = z.enum(['weak', 'solid', 'strong']);
export type Verdict = z.infer<typeof verdict>;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Quality 0–1: the mean score mapped from 1–5 to 0–1 (UNSCORED_QUALITY when unscored), minus 0.4 ×
 * the share of expected points missed, 0.15 for an overrun, and 0.05 per flag (at most 3 counted).
 */
export function attemptQuality(a: AttemptSignals): number {
  const scored = [a.clarity, a.rigor, a.speed].filter((s): s is number => s !== null);
  const scoreQuality = scored.length ? (scored.reduce((x, y) => x + y, 0) / scored.length - 1) / 4 : UNSCORED_QUALITY;
  const missedShare = a.expectedPoints > 0 ? Math.min(1, a.missedPoints / a.expectedPoints) : 0;
  const flags = a.flags.filter((f) => f !== 'over-budget').length;
  return clamp01(scoreQuality - 0.4 * missedShare - (a.overrunMs > 0 ? 0.15 : 0) - 0.05 * Math.min(3, flags));
}

export function verdictOf(quality: number): Verdict {
  return quality < WEAK_BELOW ? 'weak' : quality >= STRONG_FROM ? 'strong' : 'solid';
}

export type ScheduleState = {
  lastAt: number;
  quality: number;
  verdict: Verdict;
  /** Solid or strong attempts in a row, counting back from the latest (0 when the latest is weak). */
  streak: number;
  intervalMs: number;
  dueAt: number;
};

/** The schedule from the latest attempts (any order; only the newest RECENT_ATTEMPTS count). Null: never tried. */
export function scheduleState(attempts: readonly AttemptSignals[]): ScheduleState | null {
  const recent = [...attempts].sort((a, b) => b.at - a.at).slice(0, RECENT_ATTEMPTS);
  const last = recent[0];
  if (!last) return null;
  const qualities = recent.map(attemptQuality);
  const quality = qualities[0]!;
  const firstWeak = qualities.findIndex((q) => q < WEAK_BELOW);
  const streak = firstWeak === -1 ? qualities.length : firstWeak;
  const v = verdictOf(quality);
  const intervalMs =
    streak === 0
      ? WEAK_INTERVAL_MS
      : Math.min(MAX_INTERVAL_MS, BASE_INTERVAL_MS * 2 ** (streak - 1) * (v === 'strong' ? 2 : 1));
  return { lastAt: last.at, quality, verdict: v, streak, intervalMs, dueAt: last.at + intervalMs };
}

/** How far past due, in intervals (0 at the due time, 1 one whole interval late; negative: not yet due). */
export function overdue(state: ScheduleState, nowMs: number): number {
  return (nowMs - state.dueAt) / state.intervalMs;
}
