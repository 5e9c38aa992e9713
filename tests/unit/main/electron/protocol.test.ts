/**
 * The app:// protocol handler under the Electron stand-in, called with the Requests Chromium would
 * send: the page and its assets, client-side routes, recordings with Range, and every way out of
 * the renderer and data folders that an encoded path could try.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../../src/shared/csp';
import { registerAppScheme, serveAppProtocol } from '../../../../src/main/electron/protocol';
import { electronMock } from '../../../support/electron-mock';
import { tempDir, writeFiles } from '../../../support/temp';

vi.mock('electron', () => import('../../../support/electron-mock'));

const secret = 'TOP-SECRET-OUTSIDE-BOTH-FOLDERS';
const audio = Buffer.from(Array.from({ length: 200 }, (_, i) => i));
let rendererDir: string;
let dataDir: string;

beforeEach(async () => {
  electronMock.reset();
  const root = tempDir('loop-coach-protocol-');
  rendererDir = path.join(root, 'renderer');
  dataDir = path.join(root, 'data');
  writeFiles(rendererDir, {
    'index.html': '<!doctype html><title>Loop Coach</title>',
    'assets/index-abc.js': 'console.log("app")',
    'assets/index-abc.css': 'body{}',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'worklets/level-meter.js': 'registerProcessor("x", class {})',
  });
  writeFiles(dataDir, {
    'loop-coach.db': 'SQLite format 3 (not served)',
    'content/mine.yaml': 'kind: loop',
    'recordings/s1/round-01-r1.webm.part': 'still recording',
    'recordings/s1/round-01-r1.peaks': 'peaks',
  });
  fs.writeFileSync(path.join(dataDir, 'recordings/s1/round-01-r1.webm'), audio);
  fs.writeFileSync(path.join(root, 'secret.txt'), secret);
  fs.writeFileSync(path.join(root, 'secret'), secret);
  // A link inside each served folder that points out of it.
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'linked.txt'));
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dataDir, 'recordings/s1/linked.webm'));
  registerAppScheme();
  await electronMock.ready();
  serveAppProtocol(rendererDir, dataDir);
});

const get = (url: string, headers: Record<string, string> = {}) => electronMock.fetch(url, { headers });

describe('registration', () => {
  it('registers app:// as a privileged standard, secure scheme before ready, and handles it after', () => {
    expect(electronMock.privilegedSchemes()).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }),
      },
    ]);
    expect(electronMock.protocolSchemes()).toEqual(['app']);
  });
});

describe('the renderer', () => {
  it.each(['app://loop-coach/', 'app://loop-coach/index.html'])('serves the page at %s with the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Loop Coach</title>');
  });

  it.each(['app://loop-coach/review', 'app://loop-coach/session/3f2a', 'app://loop-coach/progress?range=8w'])(
    'answers the client-side route %s with the page',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Loop Coach</title>');
    },
  );

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['favicon.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['worklets/level-meter.js', 'text/javascript; charset=utf-8', 'registerProcessor("x", class {})'],
  ])('serves %s as %s', async (file, type, body) => {
    const response = await get(`app://loop-coach/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toBe(body);
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await get('app://loop-coach/assets/missing.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<title>Loop Coach</title>');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('recordings under /media/', () => {
  const url = 'app://loop-coach/media/recordings/s1/round-01-r1.webm';

  it('serves a whole recording', async () => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/webm');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('200');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(audio);
  });

  it('serves a byte range with 206', async () => {
    const response = await get(url, { range: 'bytes=10-19' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/200');
    expect(response.headers.get('content-length')).toBe('10');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(audio.subarray(10, 20));
  });

  it('serves an open-ended and a suffix range, as a media element asks', async () => {
    const open = await get(url, { range: 'bytes=150-' });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 150-199/200');
    expect(Buffer.from(await open.arrayBuffer())).toEqual(audio.subarray(150));
    const suffix = await get(url, { range: 'bytes=-5' });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(audio.subarray(195));
  });

  it.each(['bytes=200-', 'bytes=500-600', 'bytes=-0'])('answers the unsatisfiable range %s with 416', async (range) => {
    const response = await get(url, { range });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */200');
    expect(await response.text()).toBe('');
  });

  it('serves stored peaks but not a recording still being written', async () => {
    expect((await get('app://loop-coach/media/recordings/s1/round-01-r1.peaks')).status).toBe(200);
    expect((await get('app://loop-coach/media/recordings/s1/round-01-r1.webm.part')).status).toBe(404);
  });

  // Issue 22, D5: the .part is refused by its parsed name, not by how the request ends.
  it.each([
    'app://loop-coach/media/recordings/s1/round-01-r1.webm.part/',
    'app://loop-coach/media/recordings/s1/round-01-r1.webm.part%2F',
    'app://loop-coach/media/recordings/s1/round-01-r1.webm.par%74/',
    'app://loop-coach/media/recordings/s1/round-01-r1.webm.part%2F.',
  ])('refuses the recording being written at %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('still recording');
  });

  it('refuses a session folder that is a link out of recordings/', async () => {
    const outside = path.join(path.dirname(dataDir), 'elsewhere');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'round-01-r1.webm'), secret);
    fs.symlinkSync(outside, path.join(dataDir, 'recordings', 's2'));
    const response = await get('app://loop-coach/media/recordings/s2/round-01-r1.webm');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(secret);
  });

  it.each([
    'app://loop-coach/media/loop-coach.db',
    'app://loop-coach/media/content/mine.yaml',
    'app://loop-coach/media/',
  ])('serves nothing of the data folder outside recordings/: %s', async (outside) => {
    const response = await get(outside);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SQLite');
  });
});

