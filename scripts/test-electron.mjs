#!/usr/bin/env node
/**
 * `npm run test:electron`: the built app in the real Electron through Playwright's _electron
 * (tests/electron/, playwright.electron.config.ts), then the packaged app in dist/, if there is one,
 * started with --smoke-test. Not part of `npm test`.
 *
 * Without the Electron binary it stops before doing anything, with one line and exit status 1, so
 * it can never pass without having run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const binary = electronBinary(root);
if (!binary.ok) {
  console.error(
    `npm run test:electron cannot run here: ${binary.reason}; run \`npm run electron:install\` on a machine that can download Electron.`,
  );
  process.exit(1);
}

function step(args) {
  // npm sets npm_execpath for scripts; spawning node with it works on Windows too (no npm.cmd).
  const npm = process.env.npm_execpath;
  const run = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return run.status ?? 1;
}

if (step(['run', 'build']) !== 0) process.exit(1);
const playwright = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'playwright.electron.config.ts'],
  { cwd: root, stdio: 'inherit' },
);
let status = playwright.status ?? 1;

const { packagedExecutable, smokeLaunch } = await import('./smoke-launch.mjs');
const packaged = packagedExecutable(root);
if (packaged) {
  if (smokeLaunch(packaged) !== 0) status = 1;
} else {
  console.log('No packaged app in dist/ (`npm run dist` makes one): its --smoke-test launch was skipped.');
}
process.exit(status);
