#!/usr/bin/env node
/**
 * better-sqlite3 for two runtimes. node_modules/better-sqlite3 stays built for Node (tests, browser
 * mode, scripts); Electron gets its own copy built for its ABI in .native/electron-<version>/, which
 * the main process passes to better-sqlite3 as `nativeBinding`. Neither build overwrites the other.
 *
 *   node scripts/electron-native.mjs ensure   # what `npm start` runs first (needs the network once)
 *   node scripts/electron-native.mjs status   # prints what is there
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function electronBindingPath(version = electronVersion()) {
  return path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}

function electronBinaryInstalled() {
  return fs.existsSync(path.join(root, 'node_modules/electron/path.txt'));
}

function run(command, args, cwd, env = process.env) {
  execFileSync(command, args, { cwd, stdio: 'inherit', env });
}

function ensureElectronBinary() {
  if (electronBinaryInstalled()) return;
  // npm may skip electron's own install script (allowScripts); fetch the binary now instead.
  console.log('Downloading the Electron binary (once)…');
  run(process.execPath, [path.join(root, 'node_modules/electron/install.js')], root);
}

function ensureSqliteForElectron() {
  const version = electronVersion();
  const target = electronBindingPath(version);
  if (fs.existsSync(target)) return;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(root, '.native', 'build', `better-sqlite3-electron-${version}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  // Build against Electron's headers, never the Node headers a global npmrc may point at.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|runtime|target|disturl)$/i.test(key)) delete env[key];
  console.log(`Building better-sqlite3 for Electron ${version}…`);
  try {
    run(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        version,
        '--arch',
        process.arch,
      ],
      work,
      env,
    );
  } catch {
    console.log('No prebuilt binary; compiling from source with node-gyp.');
    const nodeGyp = process.env.npm_config_node_gyp;
    const [cmd, args] = nodeGyp ? [process.execPath, [nodeGyp]] : ['npx', ['--yes', 'node-gyp']];
    run(
      cmd,
      [
        ...args,
        'rebuild',
        '--release',
        `--target=${version}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
      env,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`better-sqlite3 for Electron ${version}: ${path.relative(root, target)}`);
}

function status() {
  const version = electronVersion();
  console.log(`electron package:        ${version}`);
  console.log(
    `electron binary:         ${electronBinaryInstalled() ? 'installed' : 'not downloaded yet (npm start fetches it)'}`,
  );
  console.log(
    `sqlite for Electron ABI: ${fs.existsSync(electronBindingPath(version)) ? electronBindingPath(version) : 'not built yet (npm start builds it)'}`,
  );
  try {
    require('better-sqlite3');
    console.log(`sqlite for Node ${process.version}: loads`);
  } catch (error) {
    console.log(
      `sqlite for Node ${process.version}: FAILS (${error.message.split('\n')[0]}) — run \`npm rebuild better-sqlite3\``,
    );
  }
}

const mode = process.argv[2];
if (mode === 'ensure') {
  try {
    ensureElectronBinary();
    ensureSqliteForElectron();
  } catch (error) {
    console.error(`\nLoop Coach could not prepare Electron: ${error.message}`);
    console.error('Browser mode needs neither: `npm run web`.');
    process.exit(1);
  }
} else if (mode === 'status') {
  status();
} else {
  console.error('usage: node scripts/electron-native.mjs ensure|status');
  process.exit(2);
}
