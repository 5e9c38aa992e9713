/**
 * The hash a downloaded file is checked against, and the streaming hashers that compute it while the
 * bytes arrive. Hugging Face publishes an LFS file's SHA-256; for a small file kept in git it
 * publishes only the git blob id (SHA-1 of "blob <size>\0" + bytes), which is checked instead. The
 * file's SHA-256 is always computed too: installed.json records it for the engine's own re-check.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { ChecksumSource } from '../../../shared/contract';

export type ExpectedHash = { algorithm: 'sha256' | 'git-blob-sha1'; hex: string; source: ChecksumSource };

export class FileHashers {
  private readonly sha256: Hash = createHash('sha256');
  private readonly blob: Hash | null;
  constructor(expected: ExpectedHash, totalBytes: number | null) {
    this.blob = expected.algorithm === 'git-blob-sha1' ? createHash('sha1') : null;
    if (this.blob) {
      if (totalBytes === null) throw new Error('a git blob id needs the file size first');
      this.blob.update(`blob ${totalBytes}\0`);
    }
  }
  update(bytes: Uint8Array): void {
    this.sha256.update(bytes);
    this.blob?.update(bytes);
  }
  /** Feeds the first `bytes` bytes of a file already on disk (a resumed .part). */
  async updateFromFile(file: string, bytes: number): Promise<void> {
    if (bytes === 0) return;
    const stream = fs.createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 });
    for await (const chunk of stream) this.update(chunk as Buffer);
  }
  /** The same, from a descriptor already open (a .part opened without following links). */
  async updateFromHandle(handle: fs.promises.FileHandle, bytes: number): Promise<void> {
    if (bytes === 0) return;
    const stream = handle.createReadStream({ start: 0, end: bytes - 1, highWaterMark: 1 << 20, autoClose: false });
    for await (const chunk of stream) this.update(chunk as Buffer);
  }
  digest(): { sha256: string; blobSha1: string | null } {
    return { sha256: this.sha256.digest('hex'), blobSha1: this.blob ? this.blob.digest('hex') : null };
  }
}

export function matches(expected: ExpectedHash, digest: { sha256: string; blobSha1: string | null }): string {
  return expected.algorithm === 'sha256' ? digest.sha256 : (digest.blobSha1 ?? '');
}

/** Hashes a whole file already on disk (a file a previous attempt finished). */
export async function hashFile(
  file: string,
  expected: ExpectedHash,
): Promise<{ sha256: string; blobSha1: string | null; bytes: number }> {
  const bytes = fs.statSync(file).size;
  const hashers = new FileHashers(expected, bytes);
  await hashers.updateFromFile(file, bytes);
  return { ...hashers.digest(), bytes };
}
