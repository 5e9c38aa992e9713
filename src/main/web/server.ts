/**
 * Browser mode's transport: a Node HTTP server on 127.0.0.1 serving the built renderer and the same
 * contract as Electron IPC. Every request needs the access token (cookie set from the printed URL,
 * or the x-loop-coach-token header); the Host header must be loopback (no DNS rebinding). The CLI
 * passes the data folder's token (token.ts) so open tabs survive a restart; without one, a random
 * token per start. A tab without access gets a styled page (accessPage) saying how to get back in.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/csp';
import type { LoopCoach } from '../services/app';
import { dispatch } from '../services/infra/dispatch';
import type { FileResponse } from '../services/infra/file-response';
import { decodePath, isMediaPath, servedFile } from '../services/infra/served-file';
import { binaryQueryFields, isBinaryChannel, type BinaryChannel } from '../../shared/channels';
import { MAX_CHUNK_BYTES, MAX_LIVE_FRAME_SAMPLES } from '../../shared/contract';
import { accessPage } from './access-page';

export type WebServerOptions = {
  /**
   * The services, or their promise: the CLI starts serving the renderer's files while the database
   * opens and the content loads, and API and media requests wait for them (the page's first screen
   * then downloads and parses its code in parallel).
   */
  app: LoopCoach | Promise<LoopCoach>;
  rendererDir: string;
  port: number;
  token?: string;
  /** The clock (epoch ms) one-time open codes expire by. */
  now?: () => number;
};

export type WebServer = {
  /** The address with the access token, printed for the user (never put on a command line). */
  url: string;
  origin: string;
  port: number;
  token: string;
  /**
   * A fresh address for the browser the server opens itself: a one-time code instead of the token
   * (single use, OPEN_CODE_TTL_MS, 128 random bits), because a command line is readable by every local
   * user. docs/security.md, "Opening the browser".
   */
  openUrl: () => string;
  close: () => Promise<void>;
};

