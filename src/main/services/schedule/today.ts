/**
 * "Today" on the main side: reads the latest attempts per item and per question type in SQL
 * (aggregated per attempt there, at most RECENT_ATTEMPTS of each, through the indexes of migration
 * 0008, so a year of history costs a few hundred rows), the circuits' last runs and the stored
 * snoozes and retirements, and hands them to the pure planner (src/shared/schedule/today.ts).
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { TodayView } from '../../../shared/contract';
import { flagId } from '../../../shared/enums';
import { DAY_MS, RECENT_ATTEMPTS, attemptSignals, type AttemptSignals } from '../../../shared/schedule/rule';
import {
  planToday,
  type CatalogCircuit,
  type CatalogItem,
  type ScheduleOverride,
} from '../../../shared/schedule/today';
import type { LoadedContent } from '../content/load';
import type { AppDatabase } from '../db/open';
import { NotFoundError } from '../errors';

/** Rounds that count as practised: finished, or recovered after a crash. */
const practised = (t: string) => `${t}status IN ('done', 'recovered') AND ${t}started_at IS NOT NULL`;

/** Per round: its scores, missed and expected points, overrun and flags (comma-separated ids). */
const ROUND_SIGNALS = `
  rv.clarity AS clarity, rv.rigor AS rigor, rv.speed AS speed,
  (SELECT COUNT(*) FROM json_each(rv.points_json) WHERE json_each.value = 'missed') AS missed,
  json_array_length(r.answers_json, '$.expectedPoints') AS expected,
  json_extract(a.metrics_json, '$.overrunMs') AS overrun,
  (SELECT group_concat(json_extract(f.value, '$.id')) FROM json_each(a.metrics_json, '$.flags') AS f) AS flags`;
const ROUND_JOINS = `
  LEFT JOIN round_reviews rv ON rv.round_id = r.id
  LEFT JOIN round_analyses a ON a.round_id = r.id AND a.status = 'done' AND json_valid(a.metrics_json)`;

/** The latest attempts of every item: one row per (item, session), its rounds aggregated. */
const ITEM_ATTEMPTS = `
WITH attempts AS (
  SELECT item_id, session_id, MIN(started_at) AS at FROM rounds WHERE ${practised('')} GROUP BY item_id, session_id
), ranked AS (
  SELECT item_id, session_id, at,
    ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY at DESC, session_id) AS rn,
    COUNT(*) OVER (PARTITION BY item_id) AS total
  FROM attempts
), round_rows AS (
  SELECT k.item_id, k.session_id, k.at, k.total, ${ROUND_SIGNALS}
  FROM ranked k
  JOIN rounds r ON r.item_id = k.item_id AND r.session_id = k.session_id AND ${practised('r.')}
  ${ROUND_JOINS}
  WHERE k.rn <= ${RECENT_ATTEMPTS}
)
SELECT item_id AS key, at, total,
  AVG(clarity) AS clarity, AVG(rigor) AS rigor, AVG(speed) AS speed,
  COALESCE(SUM(missed), 0) AS missedPoints, COALESCE(SUM(expected), 0) AS expectedPoints,
  COALESCE(MAX(overrun), 0) AS overrunMs, group_concat(flags) AS flags
FROM round_rows GROUP BY item_id, session_id`;

/** The latest rounds of every question type, one attempt each. */
const TYPE_ATTEMPTS = `
WITH ranked AS (
  SELECT id, question_type, started_at,
    ROW_NUMBER() OVER (PARTITION BY question_type ORDER BY started_at DESC, id) AS rn
  FROM rounds WHERE ${practised('')}
)
SELECT key, at, total, clarity, rigor, speed, missed AS missedPoints, expected AS expectedPoints,
  overrun AS overrunMs, flags
FROM (
  SELECT k.question_type AS key, k.started_at AS at, 1 AS total, ${ROUND_SIGNALS}
  FROM ranked k JOIN rounds r ON r.id = k.id ${ROUND_JOINS}
  WHERE k.rn <= ${RECENT_ATTEMPTS}
)`;

const CIRCUIT_RUNS = `
SELECT json_extract(s.source_json, '$.id') AS id, MAX(s.created_at) AS at FROM sessions s
WHERE json_valid(s.source_json) AND json_extract(s.source_json, '$.type') = 'circuit'
  AND EXISTS (SELECT 1 FROM rounds r WHERE r.session_id = s.id AND r.started_at IS NOT NULL)
GROUP BY 1`;

