/**
 * Under Electron the analysis worker runs as a utility process: a Node child Electron starts
 * without RunAsNode (which the fuses turn off, so child_process.fork of Electron itself is not an
 * option). Decoding and VAD then never share the main process with chunk IPC, and a native abort
 * in sherpa-onnx ends only that process (see services/analysis/runner.ts).
 */
import { utilityProcess } from 'electron';
import { analysisWorkerScript } from '../services/analysis/fork';
import type { AnalysisProcess } from '../services/analysis/runner';

export function launchAnalysisUtility(): AnalysisProcess {
  // Found from fork.ts's own folder: out/main when built, the source folder (through tsx) in tests.
  const script = analysisWorkerScript();
  const child = utilityProcess.fork(script.file, [], {
    serviceName: 'Loop Coach speech analysis',
    execArgv: script.execArgv,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  return {
    send: (message) => child.postMessage(message),
    on: ((event: 'message' | 'exit' | 'error', listener: (...args: never[]) => void) =>
      child.on(event as 'message', listener as (message: unknown) => void)) as AnalysisProcess['on'],
    kill: () => child.kill(),
    stderr: child.stderr,
  };
}
