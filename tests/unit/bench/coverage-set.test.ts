/**
 * The bench's held-out figures come from the newest blind set present: test5 once its writer has
 * put it in tests/fixtures/coverage-heldout/test5/, test4 until then. Temp folders stand in for the
 * fixtures folder so the real sets are not touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHeldoutSet, newestBlindSet } from '../../../bench/coverage-set';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function fixtures(sets: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coverage-sets-'));
  dirs.push(dir);
  for (const set of sets) {
    fs.mkdirSync(path.join(dir, set));
    fs.writeFileSync(
      path.join(dir, set, 'lru-cache.yaml'),
      `item: lru-cache\nround: 1\nanswers:\n  - id: ${set}-a\n    kind: strong-plain\n    labels: [covered, absent]\n    text: An answer.\n`,
    );
  }
  return dir;
}

describe('the held-out set of the bench', () => {
  it('is test4 once it exists, and its answers load', () => {
    const dir = fixtures(['dev', 'test', 'test4']);
    expect(newestBlindSet(dir)).toBe('test4');
    expect(loadHeldoutSet('test4', dir).map((a) => a.id)).toEqual(['test4-a']);
  });

  it('is test5 once it exists, test4 before', () => {
    const dir = fixtures(['dev', 'test', 'test4', 'test5']);
    expect(newestBlindSet(dir)).toBe('test5');
    expect(loadHeldoutSet('test5', dir).map((a) => a.id)).toEqual(['test5-a']);
    expect(newestBlindSet(fixtures(['dev', 'test', 'test4']))).toBe('test4');
  });

  it('is test while test4 is not written, and none without either', () => {
    expect(newestBlindSet(fixtures(['dev', 'test']))).toBe('test');
    expect(newestBlindSet(fixtures(['dev']))).toBeNull();
  });
});
