/**
 * Speech to text end to end under plain Node: the real analysis worker, the real native
 * sherpa-onnx, the tiny TDT fixture model (tests/fixtures/asr, "loop coach" per stretch of speech)
 * and real recorded webm rounds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopCoach } from '../../../../../src/main/services/app';
import type { EventChannel } from '../../../../../src/shared/channels';
import { webmFixture } from '../../../../support/audio';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../../../../support/asr-model';
import { call, makeApp, recordRound } from '../../../../support/sessions';
import { tempDir } from '../../../../support/temp';

const loop = `kind: loop
id: asr-loop
title: Transcribed loop
category: Theory
rounds:
  - questionType: theory
    prompt: Explain a hash map.
    budgetSeconds: 60
    expectedPoints: [buckets]
`;

let answer = '';
let wav = '';
beforeAll(() => {
  // Two stretches of speech two seconds apart: two chunks, so two "loop coach" segments.
  ({ webm: answer, wav } = webmFixture('asr-two-parts', [
    0.5,
    'A hash map keeps buckets.',
    2,
    'Lookups are constant.',
    0.5,
  ]));
}, 60_000);

function recorder(app: LoopCoach) {
  const seen: { channel: EventChannel; payload: Record<string, unknown> }[] = [];
  app.events.subscribe((channel, payload) => seen.push({ channel, payload: payload as Record<string, unknown> }));
  return {
    of: (channel: EventChannel) => seen.filter((e) => e.channel === channel).map((e) => e.payload),
  };
}

async function settled(app: LoopCoach): Promise<void> {
  // Analysis then transcription; a transcription queued by the analysis's event starts meanwhile.
  for (let i = 0; i < 3; i++) {
    await app.analysis.idle();
    await app.transcription.idle();
  }
}

async function appWithModel(dataDir: string, now?: () => number): Promise<LoopCoach> {
  const app = await makeApp(dataDir, { 'asr.yaml': loop }, now);
  installFixtureModel(dataDir);
  await call(app, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
  return app;
}

describe('transcription in the analysis worker', () => {
  it('transcribes a new round after its analysis: words on the recording timeline, pending → running → done', async () => {
    const app = await appWithModel(path.join(tempDir('asr-'), 'data'));
    const events = recorder(app);
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'asr-loop' } });
    const round = await recordRound(app, session.id, 0, answer);
    await settled(app);

    const view = await call(app, 'transcript:get', { roundId: round.id });
    expect(view.error).toBeNull();
    expect(view.status).toBe('done');
    const transcript = view.transcript!;
    expect(transcript.modelId).toBe(FIXTURE_MODEL_ID);
    expect(transcript.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach']);
    const durationMs = (await call(app, 'analysis:get', { roundId: round.id })).metrics!.durationMs;
    const speech = (await call(app, 'analysis:get', { roundId: round.id })).segments;
    for (const [i, s] of transcript.segments.entries()) {
      expect(s.words.map((w) => w.text)).toEqual(['loop', 'coach']);
      const [first, second] = [s.words[0]!, s.words[1]!];
      expect(first.startMs).toBeGreaterThanOrEqual(s.startMs);
      expect(first.endMs).toBeLessThanOrEqual(second.startMs);
      expect(second.endMs).toBeLessThanOrEqual(s.endMs);
      expect(s.endMs).toBeLessThanOrEqual(durationMs);
      // The words sit on the speech the detector found, not at the start of the file.
      expect(first.startMs).toBeGreaterThanOrEqual(speech[0]!.startMs - 200);
      if (i === 1) expect(first.startMs).toBeGreaterThan(transcript.segments[0]!.endMs);
    }
    expect(events.of('transcript:changed').map((e) => e.status)).toEqual(['pending', 'running', 'done']);
    const hits = await call(app, 'transcript:search', { query: 'coach' });
    expect(hits.total).toBe(2);
    expect(fs.existsSync(wav)).toBe(true);
    app.close();
  }, 120_000);

  it('without a chosen, installed model nothing is transcribed and backfill says what to do', async () => {
    const dataDir = path.join(tempDir('asr-none-'), 'data');
    const app = await makeApp(dataDir, { 'asr.yaml': loop });
    installFixtureModel(dataDir); // installed but not chosen
    const session = await call(app, 'session:start', { source: { type: 'item', id: 'asr-loop' } });
    const round = await recordRound(app, session.id, 0, answer);
    await settled(app);
    expect((await call(app, 'analysis:get', { roundId: round.id })).status).toBe('done');
    expect((await call(app, 'transcript:get', { roundId: round.id })).status).toBe('none');
    await expect(call(app, 'transcription:backfill', {})).rejects.toThrow(/Settings → Transcription/);
    app.close();
  }, 120_000);

  it.each([
    [
      'corrupt',
      (file: string) => {
        const bytes = fs.readFileSync(file);
        bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
        fs.writeFileSync(file, bytes);
      },
      /encoder\.onnx is corrupt .*not loaded.*download it again/,
    ],
    [
      'truncated',
      (file: string) => fs.truncateSync(file, 100),
      /encoder\.onnx is truncated \(100 bytes, expected \d+\)/,
    ],
  ])(
    'a %s model file is never loaded: that transcript fails with a clear message, the app works on',
    async (_kind, damage, message) => {
      const dataDir = path.join(tempDir('asr-bad-'), 'data');
      const app = await appWithModel(dataDir);
      damage(path.join(dataDir, 'models', FIXTURE_MODEL_ID, 'encoder.onnx'));
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'asr-loop' } });
      const round = await recordRound(app, session.id, 0, answer);
      await settled(app);
      const view = await call(app, 'transcript:get', { roundId: round.id });
      expect(view.status).toBe('failed');
      expect(view.error).toMatch(message);
      expect((await call(app, 'analysis:get', { roundId: round.id })).status).toBe('done');
      // A repaired model transcribes the same round on request.
      installFixtureModel(dataDir);
      await call(app, 'transcription:run', { roundId: round.id });
      await settled(app);
      expect((await call(app, 'transcript:get', { roundId: round.id })).status).toBe('done');
      app.close();
    },
    120_000,
  );

  it('a model that passes the checks but crashes the worker fails only that transcript; Try again works in a fresh worker', async () => {
    const dataDir = path.join(tempDir('asr-crash-'), 'data');
    const app = await appWithModel(dataDir);
    // A garbage encoder whose hash is pinned as installed: only native code can find it bad.
    const dir = path.join(dataDir, 'models', FIXTURE_MODEL_ID);
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'installed.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'encoder.onnx'), 'not an onnx model');
    const { createHash } = await import('node:crypto');
    installed.sha256['encoder.onnx'] = createHash('sha256').update('not an onnx model').digest('hex');
    installed.bytes['encoder.onnx'] = 'not an onnx model'.length;
    fs.writeFileSync(path.join(dir, 'installed.json'), JSON.stringify(installed));

    const session = await call(app, 'session:start', { source: { type: 'item', id: 'asr-loop' } });
    const round = await recordRound(app, session.id, 0, answer);
    await settled(app);
    const failed = await call(app, 'transcript:get', { roundId: round.id });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^The transcription process .* while transcribing this recording.*press Try again/);
    expect((await call(app, 'analysis:get', { roundId: round.id })).status).toBe('done');

    installFixtureModel(dataDir);
    await call(app, 'transcription:run', { roundId: round.id });
    await settled(app);
    const done = await call(app, 'transcript:get', { roundId: round.id });
    expect(done.status).toBe('done');
    expect(done.transcript!.segments.length).toBeGreaterThan(0);
    app.close();
  }, 120_000);

  it('transcribes older rounds on request, newest first, with progress after each', async () => {
    const dataDir = path.join(tempDir('asr-backfill-'), 'data');
    let clock = 1_800_000_000_000;
    const app = await makeApp(dataDir, { 'asr.yaml': loop }, () => (clock += 1000));
    const rounds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const session = await call(app, 'session:start', { source: { type: 'item', id: 'asr-loop' } });
      rounds.push((await recordRound(app, session.id, 0, answer, 2)).id);
    }
    await settled(app);
    for (const id of rounds) expect((await call(app, 'transcript:get', { roundId: id })).status).toBe('none');

    installFixtureModel(dataDir);
    await call(app, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
    const events = recorder(app);
    const started = await call(app, 'transcription:backfill', { limit: 10 });
    expect(started.queued).toBe(3);
    await settled(app);
    const running = events
      .of('transcript:changed')
      .filter((e) => e.status === 'running')
      .map((e) => e.roundId);
    expect(running).toEqual([...rounds].reverse());
    expect(events.of('transcription:progress')).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    for (const id of rounds) expect((await call(app, 'transcript:get', { roundId: id })).status).toBe('done');
    // Nothing is left to do: a second request queues nothing.
    expect((await call(app, 'transcription:backfill', {})).queued).toBe(0);
    app.close();
  }, 180_000);
});
