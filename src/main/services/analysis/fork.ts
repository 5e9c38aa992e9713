/**
 * The analysis worker as a Node child process (browser mode, scripts, tests), and where its script
 * is: built by electron-vite beside the main bundle (out/main/analysis-worker.js, also inside a
 * packaged app's asar), or, when the services run from source (vitest, tsx), worker.ts through tsx.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisProcess } from './runner';

export type WorkerScript = { file: string; execArgv: string[] };

/**
 * `dir` is the folder of the code asking: this folder from source; bundled, out/main, or
 * out/main/chunks when the code sits in a chunk the entries share.
 */
export function analysisWorkerScript(dir: string = __dirname): WorkerScript {
  return workerScript('analysis-worker.js', dir, 'analysis worker');
}

/** A worker process's script: `built` in or above `dir` when bundled, else worker.ts in `dir` through tsx. */
export function workerScript(built: string, dir: string, what: string): WorkerScript {
  const file = [dir, path.dirname(dir)].map((d) => path.join(d, built)).find((f) => fs.existsSync(f));
  if (file) return { file, execArgv: [] };
  const source = path.join(dir, 'worker.ts');
  if (!fs.existsSync(source)) {
    throw new Error(`The ${what} is missing (no ${built} in or above ${dir}); build the app with \`npm run build\`.`);
  }
  const tsx = createRequire(__filename).resolve('tsx');
  return { file: source, execArgv: ['--import', pathToFileURL(tsx).href] };
}

export type ForkOptions = { env?: NodeJS.ProcessEnv; script?: WorkerScript };

export function forkAnalysisWorker(options: ForkOptions = {}): AnalysisProcess {
  return forkWorker(options.script ?? analysisWorkerScript(), options.env, 'json');
}

/** `advanced`: structured clones, for workers that take bytes (the live worker's PCM). */
export function forkWorker(
  script: WorkerScript,
  env: NodeJS.ProcessEnv = process.env,
  serialization: 'json' | 'advanced',
) {
  // execArgv is always given: the parent's own flags (--inspect, --expose-gc) are not the worker's.
  return fork(script.file, [], {
    execArgv: script.execArgv,
    env,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization,
  });
}
