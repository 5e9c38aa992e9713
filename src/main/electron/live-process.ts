/**
 * Under Electron the live worker runs as a utility process, as the analysis worker does
 * (utility-process.ts): the VAD and the model never share the main process with chunk IPC, and a
 * native abort ends only that process. Structured clones carry the PCM as bytes.
 */
import { liveWorkerScript, type LiveProcess } from '../services/live/process';
import type { LiveWorkerRequest } from '../services/live/worker-messages';
import { forkUtility } from './utility-process';

export function launchLiveUtility(): LiveProcess {
  return forkUtility<LiveWorkerRequest>(liveWorkerScript(), 'Loop Coach live transcription');
}
