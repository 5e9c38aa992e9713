/**
 * Live transcription on the main side: starts listening to a round's recording when a verified model
 * is chosen, passes the page's PCM frames to the live worker (worker.ts, one process for every live
 * round, started on the first and ended when idle). After each utterance the worker transcribes it
 * and computes coverage with the review's own matcher over all utterances so far (the round's inputs
 * handed over at start), and this service emits `live:utterance`. At the recording's finish the
 * worker flushes and the utterances are stored as the round's transcript, so the review needs no second pass. Whenever live listening cannot keep up
 * (backlog past BEHIND_MS), fails or was never started, the round's transcript is made after the round
 * as before. Frames never touch the recording's chunk path: they go straight to the worker's IPC.
 */
import { eq } from 'drizzle-orm';
import { type LiveFramesInput, type LiveStartOutput, type LiveStatus } from '../../../shared/contract';
import type { TranscriptSegment } from '../../../shared/transcript';
import type { AppDatabase } from '../db/open';
import { recordings } from '../db/schema';
import { ConflictError, NotFoundError } from '../infra/errors';
import type { EventBus } from '../infra/events';
import type { TranscriptionService } from '../transcription/service';
import type { CoverageInputs } from '../words/coverage-inputs';
import type { TranscriptStore } from '../transcripts/store';
import { lastLine } from '../analysis/runner';
import type { LiveLauncher, LiveProcess } from './process';
import { placeFrames, samplesToMs } from './frame-order';
import { liveWorkerResponse, type LiveWorkerResponse } from './worker-messages';

/** Audio received and not yet processed past this: the round says "behind" once and stops listening. */
export const BEHIND_MS = 3000;
/** The live worker exits after this long with no round, giving back the model's memory. */
const IDLE_EXIT_MS = 30_000;

type State = 'opening' | 'listening' | 'behind' | 'stopped' | 'finishing' | 'done';
type Round = {
  recordingId: string;
  roundId: string;
  modelId: string;
  state: State;
  /** The next timeline sample expected, and the last frame's seq (null before the first). */
  received: number;
  lastSeq: number | null;
  processed: number;
  utterances: TranscriptSegment[];
  waiting: { resolve: () => void; reject: (error: Error) => void } | null;
};

export type LiveDeps = {
  db: AppDatabase;
  events: EventBus;
  transcripts: TranscriptStore;
  transcription: Pick<TranscriptionService, 'activeModel' | 'verifyModel' | 'run'>;
  /** The review's coverage matcher's inputs for a round (frozen points, cues, prompt, reference answer). */
  coverageInputs: (roundId: string) => CoverageInputs;
  launch: LiveLauncher;
  /** The test stand-in's utterance list, or null (always null in a packaged app). */
  standIn: string | null;
  now: () => number;
};

const toMs = samplesToMs;
const NO_MODEL =
  'No transcription model is chosen and installed (Settings → Transcription), so the interviewer listens by the clock.';

export class LiveService {
  private readonly rounds = new Map<string, Round>();
  private worker: LiveProcess | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private stderrTail = '';

  constructor(private readonly deps: LiveDeps) {}

  async start(recordingId: string): Promise<LiveStartOutput> {
    const recording = this.recording(recordingId);
    const known = this.rounds.get(recordingId);
    if (known?.state === 'listening' || known?.state === 'opening') return { listening: true, modelId: known.modelId };
    if (known?.state === 'behind' || known?.state === 'stopped')
      return {
        listening: false,
        reason: 'worker-failed',
        message: 'Live listening already stopped for this round; it is timed by the clock.',
      };
    if (recording.status !== 'recording')
      throw new ConflictError('This recording has finished; live listening cannot start.');
    const modelId = this.deps.transcription.activeModel();
    if (!modelId) return { listening: false, reason: 'no-model', message: NO_MODEL };
    let model;
    try {
      model = await this.deps.transcription.verifyModel(modelId);
    } catch (error) {
      return { listening: false, reason: 'model-unverified', message: (error as Error).message };
    }
    if (this.stopped) return { listening: false, reason: 'disabled', message: 'Loop Coach is closing.' };
    const round: Round = {
      recordingId,
      roundId: recording.roundId,
      modelId,
      state: 'opening',
      received: 0,
      lastSeq: null,
      processed: 0,
      utterances: [],
      waiting: null,
    };
    this.rounds.set(recordingId, round);
    try {
      // Resolves once the worker has loaded the model, so a first round's load never counts as backlog.
      await this.ask(round, {
        type: 'open',
        recordingId,
        family: model.family,
        files: model.files,
        standIn: this.deps.standIn,
        coverage: this.deps.coverageInputs(recording.roundId),
      });
    } catch (error) {
      this.rounds.delete(recordingId);
      return { listening: false, reason: 'worker-failed', message: (error as Error).message };
    }
    round.state = 'listening';
    this.status(round, 'listening', null);
    return { listening: true, modelId };
  }

