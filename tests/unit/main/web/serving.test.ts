/**
 * Browser mode's file serving under attack (issue 22: D4, D5 and malformed %-encoding), against the
 * real server started as `npm run web` starts it: links planted in recordings/ pointing out of the
 * data folder, a recording still being written asked for by a name that is not its own, and
 * malformed percent-encoding on every route. The app:// handler's side is in electron-protocol.test.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir, startServer, type RunningServer } from '../../../support/web-server';

const secret = 'TOP-SECRET-OUTSIDE-THE-DATA-FOLDER';
const writing = 'BYTES-OF-A-ROUND-STILL-BEING-WRITTEN';
const audio = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
let server: RunningServer;
let outside: string;

beforeAll(async () => {
  const dataDir = makeDataDir('loop-coach-serving-');
  outside = makeDataDir('loop-coach-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), secret);
  fs.writeFileSync(path.join(outside, 'round-01-R.webm'), secret);
  const session = path.join(dataDir, 'recordings', 'S');
  fs.mkdirSync(session, { recursive: true });
  fs.writeFileSync(path.join(session, 'round-01-R.webm'), audio);
  fs.writeFileSync(path.join(session, 'round-02-P.webm.part'), writing);
  // The reproduction, and the same link at a recording's own name and as a session folder.
  fs.symlinkSync('/etc/passwd', path.join(dataDir, 'recordings', 'x.webm'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(session, 'round-03-L.webm'));
  fs.symlinkSync(outside, path.join(dataDir, 'recordings', 'L'));
  server = await startServer(dataDir);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function get(rawPath: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.origin);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: rawPath,
        headers: {
          'x-loop-coach-token': server.token,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('latin1') }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('browser mode serves recordings and nothing else', () => {
  it('serves a finished recording', async () => {
    const reply = await get('/media/recordings/S/round-01-R.webm');
    expect(reply.status).toBe(200);
    expect(Buffer.from(reply.body, 'latin1').equals(audio)).toBe(true);
  });

  it.each([
    // D4: a link in recordings/ to a file outside the data folder.
    '/media/recordings/x.webm',
    '/media/recordings/S/round-03-L.webm',
    '/media/recordings/L/round-01-R.webm',
  ])('refuses the link %s (its real path is outside)', async (url) => {
    const reply = await get(url);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(secret);
    expect(reply.body).not.toContain('root:');
  });

  it.each([
    // D5: the .part is refused by its name, not by how the request happens to end.
    '/media/recordings/S/round-02-P.webm.part',
    '/media/recordings/S/round-02-P.webm.part/',
    '/media/recordings/S/round-02-P.webm.part%2F',
    '/media/recordings/S/round-02-P.webm.par%74/',
    '/media/recordings/S/round-02-P.webm.part%00',
  ])('refuses the recording being written at %s', async (url) => {
    const reply = await get(url);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(writing);
  });

  it.each([
    ['GET', '/%E0%A4%A'],
    ['GET', '/assets/%E0%A4%A.js'],
    ['GET', '/media/recordings/S/%E0%A4%A'],
    ['GET', '/media/%'],
    ['POST', '/api/%E0%A4%A'],
    ['GET', '/api/%ZZ'],
  ])('answers the malformed percent-encoding %s %s with 400, and logs no stack trace', async (method, url) => {
    const before = server.output().length;
    const reply = await get(url, method);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/not valid percent-encoding/);
    const logged = server.output().slice(before);
    expect(logged).not.toMatch(/URIError|at decodeURIComponent|Internal error/);
  });
});
