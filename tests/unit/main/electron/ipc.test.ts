/**
 * The IPC glue under the Electron stand-in: every contract channel registered once, requests
 * accepted only from the app page's main frame, answered by the real dispatch() and services.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../../../src/shared/channels';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import { serveIpc } from '../../../../src/main/electron/ipc';
import { asElectron, BrowserWindow, electronMock, frame, ipcRenderer } from '../../../support/electron-mock';
import { builtinContentDir, migrationsDir, tempDir } from '../../../support/temp';

vi.mock('electron', () => import('../../../support/electron-mock'));

let app: LoopCoach;
let stop: () => void;
let window: BrowserWindow | null;

beforeEach(async () => {
  electronMock.reset();
  await electronMock.ready();
  app = await createLoopCoach({
    dataDir: tempDir(),
    builtinContentDir,
    migrationsDir,
    transport: 'electron',
    version: 'test',
  });
  window = new BrowserWindow({});
  void window.loadURL('app://loop-coach/');
  stop = serveIpc(app, () => asElectron(window));
});

afterEach(() => {
  stop();
  app.close();
  vi.unstubAllEnvs();
});

const refusal = { ok: false, error: { code: 'bad-input', message: 'Requests are only accepted from the app window.' } };

describe('serveIpc', () => {
  it('registers exactly the contract channels, and removes them again', () => {
    expect(electronMock.ipcChannels().sort()).toEqual([...requestChannels].sort());
    stop();
    expect(electronMock.ipcChannels()).toEqual([]);
    stop = () => undefined;
  });

  it('answers the main frame of the app page through dispatch()', async () => {
    const reply = (await electronMock.invoke('app:info', {}, frame('app://loop-coach/'))) as {
      ok: boolean;
      value: { transport: string };
    };
    expect(reply).toMatchObject({ ok: true, value: { transport: 'electron' } });
    const list = (await electronMock.invoke('library:list', {}, frame('app://loop-coach/library'))) as {
      ok: boolean;
      value: { items: unknown[] };
    };
    expect(list.ok).toBe(true);
    expect(list.value.items.length).toBeGreaterThan(0);
  });

  it('answers the dev server page under `electron-vite dev`', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    expect(await electronMock.invoke('app:info', {}, frame('http://localhost:5173/'))).toMatchObject({ ok: true });
  });

  it('passes bad input to dispatch(), which names what was wrong', async () => {
    const reply = await electronMock.invoke('session:get', { sessionId: '../../etc' }, frame('app://loop-coach/'));
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('sessionId') },
    });
  });

  const appPage = frame('app://loop-coach/');
  const refused: [string, ReturnType<typeof frame> | null][] = [
    ['a subframe of the app page', frame('app://loop-coach/frame.html', appPage)],
    ['a foreign page in a subframe of the app page', frame('https://evil.example/', appPage)],
    ['a foreign web page', frame('https://evil.example/')],
    ['another app:// host', frame('app://evil/')],
    ['a file:// page', frame('file:///tmp/index.html')],
    ['devtools', frame('devtools://devtools/bundled/devtools_app.html')],
    ['about:blank', frame('about:blank')],
    ['a frame that is gone (senderFrame null)', null],
  ];

  it.each(refused)('refuses %s before any handler runs', async (_what, sender) => {
    // session:start would write a row: a refused request must leave the database as it was.
    const before = app.db.$client.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number };
    const reply = await electronMock.invoke(
      'session:start',
      { source: { type: 'item', id: 'loop-rag-experiment' } },
      sender,
    );
    expect(reply).toEqual(refusal);
    expect(app.db.$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual(before);
  });

  it('sends service events to the window, and stops when the window is gone', async () => {
    const received: unknown[] = [];
    ipcRenderer.on('library:changed', (_event: unknown, payload: unknown) => received.push(payload));
    expect(await electronMock.invoke('library:reload', {}, frame('app://loop-coach/'))).toMatchObject({ ok: true });
    expect(received).toEqual([{ problems: 0 }]);
    window!.close();
    // A destroyed window's webContents throws on send: the glue must not take the service down.
    expect(await electronMock.invoke('library:reload', {}, frame('app://loop-coach/'))).toMatchObject({ ok: true });
    window = null;
    expect(await electronMock.invoke('library:reload', {}, frame('app://loop-coach/'))).toMatchObject({ ok: true });
    expect(received).toHaveLength(1);
  });
});