  /** Passes PCM to the worker; answers the backlog. Never waits on the worker. */
  frames(input: LiveFramesInput): { backlogMs: number } {
    const round = this.rounds.get(input.recordingId);
    if (!round) {
      const recording = this.recording(input.recordingId);
      if (recording.status !== 'recording')
        throw new ConflictError('This recording has finished; frames sent after it finished are not used.');
      throw new ConflictError('Live listening is not running for this recording: call live:start first.');
    }
    if (round.state === 'behind')
      throw new ConflictError(
        'Live listening fell behind for this round and stopped; the round is timed by the clock.',
      );
    if (round.state === 'stopped') throw new ConflictError('Live listening stopped for this round.');
    if (round.state === 'finishing' || round.state === 'done')
      throw new ConflictError('This recording has finished; frames sent after it finished are not used.');
    if (round.state === 'opening') throw new ConflictError('Live listening is still starting: wait for live:start.');
    const end = input.startSample + input.data.byteLength / 2;
    const backlog = () => ({ backlogMs: toMs(round.received - round.processed) });
    if (placeFrames(round, { ...input, samples: input.data.byteLength / 2 }) === 'resent') return backlog();
    if (round.lastSeq === null) round.processed = input.startSample;
    this.send({ type: 'frames', recordingId: round.recordingId, startSample: input.startSample, pcm: input.data });
    round.received = end;
    round.lastSeq = input.seq;
    const answer = backlog();
    if (answer.backlogMs > BEHIND_MS) this.fallBehind(round);
    return answer;
  }

  /**
   * The recording finished (chunk path done). A round listened to up to here gets its transcript from
   * the utterances (marked running now, so the post-round transcription sees it and stays away);
   * any other round keeps the post-round path. Never throws: the recording is already safe.
   */
  recordingFinished(recordingId: string, kept: boolean): void {
    const round = this.rounds.get(recordingId);
    if (!round) return;
    if (!kept || round.state !== 'listening') {
      this.drop(round);
      return;
    }
    round.state = 'finishing';
    try {
      this.deps.transcripts.markPending(round.roundId, round.modelId);
      this.deps.transcripts.markRunning(round.roundId);
    } catch (error) {
      console.error(`[loop-coach] live transcript of round ${round.roundId} not started: ${(error as Error).message}`);
      this.drop(round);
      return;
    }
    this.deps.events.emit('transcript:changed', { roundId: round.roundId, status: 'running' });
    void this.ask(round, { type: 'finish', recordingId })
      .then(() => {
        this.deps.transcripts.save({
          roundId: round.roundId,
          modelId: round.modelId,
          segments: round.utterances,
          createdAt: this.deps.now(),
        });
        round.state = 'done';
        this.status(round, 'stopped', null);
        this.deps.events.emit('transcript:changed', { roundId: round.roundId, status: 'done' });
      })
      .catch((error: unknown) => {
        if (this.stopped) return;
        // The live transcript is incomplete: the post-round transcription makes it from the file.
        round.state = 'stopped';
        this.status(round, 'stopped', `${(error as Error).message} The transcript is made after the round instead.`);
        try {
          this.deps.transcription.run(round.roundId);
        } catch (runError) {
          try {
            this.deps.transcripts.markFailed(round.roundId, (runError as Error).message);
            this.deps.events.emit('transcript:changed', { roundId: round.roundId, status: 'failed' });
          } catch {
            // The round was deleted meanwhile: nothing is left to mark.
          }
        }
      })
      .finally(() => this.forget(round));
  }

  /** The live worker's process id while it runs (the bench reads its CPU time). */
  workerPid(): number | null {
    return this.worker?.pid ?? null;
  }

  stop(): void {
    this.stopped = true;
    this.clearIdle();
    for (const round of this.rounds.values()) round.waiting?.reject(new Error('Loop Coach is closing.'));
    this.rounds.clear();
    const worker = this.worker;
    this.worker = null;
    worker?.kill();
  }

  private recording(recordingId: string) {
    const row = this.deps.db
      .select({ roundId: recordings.roundId, status: recordings.status })
      .from(recordings)
      .where(eq(recordings.id, recordingId))
      .get();
    if (!row) throw new NotFoundError(`No recording has the id "${recordingId}".`);
    return row;
  }

