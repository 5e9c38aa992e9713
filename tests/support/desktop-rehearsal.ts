/**
 * The desktop rehearsal: the real Electron main entry (src/main/index.ts) and the real preload run
 * in this Node process under the Electron stand-in, and a Chromium page is wired to them the way
 * Electron wires its window:
 *
 * - every request of the page (https://loop-coach.test/…, a secure context, no server) is answered
 *   by the registered app:// protocol handler, rewritten to app://loop-coach/…;
 * - `window.loopCoach` in the page is a thin proxy whose every call crosses a Playwright binding into
 *   the object the preload exposed through contextBridge, so src/preload/index.ts, ipcRenderer,
 *   the sender check in src/main/electron/ipc.ts and dispatch() all run for real, with the sender
 *   frame at app://loop-coach/ as Electron reports it;
 * - webContents.send events come back into the page through the preload's `on`.
 *
 * What this cannot show compared with real Electron: docs/desktop-rehearsal.md.
 */
import './electron-stand-in-hook';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PreloadApi } from '../../src/shared/contract';
import { rehearsalLaunch, type RehearsalLaunch } from './electron-chromium';
import { app, electronMock } from './electron-mock';
import { answerWav } from './fixtures-paths';

export const rehearsalOrigin = 'https://loop-coach.test';
const root = path.resolve(__dirname, '..', '..');
const load = createRequire(__filename);

type Encoded = unknown;
type BridgeMessage =
  | { kind: 'call'; doc: string; method: string; input: Encoded }
  | { kind: 'on'; doc: string; id: number; channel: string }
  | { kind: 'off'; doc: string; id: number };

export type BridgeCall = {
  method: string;
  seq?: number;
  outcome: 'answered' | 'rejected';
  /** The answer's `ok`, once answered. */
  ok?: boolean;
};

export type DesktopMain = {
  /** Every preload call the page made, in order, and whether the main side answered it. */
  calls: BridgeCall[];
  /** Bytes on disk the main side acknowledged, per recording (the last recording:chunk answer). */
  acked: Map<string, number>;
  /** Every request the protocol handler answered. */
  served: { path: string; status: number; range: string | undefined }[];
  /** How to start the rehearsal's Chromium: only what the app set through app.commandLine and webPreferences. */
  launch: RehearsalLaunch;
  /** A main-side IPC call from the app page (for setup the page would make through Settings). */
  invoke: (channel: string, input: unknown) => Promise<unknown>;
  /** Wires a page to this main side and opens the app in it. */
  open: (page: Page) => Promise<void>;
  /** The main side dies: every IPC call rejects from now on, and the services close. */
  kill: () => void;
};

/** Bytes in a plain object tree become { __bytes: base64 } across the binding, and back. */
function decode(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const bytes = (value as { __bytes?: unknown }).__bytes;
    if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** Runs in the page before its scripts: the stand-in for what contextBridge puts on window. */
function pageSide({ methods }: { methods: string[] }): void {
  type Send = (message: unknown) => Promise<unknown>;
  const w = window as unknown as { __loopCoachPreload: Send; __loopCoachDeliver: unknown };
  const doc = `${Date.now()}-${Math.random()}`;
  const encode = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      let binary = '';
      for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
      return { __bytes: btoa(binary) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    }
    return value;
  };
  const listeners = new Map<number, (payload: unknown) => void>();
  let nextId = 1;
  w.__loopCoachDeliver = (id: number, payload: unknown) => listeners.get(id)?.(payload);
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    api[method] = (input: unknown) => w.__loopCoachPreload({ kind: 'call', doc, method, input: encode(input) });
  }
  api.on = (channel: string, listener: (payload: unknown) => void) => {
    const id = nextId++;
    listeners.set(id, listener);
    w.__loopCoachPreload({ kind: 'on', doc, id, channel }).catch((error: unknown) => console.error(error));
    return () => {
      listeners.delete(id);
      w.__loopCoachPreload({ kind: 'off', doc, id }).catch(() => undefined);
    };
  };
  Object.defineProperty(window, 'loopCoach', { value: Object.freeze(api), writable: false, configurable: false });
}

