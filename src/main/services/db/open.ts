/**
 * Opens the app database: WAL and foreign keys on, pending migrations applied in one transaction
 * after a backup copy (foreign keys checked before it commits), and a database written by a newer
 * app version refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { PRIVATE_FILE_MODE, makePrivate, makePrivateIfThere } from '../infra/private-files';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export class DatabaseTooNewError extends Error {
  constructor(file: string, appliedAt: number, knownUpTo: number) {
    super(
      `The database ${file} was written by a newer version of Loop Coach (schema from ` +
        `${new Date(appliedAt).toISOString()}, this app knows schemas up to ${new Date(knownUpTo).toISOString()}). ` +
        'Update Loop Coach, or choose another data folder; the file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export type OpenDatabaseOptions = {
  file: string;
  migrationsDir: string;
  now: () => number;
  /** How many pre-migration backups to keep beside the database. */
  keepBackups?: number;
};

export type OpenedDatabase = { db: AppDatabase; backupFile: string | null; appliedMigrations: number };

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { file, migrationsDir, now } = options;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  // SQLite creates a new file 0644 and gives its -wal and -shm the database's mode: make it 0600 first
  // (an empty file is an empty database).
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  makePrivateIfThere(file);
  const client = new Database(file);
  try {
    client.pragma('journal_mode = WAL');
    for (const suffix of ['-wal', '-shm']) makePrivateIfThere(`${file}${suffix}`);
    client.pragma('foreign_keys = ON');
    // NORMAL is durable against process crashes in WAL mode, which is what a recorder must survive.
    client.pragma('synchronous = NORMAL');
    client.pragma('busy_timeout = 5000');

    const migrations = readMigrationFiles({ migrationsFolder: migrationsDir });
    const knownUpTo = Math.max(0, ...migrations.map((m) => m.folderMillis));
    const lastApplied = lastAppliedMigration(client);
    if (lastApplied !== null && lastApplied > knownUpTo) {
      throw new DatabaseTooNewError(file, lastApplied, knownUpTo);
    }
    const pending = migrations.filter((m) => lastApplied === null || m.folderMillis > lastApplied);

    let backupFile: string | null = null;
    if (existed && pending.length > 0) {
      backupFile = backupBeforeMigration(client, file, now(), options.keepBackups ?? 3);
    }
    applyMigrations(client, pending);
    const db = drizzle(client, { schema }) as AppDatabase;
    return { db, backupFile, appliedMigrations: pending.length };
  } catch (error) {
    client.close();
    throw error;
  }
}

export class MigrationBrokeReferencesError extends Error {
  constructor(count: number, first: { table: string; rowid: number; parent: string }) {
    super(
      `A database migration would leave ${count} row(s) pointing at nothing (first: ${first.table} row ` +
        `${first.rowid} → ${first.parent}); nothing was changed.`,
    );
    this.name = 'MigrationBrokeReferencesError';
  }
}

/**
 * Runs the pending migrations in one transaction, recorded in drizzle's own table (so drizzle-kit
 * and older versions agree on what was applied). SQLite can add a CHECK constraint only by
 * rebuilding the table, and with foreign keys on, DROP TABLE of the old copy would delete every
 * row that references it (ON DELETE CASCADE). The pragma cannot change inside a transaction, so it
 * is turned off around it, and every reference is checked before the commit instead.
 */
function applyMigrations(client: Database.Database, pending: MigrationMeta[]): void {
  client.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  if (pending.length === 0) return;
  const record = client.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
  client.pragma('foreign_keys = OFF');
  try {
    client.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) if (statement.trim()) client.exec(statement);
        record.run(migration.hash, migration.folderMillis);
      }
      const broken = client.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) throw new MigrationBrokeReferencesError(broken.length, broken[0]!);
    })();
  } finally {
    client.pragma('foreign_keys = ON');
  }
}

function lastAppliedMigration(client: Database.Database): number | null {
  const table = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE) as { name: string } | undefined;
  if (!table) return null;
  const row = client.prepare(`SELECT MAX(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as {
    last: number | null;
  };
  return row.last === null ? null : Number(row.last);
}

/** A consistent copy via VACUUM INTO (safe while WAL holds uncheckpointed pages). */
function backupBeforeMigration(client: Database.Database, file: string, at: number, keep: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const backupFile = `${file}.backup-${stamp}`;
  client.prepare('VACUUM INTO ?').run(backupFile);
  makePrivate(backupFile);
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.backup-`;
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
    fs.rmSync(path.join(dir, old), { force: true });
  }
  return backupFile;
}
