/**
 * Migration 0007 on a database that already holds a history: round_stats is filled from the rows
 * stored before it existed, and its triggers keep it current afterwards (scores, metrics, a
 * deleted session), without refusing a write whose metrics are not JSON.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { createLoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import type { ProgressSummary } from '../../../../../src/shared/contract';
import { rewindDatabase } from '../../../../support/migrations';
import { builtinContentDir, migrationsDir, tempDir } from '../../../../support/temp';

const now = Date.parse('2026-11-30T20:00:00Z');

const open = (dataDir: string) =>
  createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
    now: () => now,
  });

async function summary(app: Awaited<ReturnType<typeof open>>): Promise<ProgressSummary> {
  const result = await dispatch(app.handlers, 'progress:get', { timeZone: 'Europe/London' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProgressSummary;
}

describe('migration 0007 (round_stats)', () => {
  it('fills round_stats from the history stored before it, then keeps it current', async () => {
    const dataDir = tempDir();
    await seedHistory({ dataDir, rounds: 400, now, random: seededRandom(5) });
    let app = await open(dataDir);
    const file = app.paths.databaseFile;
    app.close();
    // Back to the database as it was before 0007 (same rows; no table, triggers or index)…
    rewindDatabase(file, '0006_transcripts');
    // …and written while no trigger ran: the fill must read it.
    const old = new Database(file);
    old.prepare("UPDATE round_reviews SET clarity = 1, rigor = 1, speed = 1, change = 'Written before 0007'").run();
    old.close();

    app = await open(dataDir);
    const c = app.db.$client;
    expect((c.prepare('SELECT COUNT(*) AS n FROM round_stats').get() as { n: number }).n).toBe(400);
    const before = await summary(app);
    expect(before.rounds).toBe(400);
    expect(before.trends.length).toBeGreaterThan(40);
    expect(new Set(before.trends.map((w) => w.clarity ?? 1))).toEqual(new Set([1]));
    expect(before.actions[0]!.change).toBe('Written before 0007');

    // Triggers: a review saved through the service moves the trends.
    const round = c.prepare('SELECT round_id AS id FROM round_reviews ORDER BY updated_at DESC LIMIT 1').get() as {
      id: string;
    };
    expect(
      (await dispatch(app.handlers, 'review:save', { roundId: round.id, scores: { clarity: 5, rigor: 5, speed: 5 } }))
        .ok,
    ).toBe(true);
    const rescored = await summary(app);
    expect(rescored.trends.at(-1)!.clarity).toBeGreaterThan(1);

    // Metrics that are not JSON are stored (nothing refuses the write) and count as no metrics.
    c.prepare("UPDATE round_analyses SET metrics_json = 'not json' WHERE round_id = ?").run(round.id);
    expect(
      c.prepare('SELECT has_metrics AS m, talk_ms AS t FROM round_stats WHERE round_id = ?').get(round.id),
    ).toEqual({
      m: 0,
      t: null,
    });

    // A deleted session takes its rounds' stats with it.
    const session = c.prepare('SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1').get() as { id: string };
    const gone = (c.prepare('SELECT COUNT(*) AS n FROM rounds WHERE session_id = ?').get(session.id) as { n: number })
      .n;
    c.prepare('DELETE FROM sessions WHERE id = ?').run(session.id);
    expect((await summary(app)).rounds).toBe(400 - gone);
    app.close();
  });
});
