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
import { NotFoundError } from '../infra/errors';

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

/**
 * The latest attempts of one item: its newest practised rounds (an index seek on item and start
 * time, never the whole history), aggregated per session. One round more per attempt than needed is
 * read, so the oldest attempt kept is complete.
 */
const ITEM_ATTEMPTS = `
SELECT @key AS key, MIN(started_at) AS at,
  AVG(clarity) AS clarity, AVG(rigor) AS rigor, AVG(speed) AS speed,
  COALESCE(SUM(missed), 0) AS missedPoints, COALESCE(SUM(expected), 0) AS expectedPoints,
  COALESCE(MAX(overrun), 0) AS overrunMs, group_concat(flags) AS flags
FROM (
  SELECT r.session_id, r.started_at, ${ROUND_SIGNALS}
  FROM rounds r ${ROUND_JOINS}
  WHERE r.item_id = @key AND ${practised('r.')}
  ORDER BY r.started_at DESC LIMIT @rounds
)
GROUP BY session_id ORDER BY at DESC LIMIT ${RECENT_ATTEMPTS}`;

/** The latest rounds of one question type, one attempt each. */
const TYPE_ATTEMPTS = `
SELECT key, at, clarity, rigor, speed, missed AS missedPoints, expected AS expectedPoints, overrun AS overrunMs, flags
FROM (
  SELECT @key AS key, r.started_at AS at, ${ROUND_SIGNALS}
  FROM rounds r ${ROUND_JOINS}
  WHERE r.question_type = @key AND ${practised('r.')}
  ORDER BY r.started_at DESC LIMIT ${RECENT_ATTEMPTS}
)`;

/** When a circuit was last run: its newest session (by its stored source) with a round started. */
const CIRCUIT_LAST_RUN = `
SELECT s.created_at AS at FROM sessions s
WHERE s.source_json = @source
  AND EXISTS (SELECT 1 FROM rounds r WHERE r.session_id = s.id AND r.started_at IS NOT NULL)
ORDER BY s.created_at DESC LIMIT 1`;

/** The queries, for the tests that check their plans. */
export const scheduleQueries = {
  itemAttempts: ITEM_ATTEMPTS,
  typeAttempts: TYPE_ATTEMPTS,
  circuitLastRun: CIRCUIT_LAST_RUN,
};

const attemptRow = z.object({
  key: z.string(),
  at: z.number(),
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

export function catalog(content: LoadedContent): {
  items: (CatalogItem & { roundCount: number })[];
  circuits: CatalogCircuit[];
} {
  const items = [...content.items.values()].map((i) => ({
    id: i.id,
    title: i.title,
    category: i.category,
    kind: i.kind,
    questionTypes: [...new Set(i.rounds.map((r) => r.questionType))],
    budgetSeconds: i.rounds.reduce((sum, r) => sum + r.budgetSeconds, 0),
    roundCount: i.rounds.length,
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
    const latest = (sql: Database.Statement, key: string, extra: Record<string, number> = {}) =>
      sql.all({ key, ...extra }).map((raw) => {
        const row = attemptRow.parse(raw);
        return toSignals(row);
      });
    const itemAttempts = this.client.prepare(ITEM_ATTEMPTS);
    const itemHistory = new Map(
      items.map((i) => [
        i.id,
        latest(itemAttempts, i.id, { rounds: (RECENT_ATTEMPTS + 1) * Math.max(1, i.roundCount) }),
      ]),
    );
    const typeAttempts = this.client.prepare(TYPE_ATTEMPTS);
    const types = new Set([...content.questionTypes.keys(), ...items.flatMap((i) => i.questionTypes)]);
    const typeHistory = new Map([...types].map((t) => [t, latest(typeAttempts, t)]));
    const lastRun = this.client.prepare(CIRCUIT_LAST_RUN);
    const circuitLastRun = new Map(
      circuits.flatMap((c) => {
        // The source exactly as session:start stores it (JSON of the parsed source, keys in schema order).
        const row = lastRun.get({ source: JSON.stringify({ type: 'circuit', id: c.id }) });
        return row ? [[c.id, z.object({ at: z.number() }).parse(row).at] as const] : [];
      }),
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
