/**
 * Packaging with electron-builder (`npm run dist`, configured in electron-builder.ts): which files
 * leave the asar archive, and the Electron fuses flipped in the packaged binary. Data and small
 * functions here so tests check them without electron-builder or an Electron binary.
 */
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

/**
 * Files the OS or native code opens by path cannot live inside app.asar; electron-builder writes
 * these to app.asar.unpacked/, and the code that finds them goes through `unpackedPath()`
 * (src/main/services/app-root.ts).
 */
export const asarUnpack = [
  // better-sqlite3 built for Electron's ABI by scripts/electron-native.mjs (see src/main/index.ts).
  '.native/**',
  // sherpa-onnx's platform package: the addon and the onnxruntime libraries it loads beside it.
  'node_modules/sherpa-onnx-{linux,darwin,win}-*/**',
  // The ffmpeg executable of @ffmpeg-installer's platform package (linux-x64, darwin-arm64, win32-x64…).
  'node_modules/@ffmpeg-installer/*-*/**',
  // The Silero VAD model, read by onnxruntime from disk.
  'node_modules/@ricky0123/vad-web/dist/*.onnx',
];

/** Fuses as Electron's security guide recommends for an app that needs none of what they guard. */
export function fuseConfig(platform: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // The fuses change the binary: macOS (arm64 above all) refuses to start it until it is signed
    // again. Real signing comes after afterPack; this ad-hoc one covers unsigned builds.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node. Speech analysis uses
    // utilityProcess, not child_process.fork of Electron, so nothing needs it.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // electron-builder embeds the asar's hashes (macOS Info.plist, Windows resources); Electron checks them.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Pages come from app://, never file://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The Electron executable inside electron-builder's unpacked app folder, as flipFuses wants it. */
export function electronBinaryPath(
  platform: string,
  appOutDir: string,
  names: { productFilename: string; executableName: string },
): string {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${names.productFilename}.app`);
  if (platform === 'win32') return path.join(appOutDir, `${names.productFilename}.exe`);
  if (platform === 'linux') return path.join(appOutDir, names.executableName);
  throw new Error(`Loop Coach does not package for the platform "${platform}".`);
}

/** electron-builder's afterPack hook: runs before signing, which must see the flipped binary. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const { appInfo } = context.packager;
  const linuxName = (context.packager as { executableName?: string }).executableName;
  const binary = electronBinaryPath(context.electronPlatformName, context.appOutDir, {
    productFilename: appInfo.productFilename,
    executableName: linuxName ?? appInfo.productFilename,
  });
  await flipFuses(binary, fuseConfig(context.electronPlatformName));
}
