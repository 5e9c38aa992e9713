/**
 * The hash a model's host publishes for a file, asked over HTTPS just before the file is fetched.
 * Hugging Face answers `HEAD …/resolve/<revision>/<file>` with `X-Linked-Etag` (the SHA-256 of an LFS
 * file) and `X-Linked-Size`, or for a file kept in git with an `ETag` that is its git blob id; and with
 * `X-Repo-Commit`, the revision it resolved, which the download then uses so the bytes are the ones hashed.
 */
import { ModelDownloadError, describeNetworkError, isAbort } from './errors';
import type { Fetch } from './download';
import type { ExpectedHash } from './hashing';

export type HostHash = { expected: ExpectedHash; bytes: number | null; url: string };

const unquote = (value: string | null) => (value ?? '').replace(/^W\//, '').replace(/^"|"$/g, '').trim().toLowerCase();

export async function hostHash(
  url: string,
  fileName: string,
  signal: AbortSignal,
  doFetch: Fetch = fetch,
): Promise<HostHash> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await doFetch(url, { method: 'HEAD', redirect: 'manual', signal });
  } catch (error) {
    if (isAbort(error, signal))
      throw new ModelDownloadError('cancelled', `The download was cancelled before ${fileName}.`, fileName);
    throw new ModelDownloadError(
      'network',
      `Could not reach ${host} to check ${fileName}: ${describeNetworkError(error)}. Check the network and press Resume.`,
      fileName,
    );
  }
  if (response.status >= 400)
    throw new ModelDownloadError(
      'http',
      `${host} answered ${response.status} for ${fileName}: it was not downloaded.`,
      fileName,
    );
  const linked = unquote(response.headers.get('x-linked-etag'));
  const etag = unquote(response.headers.get('etag'));
  const sizeHeader =
    response.headers.get('x-linked-size') ?? (response.status < 300 ? response.headers.get('content-length') : null);
  const bytes = sizeHeader && /^\d+$/.test(sizeHeader) ? Number(sizeHeader) : null;
  let expected: ExpectedHash;
  if (/^[0-9a-f]{64}$/.test(linked)) expected = { algorithm: 'sha256', hex: linked, source: 'host' };
  else if (/^[0-9a-f]{64}$/.test(etag)) expected = { algorithm: 'sha256', hex: etag, source: 'host' };
  else if (/^[0-9a-f]{40}$/.test(etag)) expected = { algorithm: 'git-blob-sha1', hex: etag, source: 'host' };
  else
    throw new ModelDownloadError(
      'hash',
      `${host} publishes no hash for ${fileName}, so it cannot be checked: it was not downloaded.`,
      fileName,
    );
  const commit = unquote(response.headers.get('x-repo-commit'));
  const pinned = /^[0-9a-f]{40}$/.test(commit) ? url.replace(/\/resolve\/[^/]+\//, `/resolve/${commit}/`) : url;
  return { expected, bytes, url: pinned };
}
