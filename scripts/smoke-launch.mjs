#!/usr/bin/env node
/**
 * Starts a packaged Loop Coach with `--smoke-test` on a fresh data folder and passes on its exit
 * status: the app opens the folder, migrates, loads its content and exits (src/main/services/smoke-test.ts).
 *
 *   node scripts/smoke-launch.mjs "/opt/Loop Coach/loop-coach"   # an installed app (CI)
 *   node scripts/smoke-launch.mjs                                # the unpacked app in dist/, if any
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The executable electron-builder left unpacked in dist/ for this OS, or null. */
export function packagedExecutable(projectRoot = root, platform = process.platform) {
  const dist = path.join(projectRoot, 'dist');
  const candidates = {
    linux: ['linux-unpacked', 'linux-arm64-unpacked'].map((d) => path.join(dist, d, 'loop-coach')),
    darwin: ['mac', 'mac-arm64', 'mac-universal'].map((d) =>
      path.join(dist, d, 'Loop Coach.app', 'Contents', 'MacOS', 'Loop Coach'),
    ),
    win32: ['win-unpacked', 'win-arm64-unpacked'].map((d) => path.join(dist, d, 'Loop Coach.exe')),
  }[platform];
  return candidates?.find((file) => fs.existsSync(file)) ?? null;
}

/** Runs the app's smoke test; returns its exit status (1 when it could not be started or timed out). */
export function smokeLaunch(executable) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-smoke-'));
  try {
    console.log(`Smoke launch: ${executable} --smoke-test`);
    const run = spawnSync(executable, ['--smoke-test', `--data-dir=${dataDir}`], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    if (run.error) {
      console.error(`Smoke launch failed: ${run.error.message}`);
      return 1;
    }
    if (run.status !== 0) console.error(`Smoke launch failed: exit ${run.status ?? run.signal}`);
    return run.status ?? 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const executable = process.argv[2] ?? packagedExecutable();
  if (!executable) {
    console.error('No packaged app in dist/ (`npm run dist` makes one) and none named.');
    process.exit(1);
  }
  process.exit(smokeLaunch(executable));
}
