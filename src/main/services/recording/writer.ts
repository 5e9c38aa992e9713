/**
 * Appends a round's chunks to its files as they arrive. Nothing is held in memory: each chunk is
 * written straight to the file descriptor, and data is synced to disk at most every couple of
 * seconds, so a crash loses at most about the last second that was still in flight.
 */
import fs from 'node:fs';
import path from 'node:path';

const SYNC_EVERY_MS = 2000;

export class ChunkWriter {
  private audioFd: number;
  private peaksFd: number;
  private lastSync: number;

  constructor(
    readonly audioFile: string,
    readonly peaksFile: string,
    private readonly now: () => number,
  ) {
    fs.mkdirSync(path.dirname(audioFile), { recursive: true });
    this.audioFd = fs.openSync(audioFile, 'a');
    this.peaksFd = fs.openSync(peaksFile, 'a');
    this.lastSync = now();
  }

  /** Appends both buffers; throws the file system's error (ENOSPC, EFBIG, EIO…) untouched. */
  append(data: Uint8Array, peaks: Uint8Array): void {
    writeAll(this.audioFd, data);
    if (peaks.byteLength) writeAll(this.peaksFd, peaks);
    if (this.now() - this.lastSync >= SYNC_EVERY_MS) this.sync();
  }

  sync(): void {
    fs.fdatasyncSync(this.audioFd);
    fs.fdatasyncSync(this.peaksFd);
    this.lastSync = this.now();
  }

  close(): void {
    try {
      this.sync();
    } catch {
      // A failing disk must not stop us from closing.
    }
    fs.closeSync(this.audioFd);
    fs.closeSync(this.peaksFd);
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) offset += fs.writeSync(fd, data, offset, data.byteLength - offset);
}
