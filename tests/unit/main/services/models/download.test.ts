/**
 * The model manager against a real HTTP server on 127.0.0.1 (tests/support/model-server.ts): whole
 * downloads, a cut connection resumed with Range, a server that ignores Range, a wrong hash, a refused
 * connection, an HTTP error, cancel, and the setting that refuses a model that is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../../src/shared/contract';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { installedModel } from '../../../../../src/main/services/models/installed';
import {
  fixtureBytes,
  fixtureEntry,
  REPO_COMMIT,
  sha256,
  startModelServer,
  type ModelServer,
  type ServedFile,
} from '../../../../support/model-server';
import { builtinContentDir, migrationsDir, tempDir } from '../../../../support/temp';

const servers: ModelServer[] = [];
const apps: LoopCoach[] = [];
afterEach(async () => {
  while (apps.length) apps.pop()!.close();
  while (servers.length) await servers.pop()!.close();
});

function files(overrides: Partial<Record<string, Partial<ServedFile>>> = {}): Record<string, ServedFile> {
  const base: Record<string, ServedFile> = {
    'encoder.onnx': { body: fixtureBytes(400_000, 1) },
    'decoder.onnx': { body: fixtureBytes(60_000, 2) },
    'joiner.onnx': { body: fixtureBytes(20_000, 3) },
    'tokens.txt': { body: Buffer.from(Array.from({ length: 500 }, (_, i) => `tok${i} ${i}`).join('\n')), lfs: false },
  };
  for (const [name, patch] of Object.entries(overrides)) base[name] = { ...base[name]!, ...patch };
  return base;
}

async function setup(
  served: Record<string, ServedFile>,
  entryOptions: Parameters<typeof fixtureEntry>[1] = {},
  frozenClock = false,
) {
  const server = await startModelServer(served);
  servers.push(server);
  const dataDir = tempDir('models-');
  let clock = 1_000;
  const entry = fixtureEntry(server, entryOptions);
  const app = await createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: 'test',
    // Every read of the clock moves it on, so progress throttling lets each chunk's event through.
    now: () => (frozenClock ? clock : (clock += 1_000)),
    modelCatalog: [entry],
  });
  apps.push(app);
  const events: Array<{ channel: string; payload: unknown }> = [];
  app.events.subscribe((channel, payload) => events.push({ channel, payload }));
  const modelDir = path.join(dataDir, 'models', entry.id);
  return { server, app, dataDir, entry, events, modelDir };
}

async function call(app: LoopCoach, channel: Parameters<typeof dispatch>[1], input: unknown) {
  return dispatch(app.handlers, channel, input);
}

async function downloadAndWait(app: LoopCoach, id: string) {
  const started = await call(app, 'models:download', { modelId: id });
  expect(started.ok, JSON.stringify(started)).toBe(true);
  await app.models.whenDone(id);
  return app.models.view(id);
}

describe('model downloads from a local server', () => {
  it('downloads every file, checks the host-published hashes, pins the revision and writes installed.json last', async () => {
    const { app, server, entry, events, modelDir } = await setup(files());
    expect(app.models.view(entry.id).status).toBe('available');
    const view = await downloadAndWait(app, entry.id);
    expect(view.error).toBeNull();
    expect(view.status).toBe('installed');
    const record = installedModel.parse(JSON.parse(fs.readFileSync(path.join(modelDir, 'installed.json'), 'utf8')));
    expect(record.files).toEqual({
      encoder: 'encoder.onnx',
      decoder: 'decoder.onnx',
      joiner: 'joiner.onnx',
      tokens: 'tokens.txt',
    });
    for (const [name, file] of Object.entries(server.files)) {
      expect(record.sha256[name]).toBe(sha256(file.body));
      expect(fs.readFileSync(path.join(modelDir, name)).equals(file.body)).toBe(true);
    }
    expect(fs.readdirSync(modelDir).filter((f) => f.endsWith('.part'))).toEqual([]);
    // The bytes come from the revision the host named when it published the hash.
    const gets = server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/repo/'));
    expect(gets.map((r) => r.path)).toEqual(Object.keys(server.files).map((n) => `/repo/resolve/${REPO_COMMIT}/${n}`));
    // Progress only grows, per file in catalogue order, and ends at the total; installed comes last.
    const progress = events
      .filter((e) => e.channel === 'models:progress')
      .map((e) => e.payload as EventPayload<'models:progress'>);
    const received = progress.map((p) => p.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({
      modelId: entry.id,
      receivedBytes: entry.sizeBytes,
      totalBytes: entry.sizeBytes,
      file: 'tokens.txt',
    });
    expect([...new Set(progress.map((p) => p.file))]).toEqual(Object.keys(server.files));
    const changes = events
      .filter((e) => e.channel === 'models:changed')
      .map((e) => (e.payload as { status: string }).status);
    expect(changes).toEqual(['downloading', 'installed']);
    const listed = await call(app, 'models:list', {});
    expect(listed.ok && listed.value).toMatchObject({
      chosenModelId: null,
      models: [{ id: entry.id, status: 'installed' }],
    });
  });

  it('an interrupted download stops with a message naming the file, keeps the .part, and Resume continues it with Range to the right hash', async () => {
    const { app, server, entry, modelDir } = await setup(files({ 'encoder.onnx': { cutAfter: [150_000] } }));
    const failed = await downloadAndWait(app, entry.id);
    expect(failed.status).toBe('partial');
    expect(failed.error?.kind).toBe('truncated');
    expect(failed.error?.message).toMatch(/encoder\.onnx stopped after \d+ of 400000 bytes/);
    const kept = fs.statSync(path.join(modelDir, 'encoder.onnx.part')).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400_000);
    expect(fs.existsSync(path.join(modelDir, 'installed.json'))).toBe(false);

    const resumed = await downloadAndWait(app, entry.id);
    expect(resumed.error).toBeNull();
    expect(resumed.status).toBe('installed');
    const encoderGets = server.requests.filter((r) => r.method === 'GET' && r.path === '/cdn/encoder.onnx');
    expect(encoderGets.map((r) => r.range)).toEqual([null, `bytes=${kept}-`]);
    expect(sha256(fs.readFileSync(path.join(modelDir, 'encoder.onnx')))).toBe(
      sha256(server.files['encoder.onnx']!.body),
    );
  });

  it('a cut before any byte arrived says so and asks for the download again, not for a Resume with nothing kept', async () => {
    const { app, entry, modelDir } = await setup(files({ 'encoder.onnx': { cutAfter: [0] } }));
    const failed = await downloadAndWait(app, entry.id);
    expect(failed.error?.kind).toBe('truncated');
    expect(failed.error?.message).toBe(
      'The download of encoder.onnx stopped before any of its bytes arrived (the connection was cut (UND_ERR_SOCKET)). Nothing was lost: try the download again.',
    );
    expect(failed.status).toBe('available');
    expect(
      fs.existsSync(path.join(modelDir, 'encoder.onnx.part'))
        ? fs.statSync(path.join(modelDir, 'encoder.onnx.part')).size
        : 0,
    ).toBe(0);
  });

  it('a server that ignores Range gets the whole file again, and the result still matches', async () => {
    // A stall, then Cancel, leaves a known 30 kB .part (a cut connection may leave 0 bytes on disk under
    // load, and then no Range is sent at all).
    const { app, server, entry, modelDir } = await setup(files({ 'encoder.onnx': { stallAfter: 30_000 } }));
    await call(app, 'models:download', { modelId: entry.id });
    await new Promise<void>((resolve) => {
      const off = app.events.subscribe((channel, payload) => {
        if (channel === 'models:progress' && (payload as { receivedBytes: number }).receivedBytes >= 30_000) {
          off();
          resolve();
        }
      });
    });
    await call(app, 'models:cancel', { modelId: entry.id });
    expect(fs.statSync(path.join(modelDir, 'encoder.onnx.part')).size).toBe(30_000);
    delete server.files['encoder.onnx']!.stallAfter;
    server.files['encoder.onnx']!.ignoreRange = true;
    const resumed = await downloadAndWait(app, entry.id);
    expect(resumed.status).toBe('installed');
    const gets = server.requests.filter((r) => r.method === 'GET' && r.path === '/cdn/encoder.onnx');
    expect(gets.map((g) => g.range)).toEqual([null, 'bytes=30000-']);
    expect(fs.readFileSync(path.join(modelDir, 'encoder.onnx')).equals(server.files['encoder.onnx']!.body)).toBe(true);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path === '/cdn/decoder.onnx')).toHaveLength(1);
  });

  it('a file that does not match its pinned hash is deleted, never installed, and the message names it', async () => {
    const { app, entry, modelDir } = await setup(files(), { pinned: { 'decoder.onnx': 'ab'.repeat(32) } });
    const view = await downloadAndWait(app, entry.id);
    expect(view.status).toBe('partial');
    expect(view.error).toMatchObject({ kind: 'hash', file: 'decoder.onnx' });
    expect(view.error?.message).toMatch(
      /decoder\.onnx does not match the SHA-256 pinned for it .* deleted and will not be loaded/,
    );
    expect(fs.existsSync(path.join(modelDir, 'decoder.onnx'))).toBe(false);
    expect(fs.existsSync(path.join(modelDir, 'decoder.onnx.part'))).toBe(false);
    expect(fs.existsSync(path.join(modelDir, 'installed.json'))).toBe(false);
    // Files after it were never fetched; the one before it is kept for the next try.
    expect(fs.existsSync(path.join(modelDir, 'joiner.onnx'))).toBe(false);
    expect(fs.existsSync(path.join(modelDir, 'encoder.onnx'))).toBe(true);
  });

  it('a host that publishes a hash the bytes do not match: the file is deleted with a message naming the host and the file', async () => {
    const { app, entry, modelDir } = await setup(files({ 'joiner.onnx': { publishedSha256: 'cd'.repeat(32) } }));
    const view = await downloadAndWait(app, entry.id);
    expect(view.error?.kind).toBe('hash');
    expect(view.error?.message).toMatch(/^joiner\.onnx does not match the SHA-256 127\.0\.0\.1:\d+ publishes for it/);
    expect(fs.readdirSync(modelDir).sort()).toEqual(['decoder.onnx', 'encoder.onnx']);
  });

  it('a small git file is checked against the git blob id its host publishes: a wrong one is refused and deleted', async () => {
    const { app, entry, modelDir } = await setup(files({ 'tokens.txt': { publishedBlobId: 'ef'.repeat(20) } }));
    const view = await downloadAndWait(app, entry.id);
    expect(view.error).toMatchObject({ kind: 'hash', file: 'tokens.txt' });
    expect(view.error?.message).toMatch(
      /^tokens\.txt does not match the git blob id 127\.0\.0\.1:\d+ publishes for it \(expected efefefefefef…/,
    );
    expect(fs.existsSync(path.join(modelDir, 'tokens.txt'))).toBe(false);
    expect(fs.existsSync(path.join(modelDir, 'installed.json'))).toBe(false);
  });

  it('a refused connection gets a message that says so and names the file; nothing is installed', async () => {
    const { app, server, entry } = await setup(files());
    await server.close();
    servers.pop();
    const view = await downloadAndWait(app, entry.id);
    expect(view.status).toBe('available');
    expect(view.error?.kind).toBe('network');
    expect(view.error?.message).toMatch(/encoder\.onnx.*connection was refused \(ECONNREFUSED\)/);
    const pick = await call(app, 'settings:update', { transcriptionModelId: entry.id });
    expect(pick).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('an HTTP error names the status and the file', async () => {
    const { app, entry } = await setup(files({ 'joiner.onnx': { status: 503 } }));
    const view = await downloadAndWait(app, entry.id);
    expect(view.error).toMatchObject({ kind: 'http', file: 'joiner.onnx' });
    expect(view.error?.message).toMatch(/answered 503 for joiner\.onnx/);
  });

  it('cancel stops a running download and keeps its .part; Resume finishes it', async () => {
    const { app, server, entry, events, modelDir } = await setup(files({ 'encoder.onnx': { stallAfter: 100_000 } }));
    await call(app, 'models:download', { modelId: entry.id });
    // Wait until the stalled file's first bytes are on disk.
    await new Promise<void>((resolve) => {
      const off = app.events.subscribe((channel, payload) => {
        if (channel === 'models:progress' && (payload as { receivedBytes: number }).receivedBytes >= 100_000) {
          off();
          resolve();
        }
      });
    });
    const cancelled = await call(app, 'models:cancel', { modelId: entry.id });
    expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'partial', error: null });
    expect(fs.statSync(path.join(modelDir, 'encoder.onnx.part')).size).toBe(100_000);
    expect(
      events.filter((e) => e.channel === 'models:changed').map((e) => (e.payload as { status: string }).status),
    ).toEqual(['downloading', 'partial']);
    delete server.files['encoder.onnx']!.stallAfter;
    const resumed = await downloadAndWait(app, entry.id);
    expect(resumed.status).toBe('installed');
    expect(server.requests.filter((r) => r.path === '/cdn/encoder.onnx').at(-1)?.range).toBe('bytes=100000-');
  });

  it('a download that stalls still reports how far it got (the throttled last update is sent later)', async () => {
    // A clock that never moves: only the first update of a file passes the throttle at once.
    const { app, entry } = await setup(files({ 'encoder.onnx': { stallAfter: 123_456 } }), {}, true);
    const reached = new Promise<number>((resolve) => {
      app.events.subscribe((channel, payload) => {
        const received = (payload as { receivedBytes?: number }).receivedBytes;
        if (channel === 'models:progress' && received === 123_456) resolve(received);
      });
    });
    await call(app, 'models:download', { modelId: entry.id });
    expect(await reached).toBe(123_456);
    expect(app.models.view(entry.id)).toMatchObject({ status: 'downloading', receivedBytes: 123_456 });
    await call(app, 'models:cancel', { modelId: entry.id });
  });

  it('the chosen model: refused by name until installed, accepted after, cleared when removed', async () => {
    const { app, entry, modelDir } = await setup(files());
    const refused = await call(app, 'settings:update', { transcriptionModelId: entry.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The model "Tiny fixture model" is not installed: download it in Settings → Transcription first.',
      },
    });
    const unknown = await call(app, 'settings:update', { transcriptionModelId: 'nope' });
    expect(unknown.ok || unknown.error.message).toMatch(/"nope" is not installed/);
    await downloadAndWait(app, entry.id);
    const picked = await call(app, 'settings:update', { transcriptionModelId: entry.id });
    expect(picked).toMatchObject({ ok: true, value: { transcriptionModelId: entry.id } });
    expect(app.models.view(entry.id).chosen).toBe(true);
    // Other settings still save with the chosen model in the patch (the renderer sends every field).
    expect((await call(app, 'settings:update', { theme: 'dark', transcriptionModelId: entry.id })).ok).toBe(true);
    const removed = await call(app, 'models:remove', { modelId: entry.id });
    expect(removed.ok && removed.value).toMatchObject({ status: 'available', chosen: false });
    expect(fs.existsSync(modelDir)).toBe(false);
    const settings = await call(app, 'settings:get', {});
    expect(settings.ok && settings.value).toMatchObject({ transcriptionModelId: null, theme: 'dark' });
  });
});
