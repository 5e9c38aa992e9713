/**
 * app://loop-coach serves the built renderer and, under /media/, files from the data folder,
 * with Range support so audio can seek. Never file://.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { fileResponse } from '../services/file-response';
import { insideRoot } from '../services/paths';
import { mediaFile } from '../services/recording/media';
import { APP_HOST, APP_SCHEME } from './origin';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveAppProtocol(rendererDir: string, dataDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const pathname = decodeURIComponent(url.pathname);
    const file = pathname.startsWith('/media/')
      ? mediaFile(dataDir, pathname)
      : insideRoot(rendererDir, pathname === '/' ? 'index.html' : pathname.slice(1));
    let response = file ? fileResponse(file, request.headers.get('range') ?? undefined) : null;
    if ((!response || response.status === 404) && !path.extname(pathname)) {
      response = fileResponse(path.join(rendererDir, 'index.html'), undefined);
    }
    if (!response || response.status === 404) return new Response('Not found', { status: 404 });
    const headers = {
      ...response.headers,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
    };
    const body = response.body ? (Readable.toWeb(response.body) as ReadableStream) : null;
    return new Response(body, { status: response.status, headers });
  });
}
