/**
 * Migration 0012 (round_stats_area_sums): filled from the history stored before it, then kept equal
 * to a fresh GROUP BY over round_stats through every kind of write — a review saved through the
 * service, scores removed, metrics dropped, a round's category or start changed, a session deleted
 * (cascading), a new round started — and read by progress:get for the weakest areas.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import type { ProgressSummary } from '../../../../../src/shared/contract';
import { rewindDatabase } from '../../../../support/migrations';
import { makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const now = Date.parse('2026-11-30T20:00:00Z');

const open = (dataDir: string) => makeApp(dataDir, {}, () => now);

type Sums = { category: string; questionType: string; rounds: number; scored: number; scoreSum: number; flags: number };

const kept = (c: Database.Database) =>
  c
    .prepare(
      `SELECT category, question_type AS questionType, rounds, scored, score_sum AS scoreSum, flags
       FROM round_stats_area_sums ORDER BY category, question_type`,
    )
    .all() as Sums[];

/** What the sums must be: added up afresh from round_stats (the per-round rows 0007 keeps). */
const scanned = (c: Database.Database) =>
  c
    .prepare(
      `SELECT category, question_type AS questionType, COUNT(*) AS rounds,
         SUM(clarity IS NOT NULL OR rigor IS NOT NULL OR speed IS NOT NULL) AS scored,
         COALESCE(SUM(clarity), 0) + COALESCE(SUM(rigor), 0) + COALESCE(SUM(speed), 0) AS scoreSum,
         SUM(flags) AS flags
       FROM round_stats WHERE started_at IS NOT NULL GROUP BY category, question_type ORDER BY category, question_type`,
    )
    .all() as Sums[];

async function summary(app: Awaited<ReturnType<typeof open>>): Promise<ProgressSummary> {
  const result = await dispatch(app.handlers, 'progress:get', { timeZone: 'UTC' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProgressSummary;
}

describe('migration 0012 (round_stats_area_sums)', () => {
  it('fills the sums from the stored history, then keeps them equal to a fresh count', async () => {
    const dataDir = tempDir();
    await seedHistory({ dataDir, rounds: 500, now, random: seededRandom(7) });
    let app = await open(dataDir);
    const file = app.paths.databaseFile;
    app.close();
    rewindDatabase(file, '0011_round_word_metrics');

    app = await open(dataDir);
    const c = app.db.$client;
    const filled = kept(c);
    expect(filled.length).toBeGreaterThan(8);
    expect(filled.reduce((n, s) => n + s.rounds, 0)).toBe(500);
    expect(filled).toEqual(scanned(c));

    const ids = (c.prepare('SELECT id FROM rounds ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    // Scores saved through the service (insert or update of the review), then one review removed.
    for (const id of ids.slice(0, 25)) {
      const saved = await dispatch(app.handlers, 'review:save', {
        roundId: id,
        scores: { clarity: 5, rigor: 1, speed: null },
      });
      expect(saved.ok).toBe(true);
    }
    c.prepare('DELETE FROM round_reviews WHERE round_id = ?').run(ids[30]);
    expect(kept(c)).toEqual(scanned(c));
    // Metrics dropped (the flags go), and a round moved to another category and un-started.
    c.prepare('DELETE FROM round_analyses WHERE round_id IN (?, ?, ?)').run(ids[40], ids[41], ids[42]);
    c.prepare("UPDATE rounds SET category = 'Moved here' WHERE id = ?").run(ids[50]);
    c.prepare('UPDATE rounds SET started_at = NULL WHERE id = ?').run(ids[51]);
    expect(kept(c)).toEqual(scanned(c));
    expect(kept(c).find((s) => s.category === 'Moved here')?.rounds).toBe(1);
    // Moved back: the pair that no round has any more is gone, not left at zero.
    c.prepare('UPDATE rounds SET category = (SELECT category FROM rounds WHERE id = ?) WHERE id = ?').run(
      ids[49],
      ids[50],
    );
    expect(kept(c).some((s) => s.category === 'Moved here')).toBe(false);
    expect(kept(c)).toEqual(scanned(c));

    // A deleted session takes its rounds out of the sums (ON DELETE CASCADE through round_stats).
    const session = c.prepare('SELECT session_id AS id FROM rounds WHERE id = ?').get(ids[60]) as { id: string };
    c.prepare('DELETE FROM sessions WHERE id = ?').run(session.id);
    expect(kept(c)).toEqual(scanned(c));
    expect(kept(c).reduce((n, s) => n + s.rounds, 0)).toBeLessThan(499);

    // A new session's rounds count once started.
    const started = await dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'lru-cache' } });
    expect(started.ok).toBe(true);
    c.prepare('UPDATE rounds SET started_at = ? WHERE started_at IS NULL AND id != ?').run(now, ids[51]);
    expect(kept(c)).toEqual(scanned(c));

    // progress:get reads these sums: its weakest areas add up to the same rounds.
    const areas = (await summary(app)).weakest.byCategory;
    const expected = new Map<string, number>();
    for (const s of scanned(c)) expected.set(s.category, (expected.get(s.category) ?? 0) + s.rounds);
    expect(new Map(areas.map((a) => [a.key, a.rounds]))).toEqual(
      new Map([...expected].filter(([key]) => areas.some((a) => a.key === key))),
    );
    app.close();
  });
});
