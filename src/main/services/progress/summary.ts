/**
 * The Progress page's numbers, aggregated in SQLite from round_stats (migration 0007: one narrow
 * row per round, kept current by triggers) with its indexes: weekly trends for the filter, area
 * stats for the weakest areas, the last 50 analysed rounds of each question type for the
 * baselines, the ten latest postmortem changes, and the latest session's time allocation. A few hundred numbers leave this file, never a
 * row per round. Definitions: docs/metrics.md, "Progress".
 */
import type Database from 'better-sqlite3';
import type { AreaStat, Baseline, ParsedInput, ProgressSummary, WeekPoint } from '../../../shared/contract';
import { weekSpans } from '../../../shared/local-week';
import {
  areaStat,
  averageScore,
  averageSeconds,
  BASELINE_WINDOW,
  medianOf,
  weakestAreas,
  type AreaSums,
} from '../../../shared/progress-math';
import { roundTitle } from '../../../shared/round-title';
import type { AppDatabase } from '../db/open';
import { sessionAllocation } from '../sessions/allocation';

type Input = ParsedInput<'progress:get'>;

const STARTED = 'started_at IS NOT NULL AND started_at >= @since';

const queries = {
  /** One row per (category, question type): the sums every area stat, the options and the span add up from. */
  groups: `SELECT category, question_type AS questionType, COUNT(*) AS rounds,
      SUM(clarity IS NOT NULL OR rigor IS NOT NULL OR speed IS NOT NULL) AS scored,
      COALESCE(SUM(clarity), 0) + COALESCE(SUM(rigor), 0) + COALESCE(SUM(speed), 0) AS scoreSum,
      COUNT(clarity) + COUNT(rigor) + COUNT(speed) AS scoreCount,
      SUM(flags) AS flags, MIN(started_at) AS first, MAX(started_at) AS last
    FROM round_stats INDEXED BY round_stats_areas WHERE ${STARTED} GROUP BY category, question_type`,
  /** The same sums for the whole history, kept by triggers (migration 0012): a row per pair, no scan. */
  groupsKept: `SELECT category, question_type AS questionType, rounds, scored, score_sum AS scoreSum,
      score_count AS scoreCount, flags FROM round_stats_area_sums WHERE rounds > 0`,
  /** The history's span: two seeks on the trends index. */
  span: `SELECT (SELECT MIN(started_at) FROM round_stats INDEXED BY round_stats_trends WHERE started_at IS NOT NULL) AS first,
      (SELECT MAX(started_at) FROM round_stats INDEXED BY round_stats_trends WHERE started_at IS NOT NULL) AS last`,
  latest: `SELECT session_id AS sessionId FROM round_stats WHERE ${STARTED} ORDER BY started_at DESC LIMIT 1`,
  /** Rounds bucketed by the local weeks passed as JSON [[weekStart, fromMs, toMs], …], one index range each. */
  trends: `WITH weeks AS MATERIALIZED (
      SELECT json_extract(value, '$[0]') AS week, json_extract(value, '$[1]') AS lo, json_extract(value, '$[2]') AS hi
      FROM json_each(@weeks))
    SELECT w.week AS week, COUNT(*) AS rounds,
      SUM(s.clarity) AS claritySum, COUNT(s.clarity) AS clarityCount,
      SUM(s.rigor) AS rigorSum, COUNT(s.rigor) AS rigorCount,
      SUM(s.speed) AS speedSum, COUNT(s.speed) AS speedCount,
      SUM(s.think_ms) AS thinkSum, COUNT(s.think_ms) AS thinkCount,
      SUM(s.talk_ms) AS talkSum, COUNT(s.talk_ms) AS talkCount,
      SUM(s.overrun_ms) AS overrunSum, COUNT(s.overrun_ms) AS overrunCount,
      SUM(s.ramble_ms) AS rambleSum, COUNT(s.ramble_ms) AS rambleCount
    FROM weeks w CROSS JOIN round_stats s INDEXED BY round_stats_trends
      ON s.started_at >= w.lo AND s.started_at < w.hi
    WHERE (@category IS NULL OR s.category = @category)
      AND (@questionType IS NULL OR s.question_type = @questionType)
    GROUP BY w.week ORDER BY w.week`,
  baseline: `SELECT think_ms AS think, talk_ms AS talk, core_answer_ms AS core, longest_run_ms AS run,
      overrun_ms AS overrun
    FROM round_stats INDEXED BY round_stats_type_metrics_started
    WHERE question_type = @questionType AND has_metrics = 1 AND ${STARTED}
    ORDER BY started_at DESC LIMIT ${BASELINE_WINDOW}`,
  actions: `SELECT v.round_id AS roundId, v.updated_at AS at, v.change AS change, r.plan_json AS planJson
    FROM round_reviews v INDEXED BY round_reviews_change_updated JOIN rounds r ON r.id = v.round_id
    WHERE v.change != '' ORDER BY v.updated_at DESC LIMIT 10`,
};

