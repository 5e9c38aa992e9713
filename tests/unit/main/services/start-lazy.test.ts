/**
 * What a start loads: with the build's content snapshot and no files of the user's, the services
 * come up without the YAML parser (its first use loads it). The snapshot is made in a child process
 * so that making it does not load the parser into this one.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import { dispatch } from '../../../../src/main/services/infra/dispatch';
import type { ApiResult, LibraryView } from '../../../../src/shared/contract';
import { builtinContentDir, migrationsDir, repoRoot, tempDir, writeFiles } from '../../../support/temp';

// Hoisted with vi.mock: the factory runs when anything first imports 'yaml'.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('yaml', async (importOriginal) => {
  loaded.push('yaml');
  return importOriginal();
});

function makeSnapshot(): string {
  const file = path.join(tempDir(), 'content-snapshot.json');
  const script = `import fs from 'node:fs';
import { buildContentSnapshot } from ${JSON.stringify(path.join(repoRoot, 'src/main/services/content/snapshot.ts'))};
fs.writeFileSync(process.argv[1], JSON.stringify(await buildContentSnapshot(${JSON.stringify(builtinContentDir)})));`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { cwd: repoRoot });
  return file;
}

const userLoop = `kind: loop
id: my-own-loop
title: My own loop
category: Coding
rounds:
  - questionType: implementation
    prompt: Implement a ring buffer with push and pop, and tell me its complexity.
    budgetSeconds: 300
    expectedPoints: [fixed capacity array, head and tail indices]
    followUps:
      - { text: What happens when it is full?, atSeconds: 120 }
`;

let app: LoopCoach | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

async function start(contentSnapshotFile: string, userFiles: Record<string, string> = {}) {
  const dataDir = tempDir();
  writeFiles(path.join(dataDir, 'content'), userFiles);
  app = await createLoopCoach({
    dataDir,
    builtinContentDir,
    contentSnapshotFile,
    migrationsDir,
    transport: 'web',
    version: '0.0.0-test',
  });
  return app;
}

describe('start-up', () => {
  it('serves the library without loading the YAML parser when the built-in content is unchanged', async () => {
    const snapshot = makeSnapshot();
    const started = await start(snapshot);
    const library = (await dispatch(started.handlers, 'library:list', {})) as ApiResult<LibraryView>;
    if (!library.ok) throw new Error(library.error.message);
    expect(library.value.items.length).toBeGreaterThan(50);
    expect(library.value.problems).toEqual([]);
    expect(loaded).toEqual([]);

    // A file of the user's needs the parser: it loads then, and the file is read.
    const withUserFile = await start(snapshot, { 'mine.yaml': userLoop });
    expect(withUserFile.content().items.get('my-own-loop')?.origin).toBe('user');
    expect(loaded).toEqual(['yaml']);
  });
});
