/**
 * Model downloads against a hostile host or a hostile local user (issue 22, D8), with the local model
 * server (tests/support/model-server.ts): more bytes than the catalogue's size, a compressed body, a
 * redirect to plain http, and a `.part` planted as a link to a file outside the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../../src/shared/contract';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { modelByteBudget } from '../../../../../src/main/services/models/service';
import {
  fixtureBytes,
  fixtureEntry,
  startModelServer,
  type ModelServer,
  type ServedFile,
} from '../../../../support/model-server';
import { makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const servers: ModelServer[] = [];
const apps: LoopCoach[] = [];
afterEach(async () => {
  while (apps.length) apps.pop()!.close();
  while (servers.length) await servers.pop()!.close();
});

const body = fixtureBytes(400_000, 7);

async function setup(file: Partial<ServedFile>, entryPatch: { sizeBytes?: number; pinned?: boolean } = {}) {
  const server = await startModelServer({ 'model.onnx': { body, ...file } });
  servers.push(server);
  const entry = {
    ...fixtureEntry(server, entryPatch.pinned ? { pinned: {} } : {}),
    family: 'nemo-ctc' as const,
  };
  entry.files = entry.files.map((f) => ({ ...f, role: 'model' as const }));
  if (entryPatch.sizeBytes !== undefined) entry.sizeBytes = entryPatch.sizeBytes;
  const dataDir = tempDir('models-attack-');
  let clock = 0;
  const app = await makeApp(dataDir, {}, () => (clock += 1_000), { modelCatalog: [entry] });
  apps.push(app);
  const progress: number[] = [];
  app.events.subscribe((channel, payload) => {
    if (channel === 'models:progress') progress.push((payload as EventPayload<'models:progress'>).receivedBytes);
  });
  const modelDir = path.join(dataDir, 'models', entry.id);
  const download = async () => {
    const started = await dispatch(app.handlers, 'models:download', { modelId: entry.id });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    await app.models.whenDone(entry.id);
    return app.models.view(entry.id);
  };
  return { server, app, entry, modelDir, download, progress, dataDir };
}

const cdnGets = (server: ModelServer) =>
  server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/cdn/'));

describe('the catalogue size is a limit', () => {
  it('a host that publishes no size and sends more than the catalogue says is stopped at the limit and its bytes deleted', async () => {
    const { download, modelDir, progress, entry } = await setup({ hideSize: true }, { sizeBytes: 100_000 });
    const limit = modelByteBudget(entry);
    expect(limit).toBe(105_000);
    const view = await download();
    expect(view.status).not.toBe('installed');
    expect(view.error).toMatchObject({ kind: 'hash', file: 'model.onnx' });
    expect(view.error!.message).toMatch(/more bytes for model\.onnx than the catalogue allows \(at most 105000\)/);
    expect(Math.max(...progress)).toBeLessThanOrEqual(limit);
    expect(fs.readdirSync(modelDir)).toEqual([]);
  });

  it('a host that announces more than the catalogue allows is refused before a byte is written', async () => {
    const { download, modelDir, server } = await setup({}, { sizeBytes: 100_000 });
    const view = await download();
    expect(view.error!.message).toMatch(/offers model\.onnx with 400000 bytes than the catalogue allows/);
    expect(fs.readdirSync(modelDir)).toEqual([]);
    expect(cdnGets(server).length).toBeLessThanOrEqual(1);
  });

  it('the same host within the catalogue size downloads (the limit is not a guess)', async () => {
    const { download } = await setup({ hideSize: true });
    expect(await download()).toMatchObject({ status: 'installed', error: null });
  });
});

describe('model files are taken as they are', () => {
  it('asks for identity encoding and refuses a gzip body (never unpacks it)', async () => {
    const { download, server, modelDir } = await setup({ gzip: true }, { pinned: true });
    const view = await download();
    expect(view.status).not.toBe('installed');
    expect(view.error).toMatchObject({ kind: 'http', file: 'model.onnx' });
    expect(view.error!.message).toMatch(/sent model\.onnx compressed \(gzip\).*never unpacked/);
    expect(cdnGets(server).map((r) => r.acceptEncoding)).toEqual(['identity']);
    expect(fs.readdirSync(modelDir)).toEqual([]);
  });
});

describe('redirects', () => {
  it.each([
    ['plain http to another host name', (port: number) => `http://localhost:${port}/cdn/model.onnx`],
    ['a file: URL', () => 'file:///etc/passwd'],
    ['plain http to a public address', () => 'http://93.184.216.34/cdn/model.onnx'],
  ])('a redirect to %s is not followed', async (_what, target) => {
    const server = await startModelServer({ 'model.onnx': { body } });
    const location = target(server.port);
    await server.close();
    const { download, server: host, modelDir } = await setup({ location }, { pinned: true });
    const view = await download();
    expect(view.status).not.toBe('installed');
    expect(view.error).toMatchObject({ kind: 'http', file: 'model.onnx' });
    expect(view.error!.message).toContain(`redirected model.onnx to ${location}, which is not https`);
    expect(cdnGets(host)).toEqual([]);
    expect(fs.readdirSync(modelDir)).toEqual([]);
  });

  it('a redirect on the same 127.0.0.1 test host is followed', async () => {
    const { download } = await setup({}, { pinned: true });
    expect(await download()).toMatchObject({ status: 'installed', error: null });
  });
});

describe('a planted .part', () => {
  it.each([
    ['a link to a file outside the data folder', true],
    ['a link to a file that does not exist yet', false],
  ])('is never followed: %s', async (_what, targetExists) => {
    const { download, modelDir, app } = await setup({}, { pinned: true });
    const outside = path.join(tempDir('outside-'), 'precious.txt');
    if (targetExists) fs.writeFileSync(outside, 'precious bytes');
    fs.mkdirSync(modelDir, { recursive: true });
    fs.symlinkSync(outside, path.join(modelDir, 'model.onnx.part'));
    const view = await download();
    expect(view.status).not.toBe('installed');
    expect(view.error).toMatchObject({ kind: 'other', file: 'model.onnx' });
    expect(view.error!.message).toMatch(/model\.onnx\.part .* is not a plain file .* not followed or written/);
    if (targetExists) expect(fs.readFileSync(outside, 'utf8')).toBe('precious bytes');
    else expect(fs.existsSync(outside)).toBe(false);
    // Remove takes the link away (not its target), and the next download is clean.
    await dispatch(app.handlers, 'models:remove', { modelId: 'tiny-fixture' });
    if (targetExists) expect(fs.readFileSync(outside, 'utf8')).toBe('precious bytes');
    expect(await download()).toMatchObject({ status: 'installed', error: null });
  });

  it('a .part hard-linked to another file is not written either', async () => {
    const { download, modelDir } = await setup({}, { pinned: true });
    const outside = path.join(tempDir('outside-'), 'precious.txt');
    fs.writeFileSync(outside, 'precious bytes');
    fs.mkdirSync(modelDir, { recursive: true });
    fs.linkSync(outside, path.join(modelDir, 'model.onnx.part'));
    const view = await download();
    expect(view.error?.message).toMatch(/not a plain file/);
    expect(fs.readFileSync(outside, 'utf8')).toBe('precious bytes');
  });
});
