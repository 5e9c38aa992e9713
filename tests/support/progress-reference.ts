/**
 * The Progress computation the app had before it moved into SQLite (issue 12), kept as the
 * reference tests/unit/main/services/progress/equality.test.ts holds the new path against: every recorded round
 * loaded with its scores and metrics (the old progress:get), then weekly trends, weakest areas,
 * baselines and the latest session aggregated in one pass each (the old lib/progress-stats.ts).
 */
import { and, desc, eq, gte, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../../src/main/services/db/open';
import { roundAnalyses, roundReviews, rounds, sessions } from '../../src/main/services/db/schema';
import { scores } from '../../src/shared/contract/review';
import { weekStart } from '../../src/shared/local-week';
import { roundMetrics } from '../../src/shared/metrics';
import { roundTitle } from '../../src/shared/round-title';

export { weekStart };

export const progressRound = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  title: z.string(),
  startedAt: z.number(),
  category: z.string(),
  questionType: z.string(),
  budgetSeconds: z.number().int(),
  scores,
  metrics: roundMetrics.nullable(),
});
export type ProgressRound = z.infer<typeof progressRound>;
export type ProgressView = {
  rounds: ProgressRound[];
  actions: { roundId: string; at: number; title: string; change: string }[];
};

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

/** Every recorded round (up to `limit`, newest first) and the ten latest postmortem changes. */
export function progressView(db: AppDatabase, sinceMs: number, limit: number): ProgressView {
  const rows = db
    .select({
      roundId: rounds.id,
      sessionId: sessions.id,
      sessionTitle: sessions.title,
      planJson: rounds.planJson,
      startedAt: rounds.startedAt,
      category: rounds.category,
      questionType: rounds.questionType,
      budgetSeconds: rounds.budgetSeconds,
      clarity: roundReviews.clarity,
      rigor: roundReviews.rigor,
      speed: roundReviews.speed,
      metricsJson: roundAnalyses.metricsJson,
    })
    .from(rounds)
    .innerJoin(sessions, eq(sessions.id, rounds.sessionId))
    .leftJoin(roundReviews, eq(roundReviews.roundId, rounds.id))
    .leftJoin(roundAnalyses, eq(roundAnalyses.roundId, rounds.id))
    .where(and(isNotNull(rounds.startedAt), gte(rounds.startedAt, sinceMs)))
    .orderBy(desc(rounds.startedAt))
    .limit(limit)
    .all();
  const actions = db
    .select({
      roundId: roundReviews.roundId,
      at: roundReviews.updatedAt,
      change: roundReviews.change,
      planJson: rounds.planJson,
    })
    .from(roundReviews)
    .innerJoin(rounds, eq(rounds.id, roundReviews.roundId))
    .where(ne(roundReviews.change, ''))
    .orderBy(desc(roundReviews.updatedAt))
    .limit(10)
    .all();
  const title = (planJson: string) => {
    const plan = JSON.parse(planJson) as { title?: string; itemTitle: string };
    return roundTitle(plan);
  };
  return {
    rounds: rows.map((r) => ({
      roundId: r.roundId,
      sessionId: r.sessionId,
      sessionTitle: r.sessionTitle,
      title: title(r.planJson),
      startedAt: r.startedAt!,
      category: r.category,
      questionType: r.questionType,
      budgetSeconds: r.budgetSeconds,
      scores: { clarity: r.clarity ?? null, rigor: r.rigor ?? null, speed: r.speed ?? null },
      metrics: r.metricsJson ? roundMetrics.parse(JSON.parse(r.metricsJson)) : null,
    })),
    actions: actions.map((a) => ({ roundId: a.roundId, at: a.at, title: title(a.planJson), change: a.change })),
  };
}
