/**
 * Which project files an installer would carry and which it unpacks from app.asar, decided by
 * electron-builder's own file matchers (app-builder-lib) on our configuration: no packaging run, no
 * Electron binary, the same globs and the same merge of the per-OS `files`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import config from '../../electron-builder';
import { repoRoot } from './temp';

type Filter = (file: string, stat: fs.Stats) => boolean;
type Matcher = { createFilter: () => Filter };
type FileMatchers = {
  getNodeModuleFileMatcher: (
    appDir: string,
    destination: string,
    expand: (s: string) => string,
    platformOptions: unknown,
    packager: unknown,
  ) => Matcher;
  getFileMatchers: (config: unknown, name: string, destination: string, options: unknown) => Matcher[] | null;
};

const require = createRequire(path.join(repoRoot, 'node_modules', 'electron-builder', 'package.json'));
const matchers = require('app-builder-lib/out/fileMatcher') as FileMatchers;

export type PackagedOs = 'linux' | 'darwin' | 'win32';
const platformOptions = { linux: config.linux, darwin: config.mac, win32: config.win };
const destination = '/packaged/resources/app';
const same = (s: string) => s;

function statOf(relative: string): fs.Stats {
  const file = path.join(repoRoot, relative);
  // Files of another OS's packages are not installed here; they are files all the same.
  return fs.existsSync(file) ? fs.statSync(file) : ({ isDirectory: () => false } as fs.Stats);
}

/** Whether an installer for `os` copies this node_modules file (our `files` exclusions applied). */
export function shipsModuleFile(os: PackagedOs, relative: string): boolean {
  const packager = { config, debugLogger: { isEnabled: false } };
  const matcher = matchers.getNodeModuleFileMatcher(repoRoot, destination, same, platformOptions[os], packager);
  return matcher.createFilter()(path.join(repoRoot, relative), statOf(relative));
}

/** Whether an installer for `os` writes this file to app.asar.unpacked (`asarUnpack`). */
export function unpacks(os: PackagedOs, relative: string): boolean {
  const found = matchers.getFileMatchers(config, 'asarUnpack', destination, {
    macroExpander: same,
    customBuildOptions: platformOptions[os],
    globalOutDir: path.join(repoRoot, 'dist'),
    defaultSrc: repoRoot,
  });
  return found !== null && found[0]!.createFilter()(path.join(repoRoot, relative), statOf(relative));
}
