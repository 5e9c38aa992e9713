/**
 * Under Electron the analysis worker runs as a utility process (utility-process.ts): decoding and VAD
 * then never share the main process with chunk IPC, and a native abort in sherpa-onnx ends only that
 * process (see services/analysis/runner.ts).
 */
import { analysisWorkerScript } from '../services/analysis/fork';
import type { AnalysisProcess } from '../services/analysis/runner';
import type { WorkerRequest } from '../services/analysis/worker-messages';
import { forkUtility } from './utility-process';

export function launchAnalysisUtility(): AnalysisProcess {
  // Found from fork.ts's own folder: out/main when built, the source folder (through tsx) in tests.
  return forkUtility<WorkerRequest>(analysisWorkerScript(), 'Loop Coach speech analysis');
}