export const OPEN_CODE_TTL_MS = 60_000;
const MAX_JSON_BODY = 1024 * 1024;
const MAX_BINARY_BODY: Record<BinaryChannel, number> = {
  'recording:chunk': MAX_CHUNK_BYTES,
  'live:frames': MAX_LIVE_FRAME_SAMPLES * 2,
};
const TOKEN_HEADER = 'x-loop-coach-token';

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const appReady = Promise.resolve(options.app);
  const expected = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  const now = options.now ?? Date.now;
  /** One-time open codes → when each expires. */
  const openCodes = new Map<string, number>();
  let port = options.port;
  const cookieName = () => `loop_coach_token_${port}`;

  const tokenMatches = (candidate: string | undefined | null) => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const authorised = (req: http.IncomingMessage) => {
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string' && tokenMatches(header)) return true;
    const cookies = parseCookies(req.headers.cookie);
    return tokenMatches(cookies[cookieName()]);
  };

  const server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendText(res, 403, 'Loop Coach only answers on its loopback address.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendText(res, 403, 'Cross-origin requests are refused.');
    }
    // The printed URL carries the token once (the opened one a one-time code instead); either becomes
    // an HttpOnly cookie and the URL is cleaned.
    const queryToken = url.searchParams.get('token');
    const queryCode = url.searchParams.get('code');
    if (req.method === 'GET' && url.pathname === '/' && (queryToken !== null || queryCode !== null)) {
      if (queryToken !== null && !tokenMatches(queryToken)) {
        return sendAccessPage(res, 'That address carries an access token this run does not accept.', port);
      }
      if (queryToken === null) {
        const expires = openCodes.get(queryCode!);
        // Single use: gone the moment it is presented, valid or late.
        openCodes.delete(queryCode!);
        if (expires === undefined || now() >= expires) {
          return sendAccessPage(
            res,
            'That one-time address was already used or has expired.',
            port,
            'The address Loop Coach opens for you works once, for a minute. If this tab did not use it already, something else on this computer may have: start the server again with --new-token.',
          );
        }
      }
      res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(302, { Location: '/' });
      return res.end();
    }
    if (!authorised(req)) {
      // A page load (a stale tab, a bookmark) gets a page in the app's look; API calls get text.
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
        return sendAccessPage(res, "This tab's access to Loop Coach has expired.", port);
      }
      return sendText(res, 401, "Open the address that `npm run web` printed: it carries this run's access token.");
    }
    void route(req, res, url).catch((error: unknown) => {
      console.error('[loop-coach web]', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (url.pathname.startsWith('/api/')) {
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null) return sendText(res, 400, 'The address is not valid percent-encoding.');
      if (channel === 'events' && req.method === 'GET') return openEventStream(res);
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for contract requests.');
      if (isBinaryChannel(channel)) {
        // Raw audio bytes in the body; the small fields in the query string.
        if (req.headers['content-type'] !== 'application/octet-stream') {
          return sendText(res, 415, `${channel} takes application/octet-stream.`);
        }
        let data: Buffer;
        try {
          data = await readBody(req, MAX_BINARY_BODY[channel]);
        } catch (error) {
          return sendJson(res, 413, { ok: false, error: { code: 'bad-input', message: (error as Error).message } });
        }
        const input = binaryInput(channel, url.searchParams, data);
        return sendJson(res, 200, await dispatch((await appReady).handlers, channel, input));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendText(res, 415, 'Contract requests must be application/json.');
      }
      let body: unknown;
      try {
        const raw = await readBody(req, MAX_JSON_BODY);
        body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch (error) {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: (error as Error).message } });
      }
      const result = await dispatch((await appReady).handlers, channel, body);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    // Files are answered without reading the request; drop any body so keep-alive stays in step.
    req.resume();
    // The same rule as Electron's app:// handler (services/infra/served-file.ts).
    const decoded = decodePath(url.pathname);
    const dataDir = decoded !== null && isMediaPath(decoded) ? (await appReady).paths.dataDir : null;
    const response = servedFile({ rendererDir: options.rendererDir, dataDir }, url.pathname, req.headers.range);
    if (response.status === 400) return sendText(res, 400, 'The address is not valid percent-encoding.');
    return sendFile(res, response, req.method === 'HEAD');
  }

  function openEventStream(res: http.ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }
  let unsubscribe = () => {};
  let closed = false;
  appReady.then(
    (app) => {
      if (closed) return;
      unsubscribe = app.events.subscribe((channel, payload) => {
        const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
        for (const client of sseClients) client.write(frame);
      });
    },
    // Whoever made the promise reports the failure; API requests answer with an error meanwhile.
    () => undefined,
  );
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    openUrl: () => {
      const at = now();
      for (const [code, expires] of openCodes) if (at >= expires) openCodes.delete(code);
      const code = randomBytes(16).toString('base64url');
      openCodes.set(code, at + OPEN_CODE_TTL_MS);
      return `${origin}/?code=${code}`;
    },
    close: async () => {
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A binary request's input: the body as `data`, the other fields from the query (the contract's zod schema checks them all). */
function binaryInput(channel: BinaryChannel, query: URLSearchParams, body: Buffer): Record<string, unknown> {
  const input: Record<string, unknown> = { data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  for (const [name, kind] of Object.entries(binaryQueryFields[channel])) {
    const value = query.get(name);
    if (kind === 'bytes') input[name] = new Uint8Array(Buffer.from(value ?? '', 'base64url'));
    else if (value !== null) input[name] = kind === 'number' ? Number(value) : value;
  }
  return input;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`Request body is larger than ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  // Discard any unread request body so the client is not reset mid-upload by an early answer.
  res.req.resume();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function sendAccessPage(res: http.ServerResponse, headline: string, port: number, note?: string): void {
  res.req.resume();
  res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(accessPage(headline, port, note));
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function sendFile(res: http.ServerResponse, response: FileResponse, headOnly: boolean): void {
  if (response.status === 404) return sendText(res, 404, 'Not found.');
  res.writeHead(response.status, response.headers);
  if (!response.body || headOnly) {
    response.body?.destroy();
    res.end();
    return;
  }
  response.body.pipe(res);
  res.on('close', () => response.body?.destroy());
}
