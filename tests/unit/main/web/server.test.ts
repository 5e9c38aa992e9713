import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../src/shared/csp';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import { dispatch } from '../../../../src/main/services/infra/dispatch';
import { startWebServer, type WebServer } from '../../../../src/main/web/server';
import { loadOrCreateToken, TOKEN_FILE } from '../../../../src/main/web/token';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let app: LoopCoach | null = null;
let server: WebServer | null = null;

async function start(options: { dataDir?: string; port?: number; token?: string } = {}): Promise<WebServer> {
  const rendererDir = tempDir('renderer-');
  writeFiles(rendererDir, {
    'index.html': '<!doctype html><title>Loop Coach</title>',
    'assets/app.js': 'console.log(1)',
    'media.wav': 'RIFF0123456789',
  });
  app = await createLoopCoach({
    dataDir: options.dataDir ?? tempDir(),
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: 'test',
  });
  server = await startWebServer({ app, rendererDir, port: options.port ?? 0, token: options.token });
  return server;
}

afterEach(async () => {
  await server?.close();
  app?.close();
  server = null;
  app = null;
});

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token ? { 'x-loop-coach-token': token } : {}),
});

describe('browser-mode server', () => {
  it('binds to loopback only and prints a URL carrying the token', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[\\w-]{43}$`));
  });

  it('answers a contract request without the token, or with a wrong one, with 401', async () => {
    const s = await start();
    expect(
      (await request(s.port, { method: 'POST', path: '/api/library:list', headers: json(), body: '{}' })).status,
    ).toBe(401);
    expect(
      (await request(s.port, { method: 'POST', path: '/api/library:list', headers: json('x'.repeat(43)), body: '{}' }))
        .status,
    ).toBe(401);
    expect((await request(s.port, { method: 'GET', path: '/' })).status).toBe(401);
    expect((await request(s.port, { method: 'GET', path: '/?token=wrong' })).status).toBe(401);
    const ok = await request(s.port, { method: 'POST', path: '/api/library:list', headers: json(s.token), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value.items.length).toBeGreaterThan(20);
  });

  it('turns the URL token into an HttpOnly SameSite cookie that then authorises requests', async () => {
    const s = await start();
    const first = await request(s.port, { path: `/?token=${s.token}` });
    expect(first.status).toBe(302);
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(s.port, { path: '/', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Loop Coach</title>');
  });

  it('a tab without access gets a styled page (no script, the CSP) that says how to get back in', async () => {
    const s = await start();
    for (const path of ['/', '/session', `/?token=${'y'.repeat(43)}`]) {
      const reply = await request(s.port, { path, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(reply.body).toMatch(/<h1>(This tab&#39;s access to Loop Coach has expired\.|That address carries)/);
      expect(reply.body).toContain('<code>npm run web</code>');
      expect(reply.body).toContain(`http://127.0.0.1:${s.port}/?token=`);
      expect(reply.body).toContain('prefers-color-scheme: dark');
      expect(reply.body).not.toMatch(/<script|\son\w+=/i);
    }
    // API calls keep a short text answer.
    const api = await request(s.port, { method: 'POST', path: '/api/app:info', headers: json(), body: '{}' });
    expect(api.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('keeps the access token in the data folder (0600) so a restart on the same port lets the open tab back in', async () => {
    const dataDir = tempDir();
    const first = loadOrCreateToken(dataDir);
    expect(first.source).toBe('created');
    const file = path.join(dataDir, TOKEN_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const s = await start({ dataDir, token: first.token });
    const cookie = (await request(s.port, { path: `/?token=${first.token}` })).headers['set-cookie']![0]!.split(
      ';',
    )[0]!;
    const port = s.port;
    await server!.close();
    app!.close();
    // The restart reads the same token, so the tab's cookie still works on the same port.
    const again = loadOrCreateToken(dataDir);
    expect(again).toEqual({ token: first.token, source: 'reused' });
    await start({ dataDir, port, token: again.token });
    const page = await request(port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    // Rotation, and a file others can read, both make a new token: the old tab is locked out.
    const rotated = loadOrCreateToken(dataDir, { rotate: true });
    expect(rotated.source).toBe('rotated');
    expect(rotated.token).not.toBe(first.token);
    fs.chmodSync(file, 0o644);
    const replaced = loadOrCreateToken(dataDir);
    expect(replaced.source).toBe('rotated');
    expect(replaced.token).not.toBe(rotated.token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('recording:chunk over HTTP is positional: the byte offset in the query reaches the service', async () => {
    const s = await start();
    const session = await dispatch(app!.handlers, 'session:start', {
      source: { type: 'item', id: 'loop-rag-experiment' },
    });
    const begun = await dispatch(app!.handlers, 'round:begin', {
      sessionId: (session as { value: { id: string } }).value.id,
      roundIndex: 0,
      mimeType: 'audio/webm',
    });
    const recordingId = (begun as { value: { recording: { id: string } } }).value.recording.id;
    const send = (seq: number, offset: number) =>
      request(s.port, {
        method: 'POST',
        path: `/api/recording:chunk?recordingId=${recordingId}&seq=${seq}&offset=${offset}&peaks=`,
        headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': s.token },
        body: 'abcd',
      });
    expect(JSON.parse((await send(0, 0)).body)).toEqual({ ok: true, value: { bytes: 4, chunks: 1 } });
    expect(JSON.parse((await send(1, 9)).body)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/starts at byte 9, but the recording holds 4 bytes/) },
    });
  });

  it('sends the CSP on every response, 401s included', async () => {
    const s = await start();
    for (const reply of [
      await request(s.port, { path: '/' }),
      await request(s.port, { path: '/', headers: { 'x-loop-coach-token': s.token } }),
      await request(s.port, { method: 'POST', path: '/api/app:info', headers: json(s.token), body: '{}' }),
    ]) {
      expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site requests)', async () => {
    const s = await start();
    expect(
      (await request(s.port, { path: '/', headers: { host: 'evil.example', 'x-loop-coach-token': s.token } })).status,
    ).toBe(403);
    expect(
      (
        await request(s.port, {
          method: 'POST',
          path: '/api/app:info',
          headers: { ...json(s.token), origin: 'https://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
  });

  it('parses contract input with zod and reports bad JSON, wrong methods and unknown channels', async () => {
    const s = await start();
    const bad = await request(s.port, {
      method: 'POST',
      path: '/api/library:item',
      headers: json(s.token),
      body: '{"id":"../../x"}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const notJson = await request(s.port, { method: 'POST', path: '/api/app:info', headers: json(s.token), body: '{' });
    expect(notJson.status).toBe(400);
    expect(
      (await request(s.port, { method: 'GET', path: '/api/app:info', headers: { 'x-loop-coach-token': s.token } }))
        .status,
    ).toBe(405);
    const unknown = await request(s.port, {
      method: 'POST',
      path: '/api/shell:exec',
      headers: json(s.token),
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const huge = await request(s.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: json(s.token),
      body: `{"x":"${'a'.repeat(1_100_000)}"}`,
    }).catch(() => null);
    expect(huge === null || huge.status === 400).toBe(true);
  });

  it('serves files with HTTP Range support and never outside the renderer folder', async () => {
    const s = await start();
    const auth = { 'x-loop-coach-token': s.token };
    const part = await request(s.port, { path: '/media.wav', headers: { ...auth, range: 'bytes=4-7' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 4-7/14');
    expect(part.body).toBe('0123');
    const tail = await request(s.port, { path: '/media.wav', headers: { ...auth, range: 'bytes=-4' } });
    expect(tail.body).toBe('6789');
    expect((await request(s.port, { path: '/media.wav', headers: { ...auth, range: 'bytes=99-' } })).status).toBe(416);
    expect((await request(s.port, { path: '/media.wav', headers: auth })).headers['accept-ranges']).toBe('bytes');
    const secret = path.join(path.dirname(app!.paths.dataDir), 'secret.txt');
    fs.writeFileSync(secret, 'secret');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt']) {
      const reply = await request(s.port, { path: p, headers: auth });
      expect(reply.body).not.toContain('secret');
    }
    fs.rmSync(secret);
  });

  it('streams events to the page', async () => {
    const s = await start();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: s.port, path: '/api/events', headers: { 'x-loop-coach-token': s.token } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
            if (body.includes('connected') && !body.includes('library:changed'))
              void app!.handlers['library:reload']({});
            if (body.includes('library:changed')) {
              req.destroy();
              resolve(body);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toContain('event: library:changed\ndata: {"problems":0}');
  });
});

describe('content security policy', () => {
  it("the renderer's meta tag carries the same policy as the headers (less frame-ancestors, which meta cannot set)", () => {
    const html = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = contentSecurityPolicy
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });
});

describe('starting before the services are ready', () => {
  it("serves the renderer's files at once and answers API requests once the services are up", async () => {
    const rendererDir = tempDir('renderer-');
    writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Loop Coach</title>', 'assets/app.js': 'x' });
    let ready!: (coach: LoopCoach) => void;
    const starting = new Promise<LoopCoach>((resolve) => (ready = resolve));
    server = await startWebServer({ app: starting, rendererDir, port: 0, token: 'early-token' });
    const headers = { 'x-loop-coach-token': 'early-token' };
    const page = await request(server.port, { path: '/assets/app.js', headers });
    expect(page).toMatchObject({ status: 200, body: 'x' });

    const order: string[] = [];
    const info = request(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    }).then((reply) => {
      order.push('api answered');
      return reply;
    });
    // The file request above was answered while the services were still starting; now they start.
    app = await createLoopCoach({
      dataDir: tempDir(),
      builtinContentDir,
      migrationsDir,
      transport: 'web',
      version: 'early',
    });
    order.push('services ready');
    ready(app);
    const reply = await info;
    expect(order).toEqual(['services ready', 'api answered']);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: 'early', transport: 'web' } });
  });
});
