/**
 * The stand-in's UtilityProcess (electron-mock.ts's utilityProcess.fork makes them, only after ready).
 */
import { fork as forkChild, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
const utilityChild = pathToFileURL(path.join(__dirname, 'electron-utility-child.ts')).href;

/**
 * Electron's UtilityProcess over a real Node child (Electron's utilityProcess and parentPort docs):
 * `postMessage` reaches the child's `process.parentPort` 'message' listeners as `{ data }`, the
 * child's `parentPort.postMessage` arrives here as 'message' with the data itself, both as structured
 * clones; `exit` gives a number, the signal's number when a signal ended it (Chromium reports the
 * wait status, not null); `kill()` sends SIGTERM; stdout/stderr are streams only when piped. The
 * child has no Node IPC of its own and refuses external buffers (electron-utility-child.ts).
 */
export class MockUtilityProcess extends EventEmitter {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  private readonly child: ChildProcess;
  private exited = false;

  constructor(
    modulePath: string,
    args: string[],
    options: { execArgv?: string[]; stdio?: unknown; env?: NodeJS.ProcessEnv; cwd?: string },
  ) {
    super();
    const stdio =
      typeof options.stdio === 'string'
        ? [options.stdio, options.stdio, options.stdio]
        : Array.isArray(options.stdio)
          ? options.stdio
          : ['ignore', 'inherit', 'inherit'];
    this.child = forkChild(modulePath, args, {
      // The stand-in's own preload comes first; the caller's execArgv (tsx from source) after it.
      execArgv: ['--import', tsxLoader, '--import', utilityChild, ...(options.execArgv ?? [])],
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: [...(stdio as ('ignore' | 'inherit' | 'pipe')[]).slice(0, 3), 'ipc'],
      serialization: 'advanced',
    });
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.emit('exit', code ?? (signal ? os.constants.signals[signal] : 1));
    });
    this.child.on('error', (error) => this.emit('error', 'FatalError', String(error)));
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }

  postMessage(message: unknown): void {
    if (this.exited) return;
    this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }

  /** Test side: the process dies the way a native abort ends it. */
  crash(signal: NodeJS.Signals = 'SIGABRT'): void {
    this.child.kill(signal);
  }
}
