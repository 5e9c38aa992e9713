/**
 * Live listening from outside, against the built browser-mode server (out/main/web.js) with its real
 * live worker, while two busy processes load both cores. Real espeak speech goes in as 16 kHz PCM
 * over HTTP `live:frames`, utterances come back on the SSE stream.
 *
 * - live_utterance_to_words_p95_ms: from the moment the audio that ends an utterance is sent (the
 *   frame holding the sample where the detector's closing silence is complete: the utterance's
 *   speech end + LIVE_MIN_SILENCE_MS; speech end = its padded end − PAD_MS) to its `live:utterance`
 *   event read on the SSE stream. Frames go at real time (100 ms each, every 100 ms). With the
 *   recognizer's stand-in this is the pipeline's own cost; the tiny fixture model's run gives the
 *   native recognizer's added time (a real model's own time is its real-time factor × the utterance).
 * - chunk_append_p99_during_live_transcription_ms: recording:chunk over HTTP (16 kB every 50 ms)
 *   while the frames flow; baseline: the same appends with no live listening.
 * - transcript_ready_after_round_end_ms: a 5-minute round listened to live (fixture model): from
 *   recording:finish sent to `transcript:changed` done on the stream; baseline: the post-round path
 *   (analysis, then transcription of the whole file) for the same round without live listening.
 * - live_worker_cpu_share_pct: the live worker's CPU time (/proc/PID/stat) over the real-time run's
 *   wall time, in % of one core.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { LIVE_MIN_SILENCE_MS } from '../src/main/services/live/listener';
import { PAD_MS } from '../src/main/services/transcription/chunks';
import type { LiveUtterance } from '../src/shared/contract';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../tests/support/asr-model';
import { liveWebm } from '../tests/support/audio';
import { framesOf, hashMapAnswer, liveFixture, LIVE_RATE, type LiveFixture } from '../tests/support/live-audio';
import { eventStream, postFrames, type EventStream } from '../tests/support/live-http';
import { api } from '../tests/support/recording-client';
import { call, makeApp } from '../tests/support/sessions';
import { makeDataDir, startServer, type RunningServer } from '../tests/support/web-server';
import { percentile, round, type Bench, type Figure } from './figure';
import { appendWhile } from './recording-analysis';
import { loadCpu } from './live-session';

const FRAME_MS = 100;
const CHUNK_EVERY_MS = 50;
const CHUNK_BYTES = 16 * 1024;
const loop = `kind: loop\nid: bench-listen\ntitle: Bench listening\ncategory: Bench\nrounds:\n  - questionType: theory\n    prompt: Explain how a hash map works.\n    budgetSeconds: 600\n    expectedPoints: [Keys go into buckets by hash, Collisions share a bucket, The table doubles and rehashes]\n`;

const parts = [0.8, ...hashMapAnswer];

type Run = { server: RunningServer; stream: EventStream; recordingId: string; roundId: string; dataDir: string };

async function begin(standIn: string | null): Promise<Run> {
  const dataDir = makeDataDir('loop-coach-bench-live-');
  fs.mkdirSync(path.join(dataDir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'content', 'bench.yaml'), loop);
  installFixtureModel(dataDir);
  const server = await startServer(dataDir, [], { env: standIn ? { LOOP_COACH_LIVE_RECOGNIZER: standIn } : {} });
  const stream = await eventStream(server);
  await api(server, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
  const session = (await api(server, 'session:start', { source: { type: 'item', id: 'bench-listen' } })).value as {
    id: string;
  };
  const begun = (await api(server, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }))
    .value as { round: { id: string }; recording: { id: string } };
  return { server, stream, dataDir, recordingId: begun.recording.id, roundId: begun.round.id };
}

async function end(run: Run): Promise<void> {
  run.stream.close();
  await run.server.stop();
  fs.rmSync(run.dataDir, { recursive: true, force: true });
}

async function startLive(run: Run, live: boolean): Promise<void> {
  if (!live) return;
  const started = (await api(run.server, 'live:start', { recordingId: run.recordingId })).value as {
    listening: boolean;
  };
  if (!started.listening) throw new Error('live listening did not start');
}

/** The PCM looped to `seconds`. */
function looped(answer: LiveFixture, seconds: number): Buffer {
  const want = seconds * LIVE_RATE * 2;
  const out = Buffer.alloc(want);
  for (let at = 0; at < want; at += answer.pcm.length)
    answer.pcm.copy(out, at, 0, Math.min(answer.pcm.length, want - at));
  return out;
}

