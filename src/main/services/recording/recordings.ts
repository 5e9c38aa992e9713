/**
 * Recording lifecycle: begin a round (idempotent), append chunks by position (sequence and byte
 * offset; resends acknowledged once), finalize with ffmpeg, and recover recordings a crash left
 * open. Rows and files always agree: bytes and chunk counts are updated with every append, and a
 * write that fails part-way is cut back.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { PEAKS_PER_SECOND, type RecordingView } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { recordings, rounds, sessionEvents, sessions } from '../db/schema';
import { ConflictError, NotFoundError } from '../infra/errors';
import { insideRoot } from '../infra/paths';
import { placeFile } from '../infra/place-file';
import { databaseError, diskError } from './failures';
import { probeDurationMs, remuxWebm } from './ffmpeg';
import { makePrivate } from '../infra/private-files';
import { mediaUrl, partFile, recordingFiles } from './paths';
import { ChunkWriter } from './writer';

type RecordingRow = typeof recordings.$inferSelect;

export function recordingView(row: RecordingRow): RecordingView {
  return {
    id: row.id,
    roundId: row.roundId,
    status: row.status,
    mimeType: row.mimeType,
    bytes: row.bytes,
    chunks: row.chunks,
    durationMs: row.durationMs,
    peaksPerSecond: row.peaksPerSecond,
    mediaUrl: mediaUrl(row.file),
    peaksUrl: mediaUrl(row.peaksFile),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    error: row.error,
  };
}

/** How long finish waits for chunks the page says are still on their way. */
const FINISH_WAITS_FOR_CHUNKS_MS = 8000;

export class RecordingService {
  private readonly writers = new Map<string, ChunkWriter>();
  /** Finalizations in flight, so a double "finish" waits for the first instead of racing it. */
  private readonly finishing = new Map<string, Promise<RecordingView>>();
  /** Recordings being remuxed: their .part is about to go, so appends are refused. */
  private readonly remuxing = new Set<string>();
  /** Woken on every append, for a finish waiting on chunks still in flight. */
  private readonly appendWaiters = new Map<string, Set<() => void>>();
  /** Recordings a killed server left open, waiting (timer) for their page to come back. */
  private readonly awaitingPage = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly recoveries = new Set<Promise<unknown>>();

  constructor(
    private readonly db: AppDatabase,
    private readonly dataDir: string,
    private readonly now: () => number,
    /** See AppOptions.resumeGraceMs. */
    private readonly resumeGraceMs = 0,
    /**
     * Told of a round recovered after its grace ran out, while the app runs (a start-up recovery is
     * seen by every screen that loads after it): the Library refreshes and the audio gets analysed.
     */
    private readonly onLateRecovery: (round: { sessionId: string; roundId: string }) => void = () => {},
  ) {}

  /**
   * Fault injection for the tests: called between a chunk's file write and its row update (a test
   * kills the process here to prove the two commit together or not at all). Does nothing otherwise.
   */
  afterChunkWritten: (recordingId: string, seq: number) => void = () => {};

  private resolve(relative: string): string {
    const full = insideRoot(this.dataDir, relative);
    if (!full) throw new Error(`recording path escapes the data folder: ${relative}`);
    return full;
  }

