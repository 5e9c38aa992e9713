/**
 * Opening the browser without the access token on any command line (issue 22, D6): the server opens
 * the browser with a one-time code (single use, a minute, random) that it exchanges for the session
 * cookie. The real `npm run web` with an injected opener (an xdg-open first on PATH that records how
 * it was called), and the code's rules on an injected clock.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import { OPEN_CODE_TTL_MS, startWebServer, type WebServer } from '../../../../src/main/web/server';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';
import { makeDataDir, startServer, type RunningServer } from '../../../support/web-server';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(origin: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${pathAndQuery}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

const cookieOf = (reply: Reply) => reply.headers['set-cookie']![0]!.split(';')[0]!;

let running: RunningServer | null = null;
let server: WebServer | null = null;
let app: LoopCoach | null = null;
afterEach(async () => {
  await running?.stop();
  await server?.close();
  app?.close();
  running = server = app = null;
});

describe.skipIf(process.platform !== 'linux')('npm run web opens the browser without the token', () => {
  it("the opener's command line holds a one-time code, not the token; the code works once", async () => {
    const bin = tempDir('opener-');
    const record = path.join(bin, 'opened.txt');
    // Records its own command line as the kernel shows it to every user (/proc/<pid>/cmdline).
    fs.writeFileSync(
      path.join(bin, 'xdg-open'),
      `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline > "${record}.tmp"\nmv "${record}.tmp" "${record}"\n`,
      {
        mode: 0o755,
      },
    );
    running = await startServer(makeDataDir('loop-coach-open-'), [], {
      openBrowser: true,
      env: { PATH: `${bin}:${process.env.PATH}` },
    });
    await expect.poll(() => fs.existsSync(record), { timeout: 10_000 }).toBe(true);
    const commandLine = fs.readFileSync(record, 'utf8');
    expect(commandLine).toContain(`${running.origin}/?code=`);
    expect(commandLine).not.toContain(running.token);
    expect(commandLine).not.toContain('token');
    // Nor does the server's own command line.
    const own = fs.readFileSync(`/proc/${running.process.pid}/cmdline`, 'utf8');
    expect(own).not.toContain(running.token);

    const opened = /(\/\?code=[\w-]+)/.exec(commandLine)![1]!;
    const first = await get(running.origin, opened, { accept: 'text/html' });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const page = await get(running.origin, '/', { cookie: cookieOf(first) });
    expect(page.status).toBe(200);
    // The same address again (another local user who read it from the command line): refused.
    const again = await get(running.origin, opened, { accept: 'text/html' });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('That one-time address was already used or has expired.');
    expect(again.body).toContain('--new-token');
  });
});

describe('one-time open codes', () => {
  async function start(clock: { now: number }) {
    const rendererDir = tempDir('renderer-');
    writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Loop Coach</title>' });
    app = await createLoopCoach({
      dataDir: tempDir(),
      builtinContentDir,
      migrationsDir,
      transport: 'web',
      version: 't',
    });
    server = await startWebServer({ app, rendererDir, port: 0, now: () => clock.now });
    return server;
  }

  it('each is random, carries nothing of the token, and is exchanged for the session cookie once', async () => {
    const clock = { now: 1_000_000 };
    const s = await start(clock);
    const urls = [s.openUrl(), s.openUrl(), s.openUrl()];
    expect(new Set(urls).size).toBe(3);
    for (const url of urls) {
      expect(url).toMatch(new RegExp(`^${s.origin}/\\?code=[\\w-]{22}$`));
      expect(url).not.toContain(s.token);
    }
    const path0 = urls[0]!.slice(s.origin.length);
    const first = await get(s.origin, path0);
    expect(first.status).toBe(302);
    expect(first.headers['set-cookie']![0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await get(s.origin, '/', { cookie: cookieOf(first) })).status).toBe(200);
    expect((await get(s.origin, path0)).status).toBe(401);
    // The others are still good, once each.
    expect((await get(s.origin, urls[1]!.slice(s.origin.length))).status).toBe(302);
    expect((await get(s.origin, urls[1]!.slice(s.origin.length))).status).toBe(401);
  });

  it('expires after a minute, and a made-up code is refused', async () => {
    const clock = { now: 1_000_000 };
    const s = await start(clock);
    const late = s.openUrl().slice(s.origin.length);
    const inTime = s.openUrl().slice(s.origin.length);
    clock.now += OPEN_CODE_TTL_MS - 1;
    expect((await get(s.origin, inTime)).status).toBe(302);
    clock.now += 1;
    const refused = await get(s.origin, late, { accept: 'text/html' });
    expect(refused.status).toBe(401);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect((await get(s.origin, `/?code=${'A'.repeat(22)}`)).status).toBe(401);
    expect((await get(s.origin, '/?code=')).status).toBe(401);
    // The printed token address still works (and keeps working).
    expect((await get(s.origin, `/?token=${s.token}`)).status).toBe(302);
  });
});