describe('the way out', () => {
  const attempts = [
    // Percent-encoded slashes and dots survive URL parsing and are decoded by the handler.
    'app://loop-coach/..%2f..%2fsecret.txt',
    'app://loop-coach/..%2f..%2fsecret',
    'app://loop-coach/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://loop-coach/%2e%2e%2f%2e%2e%2fsecret',
    'app://loop-coach/assets/..%2f..%2f..%2fsecret.txt',
    'app://loop-coach/%2F..%2F..%2Fsecret.txt',
    'app://loop-coach/%2Fetc%2Fpasswd',
    // Double encoding must stay a literal name: decoded once, never twice.
    'app://loop-coach/%252e%252e%252f%252e%252e%252fsecret.txt',
    'app://loop-coach/%252e%252e%252f%252e%252e%252fsecret',
    'app://loop-coach/media/recordings/%252e%252e%252f%252e%252e%252f..%252fsecret.txt',
    // Dot segments the URL parser itself resolves.
    'app://loop-coach/%2e%2e/%2e%2e/secret.txt',
    'app://loop-coach/media/recordings/..%2f..%2f..%2fsecret.txt',
    'app://loop-coach/media/recordings/%2e%2e%2f..%2floop-coach.db',
    'app://loop-coach/media/recordings/s1/..%2f..%2f..%2fsecret',
    'app://loop-coach/media/recordings/..%5c..%5c..%5csecret.txt',
    'app://loop-coach/index.html%00.js',
    // Links inside the served folders that point out of them.
    'app://loop-coach/linked.txt',
    'app://loop-coach/media/recordings/s1/linked.webm',
  ];

  it.each(attempts)('%s → 404 and no secret', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain(secret);
    expect(body).not.toContain('SQLite');
    expect(response.status).toBe(404);
  });

  it.each(['app://loop-coach/%E0%A4%A', 'app://loop-coach/media/recordings/s1/%E0%A4%A', 'app://loop-coach/media/%'])(
    'answers the malformed percent-encoding %s with 400 instead of throwing',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(400);
    },
  );

  // (A URL with credentials never reaches a handler: Chromium and the Request constructor drop it.)
  it.each(['app://evil/index.html', 'app://loop-coach.evil/', 'app://loop-coach:8080/', 'app://LOOP-COACH/'])(
    'serves nothing to the unknown host %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<title>Loop Coach</title>');
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await electronMock.fetch('app://loop-coach/index.html', {
      method,
      ...(method === 'OPTIONS' ? {} : { body: 'x' }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.text()).not.toContain('<title>Loop Coach</title>');
  });
});
