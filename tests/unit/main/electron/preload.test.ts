/**
 * The sandboxed preload and the Electron branch of the renderer's client, under the stand-in: what
 * the page receives through contextBridge, events in and out, and a dead main side turned into the
 * same "disconnected" result browser mode gives, so the chunk uploader retries instead of throwing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannels, methodName, requestChannels } from '../../../../src/shared/channels';
import type { PreloadApi } from '../../../../src/shared/contract';
import { electronMock, ipcMain, ipcRenderer, MockWebContents } from '../../../support/electron-mock';

vi.mock('electron', () => import('../../../support/electron-mock'));

async function loadPreload(): Promise<PreloadApi> {
  vi.resetModules();
  await import('../../../../src/preload/index');
  return electronMock.exposed('loopCoach') as PreloadApi;
}

/** Every channel answered with what it was asked, as if dispatch() echoed. */
function echoEveryChannel(): { channel: string; input: unknown }[] {
  const seen: { channel: string; input: unknown }[] = [];
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (_event, input) => {
      seen.push({ channel, input });
      return { ok: true, value: { channel } };
    });
  }
  return seen;
}

beforeEach(() => electronMock.reset());
afterEach(() => vi.unstubAllGlobals());

describe('preload', () => {
  it('exposes one object, with one method per contract channel plus `on`, and nothing else', async () => {
    const api = await loadPreload();
    expect(electronMock.exposedKeys()).toEqual(['loopCoach']);
    const expected = [...requestChannels.map((c) => methodName(c)), 'on'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const key of expected) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    // ipcRenderer itself, or a generic invoke/send, would let the page call any channel.
    for (const leak of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'removeAllListeners'])
      expect(api).not.toHaveProperty(leak);
  });

  it('each method invokes exactly its own channel with the input', async () => {
    const api = await loadPreload();
    const seen = echoEveryChannel();
    for (const channel of requestChannels) {
      const method = (api as unknown as Record<string, (input: unknown) => Promise<unknown>>)[methodName(channel)]!;
      expect(await method({ probe: channel })).toEqual({ ok: true, value: { channel } });
    }
    expect(seen).toEqual(requestChannels.map((channel) => ({ channel, input: { probe: channel } })));
  });

  it('`on` delivers the payload alone, and its unsubscribe really removes the listener', async () => {
    const api = await loadPreload();
    const contents = new MockWebContents('app://loop-coach/');
    for (const channel of eventChannels) {
      const received: unknown[] = [];
      const unsubscribe = api.on(channel, (payload) => received.push(payload));
      expect(ipcRenderer.listenerCount(channel)).toBe(1);
      contents.send(channel, { n: 1 });
      expect(received).toEqual([{ n: 1 }]);
      unsubscribe();
      expect(ipcRenderer.listenerCount(channel)).toBe(0);
      contents.send(channel, { n: 2 });
      expect(received).toEqual([{ n: 1 }]);
    }
  });

  it.each(['library:list', 'ipc:anything', '__proto__', ''])('refuses to subscribe to %j', async (channel) => {
    const api = await loadPreload();
    expect(() => api.on(channel as never, () => undefined)).toThrow(/Unknown event channel/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});

describe('the renderer client over the preload', () => {
  async function loadClient() {
    const api = await loadPreload();
    vi.stubGlobal('window', { loopCoach: api });
    const client = await import('../../../../src/renderer/src/api/client');
    const uploader = await import('../../../../src/renderer/src/session/browser/uploader');
    return { ...client, ...uploader };
  }

  it('uses the Electron transport when the preload is there', async () => {
    const { api, transport } = await loadClient();
    echoEveryChannel();
    expect(transport).toBe('electron');
    expect(await api.invoke('app:info', {})).toEqual({ ok: true, value: { channel: 'app:info' } });
  });

  it('turns a rejected invoke into the "disconnected" result, as the web client does', async () => {
    const { api } = await loadClient();
    echoEveryChannel();
    electronMock.disconnect();
    const result = await api.invoke('library:list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'disconnected', message: expect.stringContaining('not answering') },
    });
    // An unregistered channel rejects too (the main side has not finished starting).
    electronMock.reconnect();
    ipcMain.removeHandler('library:list');
    expect(await api.invoke('library:list', {})).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });

  it('lets the chunk uploader retry through a dead main side and deliver in order once it answers', async () => {
    const { ChunkUploader } = await loadClient();
    const delivered: number[] = [];
    ipcMain.handle('recording:chunk', (_event, raw) => {
      const input = raw as { seq: number; data: Uint8Array };
      delivered.push(input.seq);
      return { ok: true, value: { bytes: (input.seq + 1) * 3, chunks: input.seq + 1 } };
    });
    electronMock.disconnect();
    const uploader = new ChunkUploader('00000000-0000-4000-8000-000000000000');
    const statuses: string[] = [];
    const saved: number[] = [];
    uploader.on('status', (s) => statuses.push(s.state));
    uploader.on('saved', (s) => saved.push(s.bytes));
    uploader.push(new Uint8Array([1, 2, 3]), new Uint8Array([9]));
    uploader.push(new Uint8Array([4, 5, 6]), new Uint8Array([9]));
    await vi.waitFor(() => expect(statuses).toEqual(['retrying']));
    expect(delivered).toEqual([]);
    electronMock.reconnect();
    await uploader.flush();
    expect(delivered).toEqual([0, 1]);
    expect(saved).toEqual([3, 6]);
    expect(statuses).toEqual(['retrying', 'saving']);
    expect(uploader.failed).toBeNull();
  });
});
