/**
 * Transcribes rounds in the background with the model the user chose, one at a time, in the
 * analysis worker (runner.ts): a new round right after its analysis, older rounds when asked
 * (backfill), a single round again on request. Each transcript goes pending → running → done or
 * failed, with `transcript:changed` at every step. The model's files are verified (size, SHA-256)
 * before every job, so a corrupt or truncated file fails that transcript with a message and is never
 * loaded; a worker that dies mid-job fails only that transcript, and the next job gets a fresh worker.
 */
import { eq, inArray } from 'drizzle-orm';
import type { BackfillResult, TranscriptView } from '../../../shared/contract';
import { segment } from '../../../shared/metrics';
import type { AnalysisRunner } from '../analysis/runner';
import { AnalysisStopped } from '../analysis/runner';
import type { AppDatabase } from '../db/open';
import { recordings, roundAnalyses, roundTranscripts } from '../db/schema';
import { UnavailableError } from '../infra/errors';
import type { EventBus } from '../infra/events';
import { insideRoot } from '../infra/paths';
import type { TranscriptStore } from '../transcripts/store';
import { isInstalled, ModelVerifier, modelsDir, type VerifiedModel } from './model-files';

const NO_MODEL =
  'No transcription model is installed and chosen: pick one and download it in Settings → Transcription.';

type Queued = { roundId: string; modelId: string; backfill: boolean };

export class TranscriptionService {
  private readonly queue: Queued[] = [];
  private worker: Promise<void> | null = null;
  private stopped = false;
  private readonly verifier: ModelVerifier;
  /** Progress of "transcribe older rounds": rounds it queued, and how many of them have finished. */
  private backfill = { done: 0, total: 0 };

  constructor(
    private readonly db: AppDatabase,
    private readonly dataDir: string,
    private readonly store: TranscriptStore,
    private readonly events: EventBus,
    private readonly runner: AnalysisRunner,
    /** The model chosen in settings (read at each use: the user may change it at any time). */
    private readonly chosenModel: () => string | null,
    private readonly now: () => number,
  ) {
    this.verifier = new ModelVerifier(modelsDir(dataDir));
  }

  /** The model transcription uses now: chosen and installed, else null (the app works without one). */
  activeModel(): string | null {
    const id = this.chosenModel();
    return id && isInstalled(this.dataDir, id) ? id : null;
  }

  /** Checks a model's files (size, SHA-256, cached by mtime) before anything loads them; throws naming what is wrong. */
  verifyModel(modelId: string): Promise<VerifiedModel> {
    return this.verifier.verify(modelId);
  }

  /** After a round's analysis: transcribe it when a model is ready and the round has no transcript yet. */
  onAnalysed(roundId: string): void {
    const modelId = this.activeModel();
    if (!modelId || this.stopped) return;
    if (this.store.view(roundId).status !== 'none') return;
    this.enqueue(roundId, modelId, false);
  }

  /** Transcripts a shutdown interrupted (pending or running) start again with the current model. */
  resumeInterrupted(): number {
    const modelId = this.activeModel();
    if (!modelId) return 0;
    const rows = this.db
      .select({ roundId: roundTranscripts.roundId })
      .from(roundTranscripts)
      .where(inArray(roundTranscripts.status, ['pending', 'running']))
      .all();
    for (const { roundId } of rows) this.enqueue(roundId, modelId, false);
    return rows.length;
  }

  /** One round again (a failed transcript's Try again). */
  run(roundId: string): TranscriptView {
    const modelId = this.activeModel();
    if (!modelId) throw new UnavailableError(NO_MODEL);
    this.enqueue(roundId, modelId, false);
    return this.store.view(roundId);
  }

  /** Older rounds with audio and no transcript (or a failed one), newest first, `limit` at a time. */
  backfillOlder(limit: number): BackfillResult {
    const modelId = this.activeModel();
    if (!modelId) throw new UnavailableError(NO_MODEL);
    if (this.backfill.done >= this.backfill.total) this.backfill = { done: 0, total: 0 };
    const ids = this.store.roundsWithout(limit).filter((id) => !this.queue.some((q) => q.roundId === id));
    this.backfill.total += ids.length;
    for (const roundId of ids) this.enqueue(roundId, modelId, true);
    this.events.emit('transcription:progress', { ...this.backfill });
    return { queued: ids.length, total: this.queue.length + (this.worker ? 1 : 0) };
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  /** Resolves when the queue is empty (tests, scripts). */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  private enqueue(roundId: string, modelId: string, backfill: boolean): void {
    if (this.stopped || this.queue.some((q) => q.roundId === roundId)) return;
    this.store.markPending(roundId, modelId);
    this.queue.push({ roundId, modelId, backfill });
    this.events.emit('transcript:changed', { roundId, status: 'pending' });
    this.worker ??= this.work().finally(() => (this.worker = null));
  }

  private async work(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      try {
        this.store.markRunning(job.roundId);
        this.events.emit('transcript:changed', { roundId: job.roundId, status: 'running' });
        await this.transcribe(job);
        if (this.stopped) return;
        this.events.emit('transcript:changed', { roundId: job.roundId, status: 'done' });
      } catch (error) {
        // Stopping leaves the transcript running; the next start resumes it.
        if (this.stopped || error instanceof AnalysisStopped) return;
        try {
          this.store.markFailed(job.roundId, (error as Error).message);
          this.events.emit('transcript:changed', { roundId: job.roundId, status: 'failed' });
        } catch {
          // The round was deleted meanwhile: nothing is left to mark.
        }
      }
      if (job.backfill) {
        this.backfill.done += 1;
        this.events.emit('transcription:progress', { ...this.backfill });
      }
    }
  }

  private async transcribe({ roundId, modelId }: Queued): Promise<void> {
    const recording = this.db.select().from(recordings).where(eq(recordings.roundId, roundId)).get();
    if (!recording || (recording.status !== 'finalized' && recording.status !== 'recovered')) {
      throw new Error('The round has no finished recording to transcribe.');
    }
    const file = insideRoot(this.dataDir, recording.file);
    if (!file) throw new Error('The recording path is outside the data folder.');
    // Verified before every job: a file replaced or damaged since the last one is caught too.
    const model = await this.verifier.verify(modelId);
    const analysis = this.db
      .select({ status: roundAnalyses.status, segments: roundAnalyses.segmentsJson })
      .from(roundAnalyses)
      .where(eq(roundAnalyses.roundId, roundId))
      .get();
    const speech =
      analysis?.status === 'done' && analysis.segments ? segment.array().parse(JSON.parse(analysis.segments)) : null;
    const segments = await this.runner.transcribe({ file, family: model.family, files: model.files, speech });
    if (this.stopped) return;
    this.store.save({ roundId, modelId, segments, createdAt: this.now() });
  }
}
