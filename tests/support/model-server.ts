/**
 * A local stand-in for a model's host on 127.0.0.1, shaped like Hugging Face: `HEAD /<repo>/resolve/main/<file>`
 * answers 302 with X-Linked-Etag (SHA-256, "LFS" files) or an ETag that is the git blob id (small files),
 * X-Linked-Size and X-Repo-Commit; `GET …/resolve/<rev>/<file>` redirects to `/cdn/<file>`, which serves
 * the bytes with Range support. Per file, a test can make the server cut the connection part-way, ignore
 * Range, stall, answer an HTTP error, compress the body, hide its size or redirect elsewhere; every
 * request is recorded.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { CatalogueEntry, ModelFileRole } from '../../src/shared/contract';

export const REPO_COMMIT = '0123456789abcdef0123456789abcdef01234567';

export type ServedFile = {
  body: Buffer;
  /** Published as an LFS file (X-Linked-Etag = SHA-256) or as a git file (ETag = blob id). */
  lfs?: boolean;
  /** The next GETs of the file send this many bytes and then cut the connection (once per entry). */
  cutAfter?: number[];
  /** Awaited between sending those bytes and the cut (e.g. until the client has stored them). */
  beforeCut?: () => Promise<void>;
  /** Answers every GET with the whole file (200), whatever Range says. */
  ignoreRange?: boolean;
  /** After this many bytes the response stalls until the client goes away. */
  stallAfter?: number;
  /** An HTTP status instead of the file. */
  status?: number;
  /** Publishes this hash instead of the body's (a host that lies, or a corrupt mirror). */
  publishedSha256?: string;
  /** Likewise for a git file's blob id. */
  publishedBlobId?: string;
  /** Sends the bytes gzip-compressed with `Content-Encoding: gzip`, whatever the client asked for. */
  gzip?: boolean;
  /** Publishes no size (no X-Linked-Size) and sends the bytes chunked, without a Content-Length. */
  hideSize?: boolean;
  /** Where the resolve URL's GET redirects (default: this server's /cdn/<file>). */
  location?: string;
};

export type ModelServer = {
  port: number;
  /** The resolve/main URL of a file, as a catalogue names it. */
  url: (name: string) => string;
  files: Record<string, ServedFile>;
  requests: Array<{ method: string; path: string; range: string | null; acceptEncoding: string | null }>;
  close: () => Promise<void>;
};

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const blobId = (body: Buffer) =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
    .digest('hex');

/** Deterministic bytes that look like nothing in particular (a stand-in model file). */
export function fixtureBytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `options.port`: listen on this port (a test that first met a closed port brings the host up there). */
export async function startModelServer(
  files: Record<string, ServedFile>,
  options: { port?: number } = {},
): Promise<ModelServer> {
  const requests: ModelServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const range = typeof req.headers.range === 'string' ? req.headers.range : null;
    const acceptEncoding = typeof req.headers['accept-encoding'] === 'string' ? req.headers['accept-encoding'] : null;
    requests.push({ method: req.method ?? '', path: url.pathname, range, acceptEncoding });
    const resolve = /^\/repo\/resolve\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const cdn = /^\/cdn\/([^/]+)$/.exec(url.pathname);
    const name = decodeURIComponent((resolve?.[2] ?? cdn?.[1]) || '');
    const file = files[name];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    if (file.status) {
      res.writeHead(file.status).end(`status ${file.status}`);
      return;
    }
    if (resolve) {
      const published = file.publishedSha256 ?? sha256(file.body);
      const headers: http.OutgoingHttpHeaders = {
        location: req.method === 'GET' && file.location ? file.location : `/cdn/${encodeURIComponent(name)}`,
        'x-repo-commit': REPO_COMMIT,
      };
      if (file.lfs !== false) {
        headers['x-linked-etag'] = `"${published}"`;
        if (!file.hideSize) headers['x-linked-size'] = String(file.body.length);
        headers.etag = `"${published}"`;
      } else headers.etag = `"${file.publishedBlobId ?? blobId(file.body)}"`;
      // Like Hugging Face: HEAD and GET both redirect; fetch follows the GET's.
      res.writeHead(302, headers).end();
      return;
    }
    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    const start = match && !file.ignoreRange ? Number(match[1]) : 0;
    if (start > file.body.length) {
      res.writeHead(416, { 'content-range': `bytes */${file.body.length}` }).end();
      return;
    }
    if (file.gzip) {
      const packed = gzipSync(file.body);
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(packed.length) });
      return void res.end(req.method === 'HEAD' ? undefined : packed);
    }
    const slice = file.body.subarray(start);
    if (file.hideSize) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      if (req.method === 'HEAD') return void res.end();
      // Chunked: the size is known only by counting.
      for (let at = 0; at < slice.length; at += 16_384) res.write(slice.subarray(at, at + 16_384));
      return void res.end();
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': 'application/octet-stream',
      'content-length': String(slice.length),
      'accept-ranges': file.ignoreRange ? 'none' : 'bytes',
    };
    if (start > 0) headers['content-range'] = `bytes ${start}-${file.body.length - 1}/${file.body.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (req.method === 'HEAD') return void res.end();
    const cut = file.cutAfter?.shift();
    if (cut !== undefined) {
      // A half-close (FIN) after the bytes, not a reset: the client reads every byte sent before the cut, even under load.
      res.write(slice.subarray(0, cut), () => {
        void (file.beforeCut?.() ?? Promise.resolve()).finally(() => req.socket.end());
      });
      return;
    }
    if (file.stallAfter !== undefined) {
      res.write(slice.subarray(0, file.stallAfter));
      return; // never ends: the client cancels
    }
    res.end(slice);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    files,
    requests,
    url: (name) => `http://127.0.0.1:${port}/repo/resolve/main/${encodeURIComponent(name)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A catalogue entry for the served files, in the shape models:list offers. */
export function fixtureEntry(
  server: ModelServer,
  options: { id?: string; pinned?: Record<string, string>; names?: string[] } = {},
): CatalogueEntry {
  const names = options.names ?? Object.keys(server.files);
  const roles: ModelFileRole[] = ['encoder', 'decoder', 'joiner', 'tokens'];
  const pinned = options.pinned;
  return {
    id: options.id ?? 'tiny-fixture',
    title: 'Tiny fixture model',
    family: 'transducer' as const,
    licence: 'Apache-2.0',
    sizeBytes: names.reduce((a, n) => a + server.files[n]!.body.length, 0),
    languages: ['en'],
    timestamps: 'token' as const,
    hesitations: true,
    summary: 'A few small files served from this machine.',
    recommended: false,
    checksumSource: pinned ? ('pinned' as const) : ('host' as const),
    files: names.map((name, i) => ({
      role: roles[i]!,
      name,
      url: server.url(name),
      sha256: pinned ? (pinned[name] ?? sha256(server.files[name]!.body)) : null,
      bytes: pinned ? server.files[name]!.body.length : null,
    })),
  };
}
