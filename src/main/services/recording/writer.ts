/**
 * Appends a round's chunks to its files as they arrive. Nothing is held in memory: each chunk is
 * written straight to the file descriptor, and data is synced to disk at most every couple of
 * seconds, so a crash loses at most about the last second that was still in flight.
 *
 * Writes are positional and all-or-nothing: the writer knows how many bytes are committed (counted
 * by the recording's row) and a write that fails part-way (ENOSPC, EFBIG) is cut back to that, so
 * the file never holds bytes the row does not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDir, makePrivateFd } from '../private-files';

const SYNC_EVERY_MS = 2000;

export class ChunkWriter {
  private audioFd: number;
  private peaksFd: number;
  private lastSync: number;
  private closed = false;
  /** Bytes of each file that belong to acknowledged chunks. */
  private audioBytes: number;
  private peaksBytes: number;

  /**
   * Opens (creating) both files. `committedAudioBytes` is what the row counts: anything past it
   * was written by a process that died before counting it, and is cut off. Throws with nothing open.
   */
  constructor(
    readonly audioFile: string,
    readonly peaksFile: string,
    private readonly now: () => number,
    committedAudioBytes = 0,
  ) {
    makePrivateDir(path.dirname(audioFile));
    const audioFd = fs.openSync(audioFile, 'a+', PRIVATE_FILE_MODE);
    let peaksFd: number;
    try {
      makePrivateFd(audioFd);
      peaksFd = fs.openSync(peaksFile, 'a+', PRIVATE_FILE_MODE);
      makePrivateFd(peaksFd);
    } catch (error) {
      fs.closeSync(audioFd);
      throw error;
    }
    this.audioFd = audioFd;
    this.peaksFd = peaksFd;
    try {
      const audioSize = fs.fstatSync(audioFd).size;
      if (audioSize > committedAudioBytes) fs.ftruncateSync(audioFd, committedAudioBytes);
      this.audioBytes = Math.min(audioSize, committedAudioBytes);
      this.peaksBytes = fs.fstatSync(peaksFd).size;
    } catch (error) {
      this.close();
      throw error;
    }
    this.lastSync = now();
  }

  get committedBytes(): number {
    return this.audioBytes;
  }

  /**
   * Appends both buffers; on failure cuts both files back to where they were and rethrows the
   * file system's error (ENOSPC, EFBIG, EIO…) untouched.
   */
  append(data: Uint8Array, peaks: Uint8Array): void {
    try {
      writeAll(this.audioFd, data);
      if (peaks.byteLength) writeAll(this.peaksFd, peaks);
    } catch (error) {
      this.rollBack();
      throw error;
    }
    this.audioBytes += data.byteLength;
    this.peaksBytes += peaks.byteLength;
    if (this.now() - this.lastSync >= SYNC_EVERY_MS) this.sync();
  }

  private rollBack(): void {
    try {
      fs.ftruncateSync(this.audioFd, this.audioBytes);
      fs.ftruncateSync(this.peaksFd, this.peaksBytes);
    } catch (error) {
      // Cannot even truncate: the row still counts only committed bytes, and recovery trims the rest.
      console.warn('[loop-coach] could not roll back a partial write:', error);
    }
  }

  /** Reads committed audio back (to check a resent chunk against what is stored). */
  readBack(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(this.audioFd, out, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return out.subarray(0, read);
  }

  sync(): void {
    fs.fdatasyncSync(this.audioFd);
    fs.fdatasyncSync(this.peaksFd);
    this.lastSync = this.now();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.sync();
    } catch {
      // A failing disk must not stop us from closing.
    }
    for (const fd of [this.audioFd, this.peaksFd]) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already gone; nothing more to release.
      }
    }
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) offset += fs.writeSync(fd, data, offset, data.byteLength - offset);
}
