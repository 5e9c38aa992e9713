/**
 * The one rule for "is this our page", under Node's URL (which Electron's main process uses, and
 * which gives every app:// URL the origin "null").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../../src/main/electron/origin';

afterEach(() => vi.unstubAllEnvs());

const ours = [
  'app://loop-coach/',
  'app://loop-coach/index.html',
  'app://loop-coach/review/3?tab=marks#top',
  'app://loop-coach/media/recordings/s/round-01.webm',
  // Chromium's origin string for our standard scheme, as permission checks pass it.
  'app://loop-coach',
];

const foreign = [
  'app://evil/',
  'app://loop-coach.evil/',
  'app://loop-coach:8080/',
  'app://user@loop-coach/',
  'app://LOOP-COACH/',
  'apps://loop-coach/',
  'file:///home/user/out/renderer/index.html',
  'file://loop-coach/index.html',
  'devtools://devtools/bundled/devtools_app.html',
  'chrome://settings/',
  'https://loop-coach/',
  'http://loop-coach/',
  'https://example.com/',
  'http://localhost:5173/',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<h1>hi</h1>',
  'javascript:alert(1)',
  'null',
  '',
  'app:',
  'app://',
  '://loop-coach/',
  'not a url',
];

describe('isAppUrl', () => {
  it.each(ours)('accepts the app page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(foreign)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  describe('under `electron-vite dev` (ELECTRON_RENDERER_URL set)', () => {
    it('accepts the dev server and still the app scheme', () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
      expect(isAppUrl('http://localhost:5173/')).toBe(true);
      expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1')).toBe(true);
      expect(isAppUrl('http://localhost:5173')).toBe(true);
      expect(isAppUrl('app://loop-coach/index.html')).toBe(true);
    });

    it('refuses other ports, hosts and schemes next to the dev server', () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
      for (const url of [
        'http://localhost:5174/',
        'https://localhost:5173/',
        'http://127.0.0.1:5173/',
        'http://localhost.evil:5173/',
        'ws://localhost:5173/',
        'app://evil/',
        'about:blank',
      ]) {
        expect(isAppUrl(url), url).toBe(false);
      }
    });

    it('ignores a dev server address that is not on this machine', () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'https://attacker.example/');
      expect(isAppUrl('https://attacker.example/')).toBe(false);
      expect(isAppUrl('app://loop-coach/')).toBe(true);
    });

    it('ignores a malformed dev server address', () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'localhost:5173 oops');
      expect(isAppUrl('app://loop-coach/')).toBe(true);
      expect(isAppUrl('http://localhost:5173/')).toBe(false);
    });
  });
});
