#!/usr/bin/env node
/**
 * `npm run screenshots`: the only way docs/screenshots changes. Tests write every screenshot to
 * test-results/screenshots/ (ignored), so a test run leaves the tree clean; this script runs the
 * specs that take the documented screenshots and copies the named ones into docs/screenshots.
 *   npm run screenshots                  build, run the specs, copy
 *   npm run screenshots -- --copy-only   copy what the last test run left in test-results/screenshots
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromDir = path.join(root, 'test-results', 'screenshots');
const toDir = path.join(root, 'docs', 'screenshots');

/** docs/screenshots name ← test-results/screenshots name (both without .png), and the spec that takes it. */
const documented = [
  ['library', 'library', 'foundation.spec.ts'],
  ['library-dark', 'library-dark', 'foundation.spec.ts'],
  ['progress', 'progress-light', 'progress.spec.ts'],
  ['progress-dark', 'progress-dark', 'progress.spec.ts'],
  ['review', 'review-light', 'review.spec.ts'],
  ['review-dark', 'review-dark', 'review.spec.ts'],
  ['session-round', 'session-round', 'session.spec.ts'],
  ['session-reset', 'session-reset', 'session.spec.ts'],
  ['session-complete', 'session-complete', 'session.spec.ts'],
  ['review-reasons-1366-light', 'review-reasons-1366-light', 'review-reasons.spec.ts'],
  ['review-reasons-1366-dark', 'review-reasons-1366-dark', 'review-reasons.spec.ts'],
  ['review-reasons-1024-light', 'review-reasons-1024-light', 'review-reasons.spec.ts'],
  ['review-reasons-1024-dark', 'review-reasons-1024-dark', 'review-reasons.spec.ts'],
  ['review-interruptions-1366-light', 'review-interruptions-1366-light', 'review-reasons.spec.ts'],
  ['review-interruptions-1366-dark', 'review-interruptions-1366-dark', 'review-reasons.spec.ts'],
  ['review-interruptions-1024-light', 'review-interruptions-1024-light', 'review-reasons.spec.ts'],
  ['review-interruptions-1024-dark', 'review-interruptions-1024-dark', 'review-reasons.spec.ts'],
  ['session-live-1366-light', 'live-session-1366-light', 'live.spec.ts'],
  ['session-live-1366-dark', 'live-session-1366-dark', 'live.spec.ts'],
  ['session-live-1024-light', 'live-session-1024-light', 'live.spec.ts'],
  ['session-live-1024-dark', 'live-session-1024-dark', 'live.spec.ts'],
  ['session-live-behind', 'live-session-behind', 'live.spec.ts'],
];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`screenshots: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (!process.argv.includes('--copy-only')) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  run(npm, ['run', 'build:web']);
  const specs = [...new Set(documented.map(([, , spec]) => path.join('tests', 'e2e', spec)))];
  run(npx, ['playwright', 'test', ...specs]);
}

const missing = documented.filter(([, from]) => !fs.existsSync(path.join(fromDir, `${from}.png`)));
if (missing.length > 0) {
  console.error(
    `screenshots: not in test-results/screenshots: ${missing.map(([, from]) => `${from}.png`).join(', ')}. ` +
      'Run `npm run screenshots` without --copy-only.',
  );
  process.exit(1);
}
fs.mkdirSync(toDir, { recursive: true });
for (const [to, from] of documented) {
  fs.copyFileSync(path.join(fromDir, `${from}.png`), path.join(toDir, `${to}.png`));
  console.log(`docs/screenshots/${to}.png ← test-results/screenshots/${from}.png`);
}
