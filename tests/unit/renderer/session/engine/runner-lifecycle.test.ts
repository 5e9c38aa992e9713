/** The round lifecycle: skip, next, end, resuming a recovered session, and a double mount. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  advance,
  advanceUntil,
  deniedMicrophone,
  makeRunner,
  makeSession,
  realTimers,
  useFakeClock,
  type Harness,
} from './runner-fakes';

beforeEach(useFakeClock);
afterEach(realTimers);

const phase = (h: Harness) => h.runner.getState().phase;
const twoRounds = () =>
  makeSession([
    {
      followUps: [
        { text: 'First follow-up?', atSeconds: 3 },
        { text: 'Late follow-up?', atSeconds: 20 },
      ],
    },
    { followUps: [{ text: 'Round two follow-up?', atSeconds: 3 }] },
  ]);

async function toAnswering(h: Harness): Promise<void> {
  void h.runner.beginSession();
  await advanceUntil(() => phase(h) === 'answering', 'the answer cue');
}

describe('round lifecycle', () => {
  it('skip: the round ends as skipped with its audio saved first, and its later follow-ups are never asked', async () => {
    const h = makeRunner(twoRounds());
    h.runner.attach();
    await toAnswering(h);
    await advanceUntil(() => h.synth.finished().includes('First follow-up?'), 'the first follow-up');
    await h.runner.finishRound('skipped');
    expect(phase(h)).toBe('reset');
    expect(h.runner.getState().roundIndex).toBe(1);
    const order = h.api.calls.map((c) => c.channel).filter((c) => c === 'recording:finish' || c === 'round:end');
    expect(order).toEqual(['recording:finish', 'round:end']);
    expect(h.api.of('round:end')).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
    await advance(60_000);
    expect(h.synth.started().map((e) => e.text)).not.toContain('Late follow-up?');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('next: round 2 runs with its own follow-ups in order, then finishing the last round completes the session', async () => {
    const h = makeRunner(twoRounds());
    h.runner.attach();
    await toAnswering(h);
    await h.runner.finishRound('done');
    void h.runner.startRound(1);
    await advanceUntil(() => phase(h) === 'answering', 'round 2 answer cue');
    await advanceUntil(() => h.synth.finished().includes('Round two follow-up?'), 'round 2 follow-up');
    await h.runner.finishRound('done');
    expect(phase(h)).toBe('complete');
    expect(h.api.of('round:end').map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(h.api.of('session:control').map((c) => c.action)).toEqual(['start', 'end']);
    // The round-2 follow-up was stored against round 2, after its answer cue.
    const stored = h.api.of('followup:record');
    const roundTwo = h.api.session.rounds[1]!.id;
    expect(stored.filter((f) => f.text === 'Round two follow-up?').every((f) => f.roundId === roundTwo)).toBe(true);
    expect(stored.some((f) => f.text === 'Late follow-up?')).toBe(false);
    expect(h.media.map((m) => m.open)).toEqual([false, false]);
  });

  it('end mid-round: the round is kept as done, later rounds are never begun, the session ends early', async () => {
    const h = makeRunner(twoRounds());
    h.runner.attach();
    await toAnswering(h);
    await h.runner.endSession();
    expect(h.runner.getState()).toMatchObject({ phase: 'complete', endedEarly: true });
    expect(h.api.of('round:begin').map((r) => r.roundIndex)).toEqual([0]);
    expect(h.api.of('round:end')).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(h.api.of('session:control').map((c) => c.action)).toEqual(['start', 'end']);
    await advance(60_000);
    expect(h.synth.started().map((e) => e.text)).toEqual(['Prompt number 1.']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failed finish shows an error with a retry, and the retry completes it', async () => {
    const h = makeRunner(makeSession([{}]));
    h.runner.attach();
    await toAnswering(h);
    h.api.failures.set('round:end', 'Loop Coach is not answering');
    await h.runner.finishRound('done');
    expect(h.runner.getState()).toMatchObject({ phase: 'finishing', error: 'Loop Coach is not answering' });
    h.runner.retry();
    await advanceUntil(() => phase(h) === 'complete', 'the retried finish');
    expect(h.api.of('round:end')).toHaveLength(2);
  });

  it('a denied microphone shows the start problem; continuing without recording runs the round', async () => {
    const h = makeRunner(makeSession([{ followUps: [{ text: 'Still asked?', atSeconds: 2 }] }]));
    h.runner.attach();
    h.micFails.next = deniedMicrophone();
    void h.runner.beginSession();
    await advanceUntil(() => phase(h) === 'start-problem', 'the start problem');
    expect(h.runner.getState().startProblem).toMatch(/denied/);
    h.runner.continueWithoutRecording();
    await advanceUntil(() => h.synth.finished().includes('Still asked?'), 'the follow-up without recording');
    expect(h.runner.getState().recording).toBe('off');
    expect(h.media).toHaveLength(0);
  });

  it('resuming a recovered session closes the recovered round (its audio kept) and offers the next one', async () => {
    const session = makeSession([{}, {}]);
    session.status = 'paused';
    const h = makeRunner(session);
    const recovered = h.api.session.rounds[0]!;
    recovered.status = 'running';
    recovered.recording = {
      id: '33333333-3333-4333-8333-000000000001',
      roundId: recovered.id,
      status: 'recording',
      mimeType: 'audio/webm',
      bytes: 1000,
      chunks: 1,
      durationMs: null,
      peaksPerSecond: 20,
      mediaUrl: '/m.webm',
      peaksUrl: '/m.peaks',
      startedAt: 0,
      finishedAt: null,
      error: null,
    };
    h.runner.attach();
    await h.runner.resume();
    expect(h.runner.getState()).toMatchObject({ phase: 'reset', roundIndex: 1, error: null });
    expect(h.api.of('recording:finish')).toEqual([{ recordingId: recovered.recording.id }]);
    expect(h.api.of('round:end')).toEqual([{ roundId: recovered.id, outcome: 'done' }]);
    expect(h.api.of('session:control').map((c) => c.action)).toEqual(['resume']);
    // No second recording is started for the recovered round.
    expect(h.api.of('round:begin')).toEqual([]);
  });

  it('resuming when the only round was recovered completes the session', async () => {
    const h = makeRunner(makeSession([{}]));
    const only = h.api.session.rounds[0]!;
    only.status = 'running';
    only.recording = null;
    h.api.session.rounds[0] = { ...only, status: 'done' };
    h.runner.attach();
    await h.runner.resume();
    expect(phase(h)).toBe('complete');
    expect(h.api.of('session:control').map((c) => c.action)).toEqual(['start', 'end']);
  });

  it('a double mount (StrictMode) with a double resume leaks no timer or listener', async () => {
    const session = makeSession([{}, { breakBefore: { seconds: 20, label: 'Reset' } }]);
    session.status = 'paused';
    const h = makeRunner(session);
    h.api.session.rounds[0]!.status = 'done';
    // React StrictMode: mount, unmount, mount, and the resume effect twice.
    h.runner.attach();
    const first = h.runner.resume();
    h.runner.detach();
    h.runner.attach();
    const second = h.runner.resume();
    await Promise.all([first, second]);
    expect(h.pageHideListeners.size).toBe(1);
    expect(h.api.of('session:control').map((c) => c.action)).toEqual(['resume']);
    expect(phase(h)).toBe('reset');
    // One countdown: once it is over nothing is left running.
    await advance(21_000);
    expect(h.runner.getState().breakState).toMatchObject({ over: true });
    expect(h.cues.filter((c) => c.kind === 'time')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    h.runner.detach();
    expect(h.pageHideListeners.size).toBe(0);
  });

  it('unmounting mid-round stops the recording, the speech and every timer', async () => {
    const h = makeRunner(twoRounds());
    h.runner.attach();
    await toAnswering(h);
    h.runner.detach();
    await advance(1000);
    expect(h.media[0]!.open).toBe(false);
    expect(h.pageHideListeners.size).toBe(0);
    await advance(60_000);
    expect(h.synth.started().map((e) => e.text)).toEqual(['Prompt number 1.']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
