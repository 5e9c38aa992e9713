/**
 * Speech analysis under Electron: `launchAnalysisUtility` forks the analysis worker as a utility
 * process (the stand-in runs a real Node child behind Electron's UtilityProcess API), and a recorded
 * round is analysed through it end to end, off the main process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { launchAnalysisUtility } from '../../../../src/main/electron/analysis-process';
import { createLoopCoach } from '../../../../src/main/services/app';
import { FIXTURE_MODEL_ID, installFixtureModel } from '../../../support/asr-model';
import { webmFixture } from '../../../support/audio';
import { electronMock, utilityProcess } from '../../../support/electron-mock';
import { call, recordRound } from '../../../support/sessions';
import { builtinContentDir, migrationsDir, tempDir, writeFiles } from '../../../support/temp';

vi.mock('electron', () => import('../../../support/electron-mock'));

const star = `kind: mock
id: star-utility
title: A STAR story
category: Behavioural
rounds:
  - questionType: behavioural
    prompt: Tell me about a time you disagreed with your manager.
    budgetSeconds: 60
    expectedPoints: [situation, action, result]
`;

let answer = '';
beforeAll(() => {
  answer = webmFixture('utility-answer', [
    1,
    'We disagreed about the launch date.',
    1.5,
    'We shipped on time.',
    1,
  ]).webm;
}, 60_000);

beforeEach(() => electronMock.reset());
afterEach(() => vi.unstubAllEnvs());

async function coachWithUtility(dataDir = tempDir()) {
  writeFiles(path.join(dataDir, 'content'), { 'star.yaml': star });
  return createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'electron',
    version: 'test',
    launchAnalysis: launchAnalysisUtility,
  });
}

describe('the stand-in’s utility process, as Electron’s', () => {
  it('talks only through process.parentPort: {data} events queued until listened to, postMessage back, no process.send', async () => {
    electronMock.ready();
    const script = path.join(tempDir(), 'echo.js');
    fs.writeFileSync(
      script,
      `setTimeout(() => process.parentPort.on('message', (e) => process.parentPort.postMessage({
         got: e.data, ports: e.ports, send: typeof process.send, bytes: new Float32Array([0.5]) })), 50);`,
    );
    const child = utilityProcess.fork(script);
    child.postMessage({ hello: 'world' });
    const reply = await new Promise((resolve) => child.once('message', resolve));
    expect(reply).toEqual({ got: { hello: 'world' }, ports: [], send: 'undefined', bytes: new Float32Array([0.5]) });
    const code = new Promise((resolve) => child.once('exit', resolve));
    expect(child.kill()).toBe(true);
    // A number even when a signal ended it (SIGTERM is 15), as Chromium reports the wait status.
    expect(await code).toBe(15);
    expect(child.pid).toBeUndefined();
  });

  it('refuses external buffers inside the child, as Electron’s memory cage does', async () => {
    electronMock.ready();
    const script = path.join(tempDir(), 'front.js');
    fs.writeFileSync(
      script,
      `const { CircularBuffer } = require(${JSON.stringify(require.resolve('sherpa-onnx-node'))});
       const b = new CircularBuffer(16); b.push(new Float32Array([1]));
       let error = null; try { b.get(0, 1); } catch (e) { error = e.message; }
       process.parentPort.postMessage({ error, copy: b.get(0, 1, false)[0] });`,
    );
    const child = utilityProcess.fork(script);
    expect(await new Promise((resolve) => child.once('message', resolve))).toEqual({
      error: 'External buffers are not allowed',
      copy: 1,
    });
    child.kill();
  });
});

describe('the analysis utility process', () => {
  it('is refused before the app is ready, as Electron refuses it', () => {
    expect(() => launchAnalysisUtility()).toThrow(/after the app is ready/);
    expect(electronMock.utilityForks()).toEqual([]);
  });

  it('forks the worker script as a named utility process with stderr piped and no Node flags of the parent', () => {
    electronMock.ready();
    const child = launchAnalysisUtility();
    child.kill();
    const [fork] = electronMock.utilityForks();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(path.basename(fork!.modulePath)).toMatch(/^(worker\.ts|analysis-worker\.js)$/);
    expect(fork!.options).toMatchObject({
      serviceName: 'Loop Coach speech analysis',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    expect(child.stderr).not.toBeNull();
  });

  it('analyses a recorded round in the utility process and stores its speech segments', async () => {
    electronMock.ready();
    const coach = await coachWithUtility();
    const session = await call(coach, 'session:start', { source: { type: 'item', id: 'star-utility' } });
    const round = await recordRound(coach, session.id, 0, answer);
    await coach.analysis.idle();
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(view.status).toBe('done');
    expect(view.segments).toHaveLength(2);
    expect(view.segments[0]!.startMs).toBeGreaterThan(500);
  });

  it('transcribes a recorded round in the same utility process, after its analysis', async () => {
    electronMock.ready();
    const dataDir = tempDir();
    installFixtureModel(dataDir);
    const coach = await coachWithUtility(dataDir);
    await call(coach, 'settings:update', { transcriptionModelId: FIXTURE_MODEL_ID });
    const session = await call(coach, 'session:start', { source: { type: 'item', id: 'star-utility' } });
    const round = await recordRound(coach, session.id, 0, answer);
    for (let i = 0; i < 3; i++) {
      await coach.analysis.idle();
      await coach.transcription.idle();
    }
    const view = await call(coach, 'transcript:get', { roundId: round.id });
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(1);
    expect(view.status).toBe('done');
    expect(view.transcript!.segments.map((s) => s.text)).toEqual(['loop coach', 'loop coach']);
  });

  it('reports a worker that crashes mid-analysis (a corrupt model aborts it) and recovers in a fresh one', async () => {
    electronMock.ready();
    const dataDir = tempDir();
    const corrupt = path.join(dataDir, 'corrupt.onnx');
    fs.writeFileSync(corrupt, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    vi.stubEnv('LOOP_COACH_VAD_MODEL', corrupt);
    const coach = await coachWithUtility(dataDir);
    const session = await call(coach, 'session:start', { source: { type: 'item', id: 'star-utility' } });
    const round = await recordRound(coach, session.id, 0, answer);
    await coach.analysis.idle();
    const failed = await call(coach, 'analysis:get', { roundId: round.id });
    expect(failed.status).toBe('failed');
    // Electron reports the abort as a code (SIGABRT's 6), and sherpa-onnx's last words name the cause.
    expect(failed.error).toMatch(/speech analysis process exited with code 6 while analysing this recording/);
    expect(failed.error).toMatch(/Protobuf parsing failed/);
    vi.unstubAllEnvs();
    expect((await call(coach, 'analysis:run', { roundId: round.id })).status).toBe('done');
    coach.close();
    expect(electronMock.utilityForks()).toHaveLength(2);
  });
});
