/**
 * Chunk appends through the real recordings service while a 60-minute recording is analysed: the
 * figure speech analysis must not move. The app is the one `createLoopCoach` wires (analysis in its
 * worker process); the baseline runs the same analysis in this process, as it ran before the worker.
 * Appends are paced every 5 ms (200x MediaRecorder's one a second) for as long as the analysis runs,
 * so the percentile covers all of it without filling the disk; each counts from when it was due.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeAudioFile } from '../src/main/services/analysis/analyze-file';
import { createLoopCoach, type LoopCoach } from '../src/main/services/app';
import { dispatch } from '../src/main/services/infra/dispatch';
import { percentile, round, type Bench } from './figure';
import { longRecording } from './fixtures';
import { benchLoop, CHUNK_BYTES } from './recording-main';

const root = path.resolve(__dirname, '..');
const PACE_MS = 5;

async function ok<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function beginRound(app: LoopCoach): Promise<{ roundId: string; recordingId: string }> {
  const session = await ok<{ id: string }>(
    dispatch(app.handlers, 'session:start', { source: { type: 'item', id: 'bench-loop' } }),
  );
  const begun = await ok<{ round: { id: string }; recording: { id: string } }>(
    dispatch(app.handlers, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }),
  );
  return { roundId: begun.round.id, recordingId: begun.recording.id };
}

/**
 * Appends a chunk every PACE_MS until `running()` turns false; returns each latency, sorted. A
 * latency runs from when the chunk was due (its timer), not from when the append began, so time
 * spent waiting for a busy event loop counts, as it would for a chunk waiting in the IPC queue.
 */
export async function appendWhile(app: LoopCoach, recordingId: string, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  for (let seq = 0; running(); seq++) {
    const due = performance.now() + PACE_MS;
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    const data = new Uint8Array(CHUNK_BYTES).fill(seq % 251);
    const peaks = new Uint8Array(50).fill(seq % 200);
    const started = performance.now();
    await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks }));
    const done = performance.now();
    times.push(Math.max(done - due, done - started));
  }
  return times.sort((a, b) => a - b);
}

/** A finalized round holding the 60-minute recording, fed in 512 kB chunks; its analysis is queued. */
async function recordLong(app: LoopCoach, webm: string): Promise<string> {
  const { roundId, recordingId } = await beginRound(app);
  const bytes = fs.readFileSync(webm);
  const size = 512 * 1024;
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += size) {
    const data = new Uint8Array(bytes.subarray(at, at + size));
    await ok(dispatch(app.handlers, 'recording:chunk', { recordingId, seq, data, peaks: new Uint8Array(50) }));
  }
  await ok(dispatch(app.handlers, 'recording:finish', { recordingId }));
  return roundId;
}

async function withApp<T>(run: (app: LoopCoach) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-coach-bench-'));
  fs.mkdirSync(path.join(dataDir, 'content'));
  fs.writeFileSync(path.join(dataDir, 'content', 'bench.yaml'), benchLoop);
  const app = await createLoopCoach({
    dataDir,
    builtinContentDir: path.join(root, 'content'),
    migrationsDir: path.join(root, 'resources', 'migrations'),
    transport: 'web',
    version: 'bench',
  });
  try {
    return await run(app);
  } finally {
    app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const recordingDuringAnalysis: Bench = {
  name: 'recording during analysis',
  figures: ['chunk_append_p99_during_analysis_ms'],
  async run() {
    const webm = longRecording(60);

    // The app as shipped: the finished round's analysis runs in the worker process.
    const worker = await withApp(async (app) => {
      const analysed = await recordLong(app, webm);
      const { recordingId } = await beginRound(app);
      let running = true;
      const started = performance.now();
      const idle = app.analysis.idle().then(() => (running = false));
      const times = await appendWhile(app, recordingId, () => running);
      await idle;
      const status = app.analysis.get(analysed).status;
      if (status !== 'done') throw new Error(`the 60-minute analysis ended ${status}`);
      return { times, seconds: (performance.now() - started) / 1000 };
    });

    // The alternative: the same analysis in this process, beside the appends.
    const inProcess = await withApp(async (app) => {
      const { recordingId } = await beginRound(app);
      let running = true;
      const started = performance.now();
      const analysis = analyzeAudioFile(webm).finally(() => (running = false));
      const times = await appendWhile(app, recordingId, () => running);
      await analysis;
      return { times, seconds: (performance.now() - started) / 1000 };
    });

    const value = round(percentile(worker.times, 99));
    const baseline = round(percentile(inProcess.times, 99));
    return [
      {
        name: 'chunk_append_p99_during_analysis_ms',
        value,
        unit: 'ms',
        baseline,
        ratio: round(baseline / value, 1),
        note:
          `${worker.times.length} appends over a ${worker.seconds.toFixed(0)} s analysis in the worker ` +
          `(p50 ${round(percentile(worker.times, 50))} ms, max ${round(worker.times.at(-1)!)} ms); ` +
          `baseline in-process: ${inProcess.times.length} appends over ${inProcess.seconds.toFixed(0)} s, ` +
          `max ${round(inProcess.times.at(-1)!)} ms`,
      },
    ];
  },
};
