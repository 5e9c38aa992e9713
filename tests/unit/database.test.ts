import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase } from '../../src/main/services/db/open';
import { migrationsDir, tempDir } from '../support/temp';

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
  describe.each(journal.entries.map((e) => [e.tag, e.idx] as const))('migration %s', (tag, idx) => {
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