function liveWorkerPid(server: RunningServer): number | null {
  const children = fs.readFileSync(`/proc/${server.process.pid}/task/${server.process.pid}/children`, 'utf8');
  for (const pid of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
    if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('live-worker')) return pid;
  }
  return null;
}

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime (fields 14 and 15), in clock ticks (100 a second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * Sends `pcm` as frames every FRAME_MS (real time) from a thread of its own, as a page's audio
 * thread would, while this thread appends a chunk every CHUNK_EVERY_MS; returns when each frame was
 * sent (epoch ms, performance.timeOrigin-based) and each append's round trip.
 */
async function stream(run: Run, pcm: Buffer, live: boolean) {
  const frames = framesOf(pcm, FRAME_MS);
  const appends: number[] = [];
  let done = false;
  const appending = (async () => {
    for (let seq = 0; !done; seq++) {
      const started = performance.now();
      const response = await fetch(
        `${run.server.origin}/api/recording:chunk?recordingId=${run.recordingId}&seq=${seq}&peaks=AAAA`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': run.server.token },
          body: new Uint8Array(CHUNK_BYTES).fill(seq % 251),
        },
      );
      if (!((await response.json()) as { ok: boolean }).ok) throw new Error('chunk refused');
      appends.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, CHUNK_EVERY_MS));
    }
  })();
  const t0 = performance.now();
  const sender = new Worker(SENDER, {
    eval: true,
    workerData: {
      origin: run.server.origin,
      token: run.server.token,
      recordingId: run.recordingId,
      frames,
      live,
      frameMs: FRAME_MS,
    },
  });
  const sentAt = await new Promise<number[]>((resolve, reject) => {
    sender.once('message', (m: { sentAt?: number[]; error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve(m.sentAt!),
    );
    sender.once('error', reject);
  });
  await sender.terminate();
  done = true;
  await appending;
  return { frames, sentAt, appends: appends.sort((a, b) => a - b), wallMs: performance.now() - t0 };
}

/** The frame sender's thread: frames at real time over HTTP, each send time as epoch ms. */
const SENDER = `
const { parentPort, workerData: w } = require('node:worker_threads');
(async () => {
  const sentAt = [];
  const t0 = performance.now();
  for (let seq = 0; seq < w.frames.length; seq++) {
    const f = w.frames[seq];
    const wait = t0 + seq * w.frameMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.push(performance.timeOrigin + performance.now());
    if (!w.live) continue;
    const response = await fetch(w.origin + '/api/live:frames?recordingId=' + w.recordingId + '&seq=' + seq + '&startSample=' + f.startSample, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': w.token },
      body: f.data,
    });
    const answer = await response.json();
    if (!answer.ok) return parentPort.postMessage({ error: 'frames refused: ' + answer.error.message });
  }
  parentPort.postMessage({ sentAt });
})();
`;

/** Each utterance's delay from the frame that completed its closing silence to its SSE event. */
function utteranceDelays(run: Run, frames: { startSample: number }[], sentAt: number[]): number[] {
  const delays: number[] = [];
  for (const e of run.stream.events) {
    if (e.channel !== 'live:utterance') continue;
    const u = e.payload as LiveUtterance;
    const closing = ((u.endMs - PAD_MS + LIVE_MIN_SILENCE_MS) * LIVE_RATE) / 1000;
    const frame = frames.findIndex(
      (f, i) => (frames[i + 1]?.startSample ?? Infinity) > closing && f.startSample <= closing,
    );
    if (frame >= 0) delays.push(Math.max(0, performance.timeOrigin + e.at - sentAt[frame]!));
  }
  if (process.env.BENCH_DEBUG)
    console.log('\nutterance delays (ms, in order):', delays.map((d) => Math.round(d)).join(' '));
  return delays.sort((a, b) => a - b);
}

async function finishAndWait(run: Run): Promise<number> {
  const started = performance.now();
  const finished = await api(run.server, 'recording:finish', { recordingId: run.recordingId });
  if (!finished.ok) throw new Error(`finish failed: ${finished.error?.message}`);
  const done = await run.stream.until(
    (e) => e.channel === 'transcript:changed' && (e.payload as { status: string }).status === 'done',
  );
  return done.at - started;
}

async function realTimeRun(standIn: string | null, answer: LiveFixture, seconds: number) {
  const run = await begin(standIn);
  try {
    await startLive(run, true);
    const pid = liveWorkerPid(run.server);
    const cpuBefore = pid ? cpuMs(pid) : 0;
    const streamed = await stream(run, looped(answer, seconds), true);
    const cpu = pid ? cpuMs(pid) - cpuBefore : NaN;
    return {
      delays: utteranceDelays(run, streamed.frames, streamed.sentAt),
      appends: streamed.appends,
      cpuShare: (cpu / streamed.wallMs) * 100,
    };
  } finally {
    await end(run);
  }
}

/** A 5-minute round: frames as fast as the worker takes them (backlog under 1 s), chunks of its webm. */
async function fiveMinuteRound(answer: LiveFixture, live: boolean, webm: Buffer): Promise<number> {
  const run = await begin(null);
  try {
    await startLive(run, live);
    if (live) {
      for (const [seq, f] of framesOf(looped(answer, 300), 500).entries()) {
        const answered = await postFrames(run.server, { recordingId: run.recordingId, seq, ...f });
        if (!answered.ok) throw new Error(`frames refused: ${answered.error?.message}`);
        if ((answered.value as { backlogMs: number }).backlogMs > 1000) await new Promise((r) => setTimeout(r, 200));
      }
      // The last utterance is closed by the round's end (flush at finish), as in a real round.
    }
    const size = 512 * 1024;
    for (let seq = 0, at = 0; at < webm.length; seq++, at += size) {
      const response = await fetch(
        `${run.server.origin}/api/recording:chunk?recordingId=${run.recordingId}&seq=${seq}&peaks=AAAA`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-loop-coach-token': run.server.token },
          body: new Uint8Array(webm.subarray(at, at + size)),
        },
      );
      if (!((await response.json()) as { ok: boolean }).ok) throw new Error('chunk refused');
    }
    return await finishAndWait(run);
  } finally {
    await end(run);
  }
}

