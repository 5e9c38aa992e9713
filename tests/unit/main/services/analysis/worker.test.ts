/**
 * Speech analysis runs in a worker process: real child processes, real audio, a real corrupt model.
 * The worker is started through the same injected launcher the app uses, wrapped to see each child.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLoopCoach, type LoopCoach } from '../../../../../src/main/services/app';
import { analysisWorkerScript, forkAnalysisWorker } from '../../../../../src/main/services/analysis/fork';
import type { EventPayload } from '../../../../../src/shared/contract';
import type { EventChannel } from '../../../../../src/shared/channels';
import { webmFixture } from '../../../../support/audio';
import { api } from '../../../../support/recording-client';
import { makeDataDir, startServer } from '../../../../support/web-server';
import { call, recordRound } from '../../../../support/sessions';
import { builtinContentDir, migrationsDir, repoRoot, tempDir, writeFiles } from '../../../../support/temp';

const star = `kind: mock
id: star-test
title: A STAR story
category: Behavioural
rounds:
  - questionType: behavioural
    prompt: Tell me about a time you disagreed with your manager.
    budgetSeconds: 60
    expectedPoints: [situation, action, result]
`;

let short = '';
let long = '';
beforeAll(() => {
  short = webmFixture('worker-short', [1, 'We disagreed about the launch date.', 1]).webm;
  // Three minutes, so the speech detector is still reading when the test acts on its first progress.
  long = webmFixture('worker-long', [1, 'We disagreed about the launch date.', 180, 'We shipped.', 1]).webm;
}, 60_000);

/** A launcher that forks the real worker and keeps each child, with an env the test can change. */
function watchedLauncher() {
  const children: ChildProcess[] = [];
  const state = { env: { ...process.env } as NodeJS.ProcessEnv, children };
  const launch = () => {
    const child = forkAnalysisWorker({ env: state.env }) as ChildProcess;
    children.push(child);
    return child;
  };
  return { state, launch };
}

async function app(dataDir: string, launch: () => ChildProcess): Promise<LoopCoach> {
  writeFiles(path.join(dataDir, 'content'), { 'star.yaml': star });
  return createLoopCoach({
    dataDir,
    builtinContentDir,
    migrationsDir,
    transport: 'web',
    version: 'test',
    launchAnalysis: launch,
  });
}

/** Every event of `channel` in order, until `stop` is called. */
function record<E extends EventChannel>(loopCoach: LoopCoach, channel: E) {
  const seen: EventPayload<E>[] = [];
  const stop = loopCoach.events.subscribe((c, payload) => {
    if (c === channel) seen.push(payload as EventPayload<E>);
  });
  return { seen, stop };
}

