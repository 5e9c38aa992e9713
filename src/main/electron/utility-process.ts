/**
 * A worker script as an Electron utility process: a Node child Electron starts without RunAsNode
 * (which the fuses turn off, so child_process.fork of Electron itself is not an option), adapted to
 * the WorkerProcess shape the analysis runner and the live service use. Messages are structured
 * clones; stderr is piped so a native abort's last line can be named.
 */
import { utilityProcess } from 'electron';
import type { WorkerScript } from '../services/analysis/fork';
import type { WorkerProcess } from '../services/analysis/runner';

export function forkUtility<Request>(script: WorkerScript, serviceName: string): WorkerProcess<Request> {
  const child = utilityProcess.fork(script.file, [], {
    serviceName,
    execArgv: script.execArgv,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  return {
    send: (message) => child.postMessage(message),
    on: ((event: 'message' | 'exit' | 'error', listener: (...args: never[]) => void) =>
      child.on(event as 'message', listener as (message: unknown) => void)) as WorkerProcess<Request>['on'],
    kill: () => child.kill(),
    stderr: child.stderr,
    get pid() {
      return child.pid;
    },
  };
}
