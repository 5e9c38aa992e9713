/**
 * One file of a model, downloaded into `<name>.part` beside its final place: resumed with an HTTP Range
 * request from what the .part already holds (restarted cleanly if the server ignores the Range), hashed
 * while it streams, checked against the expected hash and only then renamed into place. A file that
 * fails its hash is deleted, so it can never be loaded; a full disk removes the .part and nothing else.
 * Never more than `maxBytes` reach the disk; redirects, encodings and the .part itself are guarded by
 * model-fetch.ts and part-file.ts.
 */
import fs from 'node:fs';
import { ModelDownloadError, describeNetworkError, isAbort, isDiskFull } from './errors';
import { FileHashers, matches, type ExpectedHash } from './hashing';
import { fetchModelFile, type Fetch } from './model-fetch';
import { openFreshPart, openKeptPart, partBytes } from './part-file';

export type { Fetch };

export type FileDownload = {
  url: string;
  /** The file's name in the catalogue: every message names it. */
  fileName: string;
  partPath: string;
  finalPath: string;
  expected: ExpectedHash;
  /** The size the catalogue or host gives, if any; a response of another size is refused. */
  expectedBytes: number | null;
  /** The most bytes this file may have (the catalogue's size, or what is left of the model's): past it, refused. */
  maxBytes: number;
  signal: AbortSignal;
  /** Bytes of this file on disk so far and its total, after every chunk. */
  onBytes: (received: number, total: number | null) => void;
  fetch?: Fetch;
};

export type FileDownloaded = { sha256: string; bytes: number; resumedFrom: number; restarted: boolean };

/** "bytes 100-999/1000" → {start: 100, total: 1000}. */
function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return { start: Number(match[1]), total: match[2] === '*' ? null : Number(match[2]) };
}

