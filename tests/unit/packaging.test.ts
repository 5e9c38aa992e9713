/**
 * Packaging, checked without electron-builder running or an Electron binary: where unpacked files
 * are found, what leaves the asar, the fuses, and that electron-builder accepts its configuration.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder';
import { asarUnpack, electronBinaryPath, fuseConfig } from '../../scripts/packaging';
import { electronSqliteBinding, unpackedPath } from '../../src/main/services/app-root';
import { vadModelPath } from '../../src/main/services/analysis/vad';
import { repoRoot, tempDir } from '../support/temp';

describe('files unpacked from the asar archive', () => {
  it('rewrites the app.asar segment of a packaged path, on Linux, macOS and Windows', () => {
    expect(unpackedPath('/opt/Loop Coach/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/Loop Coach/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    );
    expect(
      unpackedPath(
        '/Applications/Loop Coach.app/Contents/Resources/app.asar/.native/electron-45.4.1/better_sqlite3.node',
      ),
    ).toBe(
      '/Applications/Loop Coach.app/Contents/Resources/app.asar.unpacked/.native/electron-45.4.1/better_sqlite3.node',
    );
    expect(unpackedPath('C:\\Program Files\\Loop Coach\\resources\\app.asar\\node_modules\\x.node')).toBe(
      'C:\\Program Files\\Loop Coach\\resources\\app.asar.unpacked\\node_modules\\x.node',
    );
    expect(unpackedPath('/opt/Loop Coach/resources/app.asar')).toBe('/opt/Loop Coach/resources/app.asar.unpacked');
  });

  it('leaves paths already unpacked, outside a packaged app, or merely alike unchanged', () => {
    const already = '/opt/Loop Coach/resources/app.asar.unpacked/node_modules/sherpa-onnx-linux-x64/sherpa-onnx.node';
    expect(unpackedPath(already)).toBe(already);
    expect(unpackedPath('/work/loop-coach/node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx')).toBe(
      '/work/loop-coach/node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx',
    );
    expect(unpackedPath('/home/me/myapp.asar/x')).toBe('/home/me/myapp.asar/x');
    expect(unpackedPath('/home/me/app.asarx/x')).toBe('/home/me/app.asarx/x');
  });

  it('finds the speech model and the Electron SQLite build through it', () => {
    expect(vadModelPath({})).toBe(path.join(repoRoot, 'node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx'));
    expect(vadModelPath({ LOOP_COACH_VAD_MODEL: '/tmp/other.onnx' })).toBe('/tmp/other.onnx');
    const root = tempDir();
    expect(electronSqliteBinding(root, '45.4.1')).toBeNull();
    const file = path.join(root, '.native', 'electron-45.4.1', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    expect(electronSqliteBinding(root, '45.4.1')).toBe(file);
  });

  it('unpacks every native part the app loads by path, and not the app code', () => {
    const unpacked = (file: string) => asarUnpack.some((glob) => path.posix.matchesGlob(file, glob));
    const require = createRequire(path.join(repoRoot, 'package.json'));
    const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');
    const sherpaAddon = fs
      .readdirSync(path.join(repoRoot, 'node_modules'))
      .find((name) => name.startsWith('sherpa-onnx-') && name !== 'sherpa-onnx-node');
    expect(sherpaAddon).toBe(`sherpa-onnx-${process.platform}-${process.arch}`);
    for (const file of [
      relative(require('@ffmpeg-installer/ffmpeg').path),
      relative(vadModelPath({})),
      `node_modules/${sherpaAddon}/sherpa-onnx.node`,
      ...fs
        .readdirSync(path.join(repoRoot, 'node_modules', sherpaAddon!))
        .map((f) => `node_modules/${sherpaAddon}/${f}`),
      '.native/electron-45.4.1/better_sqlite3.node',
    ])
      expect([file, unpacked(file)]).toEqual([file, true]);
    for (const file of ['out/main/index.js', 'out/main/analysis-worker.js', 'node_modules/sherpa-onnx-node/addon.js'])
      expect([file, unpacked(file)]).toEqual([file, false]);
  });
});

describe('Electron fuses', () => {
  it("sets every fuse Electron's security guide recommends", () => {
    const fuses = fuseConfig('linux');
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('flips them on the Electron executable of each platform, after packing', () => {
    expect(config.afterPack).toBeTypeOf('function');
    const names = { productFilename: 'Loop Coach', executableName: 'loop-coach' };
    expect(electronBinaryPath('linux', '/d/linux-unpacked', names)).toBe('/d/linux-unpacked/loop-coach');
    expect(electronBinaryPath('darwin', '/d/mac-arm64', names)).toBe('/d/mac-arm64/Loop Coach.app');
    expect(electronBinaryPath('win32', '/d/win-unpacked', names)).toBe(path.join('/d/win-unpacked', 'Loop Coach.exe'));
    expect(() => electronBinaryPath('freebsd', '/d', names)).toThrow(/does not package for the platform "freebsd"/);
  });
});

describe('electron-builder configuration', () => {
  it('builds AppImage and deb, dmg and nsis, packs the built app into an asar, and passes electron-builder’s schema', async () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.mac?.extendInfo).toMatchObject({ NSMicrophoneUsageDescription: expect.stringMatching(/record/) });
    const entitlements = fs.readFileSync(path.join(repoRoot, config.mac!.entitlements!), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.device.audio-input</key>');
    const require = createRequire(path.join(repoRoot, 'node_modules', 'electron-builder', 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await validateConfiguration(config, { isEnabled: false, add: () => {} });
    await expect(
      validateConfiguration({ ...config, asarUnpackk: ['x'] }, { isEnabled: false, add: () => {} }),
    ).rejects.toThrow(/asarUnpackk/);
  });
});
