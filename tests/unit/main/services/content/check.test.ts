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

/**
 * A rate-limiter mock whose second point can never be clearly covered: every word of its cue is the
 * prompt's, so no answer can show it in its own words. Optionally with probes and one follow-up.
 */
function rateLimiterMock(id: string, extra?: { pointProbes: string[]; followUp: string[] }) {
  const probe = (n: number) => (extra ? [`        probe: ${extra.pointProbes[n]}`] : []);
  return [
    'kind: mock',
    `id: ${id}`,
    'title: A mock with a point nothing can reach',
    'category: Coding',
    'rounds:',
    '  - questionType: implementation',
    '    prompt: Implement a rate limiter for an API gateway.',
    '    budgetSeconds: 600',
    '    expectedPoints:',
    '      - text: Token bucket refilled at a fixed rate',
    '        cues: ["token bucket", "refill|rate"]',
    ...probe(0),
    '      - text: Handles the gateway',
    '        cues: ["rate limiter|api gateway"]',
    ...probe(1),
    ...(extra ? ['    followUps:', ...extra.followUp] : []),
    '',
  ].join('\n');
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
      'unreachable.yaml': rateLimiterMock('unreachable-point'),
    });
    const result = contentCheck(['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(dir, 'unreachable.yaml'));
    expect(result.stderr).toContain('rounds.0.expectedPoints.1.cues');
    expect(result.stderr).toContain('no answer can reach it');
    expect(result.stderr).not.toContain('expectedPoints.0.cues');
  });

  it('reports a bad probe reference and a probe the matcher can never stop, per file, and counts the probes', () => {
    const dir = tempDir();
    const mock = (id: string, probes: string) =>
      rateLimiterMock(id, {
        pointProbes: ['What decides how fast a client may send again?', 'Where does this run?'],
        followUp: ['      - text: What happens under a burst of requests?', '        atSeconds: 300', `        probes: ${probes}`],
      });
    writeFiles(dir, { 'out-of-range.yaml': mock('probe-out-of-range', '[1, 3]'), 'never.yaml': mock('probe-never', '[2]') });
    const result = contentCheck(['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(dir, 'out-of-range.yaml')} — rounds.0.followUps.0.probes.1: expected point 3 does not exist: this round has 2 expected points, numbered from 1`,
    );
    // Point 2's cues are all the prompt's words: its probe would be asked every time, its follow-up never skipped.
    expect(result.stderr).toContain(
      `${path.join(dir, 'never.yaml')} — rounds.0.expectedPoints.1.probe: expected point 2 can never be clearly covered, so its probe would be asked in every round`,
    );
    expect(result.stderr).toContain(
      `${path.join(dir, 'never.yaml')} — rounds.0.followUps.0.probes.0: expected point 2 can never be clearly covered, so this follow-up could never be skipped`,
    );
    // Only the file that loaded counts: one follow-up naming its points, two cued points with probes.
    expect(result.stdout).toContain('follow-ups that name the points they probe: 1 of 1');
    expect(result.stdout).toContain('points with cues that have a probe question: 2 of 2');
  });
});
