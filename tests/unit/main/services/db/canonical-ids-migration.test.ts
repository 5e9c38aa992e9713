/**
 * Migration 0014 (canonical ids, issue 22 D1). Before it, an import accepted upper-case UUIDs, so a
 * database can hold them; the contract now lower-cases every id it parses and could never name those
 * rows again. Real rows, written the way the old import wrote them (the import's own row writer, fed
 * upper-cased ids), are rewritten to lower case in every column; a second spelling of an id already
 * present (Linux let such a duplicate in silently) gets a fresh id, so nothing is lost.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom, seedHistory } from '../../../../../bench/seed-history';
import { importCoach } from '../../../../../src/main/services/coach/export';
import { openDatabase } from '../../../../../src/main/services/db/open';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { buildExport } from '../../../../../src/main/services/export/export';
import { insertSession } from '../../../../../src/main/services/import-rows';
import type { ExportedSession } from '../../../../../src/shared/export';
import { migrationsUpTo, rewindDatabase } from '../../../../support/migrations';
import { makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const now = Date.parse('2026-11-30T20:00:00Z');

/** Every column that holds a session, round, recording, mark or coach id. */
const idColumns: [table: string, column: string][] = [
  ['sessions', 'id'],
  ['rounds', 'id'],
  ['rounds', 'session_id'],
  ['session_events', 'session_id'],
  ['session_events', 'round_id'],
  ['recordings', 'id'],
  ['recordings', 'round_id'],
  ['follow_ups', 'round_id'],
  ['review_marks', 'id'],
  ['review_marks', 'round_id'],
  ['round_analyses', 'round_id'],
  ['round_reviews', 'round_id'],
  ['round_transcripts', 'round_id'],
  ['transcript_segments', 'round_id'],
  ['round_stats', 'round_id'],
  ['round_stats', 'session_id'],
  ['round_word_metrics', 'round_id'],
  ['rescores', 'id'],
  ['rescores', 'round_id'],
  ['action_lists', 'id'],
  ['action_items', 'id'],
  ['action_items', 'list_id'],
  ['action_items', 'round_id'],
];

/** A session as the old import wrote it from an export that spelled its ids in upper case. */
const shouted = (s: ExportedSession): ExportedSession => ({
  ...s,
  id: s.id.toUpperCase(),
  rounds: s.rounds.map((r) => ({
    ...r,
    id: r.id.toUpperCase(),
    recording: r.recording && { ...r.recording, id: r.recording.id.toUpperCase() },
    marks: r.marks.map((m) => ({ ...m, id: m.id.toUpperCase() })),
  })),
});

const count = (c: Database.Database, sql: string, ...args: unknown[]) =>
  (c.prepare(sql).get(...args) as { n: number }).n;

