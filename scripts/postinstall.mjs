#!/usr/bin/env node
/**
 * After `npm install`: make sure better-sqlite3 loads under this Node (tests, browser mode).
 * The Electron build is separate and made by `npm start` (scripts/electron-native.mjs).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.log(`better-sqlite3 does not load under Node ${process.version}: ${error.message.split('\n')[0]}`);
    return false;
  }
}

if (!loads()) {
  console.log('Rebuilding better-sqlite3 for this Node…');
  execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { cwd: root, stdio: 'inherit' });
  if (!loads()) {
    console.error(
      'better-sqlite3 still does not load: install python3, make and a C++ compiler, then run `npm rebuild better-sqlite3`.',
    );
    process.exit(1);
  }
}