  /** Starts the round's recording, or returns the one already started (double clicks, retries). */
  beginRound(sessionId: string, roundIndex: number, mimeType: string): { roundId: string; recording: RecordingView } {
    const session = this.db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!session) throw new NotFoundError(`No session has the id "${sessionId}".`);
    if (session.status === 'ended' || session.status === 'abandoned') {
      throw new ConflictError(`The session "${session.title}" has ended; start a new one to record again.`);
    }
    const round = this.db
      .select()
      .from(rounds)
      .where(and(eq(rounds.sessionId, sessionId), eq(rounds.index, roundIndex)))
      .get();
    if (!round) throw new NotFoundError(`The session has no round ${roundIndex + 1}.`);
    const existing = this.db.select().from(recordings).where(eq(recordings.roundId, round.id)).get();
    if (existing) {
      if (existing.status !== 'recording') {
        throw new ConflictError(`Round ${roundIndex + 1} is already recorded; it cannot be recorded twice.`);
      }
      return { roundId: round.id, recording: recordingView(existing) };
    }
    const at = this.now();
    const files = recordingFiles(sessionId, roundIndex, round.id);
    const row: RecordingRow = {
      id: randomUUID(),
      roundId: round.id,
      file: files.file,
      peaksFile: files.peaksFile,
      mimeType,
      status: 'recording',
      bytes: 0,
      chunks: 0,
      peaksBytes: 0,
      durationMs: null,
      peaksPerSecond: PEAKS_PER_SECOND,
      startedAt: at,
      finishedAt: null,
      error: null,
    };
    // Files first, so a row never points at nothing; but opened outside the transaction, and
    // closed and removed again if the row cannot be written.
    const audioFile = this.resolve(partFile(row.file));
    const peaksFile = this.resolve(row.peaksFile);
    let writer: ChunkWriter;
    try {
      writer = new ChunkWriter(audioFile, peaksFile, this.now);
    } catch (error) {
      throw diskError(error);
    }
    try {
      this.db.transaction((tx) => {
        tx.insert(recordings).values(row).run();
        tx.update(rounds).set({ status: 'running', startedAt: at }).where(eq(rounds.id, round.id)).run();
        if (session.status === 'planned')
          tx.update(sessions).set({ status: 'running' }).where(eq(sessions.id, sessionId)).run();
        tx.insert(sessionEvents).values({ sessionId, roundId: round.id, type: 'round-started', at }).run();
      });
    } catch (error) {
      writer.close();
      fs.rmSync(audioFile, { force: true });
      fs.rmSync(peaksFile, { force: true });
      throw error;
    }
    this.writers.set(row.id, writer);
    return { roundId: round.id, recording: recordingView(row) };
  }

  /**
   * Appends chunk `seq` (starting at byte `offset`, when given) to the recording. A chunk already
   * stored is acknowledged without a second write; a gap, a wrong offset or a resend whose bytes
   * differ is refused; nothing is written while the recording is being finished.
   */
  appendChunk(
    recordingId: string,
    seq: number,
    data: Uint8Array,
    peaks: Uint8Array,
    offset?: number,
  ): { bytes: number; chunks: number } {
    const row = this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get();
    if (!row) throw new NotFoundError(`No recording has the id "${recordingId}".`);
    if (this.remuxing.has(recordingId)) {
      throw new ConflictError(
        `This recording is being finished; chunk ${seq} arrived after finish and was not written.`,
      );
    }
    if (row.status !== 'recording') throw new ConflictError('This recording is already finished.');
    const ack = { bytes: row.bytes, chunks: row.chunks };
    if (seq < row.chunks) {
      // A retried chunk (its answer was lost): acknowledged once its bytes are the stored ones.
      if (offset !== undefined && !this.storedMatches(row, offset, data)) {
        throw new ConflictError(
          `Recording chunk ${seq} (bytes ${offset}–${offset + data.byteLength}) does not match the audio already stored.`,
        );
      }
      return ack;
    }
    if (seq > row.chunks)
      throw new ConflictError(`Chunk ${seq} arrived before chunk ${row.chunks}; send chunks in order.`);
    if (offset !== undefined && offset !== row.bytes) {
      throw new ConflictError(
        `Recording chunk ${seq} starts at byte ${offset}, but the recording holds ${row.bytes} bytes.`,
      );
    }
    this.rearmGrace(recordingId);
    const writer = this.writerFor(row);
    // Bytes and row together or not at all: written at the lengths the row counts, then counted.
    const peaksAt = row.peaksBytes ?? writer.peaksBytesAtOpen;
    try {
      writer.writeAt(row.bytes, data, peaksAt, peaks);
    } catch (error) {
      throw diskError(error);
    }
    this.afterChunkWritten(recordingId, seq);
    const next = { bytes: row.bytes + data.byteLength, chunks: row.chunks + 1, peaksBytes: peaksAt + peaks.byteLength };
    try {
      this.db.update(recordings).set(next).where(eq(recordings.id, recordingId)).run();
    } catch (error) {
      writer.cutBack(row.bytes, peaksAt);
      throw databaseError(error, seq);
    }
    writer.committed();
    for (const wake of this.appendWaiters.get(recordingId) ?? []) wake();
    return { bytes: next.bytes, chunks: next.chunks };
  }

  private storedMatches(row: RecordingRow, offset: number, data: Uint8Array): boolean {
    if (offset + data.byteLength > row.bytes) return false;
    const stored = this.writerFor(row).readBack(offset, data.byteLength);
    return Buffer.from(stored).equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  private writerFor(row: RecordingRow): ChunkWriter {
    let writer = this.writers.get(row.id);
    if (!writer) {
      try {
        writer = new ChunkWriter(this.resolve(partFile(row.file)), this.resolve(row.peaksFile), this.now, {
          audio: row.bytes,
          peaks: row.peaksBytes,
        });
      } catch (error) {
        throw diskError(error);
      }
      this.writers.set(row.id, writer);
    }
    return writer;
  }

  /**
   * Finalizes the recording. `expectChunks`: how many chunks the page produced; finish first waits
   * (briefly) for any still on their way.
   */
  finish(
    recordingId: string,
    status: 'finalized' | 'recovered' = 'finalized',
    expectChunks?: number,
  ): Promise<RecordingView> {
    const inFlight = this.finishing.get(recordingId);
    if (inFlight) return inFlight;
    this.clearGrace(recordingId);
    const job = (async () => {
      if (expectChunks !== undefined) await this.waitForChunks(recordingId, expectChunks);
      return this.finalize(recordingId, status);
    })().finally(() => this.finishing.delete(recordingId));
    this.finishing.set(recordingId, job);
    return job;
  }

  private async waitForChunks(recordingId: string, expected: number): Promise<void> {
    const stored = () => this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get()?.chunks ?? 0;
    if (stored() >= expected) return;
    await new Promise<void>((resolve) => {
      const waiters = this.appendWaiters.get(recordingId) ?? new Set();
      this.appendWaiters.set(recordingId, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (!waiters.size) this.appendWaiters.delete(recordingId);
        resolve();
      };
      const wake = () => {
        if (stored() >= expected) done();
      };
      const timer = setTimeout(done, FINISH_WAITS_FOR_CHUNKS_MS);
      waiters.add(wake);
    });
  }

  private async finalize(recordingId: string, status: 'finalized' | 'recovered'): Promise<RecordingView> {
    const row = this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get();
    if (!row) throw new NotFoundError(`No recording has the id "${recordingId}".`);
    if (row.status !== 'recording') return recordingView(row);
    this.remuxing.add(recordingId);
    try {
      return await this.remux(row, status);
    } finally {
      this.remuxing.delete(recordingId);
    }
  }

  private async remux(row: RecordingRow, status: 'finalized' | 'recovered'): Promise<RecordingView> {
    const recordingId = row.id;
    this.writers.get(recordingId)?.close();
    this.writers.delete(recordingId);
    const part = this.resolve(partFile(row.file));
    const final = this.resolve(row.file);
    const temp = `${final}.tmp.webm`;
    let durationMs: number | null = null;
    let error: string | null = null;
    let finalStatus: RecordingRow['status'] = status;
    let partBytes = fs.existsSync(part) ? fs.statSync(part).size : 0;
    // Bytes a killed process wrote but never counted are not part of the recording: audio and peaks.
    if (partBytes > row.bytes) {
      fs.truncateSync(part, row.bytes);
      partBytes = row.bytes;
    }
    const peaks = this.resolve(row.peaksFile);
    if (row.peaksBytes !== null && fs.existsSync(peaks) && fs.statSync(peaks).size > row.peaksBytes)
      fs.truncateSync(peaks, row.peaksBytes);
    if (fs.existsSync(final)) {
      // A finish that died after naming the file, before updating the row: the file is this
      // recording's (its name comes from its own round's id), complete, since it is named only whole.
      fs.rmSync(part, { force: true });
      durationMs = await probeDurationMs(final).catch(() => null);
      if (durationMs === null) {
        finalStatus = 'failed';
        error = 'The finished recording could not be read.';
      }
    } else if (partBytes === 0) {
      finalStatus = 'failed';
      error = 'No audio arrived for this round.';
      fs.rmSync(part, { force: true });
    } else {
      try {
        await remuxWebm(part, temp);
        // ffmpeg creates its output by the umask: the recording is private like its .part.
        makePrivate(temp);
        durationMs = await probeDurationMs(temp);
        placeFile(temp, final);
        fs.rmSync(part, { force: true });
      } catch (e) {
        // Keep every byte: the raw stream still plays in Chromium even if it cannot be seeked.
        fs.rmSync(temp, { force: true });
        placeFile(part, final);
        finalStatus = 'failed';
        error = (e as Error).message;
      }
    }
    const bytes = fs.existsSync(final) ? fs.statSync(final).size : 0;
    this.db
      .update(recordings)
      .set({ status: finalStatus, durationMs, error, bytes, finishedAt: this.now() })
      .where(eq(recordings.id, recordingId))
      .run();
    return recordingView(this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get()!);
  }

  /**
   * At start: finalize what a crash left open, mark those rounds recovered and their sessions
   * paused. With a resume grace (browser mode), each waits that long for its page to come back and
   * carry on first; returns how many were recovered now.
   */
  async recoverAll(): Promise<number> {
    const open = this.db.select().from(recordings).where(eq(recordings.status, 'recording')).all();
    if (this.resumeGraceMs > 0) {
      for (const row of open) this.rearmGrace(row.id, true);
      return 0;
    }
    for (const row of open) await this.recover(row.id);
    return open.length;
  }

  /** Resolves once no grace-expired recovery is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.recoveries.size) await Promise.allSettled([...this.recoveries]);
  }

  private rearmGrace(recordingId: string, start = false): void {
    if (!start && !this.awaitingPage.has(recordingId)) return;
    this.clearGrace(recordingId);
    const timer = setTimeout(() => {
      this.awaitingPage.delete(recordingId);
      const job = this.recover(recordingId)
        .then((round) => {
          if (round) this.onLateRecovery(round);
        })
        .catch((error: unknown) => console.error('[loop-coach] recovery failed:', error))
        .finally(() => this.recoveries.delete(job));
      this.recoveries.add(job);
    }, this.resumeGraceMs);
    timer.unref?.();
    this.awaitingPage.set(recordingId, timer);
  }

  private clearGrace(recordingId: string): void {
    const timer = this.awaitingPage.get(recordingId);
    if (timer) clearTimeout(timer);
    this.awaitingPage.delete(recordingId);
  }

  /** Returns the recovered round, or null when there was nothing left to recover. */
  private async recover(recordingId: string): Promise<{ sessionId: string; roundId: string } | null> {
    const row = this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get();
    if (!row || row.status !== 'recording') return null;
    await this.finish(row.id, 'recovered');
    const round = this.db.select().from(rounds).where(eq(rounds.id, row.roundId)).get();
    if (!round) return null;
    const at = this.now();
    this.db.transaction((tx) => {
      tx.update(rounds).set({ status: 'recovered', endedAt: at }).where(eq(rounds.id, round.id)).run();
      tx.update(sessions)
        .set({ status: 'paused' })
        .where(and(eq(sessions.id, round.sessionId), inArray(sessions.status, ['running', 'planned'])))
        .run();
      tx.insert(sessionEvents)
        .values({ sessionId: round.sessionId, roundId: round.id, type: 'round-recovered', at })
        .run();
    });
    return { sessionId: round.sessionId, roundId: round.id };
  }

  /** Closes every open file (window closing, shutdown); the rows stay "recording" for recovery. */
  closeAll(): void {
    for (const writer of this.writers.values()) writer.close();
    this.writers.clear();
    for (const id of [...this.awaitingPage.keys()]) this.clearGrace(id);
  }

  isOpen(recordingId: string): boolean {
    return this.writers.has(recordingId);
  }
}
