#!/usr/bin/env node
/**
 * After `npm install`: make sure better-sqlite3 loads. Version 13 is a Node-API addon shipped
 * prebuilt inside its npm package for Linux, macOS and Windows (x64 and arm64); the same file loads
 * in Node (tests, browser mode, scripts) and in Electron, so nothing is compiled. package.json
 * "allowScripts" keeps npm from running node-gyp for it (npm would, from a lockfile, though the build
 * only stamps files when a prebuild exists; npm/cli#9837). On another platform it says how to compile.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  console.error(
    `better-sqlite3 does not load under Node ${process.version} on ${process.platform}-${process.arch}: ` +
      `${error.message.split('\n')[0]}\n` +
      'No prebuilt binary fits this machine: install python3, make and a C++20 compiler, then run ' +
      '`(cd node_modules/better-sqlite3 && npx node-gyp rebuild --release)`.',
  );
  process.exit(1);
}
