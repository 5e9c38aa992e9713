/**
 * Runs speech analyses and transcriptions in a worker process (worker.ts), one at a time, in the
 * order asked. The process comes from an injected launcher: Electron's utilityProcess under Electron
 * (src/main/electron/analysis-process.ts), Node's child_process.fork in browser mode, scripts and
 * tests (fork.ts). A child process rather than a worker thread because native code that aborts
 * (sherpa-onnx on a corrupt model) ends its whole process: here that is the worker, never the app.
 * When the worker dies mid-analysis that analysis fails with a message saying so, and the next one
 * starts a fresh worker. An idle worker exits after `idleMs`, giving back the memory of long recordings.
 */
import type { Segment } from '../../../shared/metrics';
import type { TranscriptSegment } from '../../../shared/transcript';
import { workerResponse, type WorkerRequest, type WorkerResponse } from './worker-messages';

/** What a worker's owner needs of its process; Node's ChildProcess fits as is, Electron's UtilityProcess through a thin adapter. */
export type WorkerProcess<Request> = {
  send(message: Request): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal?: NodeJS.Signals | null) => void): unknown;
  /** Node: the process could not be started; Electron: a fatal V8 error (an exit follows). */
  on(event: 'error', listener: (error: unknown) => void): unknown;
  kill(): unknown;
  /** The worker's stderr when piped: its last line names a native abort's cause. */
  stderr?: NodeJS.ReadableStream | null;
  /** While it runs (the bench reads its CPU time). */
  pid?: number | undefined;
};
export type AnalysisProcess = WorkerProcess<WorkerRequest>;
export type AnalysisLauncher = () => AnalysisProcess;

export type AnalysisResult = { durationMs: number; segments: Segment[] };

/** The worker process died (native abort, crash, killed) while it analysed this recording. */
export class AnalysisWorkerCrashed extends Error {
  override name = 'AnalysisWorkerCrashed';
}

/** The runner was stopped (the app is closing): the analysis stays pending for the next start. */
export class AnalysisStopped extends Error {
  override name = 'AnalysisStopped';
}

/** A transcription request without its job id (the runner numbers jobs). */
export type TranscribeRequest = Omit<Extract<WorkerRequest, { type: 'transcribe' }>, 'jobId' | 'type'>;

type Finished = Extract<WorkerResponse, { type: 'done' | 'transcribed' }>;
type Job = {
  id: number;
  request: WorkerRequest;
  onProgress?: (fraction: number) => void;
  resolve: (result: Finished) => void;
  reject: (error: Error) => void;
};

/** How a crash message names the job the worker died on. */
const DOING: Record<WorkerRequest['type'], { process: string; while: string; again: string }> = {
  analyze: { process: 'speech analysis', while: 'analysing', again: 'analyse' },
  transcribe: { process: 'transcription', while: 'transcribing', again: 'transcribe' },
};
type Worker = { process: AnalysisProcess; stderrTail: string };

const STDERR_TAIL_CHARS = 2000;

