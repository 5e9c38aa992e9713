/**
 * Packaging, checked without electron-builder running or an Electron binary: where unpacked files
 * are found, what leaves the asar, the fuses, and that electron-builder accepts its configuration.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron-builder';
import { unpackedPath } from '../../../src/main/services/app-root';
import { vadModelPath } from '../../../src/main/services/analysis/vad';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import * as builder from '../../support/packaged-files';
import { repoRoot, tempDir } from '../../support/temp';

/** The better-sqlite3 addon file this process has really loaded (after opening a real database file). */
function loadedSqliteBinary(): string {
  const db = new Database(path.join(tempDir(), 'probe.db'));
  db.pragma('journal_mode = WAL');
  db.close();
  const report = process.report.getReport() as unknown as { sharedObjects: string[] };
  const loaded = report.sharedObjects.filter((file) => /better[-_]sqlite3/.test(file) && file.endsWith('.node'));
  expect(loaded).toHaveLength(1);
  return loaded[0]!;
}

describe('one SQLite build for Node and Electron', () => {
  it('is better-sqlite3 13, as npm ls reports it', () => {
    const tree = JSON.parse(
      execFileSync('npm', ['ls', 'better-sqlite3', '--json'], { cwd: repoRoot, encoding: 'utf8' }),
    ) as {
      dependencies: { 'better-sqlite3': { version: string } };
    };
    expect(tree.dependencies['better-sqlite3'].version).toMatch(/^13\./);
  });

  it('loads the Node-API prebuild shipped inside the package, which carries no Node ABI version', () => {
    const file = loadedSqliteBinary();
    const relative = path.relative(repoRoot, file).split(path.sep).join('/');
    expect(relative).toMatch(
      /^node_modules\/better-sqlite3\/prebuilds\/(linux|linuxmusl|darwin|win32)-(x64|arm64)\.node$/,
    );
    const binary = fs.readFileSync(file);
    // Node-API addons export napi_register_module_v1; ABI-bound (NAN/V8) builds node_register_module_v<ABI>.
    expect(binary.includes('napi_register_module_v1')).toBe(true);
    expect(binary.includes('node_register_module_v')).toBe(false);
  });

  it('ships that same file unpacked for Electron, and nothing that would shadow it', () => {
    const os = process.platform as builder.PackagedOs;
    const loaded = path.relative(repoRoot, loadedSqliteBinary()).split(path.sep).join('/');
    expect([loaded, builder.shipsModuleFile(os, loaded), builder.unpacks(os, loaded)]).toEqual([loaded, true, true]);
    // better-sqlite3 prefers a compiled build/Release over its prebuilds; none may ship.
    expect(builder.shipsModuleFile(os, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(config.npmRebuild).toBe(false);
    // Each installer carries its own OS's prebuilds only.
    const prebuild = (name: string) => `node_modules/better-sqlite3/prebuilds/${name}.node`;
    expect(builder.shipsModuleFile('linux', prebuild('linux-arm64'))).toBe(true);
    expect(builder.shipsModuleFile('linux', prebuild('darwin-arm64'))).toBe(false);
    expect(builder.shipsModuleFile('darwin', prebuild('darwin-x64'))).toBe(true);
    expect(builder.shipsModuleFile('darwin', prebuild('win32-x64'))).toBe(false);
    expect(builder.shipsModuleFile('win32', prebuild('win32-arm64'))).toBe(true);
    expect(builder.shipsModuleFile('win32', prebuild('linuxmusl-x64'))).toBe(false);
  });

  it('has no second, Electron-ABI build left: no rebuild step, no nativeBinding', () => {
    expect(fs.existsSync(path.join(repoRoot, 'scripts', 'electron-native.mjs'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    for (const [name, command] of Object.entries(pkg.scripts))
      expect([name, command]).not.toEqual([
        name,
        expect.stringMatching(/electron-native|electron-rebuild|node-gyp|prebuild-install|install-app-deps/),
      ]);
    // npm would run node-gyp for it from a lockfile (npm/cli#9837) though the prebuild needs nothing.
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
    const mainSources = fs
      .readdirSync(path.join(repoRoot, 'src', 'main'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name));
    for (const file of mainSources)
      expect([file, fs.readFileSync(file, 'utf8').includes('nativeBinding')]).toEqual([file, false]);
  });
});

describe('files unpacked from the asar archive', () => {
  it('rewrites the app.asar segment of a packaged path, on Linux, macOS and Windows', () => {
    expect(unpackedPath('/opt/Loop Coach/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/Loop Coach/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    );
    expect(
      unpackedPath(
        '/Applications/Loop Coach.app/Contents/Resources/app.asar/node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
      ),
    ).toBe(
      '/Applications/Loop Coach.app/Contents/Resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
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

  it('finds the speech model through it', () => {
    expect(vadModelPath({})).toBe(path.join(repoRoot, 'node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx'));
    expect(vadModelPath({ LOOP_COACH_VAD_MODEL: '/tmp/other.onnx' })).toBe('/tmp/other.onnx');
  });

  it('unpacks every native part the app loads by path, and not the app code', () => {
    const unpacked = (file: string) => builder.unpacks('linux', file);
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
      relative(loadedSqliteBinary()),
    ])
      expect([file, unpacked(file)]).toEqual([file, true]);
    for (const file of ['out/main/index.js', 'out/main/analysis-worker.js', 'node_modules/sherpa-onnx-node/addon.js'])
      expect([file, unpacked(file)]).toEqual([file, false]);
  });
});

describe('Electron fuses', () => {
  it("sets every fuse Electron's security guide recommends, through electron-builder's own electronFuses", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('flips no fuse in an afterPack hook (Windows quit at launch: no integrity info for app.asar)', () => {
    // electron-builder flips electronFuses after it embeds the asar hashes and right before signing;
    // a hook of our own ran before that (electron-builder #8181).
    expect(config.afterPack).toBeUndefined();
    expect(config.afterSign).toBeUndefined();
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(pkg.devDependencies!['@electron/fuses']).toBeUndefined();
    const sources = ['electron-builder.ts', 'scripts/packaging.ts'].map((f) =>
      fs.readFileSync(path.join(repoRoot, f), 'utf8'),
    );
    for (const source of sources) expect(source).not.toMatch(/flipFuses|@electron\/fuses['"]/);
  });
});

describe('the .deb on Ubuntu 23.10 and later (AppArmor)', () => {
  /** The profile as electron-builder writes it: its template variables filled as FpmTarget fills them. */
  function renderedProfile(): string {
    const require = createRequire(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'package.json'));
    const { sanitizeFileName } = require('builder-util/out/filename') as { sanitizeFileName: (s: string) => string };
    const template = fs.readFileSync(path.join(repoRoot, config.deb!.appArmorProfile!), 'utf8');
    return template
      .replaceAll('${executable}', config.linux!.executableName!)
      .replaceAll('${sanitizedProductName}', sanitizeFileName(config.productName!));
  }

  it('ships our profile, granting user namespaces to the installed executable only', () => {
    const profile = renderedProfile();
    const rules = profile
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([
      'abi <abi/4.0>,',
      'include <tunables/global>',
      // The deb installs the app to /opt/<product name>/<executable>; a space needs the quotes.
      'profile "loop-coach" "/opt/Loop Coach/loop-coach" flags=(unconfined) {',
      'userns,',
      'include if exists <local/loop-coach>',
      '}',
    ]);
    expect(profile).not.toContain('${');
  });

  it('is installed and loaded by the after-install script electron-builder runs for the deb', () => {
    expect(config.deb?.afterInstall).toBeUndefined();
    const template = fs.readFileSync(
      path.join(repoRoot, 'node_modules/app-builder-lib/templates/linux/after-install.tpl'),
      'utf8',
    );
    expect(template).toContain("APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'");
    expect(template).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'");
    expect(template).toMatch(/apparmor_parser --replace/);
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
