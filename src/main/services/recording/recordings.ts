/**
 * Recording lifecycle: begin a round (idempotent), append chunks in order, finalize with ffmpeg,
 * and recover recordings a crash left open. Rows and files always agree: bytes and chunk counts
 * are updated with every append.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { PEAKS_PER_SECOND, type RecordingView } from '../../../shared/contract';
import type { AppDatabase } from '../db/open';
import { recordings, rounds, sessionEvents, sessions } from '../db/schema';
import { ConflictError, NotFoundError, UnavailableError } from '../errors';
import { insideRoot } from '../paths';
import { probeDurationMs, remuxWebm } from './ffmpeg';
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

export class RecordingService {
  private readonly writers = new Map<string, ChunkWriter>();
  /** Finalizations in flight, so a double "finish" waits for the first instead of racing it. */
  private readonly finishing = new Map<string, Promise<RecordingView>>();

  constructor(
    private readonly db: AppDatabase,
    private readonly dataDir: string,
    private readonly now: () => number,
  ) {}

  private resolve(relative: string): string {
    const full = insideRoot(this.dataDir, relative);
    if (!full) throw new Error(`recording path escapes the data folder: ${relative}`);
    return full;
  }

  /** Starts the round's recording, or returns the one already started (double clicks, retries). */
  beginRound(sessionId: string, roundIndex: number, mimeType: string): { roundId: string; recording: RecordingView } {
    return this.db.transaction((tx) => {
      const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
      if (!session) throw new NotFoundError(`No session has the id "${sessionId}".`);
      if (session.status === 'ended' || session.status === 'abandoned') {
        throw new ConflictError(`The session "${session.title}" has ended; start a new one to record again.`);
      }
      const round = tx
        .select()
        .from(rounds)
        .where(and(eq(rounds.sessionId, sessionId), eq(rounds.index, roundIndex)))
        .get();
      if (!round) throw new NotFoundError(`The session has no round ${roundIndex + 1}.`);
      const existing = tx.select().from(recordings).where(eq(recordings.roundId, round.id)).get();
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
        durationMs: null,
        peaksPerSecond: PEAKS_PER_SECOND,
        startedAt: at,
        finishedAt: null,
        error: null,
      };
      // Create the files before the row commits, so a row never points at nothing.
      this.writers.set(
        row.id,
        new ChunkWriter(this.resolve(partFile(row.file)), this.resolve(row.peaksFile), this.now),
      );
      tx.insert(recordings).values(row).run();
      tx.update(rounds).set({ status: 'running', startedAt: at }).where(eq(rounds.id, round.id)).run();
      if (session.status === 'planned')
        tx.update(sessions).set({ status: 'running' }).where(eq(sessions.id, sessionId)).run();
      tx.insert(sessionEvents).values({ sessionId, roundId: round.id, type: 'round-started', at }).run();
      return { roundId: round.id, recording: recordingView(row) };
    });
  }

  appendChunk(
    recordingId: string,
    seq: number,
    data: Uint8Array,
    peaks: Uint8Array,
  ): { bytes: number; chunks: number } {
    const row = this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get();
    if (!row) throw new NotFoundError(`No recording has the id "${recordingId}".`);
    if (row.status !== 'recording') throw new ConflictError('This recording is already finished.');
    // A retried chunk (its answer was lost) is acknowledged without writing it twice.
    if (seq < row.chunks) return { bytes: row.bytes, chunks: row.chunks };
    if (seq > row.chunks)
      throw new ConflictError(`Chunk ${seq} arrived before chunk ${row.chunks}; send chunks in order.`);
    const writer = this.writerFor(row);
    try {
      writer.append(data, peaks);
    } catch (error) {
      throw diskError(error);
    }
    const bytes = row.bytes + data.byteLength;
    this.db
      .update(recordings)
      .set({ bytes, chunks: row.chunks + 1 })
      .where(eq(recordings.id, recordingId))
      .run();
    return { bytes, chunks: row.chunks + 1 };
  }

  private writerFor(row: RecordingRow): ChunkWriter {
    let writer = this.writers.get(row.id);
    if (!writer) {
      writer = new ChunkWriter(this.resolve(partFile(row.file)), this.resolve(row.peaksFile), this.now);
      this.writers.set(row.id, writer);
    }
    return writer;
  }

  finish(recordingId: string, status: 'finalized' | 'recovered' = 'finalized'): Promise<RecordingView> {
    const inFlight = this.finishing.get(recordingId);
    if (inFlight) return inFlight;
    const job = this.finalize(recordingId, status).finally(() => this.finishing.delete(recordingId));
    this.finishing.set(recordingId, job);
    return job;
  }

  private async finalize(recordingId: string, status: 'finalized' | 'recovered'): Promise<RecordingView> {
    const row = this.db.select().from(recordings).where(eq(recordings.id, recordingId)).get();
    if (!row) throw new NotFoundError(`No recording has the id "${recordingId}".`);
    if (row.status !== 'recording') return recordingView(row);
    this.writers.get(recordingId)?.close();
    this.writers.delete(recordingId);
    const part = this.resolve(partFile(row.file));
    const final = this.resolve(row.file);
    const temp = `${final}.tmp.webm`;
    let durationMs: number | null = null;
    let error: string | null = null;
    let finalStatus: RecordingRow['status'] = status;
    const partBytes = fs.existsSync(part) ? fs.statSync(part).size : 0;
    if (partBytes === 0) {
      finalStatus = 'failed';
      error = 'No audio arrived for this round.';
      fs.rmSync(part, { force: true });
    } else {
      try {
        await remuxWebm(part, temp);
        durationMs = await probeDurationMs(temp);
        fs.renameSync(temp, final);
        fs.rmSync(part, { force: true });
      } catch (e) {
        // Keep every byte: the raw stream still plays in Chromium even if it cannot be seeked.
        fs.rmSync(temp, { force: true });
        fs.renameSync(part, final);
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

  /** At start: finalize what a crash left open, mark those rounds recovered and their sessions paused. */
  async recoverAll(): Promise<number> {
    const open = this.db.select().from(recordings).where(eq(recordings.status, 'recording')).all();
    for (const row of open) {
      await this.finish(row.id, 'recovered');
      const round = this.db.select().from(rounds).where(eq(rounds.id, row.roundId)).get();
      if (!round) continue;
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
    }
    return open.length;
  }

  /** Closes every open file (window closing, shutdown); the rows stay "recording" for recovery. */
  closeAll(): void {
    for (const writer of this.writers.values()) writer.close();
    this.writers.clear();
  }

  isOpen(recordingId: string): boolean {
    return this.writers.has(recordingId);
  }
}

function diskError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') {
    return new UnavailableError(
      'The disk is full, so recording stopped. Everything recorded up to now is kept; free some space to record again.',
    );
  }
  if (code === 'EIO' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new UnavailableError(`The recording could not be written (${code}). Everything recorded up to now is kept.`);
  }
  return error as Error;
}
