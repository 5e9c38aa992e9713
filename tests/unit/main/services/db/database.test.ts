import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DatabaseTooNewError,
  MigrationBrokeReferencesError,
  openDatabase,
} from '../../../../../src/main/services/db/open';
import { segment } from '../../../../../src/shared/metrics';
import { migrationsDir, tempDir } from '../../../../support/temp';

const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string; when: number }[];
};

/** A migrations folder holding only the first `count` migrations, as an older app shipped it. */
function olderMigrations(count: number): string {
  const dir = tempDir('migrations-');
  fs.mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    fs.copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  db.close();
  return names;
}

const now = () => Date.parse('2026-11-23T12:00:00Z');

describe('openDatabase', () => {
  it('creates a fresh database in WAL mode with foreign keys on and every migration applied', () => {
    const file = path.join(tempDir(), 'nested', 'loop-coach.db');
    const { db, backupFile, appliedMigrations } = openDatabase({ file, migrationsDir, now });
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appliedMigrations).toBe(journal.entries.length);
    expect(backupFile).toBeNull();
    db.$client.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['sessions', 'rounds', 'session_events', 'settings']));
  });

  it('reopening an up-to-date database applies nothing and makes no backup', () => {
    const file = path.join(tempDir(), 'loop-coach.db');
    openDatabase({ file, migrationsDir, now }).db.$client.close();
    const again = openDatabase({ file, migrationsDir, now });
    expect(again.appliedMigrations).toBe(0);
    expect(again.backupFile).toBeNull();
    again.db.$client.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'loop-coach.db');
    openDatabase({ file, migrationsDir, now }).db.$client.close();
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.parse('2099-01-01'));
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase({ file, migrationsDir, now })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase({ file, migrationsDir, now })).toThrow(/newer version of Loop Coach/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('enforces foreign keys', () => {
    const file = path.join(tempDir(), 'loop-coach.db');
    const { db } = openDatabase({ file, migrationsDir, now });
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO rounds (id, session_id, idx, plan_json, item_id, category, question_type, budget_seconds, status) VALUES ('r', 'missing', 0, '{}', 'x', 'c', 'q', 60, 'pending')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });

  // Each numbered migration, applied on top of a database left by the app version before it.
  // By position in the journal, not `idx`: a branch may carry 0007 before 0006 is merged in.
  describe.each(journal.entries.map((e, position) => [e.tag, position] as const))('migration %s', (tag, idx) => {
    it('applies on top of the previous schema, backs the database up first, and keeps existing rows', () => {
      const dir = tempDir();
      const file = path.join(dir, 'loop-coach.db');
      if (idx > 0) {
        const old = openDatabase({ file, migrationsDir: olderMigrations(idx), now });
        old.db.$client.prepare("INSERT INTO settings (key, value_json) VALUES ('kept', '1')").run();
        old.db.$client.close();
      }
      const opened = openDatabase({ file, migrationsDir: olderMigrations(idx + 1), now });
      expect(opened.appliedMigrations).toBe(1);
      if (idx > 0) {
        expect(opened.backupFile).not.toBeNull();
        expect(tables(opened.backupFile!)).toContain('settings');
        expect(opened.db.$client.prepare("SELECT value_json FROM settings WHERE key='kept'").get()).toEqual({
          value_json: '1',
        });
      }
      const applied = opened.db.$client.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as {
        n: number;
      };
      expect(applied.n).toBe(idx + 1);
      expect(opened.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      opened.db.$client.close();
      void tag;
    });
  });
});

/** One of everything, as the app before migration 0004 stored it (segments still in seconds). */
function seedEveryTable(client: Database.Database): void {
  const run = (sql: string, ...params: unknown[]) => client.prepare(sql).run(...params);
  run(
    "INSERT INTO sessions (id, title, source_json, status, follow_up_mode, created_at) VALUES ('s1', 'Session', '{}', 'ended', 'pressure', 1)",
  );
  run("INSERT INTO session_events (session_id, type, at) VALUES ('s1', 'session-created', 1)");
  for (const [id, idx] of [
    ['r1', 0],
    ['r2', 1],
  ] as const) {
    run(
      "INSERT INTO rounds (id, session_id, idx, plan_json, item_id, category, question_type, budget_seconds, status, started_at) VALUES (?, 's1', ?, '{}', 'item', 'Theory', 'theory', 60, 'done', 2)",
      id,
      idx,
    );
    run("INSERT INTO session_events (session_id, round_id, type, at) VALUES ('s1', ?, 'answer-cue', 3)", id);
    run(
      "INSERT INTO recordings (id, round_id, file, peaks_file, mime_type, status, bytes, peaks_per_second, started_at) VALUES (?, ?, 'recordings/x.webm', 'recordings/x.peaks', 'audio/webm', 'finalized', 10, 50, 2)",
      `rec-${id}`,
      id,
    );
    run(
      "INSERT INTO follow_ups (round_id, idx, text, trigger, spoken_start_ms) VALUES (?, 0, 'Why?', 'adhoc', 4000)",
      id,
    );
    run('INSERT INTO round_reviews (round_id, clarity, updated_at) VALUES (?, 4, 5)', id);
    run(
      "INSERT INTO review_marks (id, round_id, kind, start_ms, end_ms, created_at) VALUES (?, ?, 'ramble', 100, 900, 5)",
      `mark-${id}`,
      id,
    );
  }
  run(
    'INSERT INTO round_analyses (round_id, status, segments_json, duration_ms) VALUES (?, ?, ?, 9000)',
    'r1',
    'done',
    JSON.stringify([
      { start: 1.2345, end: 2.5 },
      { start: 3, end: 4.0004 },
    ]),
  );
  run("INSERT INTO round_analyses (round_id, status, segments_json) VALUES ('r2', 'pending', '[]')");
}

