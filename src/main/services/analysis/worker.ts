/**
 * The analysis worker: decodes a recording with ffmpeg and runs the speech detector, or a
 * speech-to-text model (transcribe.ts), in a process of its own, so a 60-minute analysis (tens of seconds of CPU, ~350 MB of samples) never runs beside
 * chunk appends, and a native crash (sherpa-onnx aborts its whole process on a corrupt model) takes
 * down only this process. Started by Electron's utilityProcess.fork (messages through
 * process.parentPort) or by Node's child_process.fork (process.send); see runner.ts.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { listenToParent, sendToParent } from '../infra/worker-port';
import { analyzeAudioFile } from './analyze-file';
import { transcribeAudioFile } from './transcribe';
import { vadModelPath } from './vad';
import { workerRequest, type WorkerRequest, type WorkerResponse } from './worker-messages';

const send: (message: WorkerResponse) => void = sendToParent;

/** Progress at most every 1 % of the audio: a 60-minute recording would otherwise send 720 messages. */
function throttled(jobId: number) {
  let last = 0;
  return (fraction: number) => {
    if (fraction - last < 0.01) return;
    last = fraction;
    send({ type: 'progress', jobId, fraction: Math.min(1, Math.max(0, fraction)) });
  };
}

async function analyze(jobId: number, file: string): Promise<WorkerResponse> {
  try {
    const model = vadModelPath();
    // sherpa-onnx accepts a missing model and fails later in native code; say what is wrong instead.
    if (!fs.existsSync(model)) throw new Error(`The speech model file is missing (${model}).`);
    const { durationMs, segments } = await analyzeAudioFile(file, { onProgress: throttled(jobId) });
    return { type: 'done', jobId, durationMs, segments };
  } catch (error) {
    return { type: 'failed', jobId, message: (error as Error).message };
  }
}

async function transcribe(request: Extract<WorkerRequest, { type: 'transcribe' }>): Promise<WorkerResponse> {
  const { jobId, ...input } = request;
  try {
    const segments = await transcribeAudioFile(input, throttled(jobId));
    return { type: 'transcribed', jobId, segments };
  } catch (error) {
    return { type: 'failed', jobId, message: (error as Error).message };
  }
}

const looseJobId = z.object({ jobId: z.number().int() });

// One request at a time, in arrival order (the runner sends one at a time anyway).
let chain: Promise<void> = Promise.resolve();
function onRequest(raw: unknown): void {
  const request = workerRequest.safeParse(raw);
  if (!request.success) {
    const jobId = looseJobId.safeParse(raw).data?.jobId ?? -1;
    send({ type: 'failed', jobId, message: `The analysis worker got a malformed request: ${request.error.message}` });
    return;
  }
  const job = request.data;
  chain = chain.then(async () =>
    send(job.type === 'analyze' ? await analyze(job.jobId, job.file) : await transcribe(job)),
  );
}

listenToParent(onRequest, 'analysis worker');
send({ type: 'ready' });
