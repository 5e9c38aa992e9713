/**
 * Import reads nothing unbounded and nothing that is not the export's own: an oversized export.json
 * is refused by its size before a byte is read, and a hard-linked file (a second name for any file
 * of this account's) is refused like a symbolic link. Both leave the data folder as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXPORT_JSON_BYTES, readExport } from '../../../../src/main/services/import';
import { webmFixture } from '../../../support/audio';
import { expectRefused, makeBundle, openTarget, snapshot } from '../../../support/import-bundle';
import { tempDir } from '../../../support/temp';

let webm = '';
beforeAll(() => {
  webm = webmFixture('import-answer', ['Overfitting is memorising the training set.']).webm;
}, 60_000);

describe('an export.json past the size cap', () => {
  it('a 2 GiB sparse export.json is refused by its size, without reading it', () => {
    const bundle = tempDir();
    const json = path.join(bundle, 'export.json');
    fs.writeFileSync(json, '{"format":"loop-coach-export","version":2,');
    // Sparse: no disk used, but 2 GiB to read (one byte under the size Node refuses to read at all).
    fs.truncateSync(json, 2 * 1024 * 1024 * 1024 - 1);
    const heapBefore = process.memoryUsage().rss;
    expect(() => readExport(bundle)).toThrow(
      /export\.json is 2048 MiB; an export\.json this app reads is at most 256 MiB/,
    );
    // Not read: reading it would have taken gigabytes (the attack took 4.3 GB before this cap).
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('one byte past the cap is refused; a real export under it still reads', async () => {
    const { bundle } = await makeBundle(webm);
    expect(readExport(bundle).file.sessions).toHaveLength(2);
    const json = path.join(bundle, 'export.json');
    fs.truncateSync(json, MAX_EXPORT_JSON_BYTES + 1);
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    expectRefused(bundle, dataDir, db, /at most 256 MiB\. Nothing was read or changed/);
    db.$client.close();
  });
});

describe('a hard link inside a bundle', () => {
  it('a hard-linked recording is refused, naming it, and nothing is imported (all or nothing)', async () => {
    const { bundle, json } = await makeBundle(webm);
    // The second session's audio becomes a second name for a file outside the bundle.
    const outside = path.join(tempDir(), 'private.webm');
    fs.writeFileSync(outside, 'a file of this account that is not part of the export');
    const audio = path.join(bundle, json.sessions[1]!.rounds[0]!.recording.audioFile as string);
    fs.rmSync(audio);
    fs.linkSync(outside, audio);
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    expectRefused(
      bundle,
      dataDir,
      db,
      /recordings\/[0-9a-f-]+\.webm in the export folder is a hard link \(2 names for one file\)/,
    );
    expect(snapshot(dataDir, db)).toEqual({ files: {}, rows: [0, 0, 0, 0, 0] });
    db.$client.close();
  });

  it('a hard-linked peaks file and a hard-linked export.json are refused too', async () => {
    const { bundle, json } = await makeBundle(webm);
    const peaks = path.join(bundle, json.sessions[0]!.rounds[0]!.recording.peaksFile as string);
    fs.linkSync(peaks, path.join(tempDir(), 'second-name.peaks'));
    const dataDir = tempDir();
    const db = openTarget(dataDir);
    expectRefused(bundle, dataDir, db, /\.peaks in the export folder is a hard link/);
    fs.linkSync(path.join(bundle, 'export.json'), path.join(tempDir(), 'second-name.json'));
    expect(() => readExport(bundle)).toThrow(/export\.json is a hard link/);
    db.$client.close();
  });
});