const everyTable = [
  'sessions',
  'session_events',
  'rounds',
  'recordings',
  'follow_ups',
  'round_reviews',
  'review_marks',
  'round_analyses',
];
const countRows = (client: Database.Database) =>
  Object.fromEntries(
    everyTable.map((t) => [t, (client.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
const tagIndex = (tag: string) => journal.entries.find((e) => e.tag === tag)!.idx;

describe('migration 0004_enum_checks (CHECK constraints by table rebuild) on a database full of rows', () => {
  function migrated() {
    const file = path.join(tempDir(), 'loop-coach.db');
    const old = openDatabase({ file, migrationsDir: olderMigrations(tagIndex('0004_enum_checks')), now });
    seedEveryTable(old.db.$client);
    const before = countRows(old.db.$client);
    old.db.$client.close();
    const opened = openDatabase({ file, migrationsDir, now });
    return { client: opened.db.$client, before, opened };
  }

  it('keeps every row and every foreign key (no cascade fired by the rebuild)', () => {
    const { client, before, opened } = migrated();
    expect(opened.appliedMigrations).toBe(journal.entries.length - tagIndex('0004_enum_checks'));
    expect(countRows(client)).toEqual(before);
    expect(before.follow_ups).toBe(2);
    expect(client.pragma('foreign_key_check')).toEqual([]);
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
    // The references still act: removing the session removes its rounds and everything under them.
    client.prepare("DELETE FROM sessions WHERE id = 's1'").run();
    expect(Object.values(countRows(client))).toEqual(everyTable.map(() => 0));
    client.close();
  });

  it('refuses a value outside each enum, and accepts every value of it', () => {
    const { client } = migrated();
    const bad: [string, string][] = [
      ["UPDATE sessions SET status = 'finished'", 'sessions_status_check'],
      ["UPDATE sessions SET follow_up_mode = 'random'", 'sessions_follow_up_mode_check'],
      ["UPDATE rounds SET status = 'lost'", 'rounds_status_check'],
      ["UPDATE recordings SET status = 'gone'", 'recordings_status_check'],
      ["UPDATE follow_ups SET trigger = 'whim'", 'follow_ups_trigger_check'],
      ["UPDATE review_marks SET kind = 'tangent'", 'review_marks_kind_check'],
      ["UPDATE round_analyses SET status = 'maybe'", 'round_analyses_status_check'],
    ];
    for (const [sql, constraint] of bad)
      expect(() => client.prepare(sql).run(), sql).toThrow(new RegExp(`CHECK constraint failed: ${constraint}`));
    expect(client.prepare("SELECT status FROM rounds WHERE id = 'r1'").get()).toEqual({ status: 'done' });
    for (const status of ['pending', 'running', 'done', 'skipped', 'recovered'])
      client.prepare("UPDATE rounds SET status = ? WHERE id = 'r1'").run(status);
    client.close();
  });
});

describe('a migration that would leave rows pointing at nothing', () => {
  it('is refused before it commits, leaving every row and the schema as they were', () => {
    const file = path.join(tempDir(), 'loop-coach.db');
    const old = openDatabase({ file, migrationsDir, now });
    seedEveryTable(old.db.$client);
    const before = countRows(old.db.$client);
    old.db.$client.close();
    // A faulty future migration: drops a round while foreign keys are off, so nothing cascades and
    // its recording, follow-ups, review and marks would point at nothing.
    const dir = olderMigrations(journal.entries.length);
    const tag = '9999_faulty';
    fs.writeFileSync(path.join(dir, `${tag}.sql`), "DELETE FROM `rounds` WHERE `id` = 'r1';");
    const entries = [
      ...journal.entries,
      { idx: journal.entries.length, version: '6', when: Date.parse('2098-01-01'), tag, breakpoints: true },
    ];
    fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    let refused: unknown = null;
    try {
      openDatabase({ file, migrationsDir: dir, now }).db.$client.close();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(MigrationBrokeReferencesError);
    expect((refused as Error).message).toMatch(/row\(s\) pointing at nothing .*; nothing was changed/);
    const again = openDatabase({ file, migrationsDir, now });
    expect(countRows(again.db.$client)).toEqual(before);
    expect(again.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    again.db.$client.close();
  });
});

describe('migration 0005_segments_ms', () => {
  it('converts stored speech segments from seconds to integer ms and leaves the rest alone', () => {
    const file = path.join(tempDir(), 'loop-coach.db');
    const old = openDatabase({ file, migrationsDir: olderMigrations(tagIndex('0005_segments_ms')), now });
    seedEveryTable(old.db.$client);
    old.db.$client.close();
    const { db } = openDatabase({ file, migrationsDir, now });
    const segments = db.$client.prepare('SELECT round_id, segments_json FROM round_analyses ORDER BY round_id').all();
    expect(segments).toEqual([
      {
        round_id: 'r1',
        segments_json: JSON.stringify([
          { startMs: 1235, endMs: 2500 },
          { startMs: 3000, endMs: 4000 },
        ]),
      },
      { round_id: 'r2', segments_json: '[]' },
    ]);
    // What the analysis service and the export read back.
    const r1 = db.$client.prepare("SELECT segments_json AS json FROM round_analyses WHERE round_id = 'r1'").get() as {
      json: string;
    };
    expect(segment.array().parse(JSON.parse(r1.json))).toHaveLength(2);
    db.$client.close();
  });
});
