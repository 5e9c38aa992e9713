/**
 * app://loop-coach serves the built renderer and, under /media/, files from the data folder's
 * recordings, with Range support so audio can seek. Never file://.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { fileResponse } from '../services/file-response';
import { insideRoot } from '../services/paths';
import { mediaFile } from '../services/recording/media';
import { APP_SCHEME, isAppUrl } from './origin';

const securityHeaders = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

function refuse(status: 400 | 404 | 405, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain', ...extra } });
}

/** True when `file`, links resolved, is still inside `root` (a link may point anywhere). */
function reallyInside(root: string, file: string): boolean {
  try {
    const realRoot = fs.realpathSync(root);
    const rel = path.relative(realRoot, fs.realpathSync(file));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    // Missing: nothing to serve, and nothing to leak.
    return true;
  }
}

export function serveAppProtocol(rendererDir: string, dataDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    if (!isAppUrl(request.url) || new URL(request.url).protocol !== `${APP_SCHEME}:`) return refuse(404, 'Not found');
    if (request.method !== 'GET') return refuse(405, 'Method not allowed', { Allow: 'GET' });
    let pathname: string;
    try {
      // Decoded once: a double-encoded "%252e" stays the literal name "%2e".
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return refuse(400, 'Bad request: the address is not valid percent-encoding');
    }
    // Encoded slashes and dots survive URL parsing; after decoding, no segment may climb out.
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
      return refuse(404, 'Not found');
    }
    const media = pathname.startsWith('/media/');
    const root = media ? path.join(dataDir, 'recordings') : rendererDir;
    const file = media
      ? mediaFile(dataDir, pathname)
      : insideRoot(rendererDir, pathname === '/' ? 'index.html' : pathname.slice(1));
    if (!file || !reallyInside(root, file)) return refuse(404, 'Not found');
    let response = fileResponse(file, request.headers.get('range') ?? undefined);
    // A client-side route (no file, no extension, plain characters) gets the page; media and
    // assets never do, and neither does a name that was percent-encoded twice.
    if (response.status === 404 && !media && !path.extname(pathname) && /^[\w\-/]*$/.test(pathname)) {
      response = fileResponse(path.join(rendererDir, 'index.html'), undefined);
    }
    if (response.status === 404) return refuse(404, 'Not found');
    const body = response.body ? (Readable.toWeb(response.body) as ReadableStream) : null;
    return new Response(body, { status: response.status, headers: { ...response.headers, ...securityHeaders } });
  });
}
