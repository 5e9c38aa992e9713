import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, defaultDataDir, insideRoot, resolveDataDir } from '../../../../../src/main/services/infra/paths';

describe('data folder', () => {
  const fallback = () => '/home/me/.config/Loop Coach';
  it('prefers --data-dir, then LOOP_COACH_DATA_DIR, then the platform default', () => {
    expect(resolveDataDir(['--data-dir', '/tmp/a'], { LOOP_COACH_DATA_DIR: '/tmp/b' }, fallback)).toBe('/tmp/a');
    expect(resolveDataDir(['--data-dir=/tmp/c'], {}, fallback)).toBe('/tmp/c');
    expect(resolveDataDir([], { LOOP_COACH_DATA_DIR: '/tmp/b' }, fallback)).toBe('/tmp/b');
    expect(resolveDataDir([], {}, fallback)).toBe(fallback());
    expect(() => resolveDataDir(['--data-dir'], {}, fallback)).toThrow(/--data-dir needs a folder/);
  });

  it("matches Electron's userData folder for the product name", () => {
    expect(defaultDataDir({}, 'linux', '/home/me')).toBe('/home/me/.config/Loop Coach');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/me')).toBe('/x/Loop Coach');
    expect(defaultDataDir({}, 'darwin', '/Users/me')).toBe('/Users/me/Library/Application Support/Loop Coach');
  });

  it('keeps the database, user content, recordings and speech models under the data folder', () => {
    const p = dataPaths('/data');
    expect(p).toEqual({
      dataDir: '/data',
      databaseFile: path.join('/data', 'loop-coach.db'),
      userContentDir: path.join('/data', 'content'),
      recordingsDir: path.join('/data', 'recordings'),
      modelsDir: path.join('/data', 'models'),
    });
  });

  it('never resolves a path outside its root', () => {
    expect(insideRoot('/data', 'recordings/a.webm')).toBe('/data/recordings/a.webm');
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', '', '.'])
      expect(insideRoot('/data', bad)).toBeNull();
  });
});
