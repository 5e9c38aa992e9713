/**
 * Writes a round's chunks to its audio and peaks files as they arrive. Nothing is held in memory:
 * each chunk is written straight to the file descriptor, and data is synced to disk at most every
 * couple of seconds, so a crash loses at most about the last second that was still in flight.
 *
 * The recording's row is the truth about what is stored: a chunk is written at the lengths the row
 * counts (positional, never appended), and the row is updated after. A write that fails part-way,
 * or a row update that fails, cuts both files back to those lengths; a kill between the two leaves
 * bytes past them, which the next open cuts off. Either way a resend writes the same bytes at the
 * same place, so the files only ever hold acknowledged chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDir, makePrivateFd } from '../infra/private-files';

const SYNC_EVERY_MS = 2000;

/** What a recording's row counts of each file. Peaks null: a row from before it counted them. */
export type CommittedLengths = { audio: number; peaks: number | null };

export class ChunkWriter {
  private audioFd: number;
  private peaksFd: number;
  private lastSync: number;
  private closed = false;
  /** The peaks file's length when opened, for a row that does not count its peaks. */
  readonly peaksBytesAtOpen: number;

  /**
   * Opens (creating) both files and cuts each back to what the row counts: anything past it was
   * written for a chunk the row never counted. Throws with nothing open.
   */
  constructor(
    readonly audioFile: string,
    readonly peaksFile: string,
    private readonly now: () => number,
    committed: CommittedLengths = { audio: 0, peaks: 0 },
  ) {
    makePrivateDir(path.dirname(audioFile));
    // Read-write, not append: O_APPEND would ignore the position of every write.
    const flags = fs.constants.O_RDWR | fs.constants.O_CREAT;
    const audioFd = fs.openSync(audioFile, flags, PRIVATE_FILE_MODE);
    let peaksFd: number;
    try {
      makePrivateFd(audioFd);
      peaksFd = fs.openSync(peaksFile, flags, PRIVATE_FILE_MODE);
      makePrivateFd(peaksFd);
    } catch (error) {
      fs.closeSync(audioFd);
      throw error;
    }
    this.audioFd = audioFd;
    this.peaksFd = peaksFd;
    try {
      trimTo(audioFd, committed.audio);
      if (committed.peaks !== null) trimTo(peaksFd, committed.peaks);
      this.peaksBytesAtOpen = committed.peaks ?? fs.fstatSync(peaksFd).size;
    } catch (error) {
      this.close();
      throw error;
    }
    this.lastSync = now();
  }

  /**
   * Writes a chunk at `audioAt` and its peaks at `peaksAt` (the lengths the row counts). On failure
   * cuts both files back to those lengths and rethrows the file system's error (ENOSPC, EFBIG, EIO…).
   */
  writeAt(audioAt: number, data: Uint8Array, peaksAt: number, peaks: Uint8Array): void {
    try {
      writeAllAt(this.audioFd, data, audioAt);
      if (peaks.byteLength) writeAllAt(this.peaksFd, peaks, peaksAt);
    } catch (error) {
      this.cutBack(audioAt, peaksAt);
      throw error;
    }
  }

  /** The row did not take the chunk: both files go back to what it counts. */
  cutBack(audioBytes: number, peaksBytes: number): void {
    try {
      fs.ftruncateSync(this.audioFd, audioBytes);
      fs.ftruncateSync(this.peaksFd, peaksBytes);
    } catch (error) {
      // Cannot even truncate: the row still counts only committed bytes, a resend overwrites the
      // rest in place, and the next open or the finalizer trims it.
      console.warn('[loop-coach] could not cut a recording back to its committed length:', error);
    }
  }

  /** The row took the chunk: sync to disk if it is time. */
  committed(): void {
    if (this.now() - this.lastSync >= SYNC_EVERY_MS) this.sync();
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

/** Cuts a file past `length` back to it. */
function trimTo(fd: number, length: number): void {
  if (fs.fstatSync(fd).size > length) fs.ftruncateSync(fd, length);
}

function writeAllAt(fd: number, data: Uint8Array, position: number): void {
  let offset = 0;
  while (offset < data.byteLength)
    offset += fs.writeSync(fd, data, offset, data.byteLength - offset, position + offset);
}
