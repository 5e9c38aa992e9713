import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../scripts/electronegativity';
import { repoRoot } from '../../support/temp';

describe('Electronegativity gate', () => {
  it('finds the problems in a deliberately insecure window (so a clean result means something)', async () => {
    const ids = (await scan(path.join(repoRoot, 'tests', 'fixtures', 'insecure-electron'))).map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
  }, 60_000);
});
