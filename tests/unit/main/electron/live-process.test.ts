/**
 * Live listening under Electron: `launchLiveUtility` forks the live worker as a utility process (the
 * stand-in runs a real Node child behind Electron's UtilityProcess API, under the V8 memory cage that
 * refuses external buffers), and a round is heard through it: the streaming VAD's front(false), the
 * tiny fixture model in the real native recognizer, structured-clone PCM through parentPort.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { launchLiveUtility } from '../../../../src/main/electron/live-process';
import { createLoopCoach, type LoopCoach } from '../../../../src/main/services/app';
import type { LiveStatus, LiveUtterance } from '../../../../src/shared/contract';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../../../support/asr-model';
import { liveWebm } from '../../../support/audio';
import { electronMock } from '../../../support/electron-mock';
import { framesOf, liveFixture, type LiveFixture } from '../../../support/live-audio';
import { call } from '../../../support/sessions';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';

vi.mock('electron', () => import('../../../support/electron-mock'));

const loop = `kind: loop
id: live-utility
title: Heard live
category: Theory
rounds:
  - questionType: theory
    prompt: Explain a hash map.
    budgetSeconds: 60
    expectedPoints: [buckets, collisions]
`;

let answer: LiveFixture;
let webm = '';
beforeAll(() => {
  answer = liveFixture('live-utility-answer', [0.5, 'A hash map keeps buckets.', 1.5, 'Collisions share one.', 1]);
  webm = answer.wav.replace(/\.wav$/, '.webm');
  if (!fs.existsSync(webm)) liveWebm(answer.wav, webm);
}, 60_000);

beforeEach(() => electronMock.reset());
afterEach(() => vi.unstubAllEnvs());

async function liveRound(): Promise<{ coach: LoopCoach; recordingId: string; roundId: string; seen: unknown[][] }> {
  const dataDir = tempDir();
  writeFiles(path.join(dataDir, 'content'), { 'live.yaml': loop });
  installFixtureModel(dataDir);
  const coach = await createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'electron',
    version: 'test',
    launchLive: launchLiveUtility,
  });
  const seen: unknown[][] = [];
  coach.events.subscribe((channel, payload) => seen.push([channel, payload]));
  await call(coach, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
  const session = await call(coach, 'session:start', { source: { type: 'item', id: 'live-utility' } });
  const { round, recording } = await call(coach, 'round:begin', {
    sessionId: session.id,
    roundIndex: 0,
    mimeType: 'audio/webm',
  });
  return { coach, recordingId: recording.id, roundId: round.id, seen };
}

const until = async (seen: unknown[][], test: (e: unknown[]) => boolean) => {
  while (!seen.some(test)) await new Promise((r) => setTimeout(r, 20));
};

describe('the live utility process', () => {
  it('is refused before the app is ready, as Electron refuses it', () => {
    expect(() => launchLiveUtility()).toThrow(/after the app is ready/);
    expect(electronMock.utilityForks()).toEqual([]);
  });

  it('forks the live worker script as a named utility process with stderr piped', () => {
    electronMock.ready();
    const child = launchLiveUtility();
    child.kill();
    const [fork] = electronMock.utilityForks();
    expect(path.basename(fork!.modulePath)).toMatch(/^(worker\.ts|live-worker\.js)$/);
    expect(path.dirname(fork!.modulePath)).toMatch(/live$|out\/main$/);
    expect(fork!.options).toMatchObject({
      serviceName: 'Loop Coach live transcription',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
  });

  it('hears a round in the caged utility process and stores its live transcript at finish', async () => {
    electronMock.ready();
    const { coach, recordingId, roundId, seen } = await liveRound();
    expect(await call(coach, 'live:start', { recordingId })).toEqual({ listening: true, modelId: FIXTURE_MODEL_ID });
    for (const [seq, f] of framesOf(answer.pcm, 200).entries()) {
      const { backlogMs } = await call(coach, 'live:frames', { recordingId, seq, ...f });
      if (backlogMs > 1000) await new Promise((r) => setTimeout(r, 100));
    }
    await call(coach, 'recording:chunk', {
      recordingId,
      seq: 0,
      data: new Uint8Array(fs.readFileSync(webm)),
      peaks: new Uint8Array(4),
    });
    expect((await call(coach, 'recording:finish', { recordingId })).status).toBe('finalized');
    await until(seen, ([c, p]) => c === 'transcript:changed' && (p as { status: string }).status === 'done');
    const heard = seen.filter(([c]) => c === 'live:utterance').map(([, p]) => p as LiveUtterance);
    expect(heard.map((u) => u.text)).toEqual(['loop coach', 'loop coach']);
    const view = await call(coach, 'transcript:get', { roundId });
    expect(view.transcript!.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual(
      heard.map((u) => [u.startMs, u.endMs, u.text]),
    );
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(1);
  }, 60_000);

  it('a utility process that aborts (a corrupt speech model) is named, and the round is not listened to', async () => {
    electronMock.ready();
    const { coach, recordingId } = await liveRound();
    const corrupt = path.join(tempDir(), 'corrupt.onnx');
    fs.writeFileSync(corrupt, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    vi.stubEnv('LOOP_COACH_VAD_MODEL', corrupt);
    const started = await call(coach, 'live:start', { recordingId });
    expect(started).toMatchObject({ listening: false, reason: 'worker-failed' });
    // Electron reports the abort as a code (SIGABRT's 6), and sherpa-onnx's last words name the cause.
    expect((started as { message: string }).message).toMatch(
      /live transcription process exited with code 6 \(.*Protobuf parsing failed/,
    );
    coach.close();
  });

  it('a utility process killed mid-round says "stopped" with its exit code; the recording goes on', async () => {
    electronMock.ready();
    const { coach, recordingId, seen } = await liveRound();
    await call(coach, 'live:start', { recordingId });
    await call(coach, 'live:frames', { recordingId, seq: 0, ...framesOf(answer.pcm, 200)[0]! });
    process.kill(coach.live.workerPid()!, 'SIGKILL');
    await until(seen, ([c, p]) => c === 'live:status' && (p as LiveStatus).state === 'stopped');
    const stopped = seen.find(
      ([c, p]) => c === 'live:status' && (p as LiveStatus).state === 'stopped',
    )![1] as LiveStatus;
    expect(stopped.message).toMatch(/exited with code 9.*The recording is safe/);
    expect(
      await call(coach, 'recording:chunk', { recordingId, seq: 0, data: new Uint8Array(8), peaks: new Uint8Array(1) }),
    ).toEqual({
      bytes: 8,
      chunks: 1,
    });
    coach.close();
  });
});
