/**
 * The built live worker (out/main/live-worker.js, its own electron-vite entry) and live listening in
 * browser mode from outside: the built server, frames over HTTP with the PCM as the body and the
 * other fields in the query string, and the utterances on the server-sent event stream.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forkLiveWorker, liveWorkerScript } from '../../../../../src/main/services/live/process';
import type { LiveUtterance } from '../../../../../src/shared/contract';
import { FIXTURE_MODEL_ID, fixtureModelDir, installFixtureModel } from '../../../../support/asr-model';
import { framesOf, liveFixture, type LiveFixture } from '../../../../support/live-audio';
import { eventStream, postFrames } from '../../../../support/live-http';
import { api } from '../../../../support/recording-client';
import { repoRoot } from '../../../../support/temp';
import { makeDataDir, startServer } from '../../../../support/web-server';

let answer: LiveFixture;
beforeAll(() => {
  answer = liveFixture('live-built-answer', [0.6, 'A hash map keeps buckets.', 1.5, 'Lookups are constant.', 1]);
}, 60_000);

const loop = `kind: loop\nid: live-web\ntitle: Live web\ncategory: Theory\nrounds:\n  - questionType: theory\n    prompt: Explain a hash map.\n    budgetSeconds: 60\n    expectedPoints: [buckets, constant lookups]\n`;

describe('the built live worker', () => {
  it('is emitted by electron-vite beside the main bundle and hears an answer on its own', async () => {
    const outMain = path.join(repoRoot, 'out', 'main');
    const script = liveWorkerScript(outMain);
    expect(script).toEqual({ file: path.join(outMain, 'live-worker.js'), execArgv: [] });
    const child = forkLiveWorker({ script }) as unknown as ChildProcess;
    const messages: { type: string; text?: string }[] = [];
    const finished = new Promise<void>((resolve) =>
      child.on('message', (m: { type: string }) => {
        messages.push(m);
        if (m.type === 'finished' || m.type === 'failed') resolve();
      }),
    );
    const files = { encoder: 'encoder.onnx', decoder: 'decoder.onnx', joiner: 'joiner.onnx', tokens: 'tokens.txt' };
    child.send({
      type: 'open',
      recordingId: 'r',
      family: 'nemo-transducer',
      files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(fixtureModelDir, f)])),
      standIn: answer.standIn,
      coverage: { points: [{ text: 'buckets' }], prompt: 'Explain a hash map.' },
    });
    for (const f of framesOf(answer.pcm, 500))
      child.send({ type: 'frames', recordingId: 'r', startSample: f.startSample, pcm: f.data });
    child.send({ type: 'finish', recordingId: 'r' });
    await finished;
    child.kill();
    expect(messages.filter((m) => m.type === 'utterance').map((m) => m.text)).toEqual(answer.spoken.map((s) => s.text));
  });

  it('in browser mode: frames over HTTP (bytes as the body, fields in the query) and utterances on the event stream', async () => {
    const dataDir = makeDataDir();
    fs.mkdirSync(path.join(dataDir, 'content'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'content', 'live.yaml'), loop);
    installFixtureModel(dataDir);
    const server = await startServer(dataDir, [], { env: { LOOP_COACH_LIVE_RECOGNIZER: answer.standIn } });
    const stream = await eventStream(server);
    try {
      await api(server, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
      const session = (await api(server, 'session:start', { source: { type: 'item', id: 'live-web' } })).value as {
        id: string;
      };
      const begun = (await api(server, 'round:begin', { sessionId: session.id, roundIndex: 0, mimeType: 'audio/webm' }))
        .value as { recording: { id: string } };
      const recordingId = begun.recording.id;
      expect(await api(server, 'live:start', { recordingId })).toEqual({
        ok: true,
        value: { listening: true, modelId: FIXTURE_MODEL_ID },
      });
      const frames = framesOf(answer.pcm, 100);
      const one = { recordingId, seq: 0, ...frames[0]! };
      // The query's fields are parsed by the contract like any other input.
      expect(await postFrames(server, { ...one, data: new Uint8Array(3) })).toMatchObject({
        ok: false,
        error: { code: 'bad-input', message: expect.stringMatching(/data: PCM frames are 16-bit samples/) },
      });
      expect(await postFrames(server, one, `recordingId=${recordingId}&seq=0`)).toMatchObject({
        ok: false,
        error: { code: 'bad-input', message: expect.stringMatching(/startSample/) },
      });
      expect(await postFrames(server, one, `recordingId=${recordingId}&seq=zero&startSample=0`)).toMatchObject({
        ok: false,
        error: { code: 'bad-input', message: expect.stringMatching(/seq/) },
      });
      for (const [seq, f] of frames.entries()) {
        const answered = await postFrames(server, { recordingId, seq, ...f });
        expect(answered).toMatchObject({ ok: true, value: { backlogMs: expect.any(Number) } });
        if ((answered.value as { backlogMs: number }).backlogMs > 1000) await new Promise((r) => setTimeout(r, 100));
      }
      await stream.until((e) => e.channel === 'live:utterance' && (e.payload as LiveUtterance).n === 1);
      const heard = stream.events.filter((e) => e.channel === 'live:utterance').map((e) => e.payload as LiveUtterance);
      expect(heard.map((u) => u.text)).toEqual(answer.spoken.map((s) => s.text));
      expect(heard[1]!.coverage.map((c) => c.index)).toEqual([0, 1]);
      // Point texts stay on the main side.
      expect(JSON.stringify(heard)).not.toContain('constant lookups');
    } finally {
      stream.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