  private fallBehind(round: Round): void {
    round.state = 'behind';
    this.status(
      round,
      'behind',
      'Live transcription fell behind on this computer: this round is timed by the clock, and its transcript is made after it.',
    );
    this.send({ type: 'close', recordingId: round.recordingId });
  }

  /** A round that will not be listened to any more; its post-round path is untouched. */
  private drop(round: Round): void {
    if (round.state === 'listening' || round.state === 'opening')
      this.send({ type: 'close', recordingId: round.recordingId });
    round.waiting?.reject(new Error('The round stopped.'));
    this.forget(round);
  }

  private forget(round: Round): void {
    if (this.rounds.get(round.recordingId) === round) this.rounds.delete(round.recordingId);
    if (this.rounds.size === 0) this.scheduleIdleExit();
  }

  private status(round: Round, state: LiveStatus['state'], message: string | null): void {
    this.deps.events.emit('live:status', {
      roundId: round.roundId,
      recordingId: round.recordingId,
      state,
      backlogMs: toMs(round.received - round.processed),
      message,
    });
  }

  /** Sends a request that the worker answers ('opened' or 'finished') or fails. */
  private ask(round: Round, message: Parameters<LiveProcess['send']>[0]): Promise<void> {
    return new Promise((resolve, reject) => {
      round.waiting = { resolve, reject };
      try {
        this.send(message);
      } catch (error) {
        round.waiting = null;
        reject(new Error(`The live transcription process could not start: ${(error as Error).message}`));
      }
    });
  }

  private send(message: Parameters<LiveProcess['send']>[0]): void {
    this.clearIdle();
    this.ensureWorker().send(message);
  }

  private ensureWorker(): LiveProcess {
    if (this.worker) return this.worker;
    const worker = this.deps.launch();
    this.stderrTail = '';
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (text: string) => (this.stderrTail = (this.stderrTail + text).slice(-2000)));
    worker.on('message', (raw) => {
      if (this.worker === worker) this.onMessage(raw);
    });
    worker.on('exit', (code, signal) => {
      if (this.worker === worker) this.onExit(code, signal ?? null);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.onExit(null, null, error);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(raw: unknown): void {
    const parsed = liveWorkerResponse.safeParse(raw);
    if (!parsed.success) {
      // A worker that speaks another protocol cannot be trusted with the rest of the round either.
      const worker = this.worker;
      this.onExit(null, null, new Error('it sent a message Loop Coach does not understand'));
      worker?.kill();
      return;
    }
    const message: LiveWorkerResponse = parsed.data;
    if (message.type === 'ready') return;
    const round = this.rounds.get(message.recordingId);
    if (!round) return;
    switch (message.type) {
      case 'opened':
      case 'finished':
        if (message.type === 'finished') round.processed = message.sample;
        round.waiting?.resolve();
        round.waiting = null;
        return;
      case 'processed':
        round.processed = Math.max(round.processed, message.sample);
        return;
      case 'utterance':
        return this.heard(round, message);
      case 'failed':
        return this.fail(round, `Live transcription stopped: ${message.message}`);
    }
  }

  private heard(round: Round, u: Extract<LiveWorkerResponse, { type: 'utterance' }>): void {
    if (round.state !== 'listening' && round.state !== 'finishing') return;
    round.utterances.push({ startMs: u.startMs, endMs: u.endMs, text: u.text, words: u.words });
    this.deps.events.emit('live:utterance', {
      roundId: round.roundId,
      recordingId: round.recordingId,
      n: round.utterances.length - 1,
      startMs: u.startMs,
      endMs: u.endMs,
      text: u.text,
      words: u.words,
      coverage: u.coverage,
    });
  }

  private fail(round: Round, message: string): void {
    if (round.waiting) {
      const waiting = round.waiting;
      round.waiting = null;
      waiting.reject(new Error(message));
      return;
    }
    if (round.state !== 'listening') return;
    // Kept until the recording finishes, so later frames hear why; the post-round path then runs.
    round.state = 'stopped';
    this.status(round, 'stopped', `${message} The recording is safe; its transcript is made after the round.`);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null, error?: unknown): void {
    this.worker = null;
    const how = signal ? `was ended by ${signal}` : code !== null ? `exited with code ${code}` : 'failed';
    const cause = error instanceof Error ? error.message : lastLine(this.stderrTail);
    const message = `The live transcription process ${how}${cause ? ` (${cause})` : ''}.`;
    for (const round of [...this.rounds.values()]) this.fail(round, message);
  }

  private scheduleIdleExit(): void {
    if (!this.worker || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.rounds.size > 0 || !this.worker) return;
      const worker = this.worker;
      this.worker = null;
      worker.kill();
    }, IDLE_EXIT_MS);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
