import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, writeFiles } from '../../../../support/temp';

function contentCheck(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/content-check.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

describe('npm run content:check', () => {
  it('passes on the built-in content and prints counts per kind', () => {
    const result = contentCheck([]);
    expect(result.status).toBe(0);
    const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(result.stdout)?.[1]);
    expect(count('loops')).toBeGreaterThanOrEqual(8);
    expect(count('mocks')).toBeGreaterThanOrEqual(20);
    expect(count('circuits')).toBeGreaterThanOrEqual(3);
    expect(result.stdout).toContain('No problems found.');
  });

  it('exits 1 on a folder with a malformed file and names the file and the field', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'broken.yaml':
        'kind: mock\nid: broken\ntitle: Broken mock\ncategory: Coding\nrounds:\n  - questionType: implementation\n    prompt: Implement something useful please.\n    budgetSeconds: soon\n    expectedPoints: [x1]\n',
    });
    const result = contentCheck(['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(dir, 'broken.yaml'));
    expect(result.stderr).toContain('rounds.0.budgetSeconds');
  });

  it('flags an expected point the coverage matcher can never reach, naming the file and the point', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'unreachable.yaml': [
        'kind: mock',
        'id: unreachable-point',
        'title: A mock with a point nothing can reach',
        'category: Coding',
        'rounds:',
        '  - questionType: implementation',
        '    prompt: Implement a rate limiter for an API gateway.',
        '    budgetSeconds: 600',
        '    expectedPoints:',
        '      - text: Token bucket refilled at a fixed rate',
        '        cues: ["token bucket", "refill|rate"]',
        // Every word of its cue is the prompt's: no answer can show this point in its own words.
        '      - text: Handles the gateway',
        '        cues: ["rate limiter|api gateway"]',
        '',
      ].join('\n'),
    });
    const result = contentCheck(['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(dir, 'unreachable.yaml'));
    expect(result.stderr).toContain('rounds.0.expectedPoints.1.cues');
    expect(result.stderr).toContain('no answer can reach it');
    expect(result.stderr).not.toContain('expectedPoints.0.cues');
  });
});
