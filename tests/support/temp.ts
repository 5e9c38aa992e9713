/** Real temp folders for tests, removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

export function tempDir(prefix = 'loop-coach-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export { writeFiles } from './temp-files';

afterEach(() => {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
});

export const repoRoot = path.resolve(__dirname, '..', '..');
export const builtinContentDir = path.join(repoRoot, 'content');
export const migrationsDir = path.join(repoRoot, 'resources', 'migrations');
