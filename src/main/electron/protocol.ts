/**
 * app://loop-coach serves the built renderer and, under /media/, files from the data folder's
 * recordings, with Range support so audio can seek. Never file://. What a path may serve is decided by
 * servedFile(), shared with browser mode's server.
 */
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { servedFile } from '../services/infra/served-file';
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

export function serveAppProtocol(rendererDir: string, dataDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    if (!isAppUrl(request.url) || new URL(request.url).protocol !== `${APP_SCHEME}:`) return refuse(404, 'Not found');
    if (request.method !== 'GET') return refuse(405, 'Method not allowed', { Allow: 'GET' });
    // The same rule as browser mode's server (services/infra/served-file.ts).
    const response = servedFile(
      { rendererDir, dataDir },
      new URL(request.url).pathname,
      request.headers.get('range') ?? undefined,
    );
    if (response.status === 400) return refuse(400, 'Bad request: the address is not valid percent-encoding');
    if (response.status === 404) return refuse(404, 'Not found');
    const body = response.body ? (Readable.toWeb(response.body) as ReadableStream) : null;
    return new Response(body, { status: response.status, headers: { ...response.headers, ...securityHeaders } });
  });
}