export class AnalysisRunner {
  private worker: Worker | null = null;
  private job: Job | null = null;
  private readonly waiting: Job[] = [];
  private nextJobId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly launch: AnalysisLauncher,
    private readonly idleMs = 30_000,
  ) {}

  /** Decodes `file` and finds its speech in the worker; `onProgress` gets the fraction read (0..1). */
  async analyze(file: string, onProgress?: (fraction: number) => void): Promise<AnalysisResult> {
    const done = await this.run({ type: 'analyze', jobId: 0, file }, onProgress);
    if (done.type !== 'done') throw new Error('The analysis worker answered an analysis with a transcript.');
    return { durationMs: done.durationMs, segments: done.segments };
  }

  /** Transcribes `file` with a verified model in the same worker, queued with the analyses. */
  async transcribe(request: TranscribeRequest, onProgress?: (fraction: number) => void): Promise<TranscriptSegment[]> {
    const done = await this.run({ type: 'transcribe', jobId: 0, ...request }, onProgress);
    if (done.type !== 'transcribed') throw new Error('The analysis worker answered a transcription with an analysis.');
    return done.segments;
  }

  private run(request: WorkerRequest, onProgress?: (fraction: number) => void): Promise<Finished> {
    if (this.stopped) return Promise.reject(new AnalysisStopped('Speech analysis has stopped: the app is closing.'));
    return new Promise((resolve, reject) => {
      const id = this.nextJobId++;
      this.waiting.push({ id, request: { ...request, jobId: id }, onProgress, resolve, reject });
      this.next();
    });
  }

  /** Ends the worker; analyses in flight or waiting reject with AnalysisStopped. */
  stop(): void {
    this.stopped = true;
    this.clearIdle();
    const pending = [...(this.job ? [this.job] : []), ...this.waiting.splice(0)];
    this.job = null;
    if (this.worker) this.retire(this.worker);
    for (const job of pending) job.reject(new AnalysisStopped('Speech analysis has stopped: the app is closing.'));
  }

  private next(): void {
    if (this.job || this.stopped) return;
    const job = this.waiting.shift();
    if (!job) return this.scheduleIdleExit();
    this.clearIdle();
    this.job = job;
    try {
      this.ensureWorker().process.send(job.request);
    } catch (error) {
      this.finish(
        job,
        new AnalysisWorkerCrashed(
          `The ${DOING[job.request.type].process} process could not start: ${(error as Error).message}`,
        ),
      );
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker: Worker = { process: this.launch(), stderrTail: '' };
    worker.process.stderr?.setEncoding('utf8');
    worker.process.stderr?.on('data', (text: string) => {
      worker.stderrTail = (worker.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    });
    worker.process.on('message', (raw) => this.onMessage(worker, raw));
    worker.process.on('exit', (code, signal) => this.onExit(worker, code, signal ?? null));
    worker.process.on('error', (error) => this.onExit(worker, null, null, error));
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, raw: unknown): void {
    if (worker !== this.worker) return;
    const parsed = workerResponse.safeParse(raw);
    if (!parsed.success) {
      // A worker that speaks another protocol cannot be trusted with the next recording either.
      this.retire(worker);
      if (this.job)
        this.finish(
          this.job,
          new AnalysisWorkerCrashed(
            `The ${DOING[this.job.request.type].process} process sent a message Loop Coach does not understand.`,
          ),
        );
      return;
    }
    const message: WorkerResponse = parsed.data;
    const job = this.job;
    if (message.type === 'ready' || !job || message.jobId !== job.id) return;
    if (message.type === 'progress') job.onProgress?.(message.fraction);
    else if (message.type === 'failed') this.finish(job, new Error(message.message));
    else this.finish(job, message);
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null, error?: unknown): void {
    if (worker !== this.worker) return;
    this.worker = null;
    const job = this.job;
    if (!job) return this.next();
    const how = signal ? `was ended by ${signal}` : code !== null ? `exited with code ${code}` : 'failed';
    // 'exit' can come before the last of stderr, which names the cause of a native abort.
    afterEnd(worker.process.stderr, () => {
      if (this.job !== job) return;
      const cause = error instanceof Error ? error.message : lastLine(worker.stderrTail);
      const doing = DOING[job.request.type];
      this.finish(
        job,
        new AnalysisWorkerCrashed(
          `The ${doing.process} process ${how} while ${doing.while} this recording${cause ? ` (${cause})` : ''}. ` +
            `The recording itself is safe; press Try again to ${doing.again} it in a fresh process.`,
        ),
      );
    });
  }

  private finish(job: Job, outcome: Finished | Error): void {
    if (this.job === job) this.job = null;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    this.next();
  }

  /** Forgets the worker before killing it, so its exit is not taken for a crash. */
  private retire(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    worker.process.kill();
  }

  private scheduleIdleExit(): void {
    if (!this.worker || this.idleTimer) return;
    const worker = this.worker;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.job) this.retire(worker);
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** The last line that says something (Node ends an uncaught error's report with its version). */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Node\.js v\d/.test(l));
  return lines.at(-1) ?? '';
}

/** Calls `then` once `stream` has ended, or after a short wait if it never does (not piped: at once). */
function afterEnd(stream: NodeJS.ReadableStream | null | undefined, then: () => void): void {
  if (!stream || (stream as { readableEnded?: boolean }).readableEnded) return then();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(once, 500);
  stream.once('end', once);
  stream.once('close', once);
}
