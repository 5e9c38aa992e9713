/**
 * Import takes no path on trust: hostile exports (paths outside the bundle, absolute paths, symbolic
 * links inside the bundle) are refused with a message naming what was wrong, and a refused import
 * leaves the data folder exactly as it was (all or nothing).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importExport, ImportRefusedError, readExport } from '../../../../src/main/services/import';
import { webmFixture } from '../../../support/audio';
import {
  expectRefused,
  makeBundle as makeBundleOf,
  openTarget,
  snapshot,
  targetWithFirstSession,
  writeJson,
  type Json,
} from '../../../support/import-bundle';
import { repoRoot, tempDir } from '../../../support/temp';

let webm = '';
beforeAll(() => {
  webm = webmFixture('import-answer', ['Overfitting is memorising the training set.']).webm;
}, 60_000);

const makeBundle = () => makeBundleOf(webm);

describe('import of a hostile export', () => {
  it('refuses a recording named by a path outside the bundle (../../x, /etc/passwd), changing nothing', async () => {
    const { bundle, json } = await makeBundle();
    const { dataDir, db } = targetWithFirstSession(bundle, json);
    const rec = json.sessions[1]!.rounds[0]!.recording;
    for (const hostile of ['../../x', '/etc/passwd', `recordings/../../${rec.id}.webm`]) {
      rec.audioFile = hostile;
      writeJson(bundle, json);
      expectRefused(
        bundle,
        dataDir,
        db,
        /Not a Loop Coach export: sessions\.1\.rounds\.0\.recording\.audioFile: must be/,
      );
    }
    // A path field the format does not have is refused too, never read.
    rec.audioFile = null;
    rec.absolutePath = '/etc/passwd';
    writeJson(bundle, json);
    expectRefused(bundle, dataDir, db, /Unrecognized key.*absolutePath|absolutePath/);
    db.$client.close();
  });

  it('refuses a recording that is a symbolic link inside the bundle, through the CLI too, and keeps what was saved', async () => {
    const { bundle, json } = await makeBundle();
    const { dataDir, db } = targetWithFirstSession(bundle, json);
    const audio = path.join(bundle, json.sessions[1]!.rounds[0]!.recording.audioFile as string);
    fs.rmSync(audio);
    fs.symlinkSync('/etc/passwd', audio);
    expectRefused(bundle, dataDir, db, /recordings\/[0-9a-f-]+\.webm in the export folder is a symbolic link/);
    const before = snapshot(dataDir, db);
    db.$client.close();

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), '--data-dir', dataDir, '--in', bundle],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/^import: recordings\/[0-9a-f-]+\.webm in the export folder is a symbolic link/);
    const again = openTarget(dataDir);
    expect(snapshot(dataDir, again)).toEqual(before);
    expect(before.rows[0]).toBe(1); // the session imported earlier is still there
    again.$client.close();
  });

  it('refuses a recordings folder that is a link to a folder outside the bundle', async () => {
    const { bundle } = await makeBundle();
    const outside = tempDir();
    fs.cpSync(path.join(bundle, 'recordings'), outside, { recursive: true });
    fs.rmSync(path.join(bundle, 'recordings'), { recursive: true });
    fs.symlinkSync(outside, path.join(bundle, 'recordings'));
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    expectRefused(bundle, dataDir, db, /resolves to .*, outside the export folder/);
    db.$client.close();
  });

  it('refuses an export.json that is a symbolic link', async () => {
    const { bundle } = await makeBundle();
    const elsewhere = path.join(tempDir(), 'elsewhere.json');
    fs.renameSync(path.join(bundle, 'export.json'), elsewhere);
    fs.symlinkSync(elsewhere, path.join(bundle, 'export.json'));
    expect(() => readExport(bundle)).toThrow(/export\.json is a symbolic link/);
  });

  it('is all or nothing: one bad recording in the second session keeps the first session out too', async () => {
    const { bundle, json } = await makeBundle();
    const peaks = path.join(bundle, json.sessions[1]!.rounds[0]!.recording.peaksFile as string);
    fs.rmSync(peaks);
    fs.mkdirSync(peaks); // not a regular file
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    expectRefused(bundle, dataDir, db, /\.peaks in the export folder is not a regular file/);
    expect(snapshot(dataDir, db)).toEqual({ files: {}, rows: [0, 0, 0, 0, 0] });
    db.$client.close();
  });
});

describe('import of a version 1 export', () => {
  /** A version-1 file as the old app wrote it, pointing at a file outside by absolute path. */
  function v1(json: Json, absolutePath: string, file?: string) {
    return {
      ...json,
      version: 1,
      dataDir: '/home/someone/.config/Loop Coach',
      sessions: json.sessions.map((s) => ({
        ...s,
        rounds: s.rounds.map((r, i) => {
          const { audioFile: _a, peaksFile: _p, ...rec } = r.recording;
          const base = `recordings/${s.id}/round-${String(i + 1).padStart(2, '0')}-${(r as unknown as { id: string }).id}`;
          return {
            ...r,
            recording: { ...rec, file: file ?? `${base}.webm`, peaksFile: `${base}.peaks`, absolutePath },
            analysis: null,
          };
        }),
      })),
    };
  }

  it('imports the sessions but never reads the absolutePath it names', async () => {
    const { bundle, json } = await makeBundle();
    fs.rmSync(path.join(bundle, 'recordings'), { recursive: true });
    writeJson(bundle, v1(json, '/etc/passwd'));
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    const { file, bundleDir } = readExport(path.join(bundle, 'export.json'));
    expect(file.version).toBe(2);
    expect(importExport(db, dataDir, file, bundleDir)).toEqual({
      sessions: 2,
      skipped: 0,
      recordingsCopied: 0,
      recordingsMissing: 2,
    });
    const passwd = fs.readFileSync('/etc/passwd', 'hex');
    expect(Object.values(snapshot(dataDir, db).files)).not.toContain(passwd);
    expect(Object.keys(snapshot(dataDir, db).files)).toEqual([]);
    db.$client.close();
  });

  it('refuses a version-1 recording file name that is not one the app wrote', async () => {
    const { bundle, json } = await makeBundle();
    writeJson(bundle, v1(json, '/etc/passwd', '../../x'));
    expect(() => readExport(bundle)).toThrow(
      /Not a Loop Coach export: sessions\.0\.rounds\.0\.recording\.file: must be "recordings\/<session id>/,
    );
    expect(() => readExport(bundle)).toThrow(ImportRefusedError);
  });
});
