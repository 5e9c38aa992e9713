/**
 * `npm run dist`: installers for the platform it runs on (electron-builder cannot make a dmg off
 * macOS, and the native parts are the host's): Linux AppImage + deb, macOS dmg, Windows nsis.
 * Needs the network once for Electron itself; see README "Build installers".
 */
import type { Configuration } from 'electron-builder';
import { afterPack, asarUnpack } from './scripts/packaging';

const config: Configuration = {
  appId: 'app.loopcoach.desktop',
  productName: 'Loop Coach',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'package.json',
    'out/**',
    'content/**',
    'resources/migrations/**',
    '.native/electron-*/better_sqlite3.node',
    // node_modules/better-sqlite3 is built for Node (tests, browser mode); Electron loads .native/'s.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  asar: true,
  asarUnpack,
  // Rebuilding node_modules for Electron would overwrite the Node build of better-sqlite3; Electron's
  // own build comes from scripts/electron-native.mjs instead (run by `npm run dist`).
  npmRebuild: false,
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    executableName: 'loop-coach',
    maintainer: 'Loop Coach',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // macOS asks the user for the microphone with this sentence.
    extendInfo: { NSMicrophoneUsageDescription: 'Loop Coach records your spoken answers to practice rounds.' },
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  publish: null,
};

export default config;
