/**
 * The model manager against bad input: a full disk mid-download, hostile catalogues and installed.json
 * records (path traversal in file names or ids), and ids sent over the contract.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { loadCatalogueFile } from '../../../../../src/main/services/models/catalog';
import { readInstalled, writeInstalled } from '../../../../../src/main/services/models/installed';
import {
  fixtureBytes,
  fixtureEntry,
  sha256,
  startModelServer,
  type ModelServer,
} from '../../../../support/model-server';
import { builtinContentDir, migrationsDir, repoRoot, tempDir } from '../../../../support/temp';

const servers: ModelServer[] = [];
const apps: LoopCoach[] = [];
afterEach(async () => {
  while (apps.length) apps.pop()!.close();
  while (servers.length) await servers.pop()!.close();
});

function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('model manager: a full disk', () => {
  it('a full disk mid-file: a clear message naming the file, its .part removed, the other model and the finished file kept', async () => {
    const server = await startModelServer({
      'tokens.txt': { body: Buffer.from('a 0\nb 1\n'), lfs: false },
      // Past the child's 4 MB file-size limit.
      'encoder.onnx': { body: fixtureBytes(6_000_000, 9) },
    });
    servers.push(server);
    const dataDir = tempDir('models-full-');
    const big = { ...fixtureEntry(server, { id: 'big-model' }) };
    big.files = big.files.map((f) => ({
      ...f,
      role: f.name === 'tokens.txt' ? ('tokens' as const) : ('model' as const),
    }));
    // A model installed earlier, which the failed download must not touch.
    const keptDir = path.join(dataDir, 'models', 'kept-model');
    fs.mkdirSync(keptDir, { recursive: true });
    const keptBody = fixtureBytes(1000, 4);
    fs.writeFileSync(path.join(keptDir, 'model.onnx'), keptBody);
    writeInstalled(keptDir, {
      modelId: 'kept-model',
      family: 'nemo-ctc',
      files: { model: 'model.onnx' },
      sha256: { 'model.onnx': sha256(keptBody) },
      bytes: { 'model.onnx': 1000 },
      installedAt: 1,
    });
    const kept = {
      ...big,
      id: 'kept-model',
      family: 'nemo-ctc' as const,
      files: [{ ...big.files[1]!, role: 'model' as const, name: 'model.onnx' }],
    };
    const catalogueFile = path.join(dataDir, 'catalogue.json');
    fs.writeFileSync(catalogueFile, JSON.stringify([big, kept]));

    const script = path.join(repoRoot, 'tests', 'support', 'model-disk-full-child.ts');
    const result = await run('bash', [
      '-c',
      `ulimit -f 4096 && exec "${process.execPath}" --import tsx "${script}" "${dataDir}" "${catalogueFile}" big-model`,
    ]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
      list: {
        models: Array<{ id: string; status: string; error: { kind: string; message: string; file: string } | null }>;
      };
      left: string[];
    };
    const failed = report.list.models.find((m) => m.id === 'big-model')!;
    expect(failed.error).toMatchObject({ kind: 'disk-full', file: 'encoder.onnx' });
    expect(failed.error!.message).toMatch(
      /^The disk is full: encoder\.onnx could not be saved .*partial file was removed and nothing else was lost/,
    );
    expect(failed.status).toBe('partial');
    expect(report.left).toEqual(['big-model/tokens.txt', 'kept-model/installed.json', 'kept-model/model.onnx']);
    expect(report.list.models.find((m) => m.id === 'kept-model')).toMatchObject({ status: 'installed', error: null });
    expect(fs.readFileSync(path.join(keptDir, 'model.onnx')).equals(keptBody)).toBe(true);
  }, 60_000);
});

describe('model manager: hostile catalogues and records', () => {
  const goodFile = {
    role: 'model',
    name: 'model.onnx',
    url: 'https://huggingface.co/x/y/resolve/main/model.onnx',
    sha256: null,
    bytes: null,
  };
  const goodEntry = {
    id: 'good',
    title: 'Good',
    family: 'nemo-ctc',
    licence: 'MIT',
    sizeBytes: 10,
    languages: ['en'],
    timestamps: 'token',
    hesitations: false,
    summary: '',
    checksumSource: 'host',
    files: [goodFile],
  };
  const refused: Array<[string, unknown, RegExp]> = [
    [
      'a file name with ..',
      [{ ...goodEntry, files: [{ ...goodFile, name: '../../evil.onnx' }] }],
      /files\.0\.name: a file name is letters/,
    ],
    [
      'a file name with a slash',
      [{ ...goodEntry, files: [{ ...goodFile, name: 'sub/model.onnx' }] }],
      /files\.0\.name/,
    ],
    ['an absolute file name', [{ ...goodEntry, files: [{ ...goodFile, name: '/etc/passwd' }] }], /files\.0\.name/],
    ['a dot-dot inside a name', [{ ...goodEntry, files: [{ ...goodFile, name: 'a..b' }] }], /may not contain "\.\."/],
    ['a .part name', [{ ...goodEntry, files: [{ ...goodFile, name: 'model.onnx.part' }] }], /may not end in \.part/],
    ['an id that climbs', [{ ...goodEntry, id: '../models' }], /0\.id: a model id is/],
    [
      'plain http to another host',
      [{ ...goodEntry, files: [{ ...goodFile, url: 'http://example.com/model.onnx' }] }],
      /downloaded over https/,
    ],
    ['a file: URL', [{ ...goodEntry, files: [{ ...goodFile, url: 'file:///etc/passwd' }] }], /downloaded over https/],
    [
      'two files with one name',
      [{ ...goodEntry, files: [goodFile, { ...goodFile, role: 'tokens' }] }],
      /two files share a name/,
    ],
    ['pinned without a hash', [{ ...goodEntry, checksumSource: 'pinned' }], /has no pinned sha256/],
    ['an unknown field', [{ ...goodEntry, script: 'rm -rf' }], /Unrecognized key/],
  ];
  for (const [what, catalogue, message] of refused)
    it(`a catalogue with ${what} is refused with a message that says why`, () => {
      const file = path.join(tempDir('catalogue-'), 'catalogue.json');
      fs.writeFileSync(file, JSON.stringify(catalogue));
      expect(() => loadCatalogueFile(file)).toThrow(message);
    });

  it('the same catalogue without the hostile part loads', () => {
    const file = path.join(tempDir('catalogue-'), 'catalogue.json');
    fs.writeFileSync(file, JSON.stringify([goodEntry]));
    expect(loadCatalogueFile(file).map((e) => e.id)).toEqual(['good']);
  });

  it('an installed.json naming files outside its folder, another model, or files of the wrong size is never installed', async () => {
    const dataDir = tempDir('models-record-');
    const app = await createLoopCoach({
      dataDir,
      builtinContentDir,
      migrationsDir,
      transport: 'web',
      version: 'test',
      modelCatalog: loadCatalogueFileFrom([goodEntry]),
    });
    apps.push(app);
    const dir = path.join(app.paths.modelsDir, 'good');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'model.onnx'), 'twelve bytes');
    const record = {
      modelId: 'good',
      family: 'nemo-ctc',
      files: { model: 'model.onnx' },
      sha256: { 'model.onnx': 'a'.repeat(64) },
      bytes: { 'model.onnx': 12 },
      installedAt: 1,
    };
    const write = (value: unknown) => fs.writeFileSync(path.join(dir, 'installed.json'), JSON.stringify(value));
    write(record);
    expect(readInstalled(app.paths.modelsDir, 'good').state).toBe('installed');

    const hostile: Array<[unknown, RegExp]> = [
      [
        {
          ...record,
          files: { model: '../../loop-coach.db' },
          sha256: { '../../loop-coach.db': 'a'.repeat(64) },
          bytes: { '../../loop-coach.db': 1 },
        },
        /files\.model: a file name is/,
      ],
      [{ ...record, modelId: 'other' }, /names another model \(other\)/],
      [{ ...record, bytes: { 'model.onnx': 13 } }, /model\.onnx has 12 bytes, not 13/],
      [
        {
          ...record,
          files: { model: 'gone.onnx' },
          sha256: { 'gone.onnx': 'a'.repeat(64) },
          bytes: { 'gone.onnx': 1 },
        },
        /gone\.onnx is missing/,
      ],
      ['not an object', /installed\.json of good: record:/],
    ];
    for (const [value, problem] of hostile) {
      write(value);
      const view = app.models.view('good');
      expect(view.status).not.toBe('installed');
      expect(view.error?.message).toMatch(problem);
      const pick = await dispatch(app.handlers, 'settings:update', { transcriptionModelId: 'good' });
      expect(pick).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    fs.writeFileSync(path.join(dir, 'installed.json'), '{not json');
    expect(app.models.view('good').error?.message).toMatch(/installed\.json of good is not JSON/);
    // Remove deletes the folder and nothing beside it.
    const removed = await dispatch(app.handlers, 'models:remove', { modelId: 'good' });
    expect(removed).toMatchObject({ ok: true, value: { status: 'available', error: null } });
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(app.paths.databaseFile)).toBe(true);
  });

  it('ids that climb out of the models folder are refused at the contract; the data folder is untouched', async () => {
    const dataDir = tempDir('models-ids-');
    const app = await createLoopCoach({
      dataDir,
      builtinContentDir,
      migrationsDir,
      transport: 'web',
      version: 'test',
      modelCatalog: [],
    });
    apps.push(app);
    const before = fs.readdirSync(dataDir).sort();
    for (const channel of ['models:download', 'models:cancel', 'models:remove'] as const)
      for (const modelId of ['..', '../..', '../recordings', '/tmp', 'a/b', 'good\u0000', '']) {
        const result = await dispatch(app.handlers, channel, { modelId });
        expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      }
    const unknown = await dispatch(app.handlers, 'models:download', { modelId: 'not-in-catalogue' });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No speech model has the id "not-in-catalogue".' },
    });
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  });
});

function loadCatalogueFileFrom(value: unknown) {
  const file = path.join(tempDir('catalogue-'), 'catalogue.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return loadCatalogueFile(file);
}