type Statements = { [K in keyof typeof queries]: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statements(client: Database.Database): Statements {
  let s = prepared.get(client);
  if (!s) {
    s = {
      groups: client.prepare(queries.groups),
      groupsKept: client.prepare(queries.groupsKept),
      span: client.prepare(queries.span),
      latest: client.prepare(queries.latest),
      trends: client.prepare(queries.trends),
      baseline: client.prepare(queries.baseline),
      actions: client.prepare(queries.actions),
    };
    prepared.set(client, s);
  }
  return s;
}

type TrendRow = { week: number; rounds: number } & Record<`${Series}Sum` | `${Series}Count`, number | null>;
type Series = 'clarity' | 'rigor' | 'speed' | 'think' | 'talk' | 'overrun' | 'ramble';

function weekPoint(r: TrendRow): WeekPoint {
  const score = (k: 'clarity' | 'rigor' | 'speed') => averageScore(r[`${k}Sum`] ?? 0, r[`${k}Count`] ?? 0);
  const seconds = (k: 'think' | 'talk' | 'overrun' | 'ramble') =>
    averageSeconds(r[`${k}Sum`] ?? 0, r[`${k}Count`] ?? 0);
  return {
    weekStart: r.week,
    rounds: r.rounds,
    clarity: score('clarity'),
    rigor: score('rigor'),
    speed: score('speed'),
    thinkTime: seconds('think'),
    talkTime: seconds('talk'),
    overrun: seconds('overrun'),
    ramble: seconds('ramble'),
  };
}

type BaselineRow = {
  think: number | null;
  talk: number | null;
  core: number | null;
  run: number | null;
  overrun: number | null;
};

function baselineOf(questionType: string, rows: BaselineRow[]): Baseline {
  const values = (k: keyof BaselineRow) => rows.flatMap((r) => (r[k] === null ? [] : [r[k]]));
  return {
    questionType,
    rounds: rows.length,
    thinkTimeMs: medianOf(values('think')),
    talkTimeMs: medianOf(values('talk')),
    coreAnswerMs: medianOf(values('core')),
    longestRunMs: medianOf(values('run')),
    overrunMs: medianOf(values('overrun')),
  };
}

const byKey = (a: string, b: string) => a.localeCompare(b);

/** `first` and `last` (the group's start times) only when summed from round_stats. */
type GroupRow = AreaSums & { category: string; questionType: string; first?: number; last?: number };

/** Area sums per category and per question type, added up from the (category, question type) groups. */
function areasBy(groups: GroupRow[], keyOf: (g: GroupRow) => string): AreaStat[] {
  const sums = new Map<string, AreaSums>();
  for (const g of groups) {
    const key = keyOf(g);
    const a = sums.get(key) ?? { key, rounds: 0, scored: 0, scoreSum: 0, scoreCount: 0, flags: 0 };
    a.rounds += g.rounds;
    a.scored += g.scored;
    a.scoreSum += g.scoreSum;
    a.scoreCount += g.scoreCount;
    a.flags += g.flags;
    sums.set(key, a);
  }
  return [...sums.values()].map(areaStat);
}

export function progressSummary(db: AppDatabase, input: Input): ProgressSummary {
  const s = statements(db.$client);
  const since = input.sinceMs ?? 0;
  const filter = { category: input.category, questionType: input.questionType };
  const actions = (s.actions.all() as { roundId: string; at: number; change: string; planJson: string }[]).map((a) => ({
    roundId: a.roundId,
    at: a.at,
    change: a.change,
    title: roundTitle(JSON.parse(a.planJson) as { title?: string; itemTitle: string }),
  }));
  // From a start time on, the sums must be taken over the rounds since then; otherwise they are kept.
  const groups = (since > 0 ? s.groups.all({ since }) : s.groupsKept.all()) as GroupRow[];
  const empty: ProgressSummary = {
    rounds: 0,
    categories: [],
    questionTypes: [],
    filter,
    timeZone: input.timeZone,
    trends: [],
    weakest: { byCategory: [], byQuestionType: [] },
    baselines: [],
    actions,
    latestSession: null,
  };
  if (groups.length === 0) return empty;

  const { first, last } =
    since > 0
      ? { first: Math.min(...groups.map((g) => g.first!)), last: Math.max(...groups.map((g) => g.last!)) }
      : (s.span.get() as { first: number; last: number });
  // sinceMs clips the first week's span (a second lower bound in SQL would let SQLite range-scan
  // from sinceMs for every week instead of from the week's start).
  const weeks = weekSpans(first, last, input.timeZone).map((w) => [w.weekStart, Math.max(w.fromMs, since), w.toMs]);
  const trends = (s.trends.all({ weeks: JSON.stringify(weeks), ...filter }) as TrendRow[]).map(weekPoint);
  const byCategory = areasBy(groups, (g) => g.category);
  const byQuestionType = areasBy(groups, (g) => g.questionType);
  const questionTypes = byQuestionType.map((a) => a.key).sort(byKey);
  const baselines = questionTypes
    .map((questionType) => baselineOf(questionType, s.baseline.all({ since, questionType }) as BaselineRow[]))
    .filter((b) => b.rounds > 0);
  const latest = s.latest.get({ since }) as { sessionId: string } | undefined;
  return {
    ...empty,
    rounds: groups.reduce((n, g) => n + g.rounds, 0),
    categories: byCategory.map((a) => a.key).sort(byKey),
    questionTypes,
    trends,
    weakest: { byCategory: weakestAreas(byCategory), byQuestionType: weakestAreas(byQuestionType) },
    baselines,
    latestSession: latest ? sessionAllocation(db, latest.sessionId) : null,
  };
}
