/**
 * Packaging with electron-builder (`npm run dist`, configured in electron-builder.ts): which files
 * leave the asar archive, the Electron fuses, and the Linux sandbox profile. Data here so tests check
 * them without electron-builder or an Electron binary.
 */
import type { Configuration } from 'electron-builder';

/**
 * Files the OS or native code opens by path cannot live inside app.asar; electron-builder writes
 * these to app.asar.unpacked/, and the code that finds them goes through `unpackedPath()`
 * (src/main/services/app-root.ts) or, for addons, Electron's own redirect of require().
 */
export const asarUnpack = [
  // better-sqlite3's Node-API prebuilds: the one binary tests load under Node is the one Electron loads.
  'node_modules/better-sqlite3/prebuilds/*.node',
  // sherpa-onnx's platform package: the addon and the onnxruntime libraries it loads beside it.
  'node_modules/sherpa-onnx-{linux,darwin,win}-*/**',
  // The ffmpeg executable of @ffmpeg-installer's platform package (linux-x64, darwin-arm64, win32-x64…).
  'node_modules/@ffmpeg-installer/*-*/**',
  // The Silero VAD model, read by onnxruntime from disk.
  'node_modules/@ricky0123/vad-web/dist/*.onnx',
];

/**
 * better-sqlite3 ships a prebuild per OS and architecture in one package; each installer keeps its
 * own OS's (both architectures, so a universal or arm64 build finds its file).
 */
export function otherSqlitePrebuilds(os: 'linux' | 'darwin' | 'win32'): string[] {
  const others = ['linux', 'linuxmusl', 'darwin', 'win32'].filter((name) => name !== os);
  return [`!node_modules/better-sqlite3/prebuilds/{${others.join(',')}}-*.node`];
}

/**
 * Fuses as Electron's security guide recommends for an app that needs none of what they guard,
 * flipped by electron-builder itself (`electronFuses`) right before it signs and after it has
 * embedded the asar's integrity hashes. Flipping them in an afterPack hook instead left Windows
 * builds quitting at launch with "Failed to find file integrity info for resources\app.asar"
 * (electron-builder #8181); signing with a hardware token after the flip is reported to undo them
 * (#9428), which unsigned builds do not meet.
 */
export const electronFuses: NonNullable<Configuration['electronFuses']> = {
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node. Speech analysis uses
  // utilityProcess, not child_process.fork of Electron, so nothing needs it.
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // electron-builder embeds the asar's hashes (macOS Info.plist, Windows resources); Electron checks them.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // Pages come from app://, never file://.
  grantFileProtocolExtraPrivileges: false,
  // The flip changes the binary: macOS (arm64 above all) refuses an unsigned one until it is signed
  // again; this ad-hoc signature covers builds without a signing identity (only .app bundles).
  resetAdHocDarwinSignature: true,
};

/** Ubuntu 23.10+: the .deb installs this to /etc/apparmor.d so Chromium's sandbox may start. */
export const appArmorProfile = 'build/linux/apparmor-profile';