/**
 * The app in this process, as Electron's main process holds it: `recording:chunk` through
 * `dispatch()` every 5 ms (appendWhile, as during analysis) while 30 s of frames arrive at real time
 * through `dispatch()` too, or none (baseline).
 */
async function inProcessAppends(answer: LiveFixture, live: boolean): Promise<number[]> {
  const dataDir = makeDataDir('loop-coach-bench-live-');
  const app = await makeApp(dataDir, { 'bench.yaml': loop }, undefined, { liveRecognizer: answer.standIn });
  try {
    installFixtureModel(dataDir);
    await call(app, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'bench-listen' } });
    const { recording } = await call(app, 'round:begin', {
      sessionId: session.id,
      roundIndex: 0,
      mimeType: 'audio/webm',
    });
    if (live && !(await call(app, 'live:start', { recordingId: recording.id })).listening)
      throw new Error('live listening did not start');
    let running = true;
    const feeding = (async () => {
      const t0 = performance.now();
      for (const [seq, f] of framesOf(looped(answer, 30), FRAME_MS).entries()) {
        const wait = t0 + seq * FRAME_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (live) await call(app, 'live:frames', { recordingId: recording.id, seq, ...f });
      }
    })().finally(() => (running = false));
    const times = await appendWhile(app, recording.id, () => running);
    await feeding;
    return times;
  } finally {
    app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const liveListeningBench: Bench = {
  name: 'live listening (browser mode, both cores loaded)',
  figures: [
    'live_utterance_to_words_p95_ms',
    'live_utterance_to_words_fixture_model_p95_ms',
    'chunk_append_p99_during_live_transcription_ms',
    'chunk_append_http_p99_during_live_transcription_ms',
    'transcript_ready_after_round_end_ms',
    'live_worker_cpu_share_pct',
  ],
  async run(): Promise<Figure[]> {
    const answer = liveFixture('bench-live-answer', parts);
    // The 5-minute round's file: the answer looped, as MediaRecorder-like webm.
    const longWav = answer.wav.replace(/\.wav$/, '-5min.wav');
    const longWebm = longWav.replace(/\.wav$/, '.webm');
    if (!fs.existsSync(longWebm)) {
      const raw = longWav.replace(/\.wav$/, '.s16le');
      fs.writeFileSync(raw, looped(answer, 300));
      const { execFileSync } = await import('node:child_process');
      execFileSync('sox', ['-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '1', raw, longWav]);
      liveWebm(longWav, longWebm);
      fs.rmSync(raw);
    }
    const webm = fs.readFileSync(longWebm);
    const load = loadCpu();
    try {
      const standIn = await realTimeRun(answer.standIn, answer, 90);
      const model = await realTimeRun(null, answer, 60);
      const appendsLive = await inProcessAppends(answer, true);
      const appendsQuiet = await inProcessAppends(answer, false);
      const quiet = await (async () => {
        const run = await begin(answer.standIn);
        try {
          return (await stream(run, looped(answer, 30), false)).appends;
        } finally {
          await end(run);
        }
      })();
      const liveReady = await fiveMinuteRound(answer, true, webm);
      const postRound = await fiveMinuteRound(answer, false, webm);
      const p95 = percentile(standIn.delays, 95);
      const modelP95 = percentile(model.delays, 95);
      const inP99 = percentile(appendsLive, 99);
      const inQuietP99 = percentile(appendsQuiet, 99);
      const p99 = percentile(standIn.appends, 99);
      const quietP99 = percentile(quiet, 99);
      const load2 = 'two busy loops on both cores';
      return [
        {
          name: 'live_utterance_to_words_p95_ms',
          value: round(p95, 1),
          unit: 'ms',
          note: `stand-in recognizer, ${standIn.delays.length} utterances at real time, ${load2}`,
        },
        {
          name: 'live_utterance_to_words_fixture_model_p95_ms',
          value: round(modelP95, 1),
          unit: 'ms',
          note: `tiny fixture model in the native recognizer (${model.delays.length} utterances); its added time is this minus the stand-in's`,
        },
        {
          name: 'chunk_append_p99_during_live_transcription_ms',
          value: round(inP99, 2),
          unit: 'ms',
          baseline: round(inQuietP99, 2),
          ratio: round(inQuietP99 / inP99, 2),
          note: `${appendsLive.length} appends through dispatch() every 5 ms while 30 s of frames arrive at real time; baseline: no frames`,
        },
        {
          name: 'chunk_append_http_p99_during_live_transcription_ms',
          value: round(p99, 2),
          unit: 'ms',
          baseline: round(quietP99, 2),
          ratio: round(quietP99 / p99, 2),
          note: `${standIn.appends.length} HTTP appends of 16 kB every 50 ms while frames flow; baseline: no live listening`,
        },
        {
          name: 'transcript_ready_after_round_end_ms',
          value: round(liveReady, 0),
          unit: 'ms',
          baseline: round(postRound, 0),
          ratio: round(postRound / liveReady, 1),
          note: '5-minute round, fixture model: recording:finish → transcript done; baseline: post-round analysis + transcription',
        },
        {
          name: 'live_worker_cpu_share_pct',
          value: round(standIn.cpuShare, 1),
          unit: '% of a core',
          note: `stand-in run at real time (fixture model: ${round(model.cpuShare, 1)} %)`,
        },
      ];
    } finally {
      for (const p of load) p.kill('SIGKILL');
    }
  },
};
