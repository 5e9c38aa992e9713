/**
 * Live listening through the contract, under plain Node: real SQLite in a temp folder, the real
 * live worker process, the real VAD over real espeak speech, and the recognizer's test stand-in (or
 * the tiny fixture model in the real native recognizer). Frames flow while recording:chunk appends a
 * real webm of the same answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import { dispatch } from '../../../../../src/main/services/infra/dispatch';
import { forkLiveWorker, type LiveLauncher } from '../../../../../src/main/services/live/process';
import type { EventChannel } from '../../../../../src/shared/channels';
import type { LiveStatus, LiveUtterance } from '../../../../../src/shared/contract';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../../../../support/asr-model';
import { chunksOf, liveWebm } from '../../../../support/audio';
import { framesOf, hashMapAnswer, liveFixture, type LiveFixture } from '../../../../support/live-audio';
import { call, makeApp } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: live-loop
title: Live loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain how a hash map works.
    budgetSeconds: 120
    expectedPoints:
      - text: Keys go into buckets chosen by their hash
        cues: ["bucket", "hash"]
      - text: Collisions share a bucket
        cues: ["collision|collide"]
      - text: The table doubles and rehashes when it fills up
        cues: ["double|grow|resize", "rehash"]
      - text: Deletion leaves tombstones
        cues: ["tombstone"]
`;

const parts = [0.8, ...hashMapAnswer];
let answer: LiveFixture;
let webm = '';
beforeAll(() => {
  answer = liveFixture('live-service-answer', parts);
  webm = answer.wav.replace(/\.wav$/, '.webm');
  if (!fs.existsSync(webm)) liveWebm(answer.wav, webm);
}, 60_000);

function recorder(app: LoopCoach) {
  const seen: { channel: EventChannel; payload: unknown }[] = [];
  app.events.subscribe((channel, payload) => seen.push({ channel, payload }));
  const of = <T>(channel: EventChannel) => seen.filter((e) => e.channel === channel).map((e) => e.payload as T);
  const until = async <T>(channel: EventChannel, test: (p: T) => boolean) => {
    for (;;) {
      const found = of<T>(channel).find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { of, until };
}

async function liveApp(options: { model?: boolean; standIn?: boolean; launchLive?: LiveLauncher } = {}) {
  const dataDir = path.join(tempDir('live-'), 'data');
  const app = await makeApp(dataDir, { 'live.yaml': loop }, undefined, {
    liveRecognizer: options.standIn === false ? null : answer.standIn,
    launchLive: options.launchLive,
  });
  if (options.model !== false) {
    installFixtureModel(dataDir);
    await call(app, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
  }
  const events = recorder(app);
  const session = await call(app, 'session:start', { source: { type: 'item', id: 'live-loop' } });
  const { round, recording } = await call(app, 'round:begin', {
    sessionId: session.id,
    roundIndex: 0,
    mimeType: 'audio/webm;codecs=opus',
  });
  return { app, dataDir, events, roundId: round.id, recordingId: recording.id };
}

/**
 * Sends the answer's frames with recording chunks between them, as a page does; waits (no timing
 * asserted) whenever the worker is more than a second behind, as a real-time microphone would.
 */
async function speak(app: LoopCoach, recordingId: string, frames = framesOf(answer.pcm, 100)) {
  const chunks = chunksOf(webm, 8);
  const every = Math.ceil(frames.length / chunks.length);
  let chunk = 0;
  for (const [seq, f] of frames.entries()) {
    const { backlogMs } = await call(app, 'live:frames', { recordingId, seq, ...f });
    if (backlogMs > 1000) await new Promise((r) => setTimeout(r, 100));
    if (seq % every === 0 && chunk < chunks.length)
      await call(app, 'recording:chunk', {
        recordingId,
        seq: chunk,
        data: chunks[chunk++] as Uint8Array<ArrayBuffer>,
        peaks: new Uint8Array(10).fill(chunk),
      });
  }
  while (chunk < chunks.length)
    await call(app, 'recording:chunk', {
      recordingId,
      seq: chunk,
      data: chunks[chunk++] as Uint8Array<ArrayBuffer>,
      peaks: new Uint8Array(10).fill(chunk),
    });
}