function nextEvent<E extends EventChannel>(loopCoach: LoopCoach, channel: E, match: (p: EventPayload<E>) => boolean) {
  return new Promise<EventPayload<E>>((resolve) => {
    const stop = loopCoach.events.subscribe((c, payload) => {
      if (c === channel && match(payload as EventPayload<E>)) {
        stop();
        resolve(payload as EventPayload<E>);
      }
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function startStar(loopCoach: LoopCoach) {
  return call(loopCoach, 'session:start', { source: { type: 'item', id: 'star-test' } });
}

describe('speech analysis in a worker process', () => {
  it('decodes and detects speech in a child process, reporting progress before the result', async () => {
    const { state, launch } = watchedLauncher();
    const coach = await app(tempDir(), launch);
    const order: string[] = [];
    const stop = coach.events.subscribe((channel, payload) => {
      if (channel === 'analysis:progress') order.push(`progress ${(payload as { fraction: number }).fraction > 0}`);
      if (channel === 'analysis:changed') order.push((payload as { status: string }).status);
    });
    const round = await recordRound(coach, (await startStar(coach)).id, 0, long);
    await coach.analysis.idle();
    stop();
    expect(state.children).toHaveLength(1);
    expect(state.children[0]!.pid).not.toBe(process.pid);
    expect(order[0]).toBe('pending');
    expect(order.at(-1)).toBe('done');
    expect(order.slice(1, -1).length).toBeGreaterThanOrEqual(5);
    expect(new Set(order.slice(1, -1))).toEqual(new Set(['progress true']));
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    expect(view.status).toBe('done');
    expect(view.segments.length).toBeGreaterThanOrEqual(2);
    coach.close();
    await exited(state.children[0]!);
  });

  it('runs one analysis at a time, in order, in one worker', async () => {
    const { state, launch } = watchedLauncher();
    const coach = await app(tempDir(), launch);
    const changes = record(coach, 'analysis:changed');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await recordRound(coach, (await startStar(coach)).id, 0, short)).id);
    await coach.analysis.idle();
    changes.stop();
    expect(changes.seen.filter((c) => c.status === 'done').map((c) => c.roundId)).toEqual(ids);
    expect(state.children).toHaveLength(1);
    coach.close();
  });

  it('fails the analysis whose worker is killed, keeps the app running, and retries in a fresh worker', async () => {
    const { state, launch } = watchedLauncher();
    const coach = await app(tempDir(), launch);
    const firstProgress = nextEvent(coach, 'analysis:progress', () => true);
    const failed = nextEvent(coach, 'analysis:changed', (p) => p.status === 'failed');
    const round = await recordRound(coach, (await startStar(coach)).id, 0, long);
    await firstProgress;
    state.children[0]!.kill('SIGKILL');
    expect((await failed).roundId).toBe(round.id);
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/speech analysis process was ended by SIGKILL/);
    expect(view.error).toMatch(/press Try again/);
    // The app still answers, and Try again (analysis:run) starts a second worker.
    expect((await call(coach, 'session:list', {})).entries.length).toBe(1);
    const retried = await call(coach, 'analysis:run', { roundId: round.id });
    expect(retried.status).toBe('done');
    expect(state.children).toHaveLength(2);
    coach.close();
  });

  it('survives a corrupt speech model that aborts the worker, and recovers with a good one', async () => {
    const dataDir = tempDir();
    const corrupt = path.join(dataDir, 'corrupt.onnx');
    fs.writeFileSync(corrupt, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    const { state, launch } = watchedLauncher();
    state.env = { ...process.env, LOOP_COACH_VAD_MODEL: corrupt };
    const coach = await app(dataDir, launch);
    const round = await recordRound(coach, (await startStar(coach)).id, 0, short);
    await coach.analysis.idle();
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    expect(view.status).toBe('failed');
    expect(state.children[0]!.signalCode).toBe('SIGABRT');
    expect(view.error).toMatch(/ended by SIGABRT/);
    // sherpa-onnx's own last words name the cause.
    expect(view.error).toMatch(/Protobuf parsing failed/);
    state.env = { ...process.env };
    expect((await call(coach, 'analysis:run', { roundId: round.id })).status).toBe('done');
    expect(state.children).toHaveLength(2);
    coach.close();
  });

  it('a missing model file fails with a message naming it, without a crash', async () => {
    const { state, launch } = watchedLauncher();
    const missing = path.join(tempDir(), 'no-such-model.onnx');
    state.env = { ...process.env, LOOP_COACH_VAD_MODEL: missing };
    const coach = await app(tempDir(), launch);
    const round = await recordRound(coach, (await startStar(coach)).id, 0, short);
    await coach.analysis.idle();
    const view = await call(coach, 'analysis:get', { roundId: round.id });
    expect(view.status).toBe('failed');
    expect(view.error).toBe(`The speech model file is missing (${missing}).`);
    expect(state.children[0]!.exitCode).toBeNull(); // still running, ready for the next analysis
    coach.close();
  });

  it('a shutdown mid-analysis ends the worker, and the next start analyses the round again', async () => {
    const dataDir = tempDir();
    const first = watchedLauncher();
    let coach = await app(dataDir, first.launch);
    const progress = nextEvent(coach, 'analysis:progress', () => true);
    const round = await recordRound(coach, (await startStar(coach)).id, 0, long);
    await progress;
    coach.close();
    await exited(first.state.children[0]!);
    expect(first.state.children[0]!.signalCode).toBe('SIGTERM');
    const second = watchedLauncher();
    coach = await app(dataDir, second.launch);
    await coach.analysis.idle();
    expect((await call(coach, 'analysis:get', { roundId: round.id })).status).toBe('done');
    expect(second.state.children).toHaveLength(1);
    coach.close();
  });
});

describe('the built analysis worker', () => {
  it('is emitted by electron-vite beside the main bundle and analyses a recording on its own', async () => {
    const outMain = path.join(repoRoot, 'out', 'main');
    const script = analysisWorkerScript(outMain);
    expect(script).toEqual({ file: path.join(outMain, 'analysis-worker.js'), execArgv: [] });
    const child = forkAnalysisWorker({ script }) as ChildProcess;
    const messages: unknown[] = [];
    const done = new Promise<void>((resolve) =>
      child.on('message', (m: { type?: string }) => {
        messages.push(m);
        if (m.type === 'done' || m.type === 'failed') resolve();
      }),
    );
    child.send({ type: 'analyze', jobId: 7, file: short });
    await done;
    child.kill();
    expect(messages[0]).toEqual({ type: 'ready' });
    expect(messages.at(-1)).toMatchObject({ type: 'done', jobId: 7, durationMs: expect.any(Number) });
  });

  it('runs in browser mode, found by the built server from its shared chunks', async () => {
    const dataDir = makeDataDir();
    // A round recorded by a app whose worker never answers: its analysis is still pending at close.
    const silent = { send: () => true, on: () => silent, kill: () => true };
    const coach = await app(dataDir, () => silent as unknown as ChildProcess);
    const round = await recordRound(coach, (await startStar(coach)).id, 0, short);
    coach.close();
    const server = await startServer(dataDir);
    try {
      const result = await api(server, 'analysis:run', { roundId: round.id });
      expect(result).toMatchObject({ ok: true, value: { status: 'done', error: null } });
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
