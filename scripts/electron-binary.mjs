#!/usr/bin/env node
/**
 * The Electron binary that `npm start` and `npm run test:electron` run. npm does not run Electron's
 * own download script (package.json "allowScripts"), so it is fetched here, once, on demand.
 *
 *   node scripts/electron-binary.mjs ensure   # what `npm start` runs first (needs the network once)
 *
 * `electronBinary()` only looks: requiring the `electron` package would start a download instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron executable is, or why there is none. Reads what electron's install script
 * writes (node_modules/electron/path.txt naming a file under dist/), as electron's index.js does,
 * and honours ELECTRON_OVERRIDE_DIST_PATH as it does.
 * @returns {{ ok: true, executable: string } | { ok: false, reason: string }}
 */
export function electronBinary(projectRoot = root, env = process.env) {
  const pkg = path.join(projectRoot, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkg, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed (run `npm ci`)' };
  }
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return {
      ok: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const executable = path.join(dist, fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(executable)) return { ok: false, reason: `the Electron binary ${executable} is missing` };
  return { ok: true, executable };
}

function ensure() {
  if (electronBinary().ok) return;
  console.log('Downloading the Electron binary (once)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  const after = electronBinary();
  if (!after.ok) throw new Error(after.reason);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode === 'ensure') {
    try {
      ensure();
    } catch (error) {
      console.error(`Loop Coach could not get the Electron binary: ${error.message}`);
      console.error('Browser mode does not need it: `npm run web`.');
      process.exit(1);
    }
  } else {
    console.error('usage: node scripts/electron-binary.mjs ensure');
    process.exit(2);
  }
}
