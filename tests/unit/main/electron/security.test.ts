/**
 * Session and webContents lock-down under the Electron stand-in: the permission handlers called as
 * Chromium calls them (request and check agree, case by case), navigation, redirects, webviews and
 * new windows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockDownContents, lockDownSession } from '../../../../src/main/electron/security';
import { BrowserWindow, electronMock } from '../../../support/electron-mock';

vi.mock('electron', () => import('../../../support/electron-mock'));

beforeEach(async () => {
  electronMock.reset();
  lockDownContents();
  await electronMock.ready();
  lockDownSession();
});

afterEach(() => vi.unstubAllEnvs());

type Case = {
  what: string;
  permission: string;
  /** The requesting frame's URL, and the origin Chromium reports for it. */
  url: string;
  origin: string;
  mediaTypes?: ('audio' | 'video')[];
  isMainFrame?: boolean;
  granted: boolean;
};

const app = { url: 'app://loop-coach/', origin: 'app://loop-coach' };
const cases: Case[] = [
  { what: 'the microphone for the app page', permission: 'media', ...app, mediaTypes: ['audio'], granted: true },
  {
    what: 'the microphone for an app route',
    permission: 'media',
    url: 'app://loop-coach/session?round=2',
    origin: 'app://loop-coach',
    mediaTypes: ['audio'],
    granted: true,
  },
  { what: 'the camera', permission: 'media', ...app, mediaTypes: ['video'], granted: false },
  {
    what: 'microphone and camera together',
    permission: 'media',
    ...app,
    mediaTypes: ['audio', 'video'],
    granted: false,
  },
  { what: 'media with no type', permission: 'media', ...app, mediaTypes: [], granted: false },
  { what: 'screen capture', permission: 'display-capture', ...app, mediaTypes: ['video'], granted: false },
  { what: 'screen capture with audio', permission: 'display-capture', ...app, mediaTypes: ['audio'], granted: false },
  { what: 'geolocation', permission: 'geolocation', ...app, granted: false },
  { what: 'notifications', permission: 'notifications', ...app, granted: false },
  { what: 'clipboard reads', permission: 'clipboard-read', ...app, granted: false },
  { what: 'MIDI', permission: 'midi', ...app, granted: false },
  { what: 'opening external links', permission: 'openExternal', ...app, granted: false },
  { what: 'fullscreen', permission: 'fullscreen', ...app, granted: false },
  {
    what: 'the microphone for a subframe of the app page',
    permission: 'media',
    ...app,
    mediaTypes: ['audio'],
    isMainFrame: false,
    granted: false,
  },
  {
    what: 'the microphone for a foreign https page',
    permission: 'media',
    url: 'https://evil.example/',
    origin: 'https://evil.example',
    mediaTypes: ['audio'],
    granted: false,
  },
  {
    what: 'the microphone for another app:// host',
    permission: 'media',
    url: 'app://evil/',
    origin: 'app://evil',
    mediaTypes: ['audio'],
    granted: false,
  },
  {
    what: 'the microphone for a file:// page',
    permission: 'media',
    url: 'file:///tmp/index.html',
    origin: 'file://',
    mediaTypes: ['audio'],
    granted: false,
  },
  {
    what: 'the microphone for devtools',
    permission: 'media',
    url: 'devtools://devtools/bundled/devtools_app.html',
    origin: 'devtools://devtools',
    mediaTypes: ['audio'],
    granted: false,
  },
  {
    what: 'the microphone for about:blank',
    permission: 'media',
    url: 'about:blank',
    origin: 'null',
    mediaTypes: ['audio'],
    granted: false,
  },
];

function request(c: Case): Promise<boolean> {
  return electronMock.requestPermission(c.permission, {
    requestingUrl: c.url,
    isMainFrame: c.isMainFrame ?? true,
    ...(c.mediaTypes ? { mediaTypes: c.mediaTypes } : {}),
  });
}