describe('migration 0014 (canonical ids)', () => {
  it('lower-cases every stored id, gives a duplicate spelling a fresh id, and loses no row', async () => {
    const dataDir = tempDir();
    await seedHistory({ dataDir, rounds: 40, now, random: seededRandom(3), transcribedShare: 1 });
    let app = await makeApp(dataDir, {}, () => now);
    const file = app.paths.databaseFile;
    const exported = buildExport(app.db, 'test', now);
    const withMarks = exported.sessions.filter((s) => s.rounds.some((r) => r.marks.length && r.transcript));
    const [alone, twin] = [withMarks[0]!, exported.sessions.find((s) => s.id !== withMarks[0]!.id)!];
    const before = {
      sessions: count(app.db.$client, 'SELECT COUNT(*) AS n FROM sessions'),
      rounds: count(app.db.$client, 'SELECT COUNT(*) AS n FROM rounds'),
      segments: count(app.db.$client, 'SELECT COUNT(*) AS n FROM transcript_segments'),
    };
    app.close();
    rewindDatabase(file, '0013_recording_peaks_bytes');

    // The old import, on the database as 0013 left it: one session imported only in upper case, one
    // a second time in upper case beside its lower-case self, and coach rows naming them.
    const old = openDatabase({ file, migrationsDir: migrationsUpTo('0013_recording_peaks_bytes'), now: () => now }).db;
    old.$client.prepare('DELETE FROM sessions WHERE id = ?').run(alone.id);
    old.transaction((tx) => {
      insertSession(tx, shouted(alone));
      insertSession(tx, shouted(twin));
    });
    const aloneRound = alone.rounds.find((r) => r.marks.length && r.transcript)!;
    importCoach(old, {
      rescores: [
        {
          id: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
          roundId: aloneRound.id.toUpperCase(),
          askedAt: now,
          answeredAt: null,
          dismissedAt: null,
          scores: { clarity: null, rigor: null, speed: null },
          original: { clarity: 3, rigor: 3, speed: 3 },
        },
      ],
      actionLists: [
        {
          id: 'ABCDEF12-3456-4789-8ABC-DEF123456789',
          windowStart: now - 7 * 86_400_000,
          windowEnd: now,
          reason: 'request',
          createdAt: now,
          items: [
            {
              id: 'FEDCBA98-7654-4321-8FED-CBA987654321',
              kind: 'change',
              text: 'Say the plan first.',
              why: 'Twice this week.',
              roundId: aloneRound.id.toUpperCase(),
              doneAt: null,
            },
          ],
        },
      ],
    });
    const shoutedRows = idColumns.reduce(
      (n, [t, col]) => n + count(old.$client, `SELECT COUNT(*) AS n FROM ${t} WHERE ${col} <> lower(${col})`),
      0,
    );
    expect(shoutedRows).toBeGreaterThan(100);
    old.$client.close();

    app = await makeApp(dataDir, {}, () => now);
    const c = app.db.$client;
    for (const [t, col] of idColumns)
      expect(count(c, `SELECT COUNT(*) AS n FROM ${t} WHERE ${col} <> lower(${col})`), `${t}.${col}`).toBe(0);
    expect(c.pragma('foreign_key_check')).toEqual([]);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');

    // Nothing lost: the lone session is back under its own (lower-case) ids, the twin kept beside it.
    expect(count(c, 'SELECT COUNT(*) AS n FROM sessions')).toBe(before.sessions + 1);
    expect(count(c, 'SELECT COUNT(*) AS n FROM rounds')).toBe(before.rounds + twin.rounds.length);
    expect(count(c, 'SELECT COUNT(*) AS n FROM round_stats')).toBe(before.rounds + twin.rounds.length);
    const got = await dispatch(app.handlers, 'session:get', { sessionId: alone.id });
    expect(got).toMatchObject({ ok: true, value: { id: alone.id, title: alone.title } });
    const round = await dispatch(app.handlers, 'review:get', { roundId: aloneRound.id });
    expect(round.ok).toBe(true);
    expect(count(c, 'SELECT COUNT(*) AS n FROM review_marks WHERE round_id = ?', aloneRound.id)).toBe(
      aloneRound.marks.length,
    );
    // The transcript reads under the lower-case round id, and the search index still finds its words.
    const transcript = await dispatch(app.handlers, 'transcript:get', { roundId: aloneRound.id });
    expect(transcript).toMatchObject({ ok: true, value: { status: 'done' } });
    const word = aloneRound
      .transcript!.segments.find((s) => s.text.trim())!
      .text.trim()
      .split(/\s+/)[0]!;
    const hits = `SELECT COUNT(*) AS n FROM transcript_segments_fts f JOIN transcript_segments t ON t.id = f.rowid
       WHERE transcript_segments_fts MATCH ? AND t.round_id = ?`;
    expect(count(c, hits, `"${word.replace(/"/g, '')}"`, aloneRound.id)).toBeGreaterThan(0);
    expect(count(c, 'SELECT COUNT(*) AS n FROM transcript_segments')).toBeGreaterThan(before.segments);
    // The coach rows follow their round.
    expect(count(c, 'SELECT COUNT(*) AS n FROM rescores WHERE round_id = ?', aloneRound.id)).toBe(1);
    expect(count(c, 'SELECT COUNT(*) AS n FROM action_items WHERE round_id = ?', aloneRound.id)).toBe(1);

    // The twin: the lower-case session untouched, its second spelling under a fresh id of its own.
    const twins = c
      .prepare('SELECT id FROM sessions WHERE title = ? AND created_at = ?')
      .all(twin.title, twin.createdAt) as {
      id: string;
    }[];
    expect(twins.map((t) => t.id)).toContain(twin.id);
    expect(twins).toHaveLength(2);
    const fresh = twins.find((t) => t.id !== twin.id)!.id;
    expect(fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(count(c, 'SELECT COUNT(*) AS n FROM rounds WHERE session_id = ?', fresh)).toBe(twin.rounds.length);
    expect(count(c, 'SELECT COUNT(*) AS n FROM round_stats WHERE session_id = ?', fresh)).toBe(twin.rounds.length);
    const freshRounds = c.prepare('SELECT id FROM rounds WHERE session_id = ?').all(fresh) as { id: string }[];
    for (const r of freshRounds) expect(twin.rounds.map((t) => t.id)).not.toContain(r.id);
    app.close();
  }, 120_000);
});
