/**
 * `npm run dist`: installers for the platform it runs on (electron-builder cannot make a dmg off
 * macOS, and the native parts are the host's): Linux AppImage + deb, macOS dmg, Windows nsis.
 * Needs the network once for Electron itself; see README "Build installers".
 */
import type { Configuration } from 'electron-builder';
import { appArmorProfile, asarUnpack, electronFuses, otherSqlitePrebuilds } from './scripts/packaging';

const config: Configuration = {
  appId: 'app.loopcoach.desktop',
  productName: 'Loop Coach',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'package.json',
    'out/**',
    'content/**',
    'resources/migrations/**',
    // better-sqlite3 loads a compiled build/ before its prebuilds/; only the prebuild ships.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  asar: true,
  asarUnpack,
  // Nothing to rebuild: better-sqlite3 13 and sherpa-onnx are Node-API addons that load in Electron
  // as they are, and a rebuild would compile a better-sqlite3 build/ that shadows the tested prebuild.
  npmRebuild: false,
  electronFuses,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    executableName: 'loop-coach',
    maintainer: 'Loop Coach',
    files: otherSqlitePrebuilds('linux'),
  },
  deb: { appArmorProfile },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // macOS asks the user for the microphone with this sentence.
    extendInfo: { NSMicrophoneUsageDescription: 'Loop Coach records your spoken answers to practice rounds.' },
    files: otherSqlitePrebuilds('darwin'),
  },
  win: { target: ['nsis'], files: otherSqlitePrebuilds('win32') },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  publish: null,
};

export default config;
