/**
 * The live worker as a process: its script (out/main/live-worker.js when built, worker.ts through
 * tsx from source) and Node's child_process.fork for browser mode, scripts and tests, with
 * structured-clone messages so PCM travels as bytes, not as a JSON object of numbered keys.
 * Electron's utilityProcess launcher is src/main/electron/live-process.ts.
 */
import { forkWorker, workerScript, type ForkOptions, type WorkerScript } from '../analysis/fork';
import type { WorkerProcess } from '../analysis/runner';
import type { LiveWorkerRequest } from './worker-messages';

export type LiveProcess = WorkerProcess<LiveWorkerRequest>;
export type LiveLauncher = () => LiveProcess;

export function liveWorkerScript(dir: string = __dirname): WorkerScript {
  return workerScript('live-worker.js', dir, 'live worker');
}

export function forkLiveWorker(options: ForkOptions = {}): LiveProcess {
  return forkWorker(options.script ?? liveWorkerScript(), options.env, 'advanced');
}
