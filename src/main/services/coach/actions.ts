/**
 * The weekly action list: the week's material read SQL-side over one window of rounds (index
 * rounds_started), the pure rule in src/shared/coach/actions.ts, and the list stored so its items can
 * be checked off. A list is made when a week has ended (the first read after the candidate's week
 * starts) or on request.
 */
import { randomUUID } from 'node:crypto';
import type { ActionListView } from '../../../shared/contract';
import { weeklyActions, type WeekMaterial } from '../../../shared/coach/actions';
import { actionKind, actionListReason, type ActionListReason, flagId } from '../../../shared/enums';
import type { AppDatabase } from '../db/open';
import { NotFoundError } from '../infra/errors';
import { planTitle } from './rows';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
/** A round counts as "stumped" only below the rubric's middle. */
export const STUMPED_BELOW = 3;
const SCORED = 'rv.clarity IS NOT NULL AND rv.rigor IS NOT NULL AND rv.speed IS NOT NULL';
const MEAN = '(rv.clarity + rv.rigor + rv.speed) / 3.0';

export class ActionService {
  constructor(
    private readonly db: AppDatabase,
    private readonly now: () => number,
  ) {}

  private get sqlite() {
    return this.db.$client;
  }

  /** What one window [start, end) of rounds gives the rule. */
  material(start: number, end: number): WeekMaterial {
    const q = this.sqlite;
    const changes = q
      .prepare<[number, number], { change: string; at: number; id: string }>(
        `SELECT rv.change, rv.updated_at AS at, r.id FROM rounds r JOIN round_reviews rv ON rv.round_id = r.id
          WHERE r.started_at >= ? AND r.started_at < ? AND rv.change != ''
          ORDER BY rv.updated_at DESC LIMIT 200`,
      )
      .all(start, end)
      .map((c) => ({ text: c.change, at: c.at, roundId: c.id }));
    const flags = q
      .prepare<[number, number], { flag: string; count: number }>(
        `SELECT json_extract(f.value, '$.id') AS flag, count(*) AS count
           FROM rounds r JOIN round_analyses a ON a.round_id = r.id, json_each(a.metrics_json, '$.flags') f
          WHERE r.started_at >= ? AND r.started_at < ? AND a.metrics_json IS NOT NULL
          GROUP BY flag ORDER BY count DESC, flag LIMIT 10`,
      )
      .all(start, end)
      .flatMap((f) => {
        const id = flagId.safeParse(f.flag);
        return id.success ? [{ id: id.data, count: f.count }] : [];
      });
    const weakAreas = q
      .prepare<[number, number], { category: string; meanScore: number; rounds: number }>(
        `SELECT r.category, avg(${MEAN}) AS meanScore, count(*) AS rounds
           FROM rounds r JOIN round_reviews rv ON rv.round_id = r.id
          WHERE r.started_at >= ? AND r.started_at < ? AND ${SCORED}
          GROUP BY r.category HAVING count(*) >= 2 ORDER BY meanScore, r.category LIMIT 3`,
      )
      .all(start, end);
    const stumpedRow = q
      .prepare<[number, number, number], { id: string; plan_json: string; meanScore: number }>(
        `SELECT r.id, r.plan_json, ${MEAN} AS meanScore FROM rounds r JOIN round_reviews rv ON rv.round_id = r.id
          WHERE r.started_at >= ? AND r.started_at < ? AND ${SCORED} AND ${MEAN} < ?
          ORDER BY meanScore, r.started_at DESC LIMIT 1`,
      )
      .get(start, end, STUMPED_BELOW);
    const rambleRow = q
      .prepare<[number, number], { id: string; plan_json: string; rambleMs: number }>(
        `SELECT r.id, r.plan_json, json_extract(a.metrics_json, '$.rambleMs') AS rambleMs
           FROM rounds r JOIN round_analyses a ON a.round_id = r.id
          WHERE r.started_at >= ? AND r.started_at < ? AND a.metrics_json IS NOT NULL
            AND json_extract(a.metrics_json, '$.rambleMs') > 0
          ORDER BY rambleMs DESC LIMIT 1`,
      )
      .get(start, end);
    return {
      changes,
      flags,
      weakAreas,
      stumped: stumpedRow
        ? { roundId: stumpedRow.id, title: planTitle(stumpedRow.plan_json).title, meanScore: stumpedRow.meanScore }
        : null,
      ramble: rambleRow
        ? { roundId: rambleRow.id, title: planTitle(rambleRow.plan_json).title, rambleMs: rambleRow.rambleMs }
        : null,
    };
  }

  private roundsIn(start: number, end: number): number {
    return (
      this.sqlite
        .prepare<[number, number], { n: number }>(
          'SELECT count(*) AS n FROM rounds WHERE started_at >= ? AND started_at < ?',
        )
        .get(start, end)?.n ?? 0
    );
  }

  /** The latest list; when none was made since the current week began, the week just ended gets one. */
  latest(weekStartMs: number): ActionListView | null {
    const newest = this.newest();
    const start = weekStartMs - WEEK_MS;
    if ((newest === null || newest.createdAt < weekStartMs) && this.roundsIn(start, weekStartMs) > 0) {
      return this.make(start, weekStartMs, 'week-end');
    }
    return newest;
  }

  generate(): ActionListView {
    const end = this.now();
    return this.make(end - WEEK_MS, end, 'request');
  }

  check(itemId: string, done: boolean): ActionListView {
    const item = this.sqlite
      .prepare<[string], { list_id: string }>('SELECT list_id FROM action_items WHERE id = ?')
      .get(itemId);
    if (!item) throw new NotFoundError('That action is no longer on a list.');
    this.sqlite.prepare('UPDATE action_items SET done_at = ? WHERE id = ?').run(done ? this.now() : null, itemId);
    return this.list(item.list_id)!;
  }

  private make(start: number, end: number, reason: ActionListReason): ActionListView {
    const drafts = weeklyActions(this.material(start, end));
    const id = randomUUID();
    const insertList = this.sqlite.prepare(
      'INSERT INTO action_lists (id, window_start, window_end, reason, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const insertItem = this.sqlite.prepare(
      'INSERT INTO action_items (id, list_id, idx, kind, text, why, round_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.sqlite.transaction(() => {
      insertList.run(id, start, end, reason, this.now());
      drafts.forEach((d, i) => insertItem.run(randomUUID(), id, i, d.kind, d.text, d.why, d.roundId));
    })();
    return this.list(id)!;
  }

  private newest(): ActionListView | null {
    const row = this.sqlite
      .prepare<[], { id: string }>('SELECT id FROM action_lists ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get();
    return row ? this.list(row.id) : null;
  }

  private list(id: string): ActionListView | null {
    const list = this.sqlite
      .prepare<[string], { id: string; window_start: number; window_end: number; reason: string; created_at: number }>(
        'SELECT * FROM action_lists WHERE id = ?',
      )
      .get(id);
    if (!list) return null;
    const items = this.sqlite
      .prepare<
        [string],
        { id: string; kind: string; text: string; why: string; round_id: string | null; done_at: number | null }
      >('SELECT id, kind, text, why, round_id, done_at FROM action_items WHERE list_id = ? ORDER BY idx')
      .all(id);
    return {
      id: list.id,
      windowStart: list.window_start,
      windowEnd: list.window_end,
      reason: actionListReason.parse(list.reason),
      createdAt: list.created_at,
      items: items.map((i) => ({
        id: i.id,
        kind: actionKind.parse(i.kind),
        text: i.text,
        why: i.why,
        roundId: i.round_id,
        doneAt: i.done_at,
      })),
    };
  }
}
