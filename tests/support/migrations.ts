/**
 * Databases as an older app left them, for testing a migration on real rows: the schema of the
 * migrations up to a tag, filled with the rows of a database the current app wrote (every column
 * both have). Later migrations may add tables, columns and triggers, so rewinding the current file
 * by forgetting journal rows cannot work; building the old file afresh does.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/main/services/db/open';
import { migrationsDir, tempDir } from './temp';

type Journal = { entries: { tag: string; when: number }[] };

/** A copy of resources/migrations holding the migrations up to and including `tag`. */
export function migrationsUpTo(tag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`no migration ${tag}`);
  const kept = journal.entries.slice(0, last + 1);
  const dir = tempDir('migrations-');
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) fs.copyFileSync(path.join(migrationsDir, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * Replaces `file` (closed) with a database migrated up to `tag` holding the same rows, so that the
 * next open runs every migration after `tag` on them.
 */
export function rewindDatabase(file: string, tag: string): void {
  const old = `${file}.rewind`;
  fs.rmSync(old, { force: true });
  openDatabase({ file: old, migrationsDir: migrationsUpTo(tag), now: () => 0 }).db.$client.close();
  const client = new Database(old);
  client.pragma('foreign_keys = OFF');
  client.prepare('ATTACH DATABASE ? AS current').run(file);
  const listed = client
    .prepare(
      "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .all() as { name: string; sql: string }[];
  // Full-text tables and their shadow tables fill themselves from their content tables' triggers.
  const virtual = listed.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
  const tables = listed.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  client.transaction(() => {
    for (const { name } of tables) {
      const columns = (table: string, schema: string) =>
        (client.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      const inCurrent = new Set(columns(name, 'current'));
      if (inCurrent.size === 0) continue;
      const shared = columns(name, 'main').filter((c) => inCurrent.has(c));
      const list = shared.map((c) => `"${c}"`).join(', ');
      // OR REPLACE: a summary row an old trigger already wrote for a copied row gives way to the stored one.
      client.exec(`INSERT OR REPLACE INTO main."${name}" (${list}) SELECT ${list} FROM current."${name}"`);
    }
  })();
  client.exec('DETACH DATABASE current');
  client.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(old, file);
}