/** The check handler is asked once per media type; no type for other permissions. */
function check(c: Case): boolean {
  const types: ('audio' | 'video' | undefined)[] = c.mediaTypes ?? [undefined];
  if (types.length === 0) types.push('unknown' as never);
  return types.every((mediaType) =>
    electronMock.checkPermission(c.permission, c.origin, {
      requestingUrl: c.url,
      securityOrigin: c.origin,
      isMainFrame: c.isMainFrame ?? true,
      ...(mediaType ? { mediaType } : {}),
    }),
  );
}

describe('permissions', () => {
  it.each(cases)('request: $what → granted $granted', async (c) => {
    expect(await request(c)).toBe(c.granted);
  });

  it.each(cases)('check agrees with request: $what → $granted', async (c) => {
    expect(check(c)).toBe(c.granted);
    expect(check(c)).toBe(await request(c));
  });

  it('the check handler refuses an unknown media type even for the app page', () => {
    expect(electronMock.checkPermission('media', app.origin, { mediaType: 'unknown', isMainFrame: true })).toBe(false);
  });

  it('grants the microphone to the dev server page under `electron-vite dev`, and only to it', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const dev = { permission: 'media', mediaTypes: ['audio'] as 'audio'[], what: 'dev' };
    expect(
      await request({ ...dev, url: 'http://localhost:5173/', origin: 'http://localhost:5173', granted: true }),
    ).toBe(true);
    expect(check({ ...dev, url: 'http://localhost:5173/', origin: 'http://localhost:5173', granted: true })).toBe(true);
    expect(
      await request({ ...dev, url: 'http://localhost:5174/', origin: 'http://localhost:5174', granted: false }),
    ).toBe(false);
    expect(check({ ...dev, url: 'http://localhost:5174/', origin: 'http://localhost:5174', granted: false })).toBe(
      false,
    );
  });

  it('denies every HID, serial and USB device', () => {
    expect(electronMock.hasDevicePermissionHandler()).toBe(true);
    for (const type of ['hid', 'serial', 'usb'] as const) {
      expect(electronMock.checkDevicePermission(type, app.origin)).toBe(false);
    }
  });
});

describe('navigation, webviews and new windows', () => {
  const inApp = ['app://loop-coach/', 'app://loop-coach/index.html', 'app://loop-coach/review?round=1'];
  const outside = [
    'https://evil.example/',
    'http://localhost:5173/',
    'app://evil/',
    'file:///etc/passwd',
    'devtools://devtools/bundled/devtools_app.html',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,hi',
  ];

  it.each(inApp)('lets the app navigate within itself: %s', (url) => {
    const window = new BrowserWindow({});
    expect(window.webContents.navigate(url)).toBe(true);
    expect(window.webContents.redirect(url)).toBe(true);
  });

  it.each(outside)('blocks navigation and redirects to %s', (url) => {
    const window = new BrowserWindow({});
    void window.loadURL('app://loop-coach/');
    expect(window.webContents.navigate(url)).toBe(false);
    expect(window.webContents.redirect(url)).toBe(false);
    expect(window.webContents.getURL()).toBe('app://loop-coach/');
  });

  it.each([...inApp, ...outside])('opens no new window, not even for %s', (url) => {
    const window = new BrowserWindow({});
    expect(window.webContents.openWindow(url)).toEqual({ action: 'deny' });
    expect(window.webContents.openWindow(url, 'foreground-tab')).toEqual({ action: 'deny' });
  });

  it('refuses every <webview>', () => {
    const window = new BrowserWindow({});
    expect(window.webContents.attachWebview('app://loop-coach/')).toBe(false);
    expect(window.webContents.attachWebview('https://evil.example/')).toBe(false);
  });

  it('locks down every webContents, not only the main window', () => {
    const first = new BrowserWindow({});
    const second = new BrowserWindow({});
    for (const contents of [first.webContents, second.webContents]) {
      expect(contents.navigate('https://evil.example/')).toBe(false);
      expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    }
  });
});
