import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-coverage-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The real command, through npm, as a user runs it. */
function coverage(...args: string[]) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['run', '-s', 'coverage', '--', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

function transcript(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const answer = transcript(
  'lru.txt',
  'Um, I would keep a hash map from key to node, and a doubly linked list in recency order, so the map finds the node in one step with no scan of the list. ' +
    'Like, when it is over capacity we evict the tail and also delete its key from the map, otherwise it points to a node that is gone. ' +
    'Both get and put are constant time.',
);

// Each run starts npm and tsx (seconds on a loaded machine): a longer limit than the default, not a time assertion.
describe('npm run coverage', { timeout: 90_000 }, () => {
  it('prints exactly points and fillers with --json, points in content order from 0', () => {
    const run = coverage('--item', 'lru-cache', '--text', answer, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      points: { index: number; text: string; covered: boolean; evidence: string | null; confidence: string }[];
      fillers: { total: number; counts: Record<string, number> };
    };
    expect(Object.keys(out)).toEqual(['points', 'fillers']);
    expect(out.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Object.keys(out.points[0]!)).toEqual(['index', 'text', 'covered', 'evidence', 'confidence']);
    expect(out.points[0]!.text).toBe('Hash map from key to node combined with a doubly linked list ordered by recency');
    // "Constant time." is named, not explained: mentioned, which never counts as covered.
    expect(out.points.map((p) => p.confidence)).toEqual([
      'clear',
      'not-heard',
      'not-heard',
      'clear',
      'not-heard',
      'mentioned',
    ]);
    expect(out.points.map((p) => p.covered)).toEqual([true, false, false, true, false, false]);
    expect(out.points[3]!.evidence).toContain('delete its key from the map');
    expect(out.points[1]!.evidence).toBeNull();
    expect(out.fillers.counts).toMatchObject({ um: 1, like: 1 });
    expect(out.fillers.total).toBe(2);
  });

  it('prints a readable list without --json', () => {
    const run = coverage('--item', 'lru-cache', '--text', answer);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('LRU cache: 2 of 6 expected points clearly covered, 1 mentioned');
    expect(run.stdout).toMatch(/\[~\] 5\. Constant time for both operations\n +mentioned; evidence: "constant time\."/);
    expect(run.stdout).toMatch(/\[x\] 0\. Hash map from key to node/);
    expect(run.stdout).toMatch(/\[ \] 4\. Sentinel head and tail nodes/);
    expect(run.stdout).toMatch(/um +1/);
  });

  it('takes a later round of a loop with --round', () => {
    const text = transcript('round2.txt', 'I would shard by user id and add read replicas.');
    const run = coverage('--item', 'mock-60-minute-15-30-15', '--round', '2', '--text', text, '--json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { points: { text: string }[] };
    const first = JSON.parse(
      coverage('--item', 'mock-60-minute-15-30-15', '--round', '1', '--text', text, '--json').stdout,
    ) as typeof out;
    expect(out.points[0]!.text).not.toBe(first.points[0]!.text);
  });

  it('names an unknown item and lists the ids, exit 2', () => {
    const run = coverage('--item', 'no-such-item', '--text', answer);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no loop or mock has the id "no-such-item"');
    expect(run.stderr).toContain('lru-cache');
    expect(run.stdout).toBe('');
  });

  it('says a round is out of range, exit 2', () => {
    const run = coverage('--item', 'lru-cache', '--round', '3', '--text', answer);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--round 3 is out of range for "lru-cache" (it has 1 round: use --round 1)');
  });

  it('says the text file is missing, exit 2', () => {
    const missing = path.join(dir, 'missing.txt');
    const run = coverage('--item', 'lru-cache', '--text', missing);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no such file: ${missing}`);
  });

  it('says what is missing from the command line, exit 2', () => {
    const run = coverage('--item', 'lru-cache');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--text is required');
  });
});
