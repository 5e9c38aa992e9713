/**
 * A model file's GET, guarded (issue 22, D8): redirects are followed by hand, only to a URL the
 * catalogue itself could name (https, or plain http from 127.0.0.1 for the tests' host), at most
 * MAX_REDIRECTS of them; the body is asked for as it is (`Accept-Encoding: identity`), and a body the
 * host still compresses is refused before a byte of it is read, so nothing is ever decompressed.
 */
import { modelUrl } from '../../../shared/contract';
import { ModelDownloadError } from './errors';

/** The fetch a download uses (the global one unless a test passes another). */
export type Fetch = typeof fetch;

export const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The response for `url`, after allowed redirects; its body is unread. fetch's own errors propagate. */
export async function fetchModelFile(
  doFetch: Fetch,
  url: string,
  fileName: string,
  init: { signal: AbortSignal; range: string | null },
): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await doFetch(current, {
      signal: init.signal,
      redirect: 'manual',
      headers: { 'accept-encoding': 'identity', ...(init.range ? { range: init.range } : {}) },
    });
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location !== null) {
      await response.body?.cancel().catch(() => undefined);
      const next = safeUrl(location, current);
      if (next === null)
        throw new ModelDownloadError(
          'http',
          `${new URL(current).host} redirected ${fileName} to ${location.slice(0, 200)}, which is not https: it was not followed, and nothing was downloaded.`,
          fileName,
        );
      if (hop + 1 > MAX_REDIRECTS)
        throw new ModelDownloadError(
          'http',
          `${fileName} was redirected more than ${MAX_REDIRECTS} times: it was not downloaded.`,
          fileName,
        );
      current = next;
      continue;
    }
    const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') {
      await response.body?.cancel().catch(() => undefined);
      throw new ModelDownloadError(
        'http',
        `${new URL(current).host} sent ${fileName} compressed (${encoding.slice(0, 40)}); model files are only taken as they are, never unpacked: it was not downloaded.`,
        fileName,
      );
    }
    return response;
  }
}

/** `location` resolved against `base`, if the catalogue's rule for model URLs allows it. */
function safeUrl(location: string, base: string): string | null {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    return null;
  }
  return modelUrl.safeParse(next.href).success ? next.href : null;
}
