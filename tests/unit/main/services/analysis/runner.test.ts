/**
 * The runner's side of the worker protocol, against a stand-in process (an EventEmitter the test
 * drives), and the worker's side against the real built worker.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisWorkerScript, forkAnalysisWorker } from '../../../../../src/main/services/analysis/fork';
import {
  AnalysisRunner,
  AnalysisStopped,
  type AnalysisProcess,
} from '../../../../../src/main/services/analysis/runner';
import type { WorkerRequest } from '../../../../../src/main/services/analysis/worker-messages';
import { repoRoot } from '../../../../support/temp';

class StandInProcess extends EventEmitter {
  readonly sent: WorkerRequest[] = [];
  killed = false;
  send(message: WorkerRequest) {
    this.sent.push(message);
    return true;
  }
  kill() {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', null, 'SIGTERM'));
    return true;
  }
}

function standIns() {
  const made: StandInProcess[] = [];
  const launch = () => {
    const p = new StandInProcess();
    made.push(p);
    return p as unknown as AnalysisProcess;
  };
  return { made, launch };
}

describe('analysis runner', () => {
  it('sends one request at a time and answers each from its own reply', async () => {
    const { made, launch } = standIns();
    const runner = new AnalysisRunner(launch);
    const progress: number[] = [];
    const first = runner.analyze('/a.webm', (f) => progress.push(f));
    const second = runner.analyze('/b.webm');
    expect(made[0]!.sent).toEqual([{ type: 'analyze', jobId: 1, file: '/a.webm' }]);
    made[0]!.emit('message', { type: 'ready' });
    made[0]!.emit('message', { type: 'progress', jobId: 1, fraction: 0.5 });
    made[0]!.emit('message', { type: 'done', jobId: 2, durationMs: 1, segments: [] }); // not its job: ignored
    made[0]!.emit('message', { type: 'done', jobId: 1, durationMs: 1000, segments: [{ startMs: 100, endMs: 900 }] });
    await expect(first).resolves.toEqual({ durationMs: 1000, segments: [{ startMs: 100, endMs: 900 }] });
    expect(progress).toEqual([0.5]);
    expect(made[0]!.sent.at(-1)).toEqual({ type: 'analyze', jobId: 2, file: '/b.webm' });
    made[0]!.emit('message', { type: 'failed', jobId: 2, message: 'ffmpeg could not decode /b.webm' });
    await expect(second).rejects.toThrow('ffmpeg could not decode /b.webm');
    expect(made).toHaveLength(1);
    runner.stop();
  });

  it('ends a worker that breaks the protocol and fails its analysis; the next one gets a fresh worker', async () => {
    const { made, launch } = standIns();
    const runner = new AnalysisRunner(launch);
    const first = runner.analyze('/a.webm');
    made[0]!.emit('message', { type: 'done', jobId: 1, durationMs: -5, segments: 'all of them' });
    await expect(first).rejects.toThrow('The speech analysis process sent a message Loop Coach does not understand.');
    expect(made[0]!.killed).toBe(true);
    const second = runner.analyze('/b.webm');
    expect(made).toHaveLength(2);
    made[1]!.emit('message', { type: 'done', jobId: 2, durationMs: 10, segments: [] });
    await expect(second).resolves.toEqual({ durationMs: 10, segments: [] });
    runner.stop();
  });

  it('a worker that cannot start fails the analysis with the reason', async () => {
    const { made, launch } = standIns();
    const runner = new AnalysisRunner(launch);
    const first = runner.analyze('/a.webm');
    made[0]!.emit('error', new Error('spawn ENOENT'));
    await expect(first).rejects.toThrow(
      /^The speech analysis process failed while analysing this recording \(spawn ENOENT\)/,
    );
    runner.stop();
  });

  it('stop() rejects what is running and waiting as stopped, and ends the worker', async () => {
    const { made, launch } = standIns();
    const runner = new AnalysisRunner(launch);
    const running = runner.analyze('/a.webm');
    const waiting = runner.analyze('/b.webm');
    runner.stop();
    await expect(running).rejects.toBeInstanceOf(AnalysisStopped);
    await expect(waiting).rejects.toBeInstanceOf(AnalysisStopped);
    expect(made[0]!.killed).toBe(true);
    await expect(runner.analyze('/c.webm')).rejects.toBeInstanceOf(AnalysisStopped);
    expect(made).toHaveLength(1);
  });
});

describe('analysis worker', () => {
  it('answers a malformed request with a failure naming it, and keeps serving', async () => {
    const script = analysisWorkerScript(path.join(repoRoot, 'out', 'main'));
    const child = forkAnalysisWorker({ script }) as ChildProcess;
    const replies: { type: string; jobId?: number; message?: string }[] = [];
    const replied = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => replies.length >= n && resolve();
        child.on('message', (m: (typeof replies)[number]) => {
          replies.push(m);
          check();
        });
        check();
      });
    child.send({ type: 'analyze', jobId: 3 });
    await replied(2);
    child.send({ type: 'analyze', jobId: 4, file: path.join(repoRoot, 'no-such-file.webm') });
    await new Promise<void>((resolve) => child.on('message', () => replies.length >= 3 && resolve()));
    child.kill();
    expect(replies[0]).toEqual({ type: 'ready' });
    expect(replies[1]).toMatchObject({ type: 'failed', jobId: 3 });
    expect(replies[1]!.message).toMatch(/^The analysis worker got a malformed request: .*file/s);
    expect(replies[2]).toMatchObject({ type: 'failed', jobId: 4 });
    expect(replies[2]!.message).toMatch(/^ffmpeg could not decode .*no-such-file\.webm/);
  });
});
