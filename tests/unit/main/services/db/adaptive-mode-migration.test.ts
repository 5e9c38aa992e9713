/**
 * Migration 0015 (the adaptive follow-up mode, issue 19) rebuilds `sessions` and `follow_ups` to widen
 * their CHECK constraints. Real rows (a seeded history: sessions, rounds, asked follow-ups, reviews,
 * transcripts) stored by the schema as 0014 left it come through whole: nothing cascades away when
 * the old tables are dropped, every index is back, and the new value is accepted afterwards.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { call, makeApp } from '../../../../support/sessions';
import { rewindDatabase } from '../../../../support/migrations';
import { tempDir } from '../../../../support/temp';

const now = Date.parse('2026-12-06T20:00:00Z');

const all = (c: Database.Database, sql: string) => c.prepare(sql).all();
const indexes = (c: Database.Database) =>
  all(
    c,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('sessions', 'follow_ups') ORDER BY name",
  );

describe('migration 0015 (adaptive follow-up mode)', () => {
  it('keeps every session, round and follow-up, and accepts the adaptive mode and trigger', async () => {
    const dataDir = tempDir();
    await seedHistory({ dataDir, rounds: 60, now, random: seededRandom(7), transcribedShare: 1 });
    let app = await makeApp(dataDir, {}, () => now);
    const file = app.paths.databaseFile;
    const c0 = app.db.$client;
    const before = {
      sessions: all(c0, 'SELECT * FROM sessions ORDER BY id'),
      followUps: all(c0, 'SELECT * FROM follow_ups ORDER BY id'),
      rounds: all(c0, 'SELECT id, session_id, status FROM rounds ORDER BY id'),
      reviews: all(c0, 'SELECT round_id FROM round_reviews ORDER BY round_id'),
      segments: all(c0, 'SELECT COUNT(*) AS n FROM transcript_segments'),
      indexes: indexes(c0),
    };
    expect(before.followUps.length).toBeGreaterThan(20);
    app.close();

    // The database as the previous version left it (no 'adaptive' in either CHECK)…
    rewindDatabase(file, '0014_canonical_ids');
    // …then opened by this version, which runs 0015 on those rows.
    app = await makeApp(dataDir, {}, () => now);
    const c = app.db.$client;
    expect(all(c, 'SELECT * FROM sessions ORDER BY id')).toEqual(before.sessions);
    expect(all(c, 'SELECT * FROM follow_ups ORDER BY id')).toEqual(before.followUps);
    expect(all(c, 'SELECT id, session_id, status FROM rounds ORDER BY id')).toEqual(before.rounds);
    expect(all(c, 'SELECT round_id FROM round_reviews ORDER BY round_id')).toEqual(before.reviews);
    expect(all(c, 'SELECT COUNT(*) AS n FROM transcript_segments')).toEqual(before.segments);
    expect(indexes(c)).toEqual(before.indexes);
    expect(c.pragma('foreign_key_check')).toEqual([]);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');

    // The new value is stored and read back through the app; an unknown one is still refused.
    const [session] = before.sessions as { id: string }[];
    c.prepare("UPDATE sessions SET follow_up_mode = 'adaptive' WHERE id = ?").run(session!.id);
    const round = (c.prepare('SELECT id FROM rounds WHERE session_id = ? ORDER BY idx LIMIT 1').get(session!.id) as {
      id: string;
    })!;
    c.prepare(
      "INSERT INTO follow_ups (round_id, idx, text, trigger, scheduled_ms, spoken_start_ms, spoken_end_ms) VALUES (?, 900, 'Why that bound?', 'adaptive', NULL, 1000, 2000)",
    ).run(round.id);
    const view = await call(app, 'session:get', { sessionId: session!.id });
    expect(view.followUpMode).toBe('adaptive');
    expect(view.rounds[0]!.askedFollowUps.find((f) => f.index === 900)).toMatchObject({ trigger: 'adaptive' });
    expect(() => c.prepare("UPDATE sessions SET follow_up_mode = 'psychic' WHERE id = ?").run(session!.id)).toThrow(
      /CHECK constraint failed/,
    );
    // Deleting a session still cascades to its rounds (the rebuilt table kept the references).
    c.prepare('DELETE FROM sessions WHERE id = ?').run(session!.id);
    expect(c.prepare('SELECT COUNT(*) AS n FROM rounds WHERE session_id = ?').get(session!.id)).toEqual({ n: 0 });
    app.close();
  });
});
