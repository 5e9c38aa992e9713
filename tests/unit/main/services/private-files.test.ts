/**
 * Private by default (issue 22, D7): after a round is recorded, a model downloaded and an export
 * written and imported elsewhere, `stat` shows 0700 on every folder and 0600 on every file, in the
 * data folder (database, -wal, -shm, recordings, peaks, models) and in the export. An existing data
 * folder made with looser modes is tightened at start. POSIX only: on Windows the profile's ACLs apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppOptions, LoopCoach } from '../../../../src/main/services/app';
import { writeExportBundle } from '../../../../src/main/services/export/export';
import { importExport, readExport } from '../../../../src/main/services/import';
import { webmFixture } from '../../../support/audio';
import { fixtureBytes, fixtureEntry, startModelServer, type ModelServer } from '../../../support/model-server';
import { call, makeApp, recordRound } from '../../../support/sessions';
import { tempDir } from '../../../support/temp';

const apps: LoopCoach[] = [];
const servers: ModelServer[] = [];
afterEach(async () => {
  while (apps.length) apps.pop()!.close();
  while (servers.length) await servers.pop()!.close();
});

let webm = '';
beforeAll(() => {
  webm = webmFixture('private-answer', ['Bias is error from wrong assumptions.', 1, 'Variance is the rest.']).webm;
}, 60_000);

async function open(dataDir: string, catalogue: AppOptions['modelCatalog'] = []) {
  const app = await makeApp(dataDir, {}, undefined, { modelCatalog: catalogue });
  apps.push(app);
  return app;
}

/** Every folder and file under `root` (root included), with its permission bits. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      const stat = fs.lstatSync(full);
      out[path.relative(root, full)] = (stat.mode & 0o777).toString(8);
      if (stat.isDirectory()) walk(full);
    }
  };
  out['.'] = (fs.statSync(root).mode & 0o777).toString(8);
  walk(root);
  return out;
}

describe.skipIf(process.platform === 'win32')('private by default', () => {
  it('a new data folder, after a round is recorded, a model downloaded and an export written: folders 0700, files 0600', async () => {
    // A folder that does not exist yet (mkdtemp would already make its own 0700).
    const dataDir = path.join(tempDir('private-'), 'Loop Coach');
    const server = await startModelServer({ 'model.onnx': { body: fixtureBytes(50_000, 3) } });
    servers.push(server);
    const entry = { ...fixtureEntry(server, { pinned: {} }), family: 'nemo-ctc' as const };
    entry.files = entry.files.map((f) => ({ ...f, role: 'model' as const }));
    const app = await open(dataDir, [entry]);

    const session = await call(app, 'session:start', { source: { type: 'item', id: 'loop-rag-experiment' } });
    await recordRound(app, session.id, 0, webm);
    await call(app, 'models:download', { modelId: entry.id });
    await app.models.whenDone(entry.id);
    expect(app.models.view(entry.id).status).toBe('installed');
    const exportDir = path.join(tempDir('private-export-'), 'bundle');
    writeExportBundle(app.db, dataDir, exportDir, 'test', Date.now());

    const data = modes(dataDir);
    // What there is to check: the database with its WAL, the recording and its peaks, the model.
    const names = Object.keys(data);
    for (const wanted of [/^loop-coach\.db$/, /^loop-coach\.db-wal$/, /^loop-coach\.db-shm$/, /\.webm$/, /\.peaks$/])
      expect(
        names.some((n) => wanted.test(n)),
        String(wanted),
      ).toBe(true);
    expect(names).toContain(path.join('models', entry.id, 'model.onnx'));
    expect(names).toContain(path.join('models', entry.id, 'installed.json'));
    expectModes(dataDir, data);
    const bundle = modes(exportDir);
    expect(Object.keys(bundle).filter((n) => n.endsWith('.webm'))).toHaveLength(1);
    expectModes(exportDir, bundle);

    // Imported into another new data folder: the same.
    const other = path.join(tempDir('private-import-'), 'Loop Coach');
    const target = await open(other);
    const { file, bundleDir } = readExport(exportDir);
    expect(importExport(target.db, other, file, bundleDir).recordingsCopied).toBe(1);
    expectModes(other, modes(other));
  }, 60_000);

  it('an existing data folder made with looser modes is tightened at start', async () => {
    const dataDir = path.join(tempDir('private-old-'), 'Loop Coach');
    (await open(dataDir)).close();
    apps.pop();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'loop-coach.db'), 0o644);
    await open(dataDir);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'loop-coach.db')).mode & 0o777).toBe(0o600);
    expectModes(dataDir, modes(dataDir));
  });
});

function expectModes(root: string, found: Record<string, string>) {
  const wrong = Object.entries(found).filter(([name, mode]) => {
    const isDir = fs.lstatSync(path.join(root, name)).isDirectory();
    return mode !== (isDir ? '700' : '600');
  });
  expect(wrong, `in ${root}`).toEqual([]);
}