const attemptRow = z.object({
  key: z.string(),
  at: z.number(),
  total: z.number().int(),
  clarity: z.number().nullable(),
  rigor: z.number().nullable(),
  speed: z.number().nullable(),
  missedPoints: z.number().nullable(),
  expectedPoints: z.number().nullable(),
  overrunMs: z.number().nullable(),
  flags: z.string().nullable(),
});

function toSignals(row: z.infer<typeof attemptRow>): AttemptSignals {
  const flags = (row.flags ?? '')
    .split(',')
    .map((f) => flagId.safeParse(f))
    .flatMap((f) => (f.success ? [f.data] : []));
  return attemptSignals.parse({
    at: row.at,
    clarity: row.clarity,
    rigor: row.rigor,
    speed: row.speed,
    missedPoints: row.missedPoints ?? 0,
    expectedPoints: row.expectedPoints ?? 0,
    overrunMs: Math.max(0, Math.round(row.overrunMs ?? 0)),
    flags,
  });
}

export function catalog(content: LoadedContent): { items: CatalogItem[]; circuits: CatalogCircuit[] } {
  const items = [...content.items.values()].map((i) => ({
    id: i.id,
    title: i.title,
    category: i.category,
    kind: i.kind,
    questionTypes: [...new Set(i.rounds.map((r) => r.questionType))],
    budgetSeconds: i.rounds.reduce((sum, r) => sum + r.budgetSeconds, 0),
  }));
  const circuits = [...content.circuits.values()].map((c) => ({
    id: c.id,
    title: c.title,
    totalMinutes: c.steps.reduce((sum, s) => sum + s.minutes, 0),
    questionTypes: [
      ...new Set(
        c.steps.flatMap((s) =>
          s.type === 'round'
            ? s.items.flatMap((id) => content.items.get(id)?.rounds.map((r) => r.questionType) ?? [])
            : [],
        ),
      ),
    ].sort(),
  }));
  return { items, circuits };
}

export class TodayService {
  private readonly client: Database.Database;

  constructor(
    private readonly db: AppDatabase,
    private readonly content: () => LoadedContent,
    private readonly now: () => number,
  ) {
    this.client = db.$client;
  }

  get(): TodayView {
    const content = this.content();
    const { items, circuits } = catalog(content);
    const group = (sql: string) => {
      const map = new Map<string, { total: number; recent: AttemptSignals[] }>();
      for (const raw of this.client.prepare(sql).all()) {
        const row = attemptRow.parse(raw);
        const entry = map.get(row.key) ?? { total: row.total, recent: [] };
        entry.recent.push(toSignals(row));
        map.set(row.key, entry);
      }
      return map;
    };
    const itemHistory = group(ITEM_ATTEMPTS);
    const typeHistory = new Map([...group(TYPE_ATTEMPTS)].map(([type, h]) => [type, h.recent]));
    const circuitLastRun = new Map(
      z
        .array(z.object({ id: z.string(), at: z.number() }))
        .parse(this.client.prepare(CIRCUIT_RUNS).all())
        .map((r) => [r.id, r.at]),
    );
    return planToday({
      nowMs: this.now(),
      items,
      circuits,
      itemHistory,
      typeHistory,
      circuitLastRun,
      overrides: this.overrides(),
      questionTypeTitles: new Map([...content.questionTypes.values()].map((t) => [t.id, t.title])),
    });
  }

  overrides(): ScheduleOverride[] {
    return z
      .array(z.object({ itemId: z.string(), snoozedUntil: z.number().nullable(), retiredAt: z.number().nullable() }))
      .parse(
        this.client
          .prepare(
            'SELECT item_id AS itemId, snoozed_until AS snoozedUntil, retired_at AS retiredAt FROM item_schedule',
          )
          .all(),
      );
  }

  snooze(itemId: string, days: number): TodayView {
    this.known(itemId);
    const now = this.now();
    this.upsert(itemId, { snoozed_until: days > 0 ? now + days * DAY_MS : null }, now);
    return this.get();
  }

  retire(itemId: string, retired: boolean): TodayView {
    this.known(itemId);
    const now = this.now();
    this.upsert(itemId, { retired_at: retired ? now : null }, now);
    return this.get();
  }

  private known(itemId: string): void {
    if (!this.content().items.has(itemId)) throw new NotFoundError(`No loop or mock has the id "${itemId}".`);
  }

  private upsert(itemId: string, patch: { snoozed_until?: number | null; retired_at?: number | null }, now: number) {
    const [column, value] = Object.entries(patch)[0]!;
    // Column names come from the typed patch above, never from input.
    this.client
      .prepare(
        `INSERT INTO item_schedule (item_id, ${column}, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(item_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      )
      .run(itemId, value, now);
  }
}
