/**
 * `--smoke-test` as the installed app runs it, under Node: a real temp data folder, the real
 * migrations and the real built-in content; exit status and line decided by the service.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runSmokeTest, type SmokeTestOptions } from '../../../../src/main/services/smoke-test';
import { migrationsUpTo } from '../../../support/migrations';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';

const migrationCount = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).length;

function options(dataDir: string, patch: Partial<SmokeTestOptions> = {}): SmokeTestOptions {
  return {
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'electron',
    version: '0.1.0',
    now: () => 1_700_000_000_000,
    ...patch,
  };
}

describe('smoke test', () => {
  it('opens a fresh data folder, migrates it to the newest schema and loads the built-in content', async () => {
    const dataDir = path.join(tempDir(), 'first run');
    const result = await runSmokeTest(options(dataDir));
    expect(result.ok).toBe(true);
    expect(result.line).toMatch(
      new RegExp(
        `^Loop Coach 0\\.1\\.0 smoke test passed: data folder .*first run, database at migration ${migrationCount} of ${migrationCount}, \\d+ loops and mocks and \\d+ circuits loaded\\.$`,
      ),
    );
    const loaded = Number(/, (\d+) loops and mocks/.exec(result.line)![1]);
    expect(loaded).toBeGreaterThan(50);
    // A real database in WAL mode, closed again (no -wal left holding the lock).
    const db = new Database(path.join(dataDir, 'loop-coach.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it("brings an older version's database up to date, with a backup taken first", async () => {
    const dataDir = tempDir();
    await runSmokeTest(options(dataDir, { migrationsDir: migrationsUpTo('0005_segments_ms') }));
    const result = await runSmokeTest(options(dataDir));
    expect(result).toMatchObject({ ok: true, line: expect.stringContaining(`migration ${migrationCount} of`) });
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('loop-coach.db.backup-'))).toHaveLength(1);
  });

  it('fails with the reason when the database is from a newer Loop Coach, leaving it untouched', async () => {
    const dataDir = tempDir();
    await runSmokeTest(options(dataDir));
    const file = path.join(dataDir, 'loop-coach.db');
    const before = fs.readFileSync(file);
    const result = await runSmokeTest(options(dataDir, { migrationsDir: migrationsUpTo('0005_segments_ms') }));
    expect(result.ok).toBe(false);
    expect(result.line).toMatch(/^Loop Coach smoke test failed: The database .* was written by a newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('fails when the built-in content is missing or broken, naming the file', async () => {
    const empty = tempDir();
    const none = await runSmokeTest(options(tempDir(), { builtinContentDir: empty }));
    expect(none).toEqual({ ok: false, line: `Loop Coach smoke test failed: no loop or mock was loaded from ${empty}` });

    const broken = tempDir();
    fs.cpSync(builtinContentDir, broken, { recursive: true });
    writeFiles(broken, { 'loops/zz-broken.yaml': 'kind: loop\nid: zz-broken\n' });
    const result = await runSmokeTest(options(tempDir(), { builtinContentDir: broken }));
    expect(result.ok).toBe(false);
    expect(result.line).toMatch(
      /^Loop Coach smoke test failed: the built-in content has \d+ problem\(s\); first: loops\/zz-broken\.yaml \(title\): /,
    );
  });

  it("does not fail on a problem in the user's own content (the app lists it and loads the rest)", async () => {
    const dataDir = tempDir();
    writeFiles(path.join(dataDir, 'content'), { 'mine.yaml': 'kind: loop\nid: mine\n' });
    expect((await runSmokeTest(options(dataDir))).ok).toBe(true);
  });

  it('fails when the data folder cannot be made', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const result = await runSmokeTest(options(path.join(file, 'data')));
    expect(result.ok).toBe(false);
    expect(result.line).toMatch(/^Loop Coach smoke test failed: .*(ENOTDIR|EEXIST)/);
  });
});
