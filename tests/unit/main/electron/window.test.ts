/**
 * The main window's options and the Electron entry (src/main/index.ts) under the stand-in: what is
 * registered before `ready` and after, in the order Electron requires, and a request from the
 * window's page answered end to end.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../../src/main/electron/window';
import { requestChannels } from '../../../../src/shared/channels';
import { app, electronMock, ipcRenderer, standIn } from '../../../support/electron-mock';
import { tempDir } from '../../../support/temp';

vi.mock('electron', () => import('../../../support/electron-mock'));

beforeEach(() => electronMock.reset());
afterEach(() => vi.unstubAllEnvs());

describe('createMainWindow', () => {
  beforeEach(() => electronMock.ready());

  it('opens one window with the web preferences Electron’s security guide asks for', () => {
    const window = standIn(createMainWindow());
    expect(electronMock.windows()).toEqual([window]);
    const prefs = window.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe(
      path.join(path.resolve(__dirname, '../../../../src/main/electron'), '../preload/index.js'),
    );
  });

  it('loads the app page and shows the window once it is ready', async () => {
    const window = standIn(createMainWindow());
    expect(window.loadedUrls).toEqual(['app://loop-coach/']);
    expect(window.visible).toBe(false);
    await new Promise((resolve) => window.once('ready-to-show', resolve));
    expect(window.visible).toBe(true);
  });

  it('loads the dev server under `electron-vite dev`, but never a page off this machine', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    expect(standIn(createMainWindow()).loadedUrls).toEqual(['http://localhost:5173/']);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://attacker.example/');
    expect(standIn(createMainWindow()).loadedUrls).toEqual(['app://loop-coach/']);
  });
});

describe('src/main/index.ts', () => {
  async function loadEntry(): Promise<void> {
    vi.resetModules();
    await import('../../../../src/main/index');
  }

  it('registers the scheme and the contents lock-down before ready, everything else after, then answers the page', async () => {
    vi.stubEnv('LOOP_COACH_DATA_DIR', tempDir());
    await loadEntry();
    // Before ready: Electron only accepts privileged schemes now, and the first webContents must
    // already meet the lock-down.
    expect(electronMock.privilegedSchemes().map((s) => s.scheme)).toEqual(['app']);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(electronMock.protocolSchemes()).toEqual([]);
    expect(electronMock.ipcChannels()).toEqual([]);
    expect(electronMock.windows()).toEqual([]);

    await electronMock.ready();
    await vi.waitFor(() => expect(electronMock.windows()).toHaveLength(1), { timeout: 10_000 });
    expect(electronMock.errorBoxes()).toEqual([]);
    const [window] = electronMock.windows();
    expect(electronMock.protocolSchemes()).toEqual(['app']);
    expect(electronMock.ipcChannels().sort()).toEqual([...requestChannels].sort());
    expect(window!.loadedUrls).toEqual(['app://loop-coach/']);
    expect(window!.webContents.navigate('https://evil.example/')).toBe(false);
    expect(
      await electronMock.requestPermission('media', { requestingUrl: 'app://loop-coach/', mediaTypes: ['audio'] }),
    ).toBe(true);

    // The page's own request, from the window's main frame, through the real handler.
    expect(await ipcRenderer.invoke('app:info', {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
    app.quit();
    expect(electronMock.quitCalls()).toBe(1);
  });

  it('starts Chromium with speech-dispatcher on Linux (defect 2) and keeps the window’s timers at full rate (defect 5)', async () => {
    vi.stubEnv('LOOP_COACH_DATA_DIR', tempDir());
    await loadEntry();
    await electronMock.ready();
    await vi.waitFor(() => expect(electronMock.windows()).toHaveLength(1), { timeout: 10_000 });
    expect(electronMock.chromiumSwitches()).toEqual(process.platform === 'linux' ? ['--enable-speech-dispatcher'] : []);
    expect(electronMock.windows()[0]!.options.webPreferences!.backgroundThrottling).toBe(false);
    app.quit();
  });

  it('a second launch brings a minimised window back: restored, shown, focused (defect 8)', async () => {
    vi.stubEnv('LOOP_COACH_DATA_DIR', tempDir());
    await loadEntry();
    await electronMock.ready();
    await vi.waitFor(() => expect(electronMock.windows()).toHaveLength(1), { timeout: 10_000 });
    const [window] = electronMock.windows();
    window!.show();
    window!.minimize();
    app.emit('second-instance', {}, ['loop-coach'], process.cwd(), {});
    expect(window!.isMinimized()).toBe(false);
    expect(window!.isVisible()).toBe(true);
    expect(window!.isFocused()).toBe(true);
    app.quit();
  });

  it('shows why it could not start and exits with 1', async () => {
    vi.stubEnv('LOOP_COACH_DATA_DIR', '');
    process.argv.push('--data-dir');
    try {
      await loadEntry();
      await electronMock.ready();
      await vi.waitFor(() => expect(electronMock.exitCode()).toBe(1));
    } finally {
      process.argv.pop();
    }
    expect(electronMock.errorBoxes()).toEqual([
      { title: 'Loop Coach could not start', content: expect.stringContaining('--data-dir needs a folder') },
    ]);
    expect(electronMock.windows()).toEqual([]);
  });

  it('a second instance quits at once and registers nothing', async () => {
    electronMock.singleInstance = false;
    await loadEntry();
    expect(electronMock.quitCalls()).toBe(1);
    await electronMock.ready();
    expect(electronMock.windows()).toEqual([]);
    expect(electronMock.ipcChannels()).toEqual([]);
  });
});