/** Starts src/main/index.ts under the stand-in with `dataDir`, as `npm start -- --data-dir` would. */
export async function startDesktopMain(dataDir: string): Promise<DesktopMain> {
  electronMock.reset();
  const previousDataDir = process.env.LOOP_COACH_DATA_DIR;
  process.env.LOOP_COACH_DATA_DIR = dataDir;
  // A fresh process each time: the entry and the preload run their top level again.
  const entry = load.resolve(path.join(root, 'src/main/index.ts'));
  const preloadFile = load.resolve(path.join(root, 'src/preload/index.ts'));
  delete load.cache[entry];
  delete load.cache[preloadFile];
  load(entry);
  await electronMock.ready();
  const started = Date.now();
  while (electronMock.windows().length === 0 && electronMock.errorBoxes().length === 0) {
    if (Date.now() - started > 30_000) throw new Error('the main window never opened');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (previousDataDir === undefined) delete process.env.LOOP_COACH_DATA_DIR;
  else process.env.LOOP_COACH_DATA_DIR = previousDataDir;
  const [errorBox] = electronMock.errorBoxes();
  if (errorBox) throw new Error(`${errorBox.title}: ${errorBox.content}`);
  const [window] = electronMock.windows();
  if (window!.loadedUrls[0] !== 'app://loop-coach/') throw new Error(`the window loaded ${window!.loadedUrls[0]}`);
  // The preload runs in the window's renderer, whose frame is app://loop-coach/ (set by loadURL).
  load(preloadFile);
  const preload = electronMock.exposed('loopCoach') as PreloadApi &
    Record<string, (input: unknown) => Promise<unknown>>;
  const methods = Object.keys(preload).filter((k) => k !== 'on');

  const calls: BridgeCall[] = [];
  const acked = new Map<string, number>();
  const served: DesktopMain['served'] = [];
  let currentDoc = '';
  const subscriptions = new Map<number, () => void>();

  const handle = async (page: Page, message: BridgeMessage): Promise<unknown> => {
    // A new document means a reload: the old page's preload context and its listeners are gone.
    if (message.doc !== currentDoc) {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      currentDoc = message.doc;
    }
    if (message.kind === 'on') {
      const unsubscribe = preload.on(message.channel as never, (payload: unknown) => {
        page
          .evaluate(
            ([id, p]) =>
              (window as unknown as { __loopCoachDeliver: (i: number, p: unknown) => void }).__loopCoachDeliver(id, p),
            [message.id, payload] as const,
          )
          .catch(() => undefined);
      });
      subscriptions.set(message.id, unsubscribe);
      return null;
    }
    if (message.kind === 'off') {
      subscriptions.get(message.id)?.();
      subscriptions.delete(message.id);
      return null;
    }
    const input = decode(message.input) as { recordingId?: string; seq?: number };
    const call: BridgeCall = { method: message.method, outcome: 'rejected' };
    if (message.method === 'recordingChunk') call.seq = input.seq;
    calls.push(call);
    const result = (await preload[message.method]!(input)) as { ok: boolean; value?: { bytes?: number } };
    call.outcome = 'answered';
    call.ok = result.ok;
    if (message.method === 'recordingChunk' && result.ok) acked.set(input.recordingId!, result.value!.bytes!);
    return result;
  };

  return {
    calls,
    acked,
    served,
    launch: rehearsalLaunch(electronMock.chromiumSwitches(), window!.options, answerWav),
    invoke: (channel, input) => electronMock.invoke(channel, input),
    async open(page) {
      await page.route('**/*', async (route) => {
        const request = route.request();
        const url = new URL(request.url());
        if (url.origin !== rehearsalOrigin) return route.abort('blockedbyclient');
        const headers = await request.allHeaders();
        const forward: Record<string, string> = {};
        for (const name of ['range', 'accept']) if (headers[name]) forward[name] = headers[name];
        const response = await electronMock.fetch(`app://loop-coach${url.pathname}${url.search}`, {
          method: request.method(),
          headers: forward,
        });
        served.push({ path: url.pathname, status: response.status, range: forward.range });
        const replyHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => (replyHeaders[name] = value));
        await route.fulfill({
          status: response.status,
          headers: replyHeaders,
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      await page.exposeBinding('__loopCoachPreload', (source, message: BridgeMessage) => handle(source.page, message));
      await page.addInitScript(pageSide, { methods });
      await page.goto(`${rehearsalOrigin}/`);
    },
    kill() {
      electronMock.disconnect('Error: the main process is gone');
      // Quitting runs the entry's will-quit: the services close and the database is released.
      app.quit();
    },
  };
}
