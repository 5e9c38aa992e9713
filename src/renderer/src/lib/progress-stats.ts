/**
 * Pure aggregation for the Progress page: weekly trends, weakest areas, personal baselines and the
 * filter options, each in one pass over the rounds (the page must stay quick with 10 000 of them).
 * No DOM, no React: unit-tested in tests/unit/progress-stats.test.ts.
 */
import type { ProgressRound } from '../../../shared/contract';

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday. */
const FIRST_MONDAY_MS = 4 * DAY_MS;
/** Every zone's UTC offset changes only on a quarter hour, at most once a day. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Per zone and UTC day: the offset before and after a change within the day (equal: none), and when. */
const zoneDays = new Map<string, Map<number, { before: number; after: number; changeAt: number }>>();

/** The zone's offset from UTC (ms, east positive) at an instant, read from Intl (slow: ~0.1 ms). */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const at = Math.floor(epochMs / 60_000) * 60_000;
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - at;
}

/**
 * The zone's offset from UTC at this instant. Intl is asked twice per UTC day (and a few more times
 * on a day the clocks change, to find the quarter hour), so 10 000 rounds cost a few dozen lookups.
 */
function utcOffsetMs(epochMs: number, timeZone: string): number {
  let days = zoneDays.get(timeZone);
  if (!days) zoneDays.set(timeZone, (days = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let known = days.get(day);
  if (!known) {
    let lo = day * DAY_MS;
    let hi = lo + DAY_MS - QUARTER_HOUR_MS;
    const before = offsetFromIntl(lo, timeZone);
    const after = offsetFromIntl(hi, timeZone);
    if (before !== after) {
      // Binary search for the first quarter hour on the new offset.
      while (hi - lo > QUARTER_HOUR_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
        if (offsetFromIntl(mid, timeZone) === before) lo = mid;
        else hi = mid;
      }
    }
    known = { before, after, changeAt: before === after ? Infinity : hi };
    days.set(day, known);
  }
  return epochMs < known.changeAt ? known.before : known.after;
}

/**
 * The week that holds this time, in the user's own calendar (`timeZone`, an IANA name such as
 * "Europe/Berlin"): weeks run Monday 00:00 to Monday 00:00 local time, so a Sunday-night round
 * counts in the week the user lived it. Returned as a calendar date, not an instant: 00:00 UTC of
 * the local Monday's date (format it with timeZone "UTC", as formatWeek does).
 */
export function weekStart(epochMs: number, timeZone: string): number {
  const localDay = Math.floor((epochMs + utcOffsetMs(epochMs, timeZone)) / DAY_MS) * DAY_MS;
  return Math.floor((localDay - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS + FIRST_MONDAY_MS;
}

/** The zone this machine's calendar is in (the Progress page's weeks). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export type ProgressFilter = { category: string | null; questionType: string | null };
export const noFilter: ProgressFilter = { category: null, questionType: null };

export function matchesFilter(round: ProgressRound, filter: ProgressFilter): boolean {
  return (
    (filter.category === null || round.category === filter.category) &&
    (filter.questionType === null || round.questionType === filter.questionType)
  );
}

/** The trend series, in the words of docs/metrics.md. */
export const scoreKeys = ['clarity', 'rigor', 'speed'] as const;
export const metricKeys = ['thinkTime', 'talkTime', 'overrun', 'ramble'] as const;
export type ScoreKey = (typeof scoreKeys)[number];
export type MetricKey = (typeof metricKeys)[number];

/** One week's averages; null where that week had nothing to average. Metric averages are in seconds. */
export type WeekPoint = {
  /** The local Monday's calendar date as 00:00 UTC of that date (see weekStart). */
  weekStart: number;
  rounds: number;
} & Record<ScoreKey | MetricKey, number | null>;

const metricOf: Record<MetricKey, (m: NonNullable<ProgressRound['metrics']>) => number | null> = {
  thinkTime: (m) => m.thinkTimeMs,
  talkTime: (m) => m.talkTimeMs,
  overrun: (m) => m.overrunMs,
  ramble: (m) => m.rambleMs,
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Weekly averages of the scores (1–5) and the key metrics (s), oldest week first, for matching
 * rounds; weeks are the user's local weeks in `timeZone` (see weekStart).
 */
export function weeklyTrends(
  rounds: readonly ProgressRound[],
  timeZone: string,
  filter: ProgressFilter = noFilter,
): WeekPoint[] {
  type Acc = { rounds: number; sum: Float64Array; count: Uint32Array };
  const keys = [...scoreKeys, ...metricKeys];
  const weeks = new Map<number, Acc>();
  for (const r of rounds) {
    if (!matchesFilter(r, filter)) continue;
    const week = weekStart(r.startedAt, timeZone);
    let acc = weeks.get(week);
    if (!acc) {
      acc = { rounds: 0, sum: new Float64Array(keys.length), count: new Uint32Array(keys.length) };
      weeks.set(week, acc);
    }
    acc.rounds++;
    for (let i = 0; i < scoreKeys.length; i++) {
      const v = r.scores[scoreKeys[i]!];
      if (v !== null) {
        acc.sum[i]! += v;
        acc.count[i]!++;
      }
    }
    if (r.metrics) {
      for (let j = 0; j < metricKeys.length; j++) {
        const v = metricOf[metricKeys[j]!](r.metrics);
        if (v !== null) {
          acc.sum[scoreKeys.length + j]! += v / 1000;
          acc.count[scoreKeys.length + j]!++;
        }
      }
    }
  }
  return [...weeks.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([week, acc]) => {
      const point = { weekStart: week, rounds: acc.rounds } as WeekPoint;
      keys.forEach((key, i) => {
        const n = acc.count[i]!;
        point[key] = n === 0 ? null : i < scoreKeys.length ? round2(acc.sum[i]! / n) : round1(acc.sum[i]! / n);
      });
      return point;
    });
}

/** How one category or question type is doing. */
export type AreaStat = {
  key: string;
  rounds: number;
  scoredRounds: number;
  /** Mean of every clarity, rigor and speed score given, or null when none was. */
  averageScore: number | null;
  flags: number;
  flagsPerRound: number;
};

export type Overview = {
  categories: string[];
  questionTypes: string[];
  sessions: number;
  byCategory: AreaStat[];
  byQuestionType: AreaStat[];
};

type AreaAcc = { rounds: number; scored: number; scoreSum: number; scoreCount: number; flags: number };

function finishAreas(map: Map<string, AreaAcc>): AreaStat[] {
  return [...map.entries()].map(([key, a]) => ({
    key,
    rounds: a.rounds,
    scoredRounds: a.scored,
    averageScore: a.scoreCount === 0 ? null : round2(a.scoreSum / a.scoreCount),
    flags: a.flags,
    flagsPerRound: a.rounds === 0 ? 0 : round2(a.flags / a.rounds),
  }));
}

/** Filter options, session count and per-area stats, in one pass. */
export function overview(rounds: readonly ProgressRound[]): Overview {
  const sessions = new Set<string>();
  const byCategory = new Map<string, AreaAcc>();
  const byQuestionType = new Map<string, AreaAcc>();
  const add = (map: Map<string, AreaAcc>, key: string, r: ProgressRound, sum: number, count: number) => {
    let a = map.get(key);
    if (!a) {
      a = { rounds: 0, scored: 0, scoreSum: 0, scoreCount: 0, flags: 0 };
      map.set(key, a);
    }
    a.rounds++;
    if (count > 0) a.scored++;
    a.scoreSum += sum;
    a.scoreCount += count;
    a.flags += r.metrics?.flags.length ?? 0;
  };
  for (const r of rounds) {
    sessions.add(r.sessionId);
    let sum = 0;
    let count = 0;
    for (const key of scoreKeys) {
      const v = r.scores[key];
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    add(byCategory, r.category, r, sum, count);
    add(byQuestionType, r.questionType, r, sum, count);
  }
  const sortKeys = (map: Map<string, AreaAcc>) => [...map.keys()].sort((a, b) => a.localeCompare(b));
  return {
    categories: sortKeys(byCategory),
    questionTypes: sortKeys(byQuestionType),
    sessions: sessions.size,
    byCategory: finishAreas(byCategory),
    byQuestionType: finishAreas(byQuestionType),
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

/** The user's medians for one question type (ms), over the most recent analysed rounds. */
export type Baseline = {
  questionType: string;
  rounds: number;
  thinkTimeMs: number | null;
  talkTimeMs: number | null;
  coreAnswerMs: number | null;
  longestRunMs: number | null;
  overrunMs: number | null;
};

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = values.sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * Medians per question type over the last `window` analysed rounds of each (the review's report
 * card uses the same window of 50), sorted by question type.
 */
export function baselines(rounds: readonly ProgressRound[], window = 50): Baseline[] {
  type Acc = { think: number[]; talk: number[]; core: number[]; run: number[]; overrun: number[]; seen: number };
  const byType = new Map<string, { startedAt: number; m: NonNullable<ProgressRound['metrics']> }[]>();
  for (const r of rounds) {
    if (!r.metrics) continue;
    let list = byType.get(r.questionType);
    if (!list) byType.set(r.questionType, (list = []));
    list.push({ startedAt: r.startedAt, m: r.metrics });
  }
  const out: Baseline[] = [];
  for (const [questionType, list] of byType) {
    const recent = list.sort((a, b) => b.startedAt - a.startedAt).slice(0, window);
    const acc: Acc = { think: [], talk: [], core: [], run: [], overrun: [], seen: recent.length };
    for (const { m } of recent) {
      if (m.thinkTimeMs !== null) acc.think.push(m.thinkTimeMs);
      acc.talk.push(m.talkTimeMs);
      if (m.coreAnswerMs !== null) acc.core.push(m.coreAnswerMs);
      acc.run.push(m.longestRunMs);
      acc.overrun.push(m.overrunMs);
    }
    out.push({
      questionType,
      rounds: acc.seen,
      thinkTimeMs: medianOf(acc.think),
      talkTimeMs: medianOf(acc.talk),
      coreAnswerMs: medianOf(acc.core),
      longestRunMs: medianOf(acc.run),
      overrunMs: medianOf(acc.overrun),
    });
  }
  return out.sort((a, b) => a.questionType.localeCompare(b.questionType));
}

/** The session of the most recently started round, or null. */
export function latestSessionId(rounds: readonly ProgressRound[]): string | null {
  let best: ProgressRound | null = null;
  for (const r of rounds) if (!best || r.startedAt > best.startedAt) best = r;
  return best?.sessionId ?? null;
}
