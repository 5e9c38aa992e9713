/**
 * `npm run test:electron` on a machine without the Electron binary (every machine of this project):
 * it must stop before building or testing anything, with one line naming why, and exit 1 — so it can
 * never pass without having run. The script runs for real, from a copy whose project has no binary.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { packagedExecutable } from '../../../scripts/smoke-launch.mjs';
import { repoRoot, tempDir, writeFiles } from '../../support/temp';

/** A project folder holding the test:electron scripts and `electron` in the state given. */
function project(electron: Record<string, string>): string {
  const root = tempDir();
  for (const name of ['test-electron.mjs', 'electron-binary.mjs', 'smoke-launch.mjs'])
    fs.cpSync(path.join(repoRoot, 'scripts', name), path.join(root, 'scripts', name));
  writeFiles(path.join(root, 'node_modules', 'electron'), electron);
  return root;
}

function testElectron(root: string) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'test-electron.mjs')], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
}

describe('npm run test:electron without the Electron binary', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no electron package', {}, /the electron package is not installed \(run `npm ci`\)/],
    ['never downloaded', { 'package.json': '{}' }, /the Electron binary was never downloaded/],
    [
      'a binary that is gone',
      { 'package.json': '{}', 'path.txt': 'electron' },
      /the Electron binary .*electron is missing/,
    ],
  ];
  for (const [name, electron, reason] of cases)
    it(`stops with one line and exit 1: ${name}`, () => {
      const run = testElectron(project(electron));
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^npm run test:electron cannot run here: /);
      expect(lines[0]).toMatch(reason);
      expect(lines[0]).toMatch(/run `npm run electron:install` on a machine that can download Electron\.$/);
    });

  it('finds the binary where electron’s install script put it, or ELECTRON_OVERRIDE_DIST_PATH says', () => {
    const root = project({ 'package.json': '{}', 'path.txt': 'electron', 'dist/electron': '' });
    expect(electronBinary(root, {})).toEqual({
      ok: true,
      executable: path.join(root, 'node_modules/electron/dist/electron'),
    });
    const elsewhere = tempDir();
    expect(electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toEqual({
      ok: false,
      reason: `the Electron binary ${path.join(elsewhere, 'electron')} is missing`,
    });
  });

  it('is not part of npm test', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['test:electron']).toBe('node scripts/test-electron.mjs');
    expect(pkg.scripts.test).not.toMatch(/test:electron|test-electron|playwright\.electron/);
  });
});

describe('the packaged app test:electron smoke-launches', () => {
  it('is the executable electron-builder leaves unpacked in dist/ for each OS', () => {
    const root = tempDir();
    expect(packagedExecutable(root, 'linux')).toBeNull();
    writeFiles(path.join(root, 'dist'), {
      'linux-unpacked/loop-coach': '',
      'mac-arm64/Loop Coach.app/Contents/MacOS/Loop Coach': '',
      'win-unpacked/Loop Coach.exe': '',
    });
    expect(packagedExecutable(root, 'linux')).toBe(path.join(root, 'dist/linux-unpacked/loop-coach'));
    expect(packagedExecutable(root, 'darwin')).toBe(
      path.join(root, 'dist/mac-arm64/Loop Coach.app/Contents/MacOS/Loop Coach'),
    );
    expect(packagedExecutable(root, 'win32')).toBe(path.join(root, 'dist/win-unpacked/Loop Coach.exe'));
  });
});