export async function downloadFile(job: FileDownload): Promise<FileDownloaded> {
  const doFetch = job.fetch ?? fetch;
  const host = new URL(job.url).host;
  let existing = partBytes(job.partPath, job.fileName);
  if (existing > Math.min(job.expectedBytes ?? Infinity, job.maxBytes)) existing = 0;
  const resumedFrom = existing;
  let restarted = false;

  let response: Response;
  try {
    response = await fetchModelFile(doFetch, job.url, job.fileName, {
      signal: job.signal,
      range: existing > 0 ? `bytes=${existing}-` : null,
    });
  } catch (error) {
    if (error instanceof ModelDownloadError) throw error;
    if (isAbort(error, job.signal)) throw cancelled(job.fileName);
    throw new ModelDownloadError(
      'network',
      `Could not download ${job.fileName} from ${host}: ${describeNetworkError(error)}. Check the network and press Resume.`,
      job.fileName,
    );
  }

  let total: number | null;
  if (existing > 0 && response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (!range || range.start !== existing) {
      // A range we did not ask for: start again from nothing rather than splice wrong bytes.
      await response.body?.cancel();
      fs.rmSync(job.partPath, { force: true });
      return downloadFile(job);
    }
    total = range.total;
  } else if (response.status === 200) {
    // The server ignored the Range (or there was none): the body is the whole file.
    if (existing > 0) restarted = true;
    existing = 0;
    const length = response.headers.get('content-length');
    total = length !== null && /^\d+$/.test(length) ? Number(length) : null;
  } else if (response.status === 416 && existing > 0) {
    await response.body?.cancel();
    fs.rmSync(job.partPath, { force: true });
    return downloadFile(job);
  } else {
    await response.body?.cancel().catch(() => undefined);
    throw new ModelDownloadError(
      'http',
      `${host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${job.fileName}: it was not downloaded.`,
      job.fileName,
    );
  }
  if (total === null) total = job.expectedBytes;
  if (job.expectedBytes !== null && total !== null && total !== job.expectedBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ModelDownloadError(
      'hash',
      `${host} offers ${job.fileName} with ${total} bytes, not the ${job.expectedBytes} expected: it was not downloaded.`,
      job.fileName,
    );
  }
  if (total !== null && total > job.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(job, host, total);
  }
  if (job.expected.algorithm === 'git-blob-sha1' && total === null)
    throw new ModelDownloadError(
      'http',
      `${host} did not say how large ${job.fileName} is, so its hash cannot be checked.`,
      job.fileName,
    );

  const hashers = new FileHashers(job.expected, total);
  let handle: fs.promises.FileHandle;
  try {
    handle =
      existing > 0 ? await openKeptPart(job.partPath, job.fileName) : await openFreshPart(job.partPath, job.fileName);
    if (existing > 0) {
      await hashers.updateFromHandle(handle, existing);
      if ((await handle.stat()).size !== existing) await handle.truncate(existing);
    }
  } catch (error) {
    await response.body?.cancel().catch(() => undefined);
    throw error;
  }

  let received = existing;
  job.onBytes(received, total);
  try {
    if (!response.body) throw new Error('no body');
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (received + chunk.byteLength > job.maxBytes) {
        // Not one byte past the limit reaches the disk.
        await handle.close().catch(() => undefined);
        fs.rmSync(job.partPath, { force: true });
        throw tooLarge(job, host, null);
      }
      try {
        await handle.write(chunk, 0, chunk.byteLength, received);
      } catch (error) {
        if (isDiskFull(error)) {
          await handle.close().catch(() => undefined);
          fs.rmSync(job.partPath, { force: true });
          throw new ModelDownloadError(
            'disk-full',
            `The disk is full: ${job.fileName} could not be saved${total ? ` (it needs ${formatMb(total)})` : ''}. Its partial file was removed and nothing else was lost; free some space and press Download.`,
            job.fileName,
          );
        }
        throw error;
      }
      hashers.update(chunk);
      received += chunk.byteLength;
      if (total !== null && received > total) break;
      job.onBytes(received, total);
    }
  } catch (error) {
    await handle.close().catch(() => undefined);
    if (error instanceof ModelDownloadError) throw error;
    if (isAbort(error, job.signal)) throw cancelled(job.fileName);
    if (isDiskFull(error)) {
      fs.rmSync(job.partPath, { force: true });
      throw new ModelDownloadError(
        'disk-full',
        `The disk is full: ${job.fileName} could not be saved. Its partial file was removed and nothing else was lost.`,
        job.fileName,
      );
    }
    // With nothing kept there is nothing to resume (the row offers Download again, not Resume).
    throw new ModelDownloadError(
      'truncated',
      received === 0
        ? `The download of ${job.fileName} stopped before any of its bytes arrived (${describeNetworkError(error)}). Nothing was lost: try the download again.`
        : `The download of ${job.fileName} stopped after ${received}${total !== null ? ` of ${total}` : ''} bytes (${describeNetworkError(error)}). Press Resume to continue from there.`,
      job.fileName,
    );
  }
  await handle.sync().catch(() => undefined);
  await handle.close();

  if (total !== null && received !== total) {
    if (received > total) fs.rmSync(job.partPath, { force: true });
    throw new ModelDownloadError(
      'truncated',
      received > total
        ? `${host} sent more than the ${total} bytes it announced for ${job.fileName}: the file was deleted.`
        : `The download of ${job.fileName} ended after ${received} of ${total} bytes. Press Resume to continue from there.`,
      job.fileName,
    );
  }
  const digest = hashers.digest();
  const got = matches(job.expected, digest);
  if (got !== job.expected.hex) {
    fs.rmSync(job.partPath, { force: true });
    const what =
      job.expected.source === 'pinned'
        ? 'the SHA-256 pinned for it in Loop Coach'
        : job.expected.algorithm === 'sha256'
          ? `the SHA-256 ${host} publishes for it`
          : `the git blob id ${host} publishes for it`;
    throw new ModelDownloadError(
      'hash',
      `${job.fileName} does not match ${what} (expected ${job.expected.hex.slice(0, 12)}…, got ${got.slice(0, 12)}…): it was deleted and will not be loaded. Press Download to fetch it again.`,
      job.fileName,
    );
  }
  fs.renameSync(job.partPath, job.finalPath);
  return { sha256: digest.sha256, bytes: received, resumedFrom, restarted };
}

function tooLarge(job: FileDownload, host: string, offered: number | null): ModelDownloadError {
  return new ModelDownloadError(
    'hash',
    `${host} ${offered !== null ? `offers ${job.fileName} with ${offered} bytes` : `sent more bytes for ${job.fileName}`} than the catalogue allows (at most ${job.maxBytes}): it was stopped there and deleted.`,
    job.fileName,
  );
}

function cancelled(fileName: string): ModelDownloadError {
  return new ModelDownloadError(
    'cancelled',
    `The download was cancelled during ${fileName}; Resume continues from there.`,
    fileName,
  );
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}