async function settled(app: LoopCoach) {
  for (let i = 0; i < 3; i++) {
    await app.analysis.idle();
    await app.transcription.idle();
  }
}

describe('live listening', () => {
  it('does not listen without a model: the round records and ends as before', async () => {
    const { app, events, roundId, recordingId } = await liveApp({ model: false });
    expect(await call(app, 'live:start', { recordingId })).toEqual({
      listening: false,
      reason: 'no-model',
      message: expect.stringMatching(/Settings → Transcription/),
    });
    expect(
      await dispatch(app.handlers, 'live:frames', { recordingId, seq: 0, startSample: 0, data: new Uint8Array(4) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/not running for this recording/) },
    });
    await speak(app, recordingId, []);
    const finished = await call(app, 'recording:finish', { recordingId });
    expect(finished.status).toBe('finalized');
    await settled(app);
    expect((await call(app, 'transcript:get', { roundId })).status).toBe('none');
    expect(events.of('live:status')).toEqual([]);
    expect(app.live.workerPid()).toBeNull();
    app.close();
  }, 60_000);

  it('names each utterance as it ends with the review’s coverage, and stores the live transcript at finish', async () => {
    const { app, events, roundId, recordingId } = await liveApp();
    expect(await call(app, 'live:start', { recordingId })).toEqual({ listening: true, modelId: FIXTURE_MODEL_ID });
    await speak(app, recordingId);
    // All three sentences are heard before the recording finishes: each once its silence has passed.
    const heard = await events.until<LiveUtterance>('live:utterance', (u) => u.n === 2);
    const utterances = events.of<LiveUtterance>('live:utterance');
    expect(utterances.map((u) => [u.n, u.text])).toEqual(answer.spoken.map((s, i) => [i, s.text]));
    expect(utterances.every((u) => u.roundId === roundId && u.recordingId === recordingId)).toBe(true);
    // Coverage grows utterance by utterance: the collision point is not heard before it is said.
    expect(utterances[0]!.coverage[1]!.confidence).toBe('not-heard');
    expect(heard.coverage.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(heard.coverage[3]).toEqual({
      index: 3,
      confidence: 'not-heard',
      evidenceStartMs: null,
      evidenceEndMs: null,
    });
    expect(heard.coverage[1]!.confidence).not.toBe('not-heard');
    expect(heard.coverage[1]!.evidenceStartMs).toBeGreaterThanOrEqual(utterances[1]!.startMs);

    await call(app, 'recording:finish', { recordingId });
    await events.until<{ roundId: string; status: string }>('transcript:changed', (t) => t.status === 'done');
    await settled(app);
    const view = await call(app, 'transcript:get', { roundId });
    expect(view.status).toBe('done');
    expect(view.transcript!.modelId).toBe(FIXTURE_MODEL_ID);
    // The live utterances are the transcript: no second pass replaced them with the model's "loop coach".
    expect(view.transcript!.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual(
      utterances.map((u) => [u.startMs, u.endMs, u.text]),
    );
    expect(events.of<{ status: string }>('transcript:changed').map((t) => t.status)).toEqual(['running', 'done']);
    // The same matcher as the review: after the reveal, the review's coverage is the live one.
    await call(app, 'review:reveal', { roundId });
    const words = await call(app, 'words:round', { roundId });
    expect(words.coverage!.map((c) => [c.index, c.confidence, c.evidenceStartMs, c.evidenceEndMs])).toEqual(
      heard.coverage.map((c) => [c.index, c.confidence, c.evidenceStartMs, c.evidenceEndMs]),
    );
    expect(events.of<LiveStatus>('live:status').map((s) => s.state)).toEqual(['listening', 'stopped']);
    app.close();
  }, 90_000);

  it('with the tiny fixture model in the real recognizer, a round completes and its live transcript is stored', async () => {
    const { app, events, roundId, recordingId } = await liveApp({ standIn: false });
    expect(await call(app, 'live:start', { recordingId })).toMatchObject({ listening: true });
    await speak(app, recordingId);
    await call(app, 'recording:finish', { recordingId });
    await call(app, 'round:end', { roundId, outcome: 'done' });
    await events.until<{ status: string }>('transcript:changed', (t) => t.status === 'done');
    await settled(app);
    const utterances = events.of<LiveUtterance>('live:utterance');
    expect(utterances.map((u) => u.text)).toEqual(['loop coach', 'loop coach', 'loop coach']);
    const view = await call(app, 'transcript:get', { roundId });
    expect(view.transcript!.segments.map((s) => [s.startMs, s.endMs, s.words.map((w) => w.text)])).toEqual(
      utterances.map((u) => [u.startMs, u.endMs, ['loop', 'coach']]),
    );
    expect((await call(app, 'analysis:get', { roundId })).status).toBe('done');
    app.close();
  }, 90_000);

  it('falls behind once when the backlog passes 3 s, stops listening, and the round is transcribed after it', async () => {
    const { app, events, roundId, recordingId } = await liveApp();
    await call(app, 'live:start', { recordingId });
    // Frames in one burst: the worker's answers cannot arrive between awaits that never leave the microtask queue.
    const frames = framesOf(answer.pcm, 100);
    const answers: { ok: boolean; value?: unknown; error?: { code: string; message: string } }[] = [];
    for (const [seq, f] of frames.slice(0, 50).entries())
      answers.push(await dispatch(app.handlers, 'live:frames', { recordingId, seq, ...f }));
    const behindAt = answers.findIndex((a) => a.ok && (a.value as { backlogMs: number }).backlogMs > 3000);
    expect(behindAt).toBeGreaterThan(25);
    expect(answers.slice(behindAt + 1).every((a) => !a.ok && /fell behind/.test(a.error!.message))).toBe(true);
    const statuses = events.of<LiveStatus>('live:status');
    expect(statuses.map((s) => s.state)).toEqual(['listening', 'behind']);
    expect(statuses[1]!.message).toMatch(/timed by the clock/);
    expect(await call(app, 'live:start', { recordingId })).toMatchObject({ listening: false, reason: 'worker-failed' });
    await speak(app, recordingId, []);
    await call(app, 'recording:finish', { recordingId });
    await settled(app);
    // The post-round path ran as before: the fixture model's own transcript of the whole file.
    const view = await call(app, 'transcript:get', { roundId });
    expect(view.status).toBe('done');
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach', 'loop coach']);
    expect(events.of<LiveStatus>('live:status').filter((s) => s.state === 'behind')).toHaveLength(1);
    app.close();
  }, 90_000);

  it('a live worker killed mid-round leaves the recording intact, says "stopped", and the transcript is made after the round', async () => {
    const { app, events, roundId, recordingId } = await liveApp();
    await call(app, 'live:start', { recordingId });
    const frames = framesOf(answer.pcm, 100);
    await speak(app, recordingId, frames.slice(0, 30));
    process.kill(app.live.workerPid()!, 'SIGKILL');
    const stopped = await events.until<LiveStatus>('live:status', (s) => s.state === 'stopped');
    expect(stopped.message).toMatch(/live transcription process was ended by SIGKILL.*recording is safe/);
    const later = await dispatch(app.handlers, 'live:frames', { recordingId, seq: 30, ...frames[30]! });
    expect(later).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/stopped/) } });
    await speak(app, recordingId, []);
    const finished = await call(app, 'recording:finish', { recordingId });
    expect(finished.status).toBe('finalized');
    // Every chunk is in the file: its length is the whole answer's.
    expect(Math.abs(finished.durationMs! - answer.pcm.length / 32)).toBeLessThan(100);
    await settled(app);
    const view = await call(app, 'transcript:get', { roundId });
    expect(view.status).toBe('done');
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach', 'loop coach']);
    app.close();
  }, 90_000);

  it('answers hostile frames with clear errors and loses nothing already heard', async () => {
    const { app, events, roundId, recordingId } = await liveApp();
    const frames = framesOf(answer.pcm, 100);
    const send = (input: Record<string, unknown>) => dispatch(app.handlers, 'live:frames', input);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await send({ recordingId: unknown, seq: 0, startSample: 0, data: new Uint8Array(2) })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/No recording has the id "0{8}-/) },
    });
    expect(await dispatch(app.handlers, 'live:start', { recordingId: unknown })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await call(app, 'live:start', { recordingId });
    expect(await send({ recordingId, seq: 0, startSample: 0, data: new Uint8Array(3) })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/even number of bytes/) },
    });
    expect(await send({ recordingId, seq: 0, startSample: 0, data: new Uint8Array(64002) })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/at most 32000 samples/) },
    });
    await speak(app, recordingId, frames.slice(0, 20));
    // A retried frame is acknowledged, not heard twice; another frame under an old number is refused.
    expect(await send({ recordingId, seq: 19, ...frames[19]! })).toMatchObject({ ok: true });
    expect(await send({ recordingId, seq: 5, ...frames[25]! })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/sequence number already received/) },
    });
    expect(await send({ recordingId, seq: 20, ...frames[10]! })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/inside audio already received/) },
    });
    expect(await send({ recordingId, seq: 20, startSample: 1e12, data: frames[20]!.data })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/frames must follow the recording/) },
    });
    const rest = frames.slice(20);
    for (const [i, f] of rest.entries()) {
      const { backlogMs } = await call(app, 'live:frames', { recordingId, seq: 20 + i, ...f });
      if (backlogMs > 1000) await new Promise((r) => setTimeout(r, 100));
    }
    await speak(app, recordingId, []);
    await call(app, 'recording:finish', { recordingId });
    expect(
      await send({ recordingId, seq: 999, startSample: answer.pcm.length / 2, data: new Uint8Array(2) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/finished; frames sent after it finished/) },
    });
    expect(await dispatch(app.handlers, 'live:start', { recordingId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/has finished/) },
    });
    await events.until<{ status: string }>('transcript:changed', (t) => t.status === 'done');
    const view = await call(app, 'transcript:get', { roundId });
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(answer.spoken.map((s) => s.text));
    app.close();
  }, 90_000);

  it('a worker that dies while it flushes the round’s end: "stopped", and the transcript is made after the round', async () => {
    // The real worker, killed the moment it is told the recording finished.
    const launchLive: LiveLauncher = () => {
      const child = forkLiveWorker();
      return {
        ...child,
        on: child.on.bind(child) as typeof child.on,
        kill: () => child.kill(),
        stderr: child.stderr,
        send: (message) => (message.type === 'finish' ? process.kill(child.pid!, 'SIGKILL') : child.send(message)),
      };
    };
    const { app, events, roundId, recordingId } = await liveApp({ launchLive });
    await call(app, 'live:start', { recordingId });
    await speak(app, recordingId);
    await call(app, 'recording:finish', { recordingId });
    const stopped = await events.until<LiveStatus>('live:status', (s) => s.state === 'stopped');
    expect(stopped.message).toMatch(/was ended by SIGKILL.*made after the round instead/);
    await events.until<{ status: string }>('transcript:changed', (t) => t.status === 'done');
    await settled(app);
    const view = await call(app, 'transcript:get', { roundId });
    // The post-round path: the fixture model's own words, not the stand-in's.
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach', 'loop coach']);
    app.close();
  }, 90_000);
});
