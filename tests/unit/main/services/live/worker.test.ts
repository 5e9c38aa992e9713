/**
 * The live worker as a real child process: real espeak speech fed as 16 kHz PCM frames, the real
 * streaming Silero VAD, and either the recognizer's test stand-in or the tiny fixture model in the
 * real native sherpa-onnx recognizer.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forkLiveWorker, type LiveProcess } from '../../../../../src/main/services/live/process';
import {
  liveWorkerResponse,
  type LiveWorkerRequest,
  type LiveWorkerResponse,
} from '../../../../../src/main/services/live/worker-messages';
import { fixtureModelDir } from '../../../../support/asr-model';
import { framesOf, liveFixture, type LiveFixture } from '../../../../support/live-audio';

const parts = [
  0.8,
  'A hash map stores each key in a bucket chosen by its hash.',
  2,
  'Collisions share a bucket.',
  2.5,
  'When the table fills up, it doubles and rehashes every key.',
  1.5,
];
let answer: LiveFixture;
beforeAll(() => {
  answer = liveFixture('live-worker-answer', parts);
}, 60_000);

let worker: LiveProcess | null = null;
afterEach(() => {
  worker?.kill();
  worker = null;
});

function start() {
  worker = forkLiveWorker();
  const seen: LiveWorkerResponse[] = [];
  const waiters: { test: (m: LiveWorkerResponse) => boolean; resolve: (m: LiveWorkerResponse) => void }[] = [];
  worker.on('message', (raw) => {
    const message = liveWorkerResponse.parse(raw);
    seen.push(message);
    for (const w of [...waiters])
      if (w.test(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
  });
  const until = (type: LiveWorkerResponse['type']) =>
    new Promise<LiveWorkerResponse>((resolve) => {
      const found = seen.find((m) => m.type === type);
      if (found) return resolve(found);
      waiters.push({ test: (m) => m.type === type, resolve });
    });
  const send = (m: LiveWorkerRequest) => worker!.send(m);
  return { seen, until, send };
}

// The review's matcher runs in the worker: one point said in the answer, one never.
const coverage = {
  points: [
    { text: 'Collisions share a bucket', cues: ['collision|collide'] },
    { text: 'Deletion leaves tombstones', cues: ['tombstone'] },
  ],
  prompt: 'Explain a hash map.',
};

const fixtureFiles = {
  encoder: path.join(fixtureModelDir, 'encoder.onnx'),
  decoder: path.join(fixtureModelDir, 'decoder.onnx'),
  joiner: path.join(fixtureModelDir, 'joiner.onnx'),
  tokens: path.join(fixtureModelDir, 'tokens.txt'),
};

describe('the live worker', () => {
  it('finds the utterances of real speech as it arrives and names them, in order, on the recording timeline', async () => {
    const w = start();
    w.send({
      type: 'open',
      recordingId: 'r1',
      family: 'nemo-transducer',
      files: fixtureFiles,
      standIn: answer.standIn,
      coverage,
    });
    await w.until('opened');
    // Live frames begin 3 s into the recording (the page started listening late).
    const offset = 3 * 16000;
    for (const f of framesOf(answer.pcm, 100, offset))
      w.send({ type: 'frames', recordingId: 'r1', startSample: f.startSample, pcm: f.data });
    w.send({ type: 'finish', recordingId: 'r1' });
    await w.until('finished');
    const heard = w.seen.filter((m) => m.type === 'utterance');
    expect(heard.map((u) => u.text)).toEqual(answer.spoken.map((s) => s.text));
    expect(heard.map((u) => u.coverage.map((c) => c.confidence))).toEqual([
      ['not-heard', 'not-heard'],
      ['mentioned', 'not-heard'],
      ['mentioned', 'not-heard'],
    ]);
    // Each utterance covers its sentence's span, shifted by where the frames sit on the recording.
    for (const [i, u] of heard.entries()) {
      const span = answer.spoken[i]!;
      expect(u.startMs).toBeLessThanOrEqual(3000 + span.startMs + 300);
      expect(u.endMs).toBeGreaterThanOrEqual(3000 + span.endMs - 500);
      expect(u.startMs).toBeGreaterThanOrEqual(3000 + span.startMs - 400);
    }
    // Utterances arrive before the recording ends: each one once its trailing silence has passed.
    const order = w.seen.map((m) => m.type);
    expect(order.indexOf('utterance')).toBeLessThan(order.lastIndexOf('processed'));
    const finished = w.seen.find((m) => m.type === 'finished')!;
    expect(finished).toEqual({ type: 'finished', recordingId: 'r1', sample: offset + answer.pcm.length / 2 });
  }, 60_000);

  it('transcribes each utterance with the tiny fixture model through the real native recognizer', async () => {
    const w = start();
    w.send({
      type: 'open',
      recordingId: 'r2',
      family: 'nemo-transducer',
      files: fixtureFiles,
      standIn: null,
      coverage,
    });
    await w.until('opened');
    for (const f of framesOf(answer.pcm, 250))
      w.send({ type: 'frames', recordingId: 'r2', startSample: f.startSample, pcm: f.data });
    w.send({ type: 'finish', recordingId: 'r2' });
    await w.until('finished');
    const heard = w.seen.filter((m) => m.type === 'utterance');
    expect(heard).toHaveLength(3);
    for (const u of heard) {
      expect(u.text).toBe('loop coach');
      expect(u.words.map((x) => x.text)).toEqual(['loop', 'coach']);
      for (const word of u.words) {
        expect(word.startMs).toBeGreaterThanOrEqual(u.startMs);
        expect(word.endMs).toBeLessThanOrEqual(u.endMs);
      }
    }
  }, 60_000);

  it('fills a lost frame with silence, and a model that fails to load fails only its round', async () => {
    const w = start();
    w.send({
      type: 'open',
      recordingId: 'bad',
      family: 'nemo-transducer',
      files: { ...fixtureFiles, encoder: '/nope.onnx' },
      standIn: null,
      coverage,
    });
    const failed = await w.until('failed');
    expect(failed).toMatchObject({ recordingId: 'bad' });
    w.send({
      type: 'open',
      recordingId: 'r3',
      family: 'nemo-transducer',
      files: fixtureFiles,
      standIn: answer.standIn,
      coverage,
    });
    await w.until('opened');
    const frames = framesOf(answer.pcm, 100);
    for (const [i, f] of frames.entries())
      if (i !== 5) w.send({ type: 'frames', recordingId: 'r3', startSample: f.startSample, pcm: f.data });
    w.send({ type: 'finish', recordingId: 'r3' });
    const finished = await w.until('finished');
    expect(finished).toMatchObject({ sample: answer.pcm.length / 2 });
    expect(w.seen.filter((m) => m.type === 'utterance').map((u) => u.text)).toEqual(answer.spoken.map((s) => s.text));
  }, 60_000);
});
