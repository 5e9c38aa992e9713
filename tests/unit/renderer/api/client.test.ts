/**
 * The renderer's web transport against the real browser-mode server, in process: binary channels
 * send their bytes as the body and every other field in the query string (bytes as base64url), and
 * the server rebuilds the input for the contract's zod schema. recording:chunk and live:frames go
 * through the same generic path.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../../../../src/renderer/src/api/client';
import type { LoopCoach } from '../../../../src/main/services/app';
import { startWebServer, type WebServer } from '../../../../src/main/web/server';
import { call, makeApp, oneRoundLoop } from '../../../support/sessions';
import { tempDir } from '../../../support/temp';

let app: LoopCoach;
let server: WebServer;
let client: typeof ClientModule;

beforeAll(async () => {
  app = await makeApp(path.join(tempDir(), 'data'), { 'one.yaml': oneRoundLoop });
  server = await startWebServer({ app, rendererDir: tempDir(), port: 0 });
  // The page's relative /api/… addresses, with the token its cookie would carry.
  vi.stubGlobal('window', {});
  vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
    fetchReal(`${server.origin}${url}`, {
      ...init,
      headers: { ...init.headers, 'x-loop-coach-token': server.token },
    }),
  );
  client = await import('../../../../src/renderer/src/api/client');
});
const fetchReal = globalThis.fetch;

afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
  app.close();
});

describe('the web client’s binary channels', () => {
  it('recording:chunk: bytes as the body, seq, offset and base64url peaks in the query', async () => {
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'one' } });
    const { recording } = await call(app, 'round:begin', {
      sessionId: session.id,
      roundIndex: 0,
      mimeType: 'audio/webm',
    });
    const peaks = new Uint8Array([0, 255, 62, 63, 251]);
    expect(
      await client.api.invoke('recording:chunk', {
        recordingId: recording.id,
        seq: 0,
        offset: 0,
        data: new Uint8Array([1, 2, 3]),
        peaks,
      }),
    ).toEqual({ ok: true, value: { bytes: 3, chunks: 1 } });
    expect(
      await client.api.invoke('recording:chunk', {
        recordingId: recording.id,
        seq: 1,
        offset: 9,
        data: new Uint8Array(2),
        peaks,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/starts at byte 9/) },
    });
  });

  it('live:frames: PCM as the body, recordingId, seq and startSample in the query, parsed by the contract', async () => {
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'one' } });
    const { recording } = await call(app, 'round:begin', {
      sessionId: session.id,
      roundIndex: 0,
      mimeType: 'audio/webm',
    });
    // No model: the frames reach the live service, which says listening never started.
    expect(
      await client.api.invoke('live:frames', {
        recordingId: recording.id,
        seq: 3,
        startSample: 16000,
        data: new Uint8Array(320),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Live listening is not running for this recording/) },
    });
    expect(
      await client.api.invoke('live:frames', {
        recordingId: recording.id,
        seq: 3,
        startSample: -1,
        data: new Uint8Array(320),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/startSample/) },
    });
  });
});
